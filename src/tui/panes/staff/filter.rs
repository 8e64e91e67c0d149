//! The search filter: organisation, band, employment type, status and digital tier,
//! typed into a small form.

use crate::domain::{Band, DigitalTier, EmploymentType, OrgTree, Status};
use crate::i18n::{Lang, Term, tui};
use crate::search::Filter;
use crate::tui::widgets::input::TextInput;
use crate::tui::widgets::input::fold;

/// Field labels, in Tab order.
pub const LABELS: [&str; 5] = [
    "field.unit",
    "field.band",
    "field.employment",
    "field.status",
    "field.digital",
];

#[derive(Clone, Debug, Default)]
pub struct FilterForm {
    pub values: [TextInput; 5],
    pub focused: usize,
    pub error: Option<(usize, String)>,
}

impl FilterForm {
    pub fn of(filter: &Filter, lang: Lang) -> FilterForm {
        let text = |s: Option<&str>| TextInput::with(s.unwrap_or(""));
        FilterForm {
            values: [
                text(filter.unit_prefix.as_deref()),
                text(filter.band.map(|b| b.to_string()).as_deref()),
                text(filter.employment.map(|e| e.term(lang))),
                text(filter.status.map(|s| s.term(lang))),
                text(filter.digital.map(|d| d.term(lang))),
            ],
            focused: 0,
            error: None,
        }
    }

    pub fn current(&self) -> &TextInput {
        &self.values[self.focused]
    }

    pub fn edit_current(&mut self, change: impl FnOnce(&mut TextInput)) {
        change(&mut self.values[self.focused]);
        self.error = None;
    }

    pub fn next(&mut self) {
        self.focused = (self.focused + 1) % self.values.len();
    }

    pub fn prev(&mut self) {
        self.focused = (self.focused + self.values.len() - 1) % self.values.len();
    }

    pub fn on_last(&self) -> bool {
        self.focused + 1 == self.values.len()
    }

    /// The filter the fields describe (keeping whether leavers show), or the first
    /// field that is not one of its choices.
    pub fn apply(&mut self, base: &Filter, org: &OrgTree, lang: Lang) -> Option<Filter> {
        let v = |i: usize| fold(self.values[i].text());
        let mut filter = base.clone();
        filter.unit_prefix = Some(v(0)).filter(|s| !s.is_empty());
        filter.unit_codes = filter.unit_prefix.as_deref().map(|code| org.subtree(code));
        let choice =
            |options: Vec<&str>| format!("{}: {}", tui("error.choice", lang), options.join(" / "));
        filter.band = match v(1).as_str() {
            "" => None,
            text => match text.parse().ok().and_then(Band::new) {
                Some(b) => Some(b),
                None => {
                    self.error = Some((1, choice(vec!["1", "2", "3", "4"])));
                    return None;
                }
            },
        };
        macro_rules! term {
            ($i:expr, $ty:ty) => {
                match v($i).as_str() {
                    "" => None,
                    text => match <$ty>::parse(text) {
                        Some(x) => Some(x),
                        None => {
                            let options = <$ty>::ALL.iter().map(|x| x.term(lang)).collect();
                            self.error = Some(($i, choice(options)));
                            return None;
                        }
                    },
                }
            };
        }
        filter.employment = term!(2, EmploymentType);
        filter.status = term!(3, Status);
        filter.digital = term!(4, DigitalTier);
        Some(filter)
    }
}

/// A short description of the active filter for the search line, empty if none.
pub fn summary(filter: &Filter, lang: Lang) -> String {
    let mut parts = Vec::new();
    if let Some(u) = &filter.unit_prefix {
        parts.push(format!("{} {u}", tui("field.unit", lang)));
    }
    if let Some(b) = filter.band {
        parts.push(format!("{} {b}", tui("field.band", lang)));
    }
    if let Some(e) = filter.employment {
        parts.push(e.term(lang).to_string());
    }
    if let Some(s) = filter.status {
        parts.push(s.term(lang).to_string());
    }
    if let Some(d) = filter.digital {
        parts.push(d.term(lang).to_string());
    }
    parts.join(" / ")
}
