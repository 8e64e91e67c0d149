//! The keys of each entry's fields (or of each unit name), packed into flat buffers,
//! and the tests of one query word against them: literal (prefix, substring), in-order
//! (could it match fuzzily at all) and the fuzzy score.

use fuzzy_matcher::FuzzyMatcher;
use fuzzy_matcher::skim::SkimMatcherV2;

use super::normalize;
use super::{Entry, Rank};

const STAFF_NO: u8 = 0;
const NAME: u8 = 1;
const READING: u8 = 2;
const ROMAJI: u8 = 3;
const FORMER_NAME: u8 = 4;
const ALIAS: u8 = 5;
const UNIT: u8 = 6;

/// What a match in a field is worth: a person's own names count for more than the
/// unit they work in, which thousands share.
fn weight(field: u8) -> i64 {
    match field {
        NAME | READING => 50,
        ROMAJI => 45,
        STAFF_NO => 40,
        FORMER_NAME | ALIAS => 35,
        _ => 20,
    }
}

/// The bonus for a match that ends where a word ends.
const WHOLE: i64 = 5;

/// Where a word begins in the packed keys, counted from the start of its entry's keys.
#[derive(Clone, Copy, Debug)]
struct Start {
    at: u32,
    field: u8,
    /// The beginning of the field itself, not of a later word in it.
    first: bool,
}

/// One non-empty field in the packed keys.
#[derive(Clone, Copy, Debug)]
struct Field {
    /// The character classes of the field: a word whose classes the field lacks is
    /// not looked for there. Romaji words skip kanji and kana fields this way, and the
    /// other way round, which halves the bytes a scan reads.
    mask: u64,
    from: u32,
    to: u32,
    id: u8,
}

/// The fields of a person that have keys of their own.
pub(super) struct Person<'a> {
    pub staff_no: &'a str,
    pub name: &'a str,
    pub reading: &'a str,
    pub romaji: &'a str,
    pub former_name: Option<&'a str>,
    pub alias: Option<&'a str>,
}

/// Where one entry's keys lie in a [`Store`].
#[derive(Clone, Copy, Debug)]
pub(super) struct Span {
    hay: (u32, u32),
    spaced: (u32, u32),
    starts: (u32, u32),
    fields: (u32, u32),
    /// The reading's key with its spaces, counted from the start of this entry's
    /// `spaced`: what the reading order sorts.
    reading: (u32, u32),
    mask: u64,
}

/// How far a store's buffers moved when appended to another.
pub(super) struct Shift {
    hay: u32,
    spaced: u32,
    starts: u32,
    fields: u32,
}

impl Span {
    /// The span after its store was appended to another. Offsets inside an entry
    /// (word starts, fields, the reading) are relative to it and stay.
    pub(super) fn shifted(self, by: &Shift) -> Span {
        let add = |(a, b): (u32, u32), d: u32| (a + d, b + d);
        Span {
            hay: add(self.hay, by.hay),
            spaced: add(self.spaced, by.spaced),
            starts: add(self.starts, by.starts),
            fields: add(self.fields, by.fields),
            ..self
        }
    }

    fn bytes(&self) -> usize {
        (self.hay.1 - self.hay.0 + self.spaced.1 - self.spaced.0) as usize
    }
}

/// The keys of many entries in flat buffers. One allocation per buffer instead of
/// several per person keeps a scan over 50,000 people inside a few megabytes of
/// contiguous memory, and makes building them several times cheaper.
#[derive(Clone, Debug, Default)]
pub(super) struct Store {
    /// Per entry, its non-empty field keys without their spaces, joined by '\n'.
    /// Without spaces `高橋誠` finds `髙橋 誠`; a key never holds '\n', so no word
    /// matches across two fields.
    hay: String,
    /// The same keys with their spaces, for the fuzzy scorer, whose bonuses reward
    /// matches at word starts.
    spaced: String,
    /// Every word start in each entry's `hay`, ascending; each field's start is among
    /// them.
    starts: Vec<Start>,
    fields: Vec<Field>,
    /// Bytes no live span points at any more, after edits.
    garbage: usize,
}

impl Store {
    pub(super) fn add_entry(&mut self, e: &Entry) -> Span {
        self.add_person(&Person {
            staff_no: &e.staff_no,
            name: &e.name,
            reading: &e.reading,
            romaji: &e.romaji,
            former_name: e.former_name.as_deref(),
            alias: e.alias.as_deref(),
        })
    }

    pub(super) fn add_person(&mut self, p: &Person<'_>) -> Span {
        // Typed romaji usually drops long vowels (saito for さいとう): index both.
        let plain = crate::domain::kana::plain_romaji(p.romaji);
        let plain = if plain == p.romaji {
            ""
        } else {
            plain.as_str()
        };
        self.add(&[
            (STAFF_NO, p.staff_no),
            (NAME, p.name),
            (READING, p.reading),
            (ROMAJI, p.romaji),
            (ROMAJI, plain),
            (FORMER_NAME, p.former_name.unwrap_or("")),
            (ALIAS, p.alias.unwrap_or("")),
        ])
    }

    /// Empties the store, keeping its buffers for the next keys.
    pub(super) fn clear(&mut self) {
        self.hay.clear();
        self.spaced.clear();
        self.starts.clear();
        self.fields.clear();
        self.garbage = 0;
    }

    pub(super) fn add_unit(&mut self, name: &str) -> Span {
        self.add(&[(UNIT, name)])
    }

    fn add(&mut self, fields: &[(u8, &str)]) -> Span {
        let hay_from = self.hay.len();
        let spaced_from = self.spaced.len();
        let starts_from = self.starts.len();
        let fields_from = self.fields.len();
        let mut reading = (0, 0);
        let mut key = String::new();
        for &(id, text) in fields {
            key.clear();
            normalize::key_into(text, &mut key);
            if key.is_empty() {
                continue;
            }
            if self.fields.len() > fields_from {
                self.hay.push('\n');
                self.spaced.push('\n');
            }
            let from = self.hay.len() - hay_from;
            for (w, word) in key.split(' ').enumerate() {
                self.starts.push(Start {
                    at: (self.hay.len() - hay_from) as u32,
                    field: id,
                    first: w == 0,
                });
                self.hay.push_str(word);
            }
            let to = self.hay.len() - hay_from;
            self.fields.push(Field {
                mask: mask_of(&self.hay[hay_from + from..]),
                from: from as u32,
                to: to as u32,
                id,
            });
            let spaced_at = (self.spaced.len() - spaced_from) as u32;
            self.spaced.push_str(&key);
            if id == READING {
                reading = (spaced_at, spaced_at + key.len() as u32);
            }
        }
        Span {
            mask: self.fields[fields_from..].iter().fold(0, |m, f| m | f.mask),
            hay: (hay_from as u32, self.hay.len() as u32),
            spaced: (spaced_from as u32, self.spaced.len() as u32),
            starts: (starts_from as u32, self.starts.len() as u32),
            fields: (fields_from as u32, self.fields.len() as u32),
            reading,
        }
    }

    /// Moves another store's keys to the end of this one; its spans must then be
    /// [`Span::shifted`] by what this returns. Lets two threads key halves of an index.
    pub(super) fn append(&mut self, other: Store) -> Shift {
        let shift = Shift {
            hay: self.hay.len() as u32,
            spaced: self.spaced.len() as u32,
            starts: self.starts.len() as u32,
            fields: self.fields.len() as u32,
        };
        self.hay.push_str(&other.hay);
        self.spaced.push_str(&other.spaced);
        self.starts.extend_from_slice(&other.starts);
        self.fields.extend_from_slice(&other.fields);
        self.garbage += other.garbage;
        shift
    }

    /// Notes that a span is no longer used; returns whether enough space is wasted
    /// that the owner should [`Store::compact`] it.
    pub(super) fn release(&mut self, span: &Span) -> bool {
        self.garbage += span.bytes();
        self.garbage > 1 << 16 && 2 * self.garbage > self.hay.len() + self.spaced.len()
    }

    /// Copies the live spans into fresh buffers and points them there.
    pub(super) fn compact<'s>(&mut self, spans: impl Iterator<Item = &'s mut Span>) {
        let old = std::mem::take(self);
        let r = |(a, b): (u32, u32)| a as usize..b as usize;
        for span in spans {
            let hay = self.hay.len() as u32;
            self.hay.push_str(&old.hay[r(span.hay)]);
            let spaced = self.spaced.len() as u32;
            self.spaced.push_str(&old.spaced[r(span.spaced)]);
            let starts = self.starts.len() as u32;
            self.starts.extend_from_slice(&old.starts[r(span.starts)]);
            let fields = self.fields.len() as u32;
            self.fields.extend_from_slice(&old.fields[r(span.fields)]);
            span.hay = (hay, self.hay.len() as u32);
            span.spaced = (spaced, self.spaced.len() as u32);
            span.starts = (starts, self.starts.len() as u32);
            span.fields = (fields, self.fields.len() as u32);
        }
    }

    pub(super) fn keys(&self, span: &Span) -> Keys<'_> {
        let r = |(a, b): (u32, u32)| a as usize..b as usize;
        Keys {
            hay: &self.hay[r(span.hay)],
            spaced: &self.spaced[r(span.spaced)],
            starts: &self.starts[r(span.starts)],
            fields: &self.fields[r(span.fields)],
            mask: span.mask,
        }
    }

    pub(super) fn reading(&self, span: &Span) -> &str {
        let from = (span.spaced.0 + span.reading.0) as usize;
        &self.spaced[from..(span.spaced.0 + span.reading.1) as usize]
    }

    #[cfg(test)]
    pub(super) fn bytes(&self) -> usize {
        self.hay.len() + self.spaced.len()
    }
}

/// A query word with what every test of it needs, worked out once per query.
#[derive(Clone, Debug)]
pub(super) struct Word {
    text: String,
    mask: u64,
    first: char,
}

impl Word {
    pub(super) fn new(text: &str) -> Word {
        Word {
            mask: mask_of(text),
            first: text.chars().next().unwrap_or(' '),
            text: text.to_string(),
        }
    }
}

/// One entry's keys, borrowed from a [`Store`].
#[derive(Clone, Copy)]
pub(super) struct Keys<'a> {
    hay: &'a str,
    spaced: &'a str,
    starts: &'a [Start],
    fields: &'a [Field],
    mask: u64,
}

/// The character classes of a text: one bit for each ASCII letter and digit, the
/// other characters hashed over the remaining 28 bits.
pub(super) fn mask_of(text: &str) -> u64 {
    text.chars().fold(0, |m, c| {
        let bit = match c {
            'a'..='z' => c as u32 - 'a' as u32,
            '0'..='9' => 26 + (c as u32 - '0' as u32),
            '\n' => return m,
            _ => 36 + (c as u32).wrapping_mul(0x9e37_79b1) % 28,
        };
        m | 1 << bit
    })
}

impl<'a> Keys<'a> {
    /// Whether the query word equals the staff number.
    pub(super) fn is_staff_no(&self, word: &Word) -> bool {
        self.fields.first().is_some_and(|f| {
            f.id == STAFF_NO && self.hay[f.from as usize..f.to as usize] == word.text
        })
    }

    /// Whether some field holds every character class of the word.
    pub(super) fn has(&self, word: &Word) -> bool {
        word.mask & !self.mask == 0
    }

    fn fields_for(&self, word: &'a Word) -> impl Iterator<Item = (&'a Field, &'a str)> + 'a {
        let hay = self.hay;
        self.fields
            .iter()
            .filter(move |f| word.mask & !f.mask == 0)
            .map(move |f| (f, &hay[f.from as usize..f.to as usize]))
    }

    /// Whether the word's characters occur in order within one field: true for every
    /// prefix, substring and fuzzy match, and stays false when a longer word is typed.
    pub(super) fn could_match(&self, word: &Word) -> bool {
        self.has(word) && self.fields_for(word).any(|(_, f)| in_order(f, &word.text))
    }

    /// The word's best literal match: at the start of a field or of a word in it
    /// ([`Rank::Prefix`]), else anywhere ([`Rank::Substring`]).
    pub(super) fn literal(&self, word: &Word) -> Option<(Rank, i64)> {
        let w = word.text.as_bytes();
        let first = w.first()?;
        let hay = self.hay.as_bytes();
        let mut best = None;
        for s in self.starts {
            let at = s.at as usize;
            if hay.get(at) == Some(first) && begins(&hay[at..], w) {
                let bonus = if s.first { 20 } else { 10 };
                let score = weight(s.field) + bonus + self.whole(at + w.len());
                best = best.max(Some(score));
            }
        }
        if let Some(score) = best {
            return Some((Rank::Prefix, score));
        }
        for (f, text) in self.fields_for(word) {
            let weight = weight(f.id);
            // A field that cannot beat the best so far is not searched, and a field
            // stops at its first occurrence that ends a word: one-letter words occur
            // many times.
            if best.is_some_and(|b| b >= weight + WHOLE) {
                continue;
            }
            for at in occurrences(text, word) {
                let whole = self.whole(f.from as usize + at + w.len());
                best = best.max(Some(weight + whole));
                if whole > 0 {
                    break;
                }
            }
        }
        best.map(|score| (Rank::Substring, score))
    }

    /// The best fuzzy score of the word over the fields.
    pub(super) fn fuzzy(&self, matcher: &SkimMatcherV2, word: &Word) -> Option<i64> {
        let mut best = None;
        for (f, spaced) in self.fields.iter().zip(self.spaced.split('\n')) {
            let compact = &self.hay[f.from as usize..f.to as usize];
            // The scorer allocates and fills a matrix; most fields fail these first.
            if word.mask & !f.mask == 0 && in_order(compact, &word.text) {
                best = best.max(matcher.fuzzy_match(spaced, &word.text));
            }
        }
        best
    }

    /// A small bonus when a match ends where a word or field ends: `山田` is a closer
    /// match for 山田 太郎 than for 山田川 次郎.
    fn whole(&self, end: usize) -> i64 {
        let at_boundary = end == self.hay.len()
            || self.hay.as_bytes()[end] == b'\n'
            || self
                .starts
                .binary_search_by_key(&end, |s| s.at as usize)
                .is_ok();
        if at_boundary { WHOLE } else { 0 }
    }
}

/// Where a word occurs in a field. The standard searcher for a char is memchr; the
/// general two-way searcher for a string cost more to set up than the search itself on
/// fields of a few dozen bytes.
fn occurrences<'h>(field: &'h str, word: &'h Word) -> impl Iterator<Item = usize> + 'h {
    field
        .match_indices(word.first)
        .map(|(at, _)| at)
        .filter(move |&at| begins(&field.as_bytes()[at..], word.text.as_bytes()))
}

/// `hay.starts_with(word)` for the few bytes of a query word, compared in place: the
/// general version calls memcmp, which cost more than the comparison.
fn begins(hay: &[u8], word: &[u8]) -> bool {
    hay.len() >= word.len() && hay.iter().zip(word).all(|(a, b)| a == b)
}

/// Whether the characters of `word` occur in `field` in order. The fuzzy scorer
/// accepts exactly these, and a word that grows only ever fails more often.
fn in_order(field: &str, word: &str) -> bool {
    let mut rest = field;
    for c in word.chars() {
        match rest.find(c) {
            Some(at) => rest = &rest[at + c.len_utf8()..],
            None => return false,
        }
    }
    true
}
