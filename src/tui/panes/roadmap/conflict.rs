//! A change to an initiative made from what the pane shows (a year's status, a year's
//! plan) that the service refused because someone else changed the initiative since
//! the pane read it. The dialog shows both versions year by year and offers: reload
//! (drop the change, read the roadmap again), re-apply (the change over theirs, from
//! their revision), or back without saving (a plan's text goes back to its question).

use crate::domain::progress::{ARROW, PlanCell};
use crate::domain::{FiscalYear, Progress};
use crate::i18n::{Lang, Term, tui};
use crate::service::{Conflict, RoadmapChange, Theirs};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::widgets::conflict::{ConflictView, Field, differences};
use crate::tui::widgets::prompt::Prompt;

use super::{Ask, RoadmapState};
use crate::tui::panes::Slot;

/// The open dialog.
#[derive(Clone, Debug)]
pub struct RoadmapConflict {
    pub view: ConflictView,
    /// The initiative changed.
    pub id: String,
    /// The change the user made.
    pub change: RoadmapChange,
}

/// What the dialog compares of an initiative: each year's plan and status, the owner.
#[derive(Clone, Debug, PartialEq, Eq)]
struct Shown {
    years: Vec<(FiscalYear, PlanCell, Progress)>,
    owner: Option<String>,
}

impl Shown {
    /// The initiative as the pane shows it: whole if open, else its timeline row.
    fn of_pane(s: &RoadmapState, id: &str) -> Option<Shown> {
        if let Some(Slot::Ready(d)) = &s.detail
            && d.initiative.id == id
        {
            return Some(Shown {
                years: d
                    .years
                    .iter()
                    .map(|fy| (*fy, d.cell(*fy), d.status(*fy)))
                    .collect(),
                owner: d.progress.owner().map(str::to_string),
            });
        }
        let row = s.timeline.ready()?.row(id)?;
        Some(Shown {
            years: row
                .cells
                .iter()
                .map(|c| (c.fy, c.plan.clone(), c.status))
                .collect(),
            owner: row.owner.clone(),
        })
    }

    /// With `change` made.
    fn with(&self, change: &RoadmapChange) -> Shown {
        let mut out = self.clone();
        for (fy, plan, status) in &mut out.years {
            match change {
                RoadmapChange::Status { fy: at, status: to } if at == fy => *status = *to,
                RoadmapChange::Plan { fy: at, text } if at == fy => {
                    let text = text.trim();
                    *plan = PlanCell::of_text((!text.is_empty()).then_some(text));
                }
                _ => {}
            }
        }
        if let RoadmapChange::Owner { section } = change {
            out.owner = Some(section.clone());
        }
        out
    }

    fn fields(&self, lang: Lang) -> Vec<Field> {
        let none = || tui("conflict.none", lang).to_string();
        let mut out = Vec::new();
        for (fy, plan, _) in &self.years {
            let text = match plan {
                PlanCell::Plan(t) => t.clone(),
                PlanCell::Arrow => ARROW.to_string(),
                PlanCell::Empty => none(),
            };
            let label = format!("{} {}", tui("conflict.f.plan", lang), fy.short());
            out.push((label, text));
        }
        for (fy, _, status) in &self.years {
            let label = format!("{} {}", tui("conflict.f.status", lang), fy.short());
            out.push((label, status.term(lang).to_string()));
        }
        let owner = self.owner.clone().unwrap_or_else(none);
        out.push((tui("conflict.f.owner", lang).to_string(), owner));
        out
    }
}

/// The revision of an initiative as the pane read it: from the detail if it is open
/// on it, else from the timeline.
pub fn opened(s: &RoadmapState, id: &str) -> u64 {
    match &s.detail {
        Some(Slot::Ready(d)) if d.initiative.id == id => d.revision,
        _ => s
            .timeline
            .ready()
            .and_then(|t| t.row(id))
            .map_or(0, |r| r.revision),
    }
}

/// Opens the dialog for a refused `change` of initiative `id`.
pub fn open(app: &mut App, conflict: Conflict, id: String, change: RoadmapChange) {
    let lang = app.look.lang;
    let Theirs::Progress {
        initiative,
        progress,
    } = &conflict.theirs
    else {
        return;
    };
    let s = &mut app.roadmap;
    let Some(seen) = Shown::of_pane(s, &id) else {
        return;
    };
    let theirs = Shown {
        years: seen
            .years
            .iter()
            .map(|(fy, _, _)| (*fy, progress.cell(initiative, *fy), progress.status(*fy)))
            .collect(),
        owner: progress.owner().map(str::to_string),
    };
    let rows = differences(
        theirs.fields(lang),
        &seen.fields(lang),
        seen.with(&change).fields(lang),
    );
    s.prompt = None;
    s.conflict = Some(RoadmapConflict {
        view: ConflictView::new(conflict, rows),
        id,
        change,
    });
    app.notice = None;
}

/// The reads that show their version: the timeline, and the detail if open.
fn reload(s: &RoadmapState, id: &str) -> Vec<Effect> {
    let mut out = vec![Effect::LoadRoadmap];
    if s.detail.is_some() {
        out.push(Effect::LoadRoadmapDetail { id: id.to_string() });
    }
    out
}

/// The keys of the dialog.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let lang = app.look.lang;
    let s = &mut app.roadmap;
    let Some(d) = s.conflict.as_mut() else {
        return Vec::new();
    };
    if d.view.scrolled(&action) {
        return Vec::new();
    }
    let Some(d) = s.conflict.take() else {
        return Vec::new();
    };
    match action {
        Action::Back => match d.change {
            // The text typed goes back to its question, to be kept or changed.
            RoadmapChange::Plan { fy, text } => {
                s.prompt = Some(Prompt::new(Ask::Plan { id: d.id, fy }, &text));
            }
            _ => app.notice = Some(Notice::Info(tui("conflict.dropped", lang).into())),
        },
        Action::Reload => {
            app.notice = Some(Notice::Info(tui("conflict.reloaded_view", lang).into()));
            return reload(s, &d.id);
        }
        Action::Reapply => {
            // Nothing of the change differs from theirs: nothing to write.
            if !d.view.rows.iter().any(|r| r.mine_wins) {
                app.notice = Some(Notice::Info(tui("conflict.nothing", lang).into()));
                return reload(s, &d.id);
            }
            return vec![Effect::ChangeInitiative {
                id: d.id,
                change: d.change,
                opened: d.view.conflict.current,
            }];
        }
        // Any other key leaves the dialog as it is.
        _ => s.conflict = Some(d),
    }
    Vec::new()
}
