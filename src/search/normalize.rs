//! Search keys: the form in which a query and a stored text are compared. Only keys are
//! normalised; a stored name stays exactly as entered (PITFALLS.md, Names).

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfkc_quick};

/// The search key of a text: NFKC, katakana (full or half width) to hiragana, lower
/// case, variant kanji folded to their common form, and every run of white space
/// (ASCII, U+3000, tabs) turned into one ASCII space, none at either end.
///
/// `ﾀｶﾊｼ`, `タカハシ` and `たかはし` share a key, as do `髙橋` and `高橋`.
pub fn key(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    key_into(text, &mut out);
    out
}

/// [`key`], appended to `out`, which must be empty or end in a complete key: building
/// an index keys 300,000 fields and need not allocate for each.
pub(super) fn key_into(text: &str, out: &mut String) {
    let base = out.len();
    if text.is_ascii() {
        // Staff numbers and romaji: only case and spaces to fold.
        for word in text.split(char::is_whitespace).filter(|w| !w.is_empty()) {
            if out.len() > base {
                out.push(' ');
            }
            out.extend(word.chars().map(|c| c.to_ascii_lowercase()));
        }
        return;
    }
    let mut space = false;
    // White space becomes one kind before normalising: every run of it collapses
    // anyway, and U+3000, which separates nearly every stored name and reading, would
    // otherwise fail the quick check below and send every name down the slow path.
    let chars = || {
        text.chars()
            .map(|c| if c.is_whitespace() { ' ' } else { c })
    };
    // Nearly every name, reading and romaji is made of characters NFKC never changes;
    // checking for those is far cheaper than even the standard quick check.
    if chars().all(stable) || is_nfkc_quick(chars()) == IsNormalized::Yes {
        chars().for_each(|c| push_folded(out, base, &mut space, c));
    } else {
        chars()
            .nfkc()
            .for_each(|c| push_folded(out, base, &mut space, c));
    }
}

/// Characters that NFKC leaves alone in any sequence made only of such characters:
/// printable ASCII, hiragana and full-width katakana without the combining voicing
/// marks, and the unified ideographs.
fn stable(c: char) -> bool {
    matches!(c, ' '..='~' | 'ぁ'..='ゖ' | 'ァ'..='ヺ' | '・' | 'ー' | '々' | '\u{4E00}'..='\u{9FFF}')
}

/// The words of a query: split on any white space, the full-width space included,
/// each word a [`key`], empty words dropped.
pub fn words(query: &str) -> Vec<String> {
    // Splitting after normalising catches spaces that NFKC itself produces.
    key(query)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(str::to_string)
        .collect()
}

fn push_folded(out: &mut String, base: usize, space: &mut bool, c: char) {
    if c.is_whitespace() {
        *space = out.len() > base;
        return;
    }
    if *space {
        out.push(' ');
        *space = false;
    }
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    // Kana and the variant kanji lie on either side of U+4E00.
    let c = if c < '\u{4E00}' {
        hiragana(c)
    } else {
        itaiji(c)
    };
    if ('\u{3000}'..='\u{9FFF}').contains(&c) || !c.is_uppercase() {
        // Kana and kanji have no case: skip the case table for them.
        out.push(c);
    } else {
        out.extend(c.to_lowercase());
    }
}

/// Katakana to hiragana. Half-width katakana has already become full width under NFKC.
fn hiragana(c: char) -> char {
    match c {
        'ァ'..='ヶ' | 'ヽ' | 'ヾ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
        _ => c,
    }
}

/// Variant kanji (異体字) that registers and older systems use in names, folded to the
/// form people type. NFKC leaves these alone: most are separate unified ideographs,
/// and 﨑 is one of the few compatibility ideographs without a decomposition. The list
/// is deliberately limited to well-known name variants, so unrelated characters never
/// meet.
fn itaiji(c: char) -> char {
    match c {
        '髙' => '高',
        '﨑' | '嵜' => '崎',
        // 斉 joins too: 齊 is its traditional form, and 斉藤 must find 齊藤.
        '齋' | '齊' | '斉' => '斎',
        '邊' | '邉' => '辺',
        '濵' | '濱' => '浜',
        '德' => '徳',
        '惠' => '恵',
        '澤' => '沢',
        '櫻' => '桜',
        '國' => '国',
        '廣' => '広',
        '嶋' | '嶌' => '島',
        '冨' => '富',
        '眞' => '真',
        '實' => '実',
        '籠' => '篭',
        '瀨' => '瀬',
        '澁' => '渋',
        '條' => '条',
        '藏' => '蔵',
        '槇' => '槙',
        '栁' => '柳',
        '舘' => '館',
        '峯' => '峰',
        '龍' => '竜',
        '榮' => '栄',
        '壽' => '寿',
        '曾' => '曽',
        '淸' => '清',
        '靜' => '静',
        '與' => '与',
        _ => c,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kana_of_every_width_meet() {
        for text in ["たかはし", "タカハシ", "ﾀｶﾊｼ"] {
            assert_eq!(key(text), "たかはし", "{text}");
        }
        assert_eq!(key("ﾀﾞｲｷ"), "だいき", "half-width voiced marks join");
        assert_eq!(key("ヴ"), "ゔ");
    }

    #[test]
    fn width_and_case_fold() {
        assert_eq!(key("ＴＡＫＡＨＡＳＨＩ"), "takahashi");
        assert_eq!(key("Takahashi"), "takahashi");
        assert_eq!(key("０１２３"), "0123");
    }

    #[test]
    fn variant_kanji_fold() {
        assert_eq!(key("髙橋"), key("高橋"));
        assert_eq!(key("山﨑"), "山崎");
        assert_eq!(key("齋藤"), "斎藤");
        assert_eq!(key("齊藤"), "斎藤");
        assert_eq!(key("斉藤"), "斎藤");
        assert_eq!(key("渡邊"), "渡辺");
        assert_eq!(key("渡邉"), "渡辺");
        assert_eq!(key("濵田"), "浜田");
        assert_eq!(key("德永"), "徳永");
        assert_eq!(key("惠子"), "恵子");
        assert_eq!(key("澤田"), "沢田");
        assert_eq!(key("櫻井"), "桜井");
        assert_eq!(key("國分"), "国分");
        assert_eq!(key("廣瀬"), "広瀬");
        assert_eq!(key("中嶋"), "中島");
        assert_eq!(key("大嶌"), "大島");
        assert_eq!(key("冨田"), "富田");
        assert_eq!(key("眞子"), "真子");
        assert_eq!(key("實"), "実");
    }

    #[test]
    fn unrelated_kanji_stay() {
        for text in ["高", "崎", "辺", "部", "総務", "田中", "佐藤"] {
            assert_eq!(key(text), text);
        }
    }

    #[test]
    fn compatibility_ideographs_take_their_unified_form() {
        // U+FA10 塚 decomposes under NFKC; the key may change, the stored name never does.
        assert_eq!(key("\u{FA10}本"), "塚本");
    }

    #[test]
    fn spaces_collapse() {
        assert_eq!(key("  髙橋\u{3000}\u{3000}誠\t "), "高橋 誠");
        assert_eq!(key("総務部 職員課\t人事係"), "総務部 職員課 人事係");
        assert_eq!(key(""), "");
        assert_eq!(key(" \u{3000}\t"), "");
    }

    #[test]
    fn query_words_split_on_every_space() {
        assert_eq!(words("髙橋\u{3000}ﾏｺﾄ"), vec!["高橋", "まこと"]);
        assert_eq!(words(" yamada\ttaro  "), vec!["yamada", "taro"]);
        assert!(words("\u{3000} ").is_empty());
    }
}
