//! Bulk enrollment in a session: a small form for whom (a unit, a title, a day posts
//! took effect, new hires), the service's preview of what would happen to each person,
//! and one confirmation that enrolls them all in one transaction.

use super::{View, list_rows, show};
use crate::domain::Date;
use crate::i18n::{Lang, tui};
use crate::service::{BulkFilter, BulkPreview, Outcome};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::input::{TextInput, fold};
use crate::tui::widgets::list::Cursor;
use crate::tui::widgets::list::moved;

/// The fields of the form, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Field {
    Unit,
    Title,
    PostedOn,
    NewHires,
}

impl Field {
    pub const ALL: [Field; 4] = [Field::Unit, Field::Title, Field::PostedOn, Field::NewHires];

    pub fn label_key(self) -> &'static str {
        match self {
            Field::Unit => "bulk.unit",
            Field::Title => "bulk.title",
            Field::PostedOn => "bulk.posted_on",
            Field::NewHires => "bulk.new_hires",
        }
    }

    pub fn hint_key(self) -> &'static str {
        match self {
            Field::Unit => "bulk.unit_hint",
            Field::Title => "bulk.title_hint",
            Field::PostedOn => "bulk.posted_on_hint",
            Field::NewHires => "bulk.new_hires_hint",
        }
    }
}

pub struct BulkForm {
    /// The text of the unit, title and day fields.
    pub values: [TextInput; 3],
    pub new_hires: bool,
    pub focused: usize,
    /// A field the service would not understand, and why.
    pub error: Option<(Field, String)>,
}

impl BulkForm {
    fn new() -> BulkForm {
        BulkForm {
            values: Default::default(),
            new_hires: false,
            focused: 0,
            error: None,
        }
    }

    pub fn field(&self) -> Field {
        Field::ALL[self.focused.min(Field::ALL.len() - 1)]
    }

    /// The text of the focused field; the new-hires switch has none.
    pub fn current(&self) -> Option<&TextInput> {
        self.values.get(self.focused)
    }

    fn edit(&mut self, action: &Action) {
        self.error = None;
        if self.field() == Field::NewHires {
            // A switch: Space turns it over, y/n set it, clearing turns it off.
            match action {
                Action::Input(' ') => self.new_hires = !self.new_hires,
                Action::Input('y' | 'Y' | '1') => self.new_hires = true,
                Action::Input('n' | 'N' | '0')
                | Action::Backspace
                | Action::Delete
                | Action::ClearField => self.new_hires = false,
                _ => {}
            }
            return;
        }
        if let Some(input) = self.values.get_mut(self.focused) {
            input.apply(action);
        }
    }

    /// The filter the form says, or the field that is wrong.
    fn filter(&self, app: &App) -> Result<BulkFilter, (Field, String)> {
        let lang = app.look.lang;
        let text = |f: Field| self.values[f as usize].text().trim().to_string();
        let unit = super::super::skills::resolve_unit(
            &app.staff.org.tree,
            app.training.today,
            &text(Field::Unit),
            lang,
        )
        .map_err(|m| (Field::Unit, m))?;
        let title = Some(fold(&text(Field::Title))).filter(|t| !t.is_empty());
        let day = fold(&text(Field::PostedOn));
        let posted_on = if day.is_empty() {
            None
        } else {
            Some(Date::parse(&day).map_err(|_| (Field::PostedOn, tui("error.date", lang).into()))?)
        };
        Ok(BulkFilter {
            unit,
            title,
            posted_on,
            new_hires: self.new_hires,
        })
    }
}

/// The preview of a filter, as the service judged each person.
pub struct PreviewState {
    pub filter: BulkFilter,
    pub preview: BulkPreview,
    pub cursor: Cursor,
}

/// The counts a preview (or what was done) comes to.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub book: usize,
    pub wait: usize,
    pub already: usize,
    pub refused: usize,
}

impl Counts {
    pub fn of(p: &BulkPreview) -> Counts {
        use crate::service::EnrollFault;
        Counts {
            book: p.count(|o| *o == Outcome::Book),
            wait: p.count(|o| matches!(o, Outcome::Wait(_))),
            already: p.count(|o| matches!(o, Outcome::Refused(EnrollFault::Already(_)))),
            refused: p.count(
                |o| matches!(o, Outcome::Refused(f) if !matches!(f, EnrollFault::Already(_))),
            ),
        }
    }

    /// `受講予定 40人  待機 12人  申込済 3人  対象外など 5人`.
    pub fn text(&self, lang: Lang) -> String {
        crate::tui::widgets::text::fill(
            tui("bulk.counts", lang),
            &[
                &self.book.to_string(),
                &self.wait.to_string(),
                &self.already.to_string(),
                &self.refused.to_string(),
            ],
        )
    }
}

pub struct BulkState {
    pub session: String,
    pub form: BulkForm,
    /// The preview once asked for; the form is shown until then.
    pub preview: Option<PreviewState>,
    /// Asked to enroll: a second Enter waits for the answer instead of asking again.
    pub sent: bool,
}

impl BulkState {
    pub fn new(session: String) -> BulkState {
        BulkState {
            session,
            form: BulkForm::new(),
            preview: None,
            sent: false,
        }
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let rows = list_rows(app, View::Bulk);
    let Some(b) = app.training.bulk.as_mut() else {
        return Vec::new();
    };
    if let Some(p) = b.preview.as_mut() {
        if moved(&mut p.cursor, p.preview.rows.len(), rows, &action) {
            return Vec::new();
        }
        match action {
            Action::EnrollAll => {
                let c = Counts::of(&p.preview);
                if c.book + c.wait == 0 {
                    app.notice = Some(Notice::Error(tui("bulk.nobody", lang).into()));
                    return Vec::new();
                }
                if b.sent {
                    return Vec::new();
                }
                b.sent = true;
                return vec![Effect::BulkEnroll {
                    session: b.session.clone(),
                    filter: p.filter.clone(),
                }];
            }
            // Back to the filter, as it was, to narrow or widen it.
            Action::Back => b.preview = None,
            _ => {}
        }
        return Vec::new();
    }
    let form = &mut b.form;
    let last = Field::ALL.len() - 1;
    match action {
        action if action.is_edit() => form.edit(&action),
        Action::NextField => form.focused = (form.focused + 1).min(last),
        Action::PrevField => form.focused = form.focused.saturating_sub(1),
        Action::Submit if form.focused < last => form.focused += 1,
        Action::Submit | Action::Save => {
            let session = b.session.clone();
            let filter = {
                let Some(b) = app.training.bulk.as_ref() else {
                    return Vec::new();
                };
                b.form.filter(app)
            };
            match filter {
                Ok(filter) => return vec![Effect::BulkPreview { session, filter }],
                Err((field, message)) => {
                    if let Some(b) = app.training.bulk.as_mut() {
                        b.form.focused = field as usize;
                        b.form.error = Some((field, message));
                    }
                }
            }
        }
        Action::Back => {
            // Nothing was written: leave the way we came.
            let from = app.training.bulk_from;
            app.training.bulk = None;
            return show(app, from, false);
        }
        _ => {}
    }
    Vec::new()
}
