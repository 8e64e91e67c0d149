//! The subsidy view's state and keys: a fiscal year's applications with the budget,
//! and the focused application moved on (approved, rejected after a question,
//! reported, paid) by the service, which refuses what the budget cannot take.

use super::{Pending, View, list_rows, open_card, person_name, show};
use crate::domain::{Application, FiscalYear, SubsidyStatus};
use crate::i18n::{Term, tui};
use crate::service::SubsidyView;
use crate::tui::action::Action;
use crate::tui::app::{App, Confirm, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::list::Cursor;
use crate::tui::widgets::list::moved;
use crate::tui::widgets::text::fill;

pub struct SubsidyState {
    pub view: SubsidyView,
    pub cursor: Cursor,
    pub stale: bool,
}

impl SubsidyState {
    pub fn new(view: SubsidyView, focus: Option<&str>) -> SubsidyState {
        let at = focus
            .and_then(|id| view.applications.iter().position(|a| a.id == id))
            .unwrap_or(0);
        SubsidyState {
            cursor: Cursor::on(at, view.applications.len()),
            view,
            stale: false,
        }
    }

    pub fn selected(&self) -> Option<&Application> {
        self.view.applications.get(self.cursor.at)
    }

    /// An application as the service changed it; the budget follows from the list.
    pub fn replace(&mut self, a: Application) {
        if let Some(old) = self.view.applications.iter_mut().find(|x| x.id == a.id) {
            *old = a;
        }
        let total = self.view.budget.total;
        self.view.budget = crate::domain::Budget::of(total, &self.view.applications);
    }
}

pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let rows = list_rows(app, View::Subsidy);
    if let Action::EarlierYear | Action::LaterYear = action {
        let t = &mut app.training;
        let step = if action == Action::EarlierYear { -1 } else { 1 };
        t.subsidy_year = FiscalYear(t.subsidy_year.0 + step);
        return show(app, View::Subsidy, false);
    }
    let Some(s) = app.training.subsidy.ready_mut() else {
        return Vec::new();
    };
    if moved(&mut s.cursor, s.view.applications.len(), rows, &action) {
        return Vec::new();
    }
    let Some(a) = s.selected() else {
        return Vec::new();
    };
    let (id, staff_no, from) = (a.id.clone(), a.staff_no.clone(), a.status());
    match action {
        Action::Decide(to) => {
            // Said here, before the service would: what the application may become.
            if !from.next().contains(&to) {
                let text = fill(
                    tui("subsidy.cannot", lang),
                    &[&id, from.term(lang), to.term(lang)],
                );
                app.notice = Some(Notice::Error(text));
                return Vec::new();
            }
            if to == SubsidyStatus::Rejected {
                let name = person_name(app, &staff_no);
                app.training.pending = Some(Pending::Reject { id, name });
                app.confirm = Some(Confirm::RejectSubsidy);
                return Vec::new();
            }
            vec![Effect::DecideSubsidy { id, to }]
        }
        Action::Open => open_card(app, staff_no),
        _ => Vec::new(),
    }
}
