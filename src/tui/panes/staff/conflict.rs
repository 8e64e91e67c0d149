//! A save the service refused because someone else saved the record since the form
//! opened it. The dialog lists the fields where their record and the user's differ,
//! and offers: reload (drop the edit, show theirs), re-apply (the user's changes over
//! theirs, now from their revision), or back to the form.

use crate::domain::{Assignment, Date, Employee};
use crate::i18n::{Lang, Term, tui};
use crate::search::Entry;
use crate::service::{Conflict, Theirs};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;

use super::Focus;
use super::form::Form;

/// One field where the two versions differ.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Difference {
    /// The message-catalogue key of the field's label.
    pub label: &'static str,
    pub theirs: String,
    pub yours: String,
    /// Re-applying writes the user's value here (they changed this field); otherwise
    /// theirs stays.
    pub mine_wins: bool,
}

/// The open dialog.
#[derive(Clone, Debug)]
pub struct ConflictDialog {
    /// Who, which revisions, and their record.
    pub conflict: Conflict,
    /// Their record, as stored at `conflict.current`.
    pub theirs: Employee,
    pub rows: Vec<Difference>,
    pub scroll: usize,
}

fn text(v: Option<&str>, lang: Lang) -> String {
    v.map_or_else(|| tui("conflict.none", lang).to_string(), str::to_string)
}

fn date(d: Option<Date>, lang: Lang) -> String {
    text(d.map(|d| d.to_string()).as_deref(), lang)
}

fn posts(history: &[Assignment], lang: Lang) -> String {
    let count = format!("{}{}", history.len(), tui("conflict.posts", lang));
    match history.last() {
        Some(a) => format!("{count} {} {} {}", a.effective, a.unit, a.title),
        None => count,
    }
}

/// Every field of the record in the words the dialog shows, by label.
fn fields(e: &Employee, today: Date, lang: Lang) -> Vec<(&'static str, String)> {
    let post = e.assignment_on(today);
    let yes_no = |b: bool| tui(if b { "conflict.yes" } else { "conflict.no" }, lang);
    vec![
        ("field.name", e.name.clone()),
        ("field.reading", e.reading.clone()),
        ("field.former_name", text(e.former_name.as_deref(), lang)),
        ("field.alias", text(e.alias.as_deref(), lang)),
        ("field.birth", e.birth.to_string()),
        ("field.hired", e.hired.to_string()),
        ("field.unit", text(post.map(|a| a.unit.as_str()), lang)),
        ("field.title", text(post.map(|a| a.title.as_str()), lang)),
        ("field.employment", e.employment.term(lang).to_string()),
        ("field.status", e.status.term(lang).to_string()),
        (
            "field.leaving",
            date(e.leaving.as_ref().map(|l| l.date), lang),
        ),
        ("field.track", e.track.term(lang).to_string()),
        ("field.digital", e.digital.term(lang).to_string()),
        ("conflict.comeback", yes_no(e.comeback).to_string()),
        ("conflict.history", posts(&e.history, lang)),
    ]
}

/// The fields where `theirs` and `yours` differ; `merged` is what re-applying saves.
pub fn differences(
    theirs: &Employee,
    yours: &Employee,
    merged: &Employee,
    today: Date,
    lang: Lang,
) -> Vec<Difference> {
    let t = fields(theirs, today, lang);
    let y = fields(yours, today, lang);
    let m = fields(merged, today, lang);
    t.into_iter()
        .zip(y)
        .zip(m)
        .filter(|((t, y), _)| t.1 != y.1)
        .map(|(((label, theirs), (_, yours)), (_, merged))| Difference {
            label,
            mine_wins: merged == yours,
            theirs,
            yours,
        })
        .collect()
}

/// Opens the dialog for a refused save of `submitted`.
pub fn open(app: &mut App, conflict: Conflict, submitted: &Employee) {
    let lang = app.look.lang;
    let s = &mut app.staff;
    let theirs = match &conflict.theirs {
        Theirs::Employee(e) => (**e).clone(),
        // Another kind's conflict belongs to its own pane.
        _ => return,
    };
    let today = s.org.today;
    let merged = s
        .form
        .as_ref()
        .map(|f| f.rebase(&theirs, conflict.current, today, lang))
        .and_then(|mut f| f.build(&s.org.titles, lang))
        .unwrap_or_else(|| submitted.clone());
    let rows = differences(&theirs, submitted, &merged, today, lang);
    s.conflict = Some(ConflictDialog {
        conflict,
        theirs,
        rows,
        scroll: 0,
    });
    s.focus = Focus::Form;
    app.notice = None;
}

/// The keys of the dialog.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let s = &mut app.staff;
    let Some(dialog) = s.conflict.as_mut() else {
        return Vec::new();
    };
    match action {
        Action::Up => dialog.scroll = dialog.scroll.saturating_sub(1),
        Action::Down => {
            dialog.scroll = (dialog.scroll + 1).min(dialog.rows.len().saturating_sub(1));
        }
        Action::Back => {
            s.conflict = None;
            s.focus = Focus::Form;
        }
        Action::Reload => {
            let Some(d) = s.conflict.take() else {
                return Vec::new();
            };
            let today = s.org.today;
            s.form = Some(Form::edit(&d.theirs, d.conflict.current, today, lang));
            s.focus = Focus::Form;
            s.index.upsert(Entry::from_employee(
                &d.theirs,
                &s.org.tree,
                &s.org.titles,
                today,
            ));
            s.refresh();
            app.notice = Some(Notice::Info(tui("conflict.reloaded", lang).to_string()));
            // The card beneath shows their record too, read afresh.
            return vec![Effect::LoadCard {
                staff_no: d.theirs.staff_no,
                edit: true,
            }];
        }
        Action::Reapply => {
            let Some(d) = s.conflict.take() else {
                return Vec::new();
            };
            s.focus = Focus::Form;
            let Some(form) = s.form.as_mut() else {
                return Vec::new();
            };
            *form = form.rebase(&d.theirs, d.conflict.current, s.org.today, lang);
            match form.build(&s.org.titles, lang) {
                Some(employee) => {
                    return vec![Effect::Save {
                        employee: Box::new(employee),
                        new: false,
                    }];
                }
                None => app.notice = Some(Notice::Error(tui("form.invalid", lang).to_string())),
            }
        }
        _ => {}
    }
    Vec::new()
}
