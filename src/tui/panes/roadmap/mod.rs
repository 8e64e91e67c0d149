//! Pane 5 ロードマップ: the plan period across, the initiatives down by approach, each
//! cell the year's plan and status, today's year and month marked; Enter opens an
//! initiative whole. The status of the focused year is set with one key, a note and a
//! plan revision through a one-line question. The timeline is read again each time the
//! pane comes to the front, since the command line may have changed it.

pub mod conflict;
pub mod detail;
pub mod draw;

use super::Slot;
use crate::domain::FiscalYear;
use crate::i18n::{Lang, Term, roadmap_fill};
use crate::service::{InitiativeDetail, RoadmapChange, Timeline};
use crate::tui::action::Action;
use crate::tui::app::{App, Notice};
use crate::tui::effect::Effect;
use crate::tui::keymap::Layer;
use crate::tui::widgets::list::first_visible;
use crate::tui::widgets::prompt::Prompt;

/// What the pane's one-line question asks for.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Ask {
    /// A note about a year of an initiative.
    Note { id: String, fy: FiscalYear },
    /// A revision of a year's plan.
    Plan { id: String, fy: FiscalYear },
}

/// A line of the timeline: an approach's heading or an initiative (by its place among
/// all initiatives).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TimelineLine {
    Approach(usize),
    Initiative(usize),
}

pub struct RoadmapState {
    pub timeline: Slot<Timeline>,
    /// The focused initiative, among all of them in order.
    pub row: usize,
    /// The focused year, among the plan period's.
    pub col: usize,
    /// The first line drawn.
    pub top: usize,
    /// The initiative shown whole, if one is.
    pub detail: Option<Slot<InitiativeDetail>>,
    /// The first line of the detail drawn.
    pub scroll: usize,
    pub prompt: Option<Prompt<Ask>>,
    /// A change refused because someone else changed the initiative first.
    pub conflict: Option<conflict::RoadmapConflict>,
}

impl Default for RoadmapState {
    fn default() -> RoadmapState {
        RoadmapState {
            timeline: Slot::Empty,
            row: 0,
            col: 0,
            top: 0,
            detail: None,
            scroll: 0,
            prompt: None,
            conflict: None,
        }
    }
}

impl RoadmapState {
    /// The focused initiative's id.
    pub fn focused_id(&self) -> Option<String> {
        let t = self.timeline.ready()?;
        t.rows().nth(self.row).map(|r| r.id.clone())
    }

    /// The focused year.
    pub fn focused_year(&self) -> Option<FiscalYear> {
        self.timeline.ready()?.years.get(self.col).copied()
    }

    /// The initiative a change goes to: the one shown whole, else the focused one.
    fn target(&self) -> Option<String> {
        match &self.detail {
            Some(Slot::Ready(d)) => Some(d.initiative.id.clone()),
            _ => self.focused_id(),
        }
    }
}

/// The timeline's lines: each approach's heading, then its initiatives.
pub fn lines(t: &Timeline) -> Vec<TimelineLine> {
    let mut out = Vec::new();
    let mut n = 0;
    for (g, group) in t.groups.iter().enumerate() {
        out.push(TimelineLine::Approach(g));
        for _ in &group.rows {
            out.push(TimelineLine::Initiative(n));
            n += 1;
        }
    }
    out
}

/// Lines around the timeline's own: the status, tab and hint lines of the screen, the
/// two heading lines and the two lines under the timeline.
const AROUND: usize = 3 + 2 + 2;

/// Lines of initiatives at the terminal's present size.
pub fn timeline_rows(app: &App) -> usize {
    usize::from(app.size.1).saturating_sub(AROUND).max(1)
}

/// The first line to draw so that the focused initiative shows in `rows` lines, with
/// its approach's heading when that fits.
pub fn top_for(s: &RoadmapState, t: &Timeline, rows: usize) -> usize {
    let all = lines(t);
    let at = all
        .iter()
        .position(|l| *l == TimelineLine::Initiative(s.row))
        .unwrap_or(0);
    let mut top = first_visible(s.top, at, rows);
    if at > 0 && top == at && matches!(all.get(at - 1), Some(TimelineLine::Approach(_))) {
        top = at - 1;
    }
    top
}

/// The key layer of the pane.
pub fn layer(app: &App) -> Layer {
    let s = &app.roadmap;
    if s.conflict.is_some() {
        Layer::ChangeConflict
    } else if s.prompt.is_some() {
        Layer::RoadmapText
    } else if s.detail.is_some() {
        Layer::RoadmapDetail
    } else {
        Layer::RoadmapTimeline
    }
}

/// Whether the question's field is empty (then `?` opens help).
pub fn field_empty(app: &App) -> bool {
    app.roadmap
        .prompt
        .as_ref()
        .is_none_or(|p| p.input.is_empty())
}

/// The pane has come to the front: read the timeline again.
pub fn entered(app: &mut App) -> Vec<Effect> {
    let mut out = vec![Effect::LoadRoadmap];
    if let Some(id) = app
        .roadmap
        .detail
        .as_ref()
        .and_then(|_| app.roadmap.target())
    {
        out.push(Effect::LoadRoadmapDetail { id });
    }
    out
}

/// Keeps the focus in view after the terminal changed size.
pub fn resized(app: &mut App) {
    let rows = timeline_rows(app);
    let s = &mut app.roadmap;
    if let Some(t) = s.timeline.ready() {
        s.top = top_for(s, t, rows);
    }
}

fn count(s: &RoadmapState) -> (usize, usize) {
    s.timeline
        .ready()
        .map_or((0, 0), |t| (t.rows().count(), t.years.len()))
}

/// Carries out an action on the pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    if app.roadmap.conflict.is_some() {
        return conflict::update(app, action);
    }
    if app.roadmap.prompt.is_some() {
        return ask_update(app, action);
    }
    let rows = timeline_rows(app);
    let in_detail = app.roadmap.detail.is_some();
    let detail_rows = detail::detail_rows(app);
    let detail_len = detail::line_count(app);
    let s = &mut app.roadmap;
    let (n, years) = count(s);
    let last = |len: usize| len.saturating_sub(1);
    match action {
        Action::Left => s.col = s.col.saturating_sub(1),
        Action::Right => s.col = (s.col + 1).min(last(years)),
        Action::Up if in_detail => s.scroll = s.scroll.saturating_sub(1),
        Action::Down if in_detail => {
            s.scroll = (s.scroll + 1).min(detail_len.saturating_sub(detail_rows))
        }
        Action::PageUp if in_detail => s.scroll = s.scroll.saturating_sub(detail_rows),
        Action::PageDown if in_detail => {
            s.scroll = (s.scroll + detail_rows).min(detail_len.saturating_sub(detail_rows))
        }
        Action::Up => s.row = s.row.saturating_sub(1),
        Action::Down => s.row = (s.row + 1).min(last(n)),
        Action::PageUp => s.row = s.row.saturating_sub(rows),
        Action::PageDown => s.row = (s.row + rows).min(last(n)),
        Action::Home => s.row = 0,
        Action::End => s.row = last(n),
        Action::Open => {
            if let Some(id) = s.focused_id() {
                s.detail = Some(Slot::Empty);
                s.scroll = 0;
                return vec![Effect::LoadRoadmapDetail { id }];
            }
        }
        Action::Back => s.detail = None,
        Action::SetProgress(status) => {
            if let (Some(id), Some(fy)) = (s.target(), s.focused_year()) {
                // Set from what the pane shows: refused if someone changed it since.
                return vec![Effect::ChangeInitiative {
                    opened: conflict::opened(s, &id),
                    id,
                    change: RoadmapChange::Status { fy, status },
                }];
            }
        }
        Action::AddNote => {
            if let (Some(id), Some(fy)) = (s.target(), s.focused_year()) {
                s.prompt = Some(Prompt::new(Ask::Note { id, fy }, ""));
            }
        }
        Action::EditPlan => {
            if let (Some(id), Some(fy)) = (s.target(), s.focused_year()) {
                let now = s
                    .timeline
                    .ready()
                    .and_then(|t| t.row(&id))
                    .and_then(|r| r.cells.iter().find(|c| c.fy == fy))
                    .and_then(|c| match &c.plan {
                        crate::domain::progress::PlanCell::Plan(text) => Some(text.clone()),
                        // An arrow is proposed as itself: Enter keeps it.
                        crate::domain::progress::PlanCell::Arrow => {
                            Some(crate::domain::progress::ARROW.to_string())
                        }
                        crate::domain::progress::PlanCell::Empty => None,
                    })
                    .unwrap_or_default();
                s.prompt = Some(Prompt::new(Ask::Plan { id, fy }, &now));
            }
        }
        _ => return Vec::new(),
    }
    if let Some(t) = s.timeline.ready() {
        s.top = top_for(s, t, rows);
    }
    Vec::new()
}

/// Keys while the question is open.
fn ask_update(app: &mut App, action: Action) -> Vec<Effect> {
    let s = &mut app.roadmap;
    let Some(prompt) = s.prompt.as_mut() else {
        return Vec::new();
    };
    match action {
        action if action.is_edit() => prompt.edit(&action),
        Action::Back => s.prompt = None,
        Action::Submit => {
            let text = prompt.input.text().to_string();
            return match prompt.kind.clone() {
                // A note adds to the history: nothing of anyone's is replaced.
                Ask::Note { id, fy } => vec![Effect::ChangeRoadmap {
                    id,
                    change: RoadmapChange::Note { fy: Some(fy), text },
                }],
                // A plan replaces the year's plan the question proposed.
                Ask::Plan { id, fy } => vec![Effect::ChangeInitiative {
                    opened: conflict::opened(s, &id),
                    id,
                    change: RoadmapChange::Plan { fy, text },
                }],
            };
        }
        _ => {}
    }
    Vec::new()
}

/// The timeline as the service gave it; the focus stays on the same initiative. The
/// first time, the focus goes to this fiscal year.
pub fn loaded(app: &mut App, t: Timeline) {
    let rows = timeline_rows(app);
    let s = &mut app.roadmap;
    let keep = s.focused_id();
    let first = s.timeline.ready().is_none();
    if let Some(at) = keep.and_then(|id| t.rows().position(|r| r.id == id)) {
        s.row = at;
    }
    s.row = s.row.min(t.rows().count().saturating_sub(1));
    if first && let Some(at) = t.years.iter().position(|y| *y == t.this_year()) {
        s.col = at;
    }
    s.col = s.col.min(t.years.len().saturating_sub(1));
    s.top = top_for(s, &t, rows);
    s.timeline = Slot::Ready(t);
}

pub fn detail_loaded(app: &mut App, d: InitiativeDetail) {
    if app.roadmap.detail.is_some() {
        app.roadmap.detail = Some(Slot::Ready(d));
    }
}

/// A read failed: the view says why.
pub fn load_failed(app: &mut App, detail: bool, message: String) {
    let s = &mut app.roadmap;
    if detail {
        if s.detail.is_some() {
            s.detail = Some(Slot::Failed(message));
        }
    } else {
        s.timeline = Slot::Failed(message);
    }
}

/// A change was made: the question closes and the line says what was done.
pub fn changed(app: &mut App, id: &str, change: &RoadmapChange) {
    let lang = app.look.lang;
    app.roadmap.prompt = None;
    app.notice = Some(Notice::Info(saved_text(id, change, lang)));
}

fn saved_text(id: &str, change: &RoadmapChange, lang: Lang) -> String {
    match change {
        RoadmapChange::Status { fy, status } => roadmap_fill(
            "roadmap.saved.status",
            &[id, &fy.short(), status.term(lang)],
            lang,
        ),
        RoadmapChange::Plan { fy, .. } => {
            roadmap_fill("roadmap.saved.plan", &[id, &fy.short()], lang)
        }
        _ => roadmap_fill("roadmap.saved.note", &[id], lang),
    }
}

/// A change was refused: in the question if one is open, else on the notice line.
pub fn change_failed(app: &mut App, message: String) {
    match app.roadmap.prompt.as_mut() {
        Some(p) => p.error = Some(message),
        None => app.notice = Some(Notice::Error(message)),
    }
}
