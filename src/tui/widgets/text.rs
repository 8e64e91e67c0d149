//! Fitting text into cells: wide characters take two, and names are cut by display
//! width with a mark, since ratatui drops a wide character at an edge silently.

use unicode_width::UnicodeWidthChar;

/// Cells a character takes on a terminal. The half-width voiced marks ﾞ and ﾟ are
/// spacing characters there (one cell each), though Unicode gives them no width.
pub fn char_cells(c: char) -> usize {
    match c {
        '\u{FF9E}' | '\u{FF9F}' => 1,
        c => c.width().unwrap_or(0),
    }
}

/// Cells a text takes on a terminal.
pub fn width(text: &str) -> usize {
    text.chars().map(char_cells).sum()
}

/// `text` cut to at most `cells` display cells, ending in `mark` when cut.
pub fn fit(text: &str, cells: usize, mark: &str) -> String {
    if width(text) <= cells {
        return text.to_string();
    }
    let room = cells.saturating_sub(width(mark));
    let mut out = String::new();
    let mut used = 0;
    for c in text.chars() {
        let w = char_cells(c);
        if used + w > room {
            break;
        }
        used += w;
        out.push(c);
    }
    if cells >= width(mark) {
        out.push_str(mark);
    }
    out
}

/// `text` padded with spaces to exactly `cells` cells (cut first if longer).
pub fn pad(text: &str, cells: usize, mark: &str) -> String {
    let fitted = fit(text, cells, mark);
    let fill = cells.saturating_sub(width(&fitted));
    format!("{fitted}{}", " ".repeat(fill))
}

/// `text` right-aligned in exactly `cells` cells (cut first if longer), for numbers
/// under a heading.
pub fn pad_left(text: &str, cells: usize) -> String {
    let fitted = fit(text, cells, "");
    format!(
        "{}{fitted}",
        " ".repeat(cells.saturating_sub(width(&fitted)))
    )
}

/// A catalogue text with its `{}` filled in order: Japanese and English put the
/// values in different places, so the catalogue holds the whole sentence.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// `text` broken into lines of at most `cells` cells, at its own line breaks and
/// wherever a line is full (Japanese has no spaces to break at, so any character may
/// start a line).
pub fn wrap(text: &str, cells: usize) -> Vec<String> {
    let cells = cells.max(2);
    let mut out = Vec::new();
    for part in text.split('\n') {
        let mut line = String::new();
        let mut used = 0;
        for c in part.chars() {
            let w = char_cells(c);
            if used + w > cells {
                out.push(std::mem::take(&mut line));
                used = 0;
                if c == ' ' {
                    continue;
                }
            }
            line.push(c);
            used += w;
        }
        out.push(line);
    }
    out
}

/// A whole number with a comma every three digits, as amounts of yen are written.
pub fn thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cuts_by_cells_not_chars() {
        assert_eq!(fit("髙橋　誠", 20, "…"), "髙橋　誠");
        // Nine cells: four kanji (eight cells) and the one-cell mark.
        assert_eq!(fit("健康福祉部 介護保険課", 9, "~"), "健康福祉~");
        // An odd cell left over is not filled with half a kanji.
        assert_eq!(fit("健康福祉部 介護保険課", 10, "~"), "健康福祉~");
        assert_eq!(width(&pad("ﾀﾞｲｷ", 6, "~")), 6);
        // Half-width ﾀﾞ is two cells on a terminal: ﾀ and the voiced mark.
        assert_eq!(width("ﾀﾞ"), 2);
    }

    #[test]
    fn fills_in_order() {
        assert_eq!(fill("{}人中 {}人", &["18", "3"]), "18人中 3人");
        assert_eq!(fill("{} of {}", &["3"]), "3 of ");
        assert_eq!(fill("none", &["x"]), "none");
        assert_eq!(pad_left("現在", 5), " 現在");
        assert_eq!(pad_left("12", 4), "  12");
    }

    #[test]
    fn wraps_by_cells_and_groups_digits() {
        assert_eq!(
            wrap("研修の対象ではありません", 10),
            ["研修の対象", "ではありま", "せん"]
        );
        assert_eq!(wrap("a b\nc", 10), ["a b", "c"]);
        assert_eq!(wrap("abcd efgh", 4), ["abcd", "efgh"]);
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(3_000_000), "3,000,000");
        assert_eq!(thousands(1_234), "1,234");
    }
}
