//! Bytes to text: UTF-8 (with or without BOM) or CP932, and the gaiji table that maps
//! private-use characters of legacy systems to real ones.

use std::collections::HashMap;

use encoding_rs::SHIFT_JIS;

use super::{Located, Problem};

/// What `--encoding` asks for.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Encoding {
    /// UTF-8 if the bytes are valid UTF-8, else CP932.
    #[default]
    Auto,
    Utf8,
    /// CP932 (windows-31j, Shift_JIS with the NEC and IBM extensions).
    Cp932,
}

/// What a file turned out to be.
#[derive(Clone, Copy, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Detected {
    Utf8,
    Utf8Bom,
    Cp932,
}

impl Detected {
    pub fn label(self) -> &'static str {
        match self {
            Detected::Utf8 => "UTF-8",
            Detected::Utf8Bom => "UTF-8 (BOM)",
            Detected::Cp932 => "CP932",
        }
    }
}

const BOM: &[u8] = b"\xEF\xBB\xBF";

fn line_at(bytes: &[u8], offset: usize) -> u64 {
    bytes[..offset.min(bytes.len())]
        .iter()
        .filter(|b| **b == b'\n')
        .count() as u64
        + 1
}

fn utf8(bytes: &[u8]) -> Result<(String, Detected), u64> {
    let (body, detected) = match bytes.strip_prefix(BOM) {
        Some(rest) => (rest, Detected::Utf8Bom),
        None => (bytes, Detected::Utf8),
    };
    match std::str::from_utf8(body) {
        Ok(text) => Ok((text.to_string(), detected)),
        Err(e) => Err(line_at(body, e.valid_up_to())),
    }
}

fn cp932(bytes: &[u8]) -> Result<(String, Detected), u64> {
    if let Some(text) = SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes) {
        return Ok((text.into_owned(), Detected::Cp932));
    }
    // CP932 has no U+FFFD of its own, so the first one marks the first bad bytes.
    let (lossy, _) = SHIFT_JIS.decode_without_bom_handling(bytes);
    let line = lossy
        .find('\u{FFFD}')
        .map_or(1, |at| lossy[..at].matches('\n').count() as u64 + 1);
    Err(line)
}

/// Decodes a whole file.
pub fn decode(bytes: &[u8], encoding: Encoding) -> Result<(String, Detected), Located> {
    if bytes.starts_with(b"\xFF\xFE") || bytes.starts_with(b"\xFE\xFF") {
        return Err(Located::new(1, None, Problem::Utf16));
    }
    match encoding {
        Encoding::Utf8 => utf8(bytes).map_err(|line| Located::new(line, None, Problem::NotUtf8)),
        Encoding::Cp932 => cp932(bytes).map_err(|line| Located::new(line, None, Problem::NotCp932)),
        Encoding::Auto => utf8(bytes).or_else(|utf8_line| {
            cp932(bytes).map_err(|cp932_line| {
                Located::new(utf8_line, None, Problem::NeitherEncoding { cp932_line })
            })
        }),
    }
}

/// Whether a character is in a private use area: the 外字 of legacy systems, which mean
/// something only on the machine that made them.
pub(crate) fn is_private_use(c: char) -> bool {
    matches!(c, '\u{E000}'..='\u{F8FF}' | '\u{F0000}'..='\u{FFFFD}' | '\u{100000}'..='\u{10FFFD}')
}

/// The admin's table of 外字: private-use code point to the text that stands for it.
#[derive(Clone, Debug, Default, serde::Serialize, serde::Deserialize)]
pub struct Gaiji {
    map: HashMap<char, String>,
}

impl Gaiji {
    pub fn empty() -> Gaiji {
        Gaiji::default()
    }

    /// Reads the table: UTF-8, one entry a line, `E000<TAB>髙` (or `U+E000`), with `#`
    /// comments and blank lines. Every bad line is reported.
    pub fn parse(bytes: &[u8]) -> Result<Gaiji, Vec<Located>> {
        let (text, _) = decode(bytes, Encoding::Utf8).map_err(|e| vec![e])?;
        let mut map = HashMap::new();
        let mut bad = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let line_no = i as u64 + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.splitn(2, '\t');
            let code = fields.next().unwrap_or("").trim();
            let text = fields.next().unwrap_or("").trim();
            let hex = code
                .strip_prefix("U+")
                .or_else(|| code.strip_prefix("u+"))
                .unwrap_or(code);
            let c = u32::from_str_radix(hex, 16).ok().and_then(char::from_u32);
            match c {
                Some(c)
                    if is_private_use(c)
                        && !text.is_empty()
                        && !text.chars().any(is_private_use) =>
                {
                    map.insert(c, text.to_string());
                }
                _ => bad.push(Located::new(
                    line_no,
                    None,
                    Problem::BadGaijiEntry(line.to_string()),
                )),
            }
        }
        if bad.is_empty() {
            Ok(Gaiji { map })
        } else {
            Err(bad)
        }
    }

    pub fn len(&self) -> usize {
        self.map.len()
    }

    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The cell with every mapped character replaced, and the private-use characters
    /// the table does not know (none: the cell is clean). Borrowed when nothing changes.
    pub fn apply<'a>(&self, cell: &'a str) -> (std::borrow::Cow<'a, str>, Vec<char>) {
        if !cell.chars().any(is_private_use) {
            return (cell.into(), Vec::new());
        }
        let mut out = String::with_capacity(cell.len());
        let mut unknown = Vec::new();
        for c in cell.chars() {
            match self.map.get(&c) {
                Some(text) => out.push_str(text),
                None => {
                    if is_private_use(c) && !unknown.contains(&c) {
                        unknown.push(c);
                    }
                    out.push(c);
                }
            }
        }
        (out.into(), unknown)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        let (t, d) = decode("職員番号\n".as_bytes(), Encoding::Auto).unwrap();
        assert_eq!((t.as_str(), d), ("職員番号\n", Detected::Utf8));
        let mut bom = BOM.to_vec();
        bom.extend_from_slice("髙橋\n".as_bytes());
        let (t, d) = decode(&bom, Encoding::Auto).unwrap();
        assert_eq!((t.as_str(), d), ("髙橋\n", Detected::Utf8Bom));
    }

    #[test]
    fn cp932_with_nec_and_ibm_extensions() {
        // 髙 FB FC, 﨑 FA B1, ① 87 40, ㈱ 87 8A, then half-width ﾀｶﾊｼ.
        let bytes = b"\xFB\xFC\xFA\xB1\x87\x40\x87\x8A,\xC0\xB6\xCA\xBC\r\n";
        let (t, d) = decode(bytes, Encoding::Auto).unwrap();
        assert_eq!(d, Detected::Cp932);
        assert_eq!(t, "髙﨑①㈱,ﾀｶﾊｼ\r\n");
        assert!(decode(bytes, Encoding::Utf8).is_err());
    }

    #[test]
    fn neither_encoding_names_the_lines() {
        // Line 2 is not UTF-8 (a lone CP932 lead byte at the end is not CP932 either).
        let bytes = b"a,b\n\x82\xA0,c\n\x81";
        let err = decode(bytes, Encoding::Auto).unwrap_err();
        assert_eq!(err.line, 2);
        assert_eq!(err.problem, Problem::NeitherEncoding { cp932_line: 3 });
        let err = decode(b"\xFF\xFEa\x00", Encoding::Auto).unwrap_err();
        assert_eq!(err.problem, Problem::Utf16);
    }

    #[test]
    fn gaiji_table_maps_and_reports() {
        let g = Gaiji::parse("# 外字\nE000\t髙\nU+E001\t﨑\n".as_bytes()).unwrap();
        assert_eq!(g.len(), 2);
        let (text, unknown) = g.apply("\u{E000}橋\u{E002}");
        assert_eq!(text, "髙橋\u{E002}");
        assert_eq!(unknown, vec!['\u{E002}']);
        let (same, none) = g.apply("山田");
        assert!(matches!(same, std::borrow::Cow::Borrowed(_)) && none.is_empty());
        let bad = Gaiji::parse("E000\t髙\n0041\tA\nzz\t?\nE003\n".as_bytes()).unwrap_err();
        assert_eq!(bad.iter().map(|e| e.line).collect::<Vec<_>>(), [2, 3, 4]);
    }
}
