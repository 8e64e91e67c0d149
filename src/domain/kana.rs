//! Readings (フリガナ): normalising kana and deriving romaji. Names themselves are never
//! normalised; only readings and search keys are.

use unicode_normalization::UnicodeNormalization;

/// Katakana (full or half width) to hiragana, after NFKC; other characters unchanged.
/// `ﾀｶﾊｼ` and `タカハシ` both become `たかはし`.
pub fn to_hiragana(text: &str) -> String {
    // Stored readings are already hiragana: skip normalisation for them.
    if text
        .chars()
        .all(|c| matches!(c, 'ぁ'..='ゖ' | 'ー' | ' ' | '\u{3000}'))
    {
        return text.to_string();
    }
    text.nfkc()
        .map(|c| match c {
            'ァ'..='ヶ' | 'ヽ' | 'ヾ' => char::from_u32(c as u32 - 0x60).unwrap_or(c),
            _ => c,
        })
        .collect()
}

/// Whether a reading holds only kana, the prolonged sound mark and spaces.
pub fn is_reading(text: &str) -> bool {
    !text.trim().is_empty()
        && to_hiragana(text).chars().all(|c| {
            matches!(
                c,
                'ぁ'..='ゖ' | 'ー' | 'ゝ' | 'ゞ' | ' ' | '\u{3000}' | '・'
            )
        })
}

fn syllable(c: char) -> Option<&'static str> {
    static BY_CODE: std::sync::OnceLock<Vec<Option<&'static str>>> = std::sync::OnceLock::new();
    let table = BY_CODE.get_or_init(|| {
        let mut v = vec![None; 0x60];
        for (k, r) in SYLLABLES {
            v[*k as usize - 0x3040] = Some(*r);
        }
        v
    });
    let i = (c as usize).checked_sub(0x3040)?;
    table.get(i).copied().flatten()
}

/// Hepburn for each hiragana.
const SYLLABLES: &[(char, &str)] = &[
    ('あ', "a"),
    ('い', "i"),
    ('う', "u"),
    ('え', "e"),
    ('お', "o"),
    ('か', "ka"),
    ('き', "ki"),
    ('く', "ku"),
    ('け', "ke"),
    ('こ', "ko"),
    ('さ', "sa"),
    ('し', "shi"),
    ('す', "su"),
    ('せ', "se"),
    ('そ', "so"),
    ('た', "ta"),
    ('ち', "chi"),
    ('つ', "tsu"),
    ('て', "te"),
    ('と', "to"),
    ('な', "na"),
    ('に', "ni"),
    ('ぬ', "nu"),
    ('ね', "ne"),
    ('の', "no"),
    ('は', "ha"),
    ('ひ', "hi"),
    ('ふ', "fu"),
    ('へ', "he"),
    ('ほ', "ho"),
    ('ま', "ma"),
    ('み', "mi"),
    ('む', "mu"),
    ('め', "me"),
    ('も', "mo"),
    ('や', "ya"),
    ('ゆ', "yu"),
    ('よ', "yo"),
    ('ら', "ra"),
    ('り', "ri"),
    ('る', "ru"),
    ('れ', "re"),
    ('ろ', "ro"),
    ('わ', "wa"),
    ('ゎ', "wa"),
    ('ゐ', "i"),
    ('ゑ', "e"),
    ('を', "o"),
    ('ん', "n"),
    ('が', "ga"),
    ('ぎ', "gi"),
    ('ぐ', "gu"),
    ('げ', "ge"),
    ('ご', "go"),
    ('ざ', "za"),
    ('じ', "ji"),
    ('ず', "zu"),
    ('ぜ', "ze"),
    ('ぞ', "zo"),
    ('だ', "da"),
    ('ぢ', "ji"),
    ('づ', "zu"),
    ('で', "de"),
    ('ど', "do"),
    ('ば', "ba"),
    ('び', "bi"),
    ('ぶ', "bu"),
    ('べ', "be"),
    ('ぼ', "bo"),
    ('ぱ', "pa"),
    ('ぴ', "pi"),
    ('ぷ', "pu"),
    ('ぺ', "pe"),
    ('ぽ', "po"),
    ('ぁ', "a"),
    ('ぃ', "i"),
    ('ぅ', "u"),
    ('ぇ', "e"),
    ('ぉ', "o"),
    ('ゔ', "vu"),
];

/// Joins a syllable with a following small kana: ゃゅょ (きゃ → kya, しゃ → sha,
/// ちゃ → cha) or a small vowel as loanword readings use it (ティ → ti, ファ → fa,
/// シェ → she, ウィ → wi).
fn digraph(base: &str, small: char) -> Option<String> {
    let (vowel, yoon) = match small {
        'ゃ' => ("a", true),
        'ゅ' => ("u", true),
        'ょ' => ("o", true),
        'ぁ' => ("a", false),
        'ぃ' => ("i", false),
        'ぅ' => ("u", false),
        'ぇ' => ("e", false),
        'ぉ' => ("o", false),
        _ => return None,
    };
    if yoon {
        let stem = base.strip_suffix('i')?;
        return Some(match stem {
            "sh" | "ch" | "j" => format!("{stem}{vowel}"),
            _ => format!("{stem}y{vowel}"),
        });
    }
    match base {
        "u" => Some(format!("w{vowel}")),
        "n" => None,
        _ => {
            let stem = base.strip_suffix(['a', 'i', 'u', 'e', 'o'])?;
            (!stem.is_empty()).then(|| format!("{stem}{vowel}"))
        }
    }
}

/// The kana an iteration mark repeats: ゝ the previous kana, ゞ its voiced form.
fn iterated(mark: char, previous: char) -> char {
    let voiced = char::from_u32(previous as u32 + 1).filter(|v| {
        mark == 'ゞ' && matches!(previous, 'か'..='と' | 'は'..='ほ') && syllable(*v).is_some()
    });
    voiced.unwrap_or(previous)
}

/// Hepburn romaji of a reading, lower case, long vowels as written (`さいとう` → `saitou`,
/// `しょうた` → `shouta`), words kept apart by single spaces.
pub fn romaji(reading: &str) -> String {
    let mut kana: Vec<char> = to_hiragana(reading).chars().collect();
    for i in 1..kana.len() {
        if matches!(kana[i], 'ゝ' | 'ゞ') {
            kana[i] = iterated(kana[i], kana[i - 1]);
        }
    }
    let mut out = String::new();
    let mut double_next = false;
    let mut i = 0;
    while i < kana.len() {
        let c = kana[i];
        let mut piece = match c {
            ' ' | '\u{3000}' | '・' => {
                if !out.ends_with(' ') && !out.is_empty() {
                    out.push(' ');
                }
                i += 1;
                continue;
            }
            'っ' => {
                double_next = true;
                i += 1;
                continue;
            }
            'ー' => {
                if let Some(v) = out.chars().last().filter(|v| "aiueo".contains(*v)) {
                    out.push(v);
                }
                i += 1;
                continue;
            }
            _ => match syllable(c) {
                Some(s) => s.to_string(),
                None => c.to_string(),
            },
        };
        if let Some(&next) = kana.get(i + 1)
            && let Some(joined) = digraph(&piece, next)
        {
            piece = joined;
            i += 1;
        }
        if double_next {
            if piece.starts_with("ch") {
                out.push('t');
            } else if let Some(first) = piece.chars().next().filter(|f| !"aiueon".contains(*f)) {
                out.push(first);
            }
            double_next = false;
        }
        out.push_str(&piece);
        i += 1;
    }
    out.trim().to_string()
}

/// Romaji as passports and name badges write it, long vowels dropped (`saitou` →
/// `saito`, `yuuko` → `yuko`, `oono` → `ono`): what people type when they search.
pub fn plain_romaji(romaji: &str) -> String {
    let mut out = String::with_capacity(romaji.len());
    let mut prev = None;
    for c in romaji.chars() {
        let long = matches!(
            (prev, c),
            (Some('o'), 'u') | (Some('o'), 'o') | (Some('u'), 'u')
        );
        if !long {
            out.push(c);
        }
        // A dropped vowel does not lengthen the next one (`ouu` is not folded twice).
        prev = if long { None } else { Some(c) };
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_katakana_and_half_width() {
        assert_eq!(to_hiragana("タカハシ"), "たかはし");
        assert_eq!(to_hiragana("ﾀｶﾊｼ"), "たかはし");
        assert_eq!(to_hiragana("ﾀﾞｲｷ"), "だいき");
        assert_eq!(to_hiragana("ヴ"), "ゔ");
    }

    #[test]
    fn recognises_readings() {
        assert!(is_reading("たかはし　まこと"));
        assert!(is_reading("ﾀｶﾊｼ ﾏｺﾄ"));
        assert!(!is_reading("高橋"));
        assert!(!is_reading(""));
    }

    #[test]
    fn plain_romaji_drops_long_vowels() {
        assert_eq!(plain_romaji("saitou shouta"), "saito shota");
        assert_eq!(plain_romaji("yuuko"), "yuko");
        assert_eq!(plain_romaji("oono"), "ono");
        assert_eq!(plain_romaji("takahashi"), "takahashi");
    }

    #[test]
    fn derives_hepburn() {
        assert_eq!(romaji("たかはし まこと"), "takahashi makoto");
        assert_eq!(romaji("サイトウ　ショウタ"), "saitou shouta");
        assert_eq!(romaji("いっしき"), "isshiki");
        assert_eq!(romaji("はっとり"), "hattori");
        assert_eq!(romaji("きっちょう"), "kitchou");
        assert_eq!(romaji("じゅんいち"), "junichi");
        assert_eq!(romaji("ちゃこ"), "chako");
        assert_eq!(romaji("りょう"), "ryou");
        assert_eq!(romaji("しょうじ"), "shouji");
        assert_eq!(romaji("ケーコ"), "keeko");
        assert_eq!(romaji("ティファニー"), "tifanii");
        assert_eq!(romaji("ウィリアム"), "wiriamu");
        assert_eq!(romaji("シェリー"), "sherii");
        assert_eq!(romaji("さゝき"), "sasaki");
        assert_eq!(romaji("いすゞ"), "isuzu");
        assert_eq!(romaji("ゎ"), "wa");
        assert_eq!(romaji("ぁ"), "a");
    }
}
