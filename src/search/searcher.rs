//! Search as the user types: each keystroke narrows the previous one's candidates, and
//! answers already given are kept, so backspace costs nothing.

use super::{Filter, Hit, Index, normalize};

/// How many earlier queries are remembered. A typed query and its backspaces stay
/// well within it; the candidate lists are at most one `u32` per person each.
const REMEMBERED: usize = 24;

/// What the cached answers depend on besides the words.
#[derive(Clone, Debug, PartialEq)]
struct Context {
    generation: u64,
    filter: Filter,
    limit: usize,
}

#[derive(Clone, Debug)]
struct Remembered {
    words: Vec<String>,
    /// Everyone who passed the filter and could match `words` at some rank.
    candidates: Vec<u32>,
    hits: Vec<Hit>,
}

/// A cache in front of [`Index::search`], with the same answers.
#[derive(Clone, Debug, Default)]
pub struct Searcher {
    context: Option<Context>,
    /// Oldest first.
    remembered: Vec<Remembered>,
}

impl Searcher {
    pub fn new() -> Searcher {
        Searcher::default()
    }

    /// The same hits as `index.search(query, filter, limit)`.
    pub fn search(
        &mut self,
        index: &Index,
        query: &str,
        filter: &Filter,
        limit: usize,
    ) -> Vec<Hit> {
        let words = normalize::words(query);
        let context = Context {
            generation: index.generation(),
            filter: filter.clone(),
            limit,
        };
        if self.context.as_ref() != Some(&context) {
            self.remembered.clear();
            self.context = Some(context);
        }
        if words.is_empty() {
            // Reading order up to the limit: cheaper than any cache.
            return index.run(&words, filter, limit, None).0;
        }
        if let Some(r) = self.remembered.iter().find(|r| r.words == words) {
            return r.hits.clone();
        }
        let base = self
            .remembered
            .iter()
            .filter(|r| narrows(&words, &r.words))
            .min_by_key(|r| r.candidates.len())
            .map(|r| r.candidates.as_slice());
        let (hits, candidates) = index.run(&words, filter, limit, base);
        if self.remembered.len() >= REMEMBERED {
            self.remembered.remove(0);
        }
        self.remembered.push(Remembered {
            words,
            candidates,
            hits: hits.clone(),
        });
        hits
    }

    /// Forgets every remembered answer (the index also does this by changing its
    /// generation on every edit).
    pub fn clear(&mut self) {
        self.context = None;
        self.remembered.clear();
    }
}

/// Whether anyone who could match `new` could also match `old`: true when each old
/// word lies inside some new word, as when one more character is typed or a word is
/// added. A word's candidates only shrink as the word grows, so the old candidate list
/// holds all of the new one.
fn narrows(new: &[String], old: &[String]) -> bool {
    old.iter()
        .all(|o| new.iter().any(|n| n.contains(o.as_str())))
}
