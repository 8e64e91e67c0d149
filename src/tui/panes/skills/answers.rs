//! What the runtime calls with the service's answers: data read for a view, a level
//! stored or put back, the map changed. A level changes only its cell, so a matrix of
//! hundreds of people is never read again for one keystroke.

use super::map::MapState;
use super::matrix::{MatrixState, UNDO_DEPTH, UndoStep};
use super::proposals::ProposalsState;
use super::reports::{GapsState, TiersState};
use super::{Slot, View, body, list_rows};
use crate::domain::{Level, Proposal, Skill};
use crate::i18n::tui;
use crate::service::LevelChange;
use crate::service::{GapReport, MapView, Matrix, TierReport};
use crate::tui::app::{App, Notice};

pub fn map_loaded(app: &mut App, view: MapView) {
    let (_, h) = body(app);
    let s = &mut app.skills;
    let (key, band) = match s.map.ready() {
        Some(m) => (m.skill().map(|k| k.key.clone()), m.band),
        None => (None, 0),
    };
    let key = s.map_want.take().or(key);
    let mut state = MapState::new(view, key.as_deref(), band);
    state.scroll(list_rows(h));
    s.map = Slot::Ready(state);
}

pub fn matrix_loaded(app: &mut App, m: Matrix, person: Option<&str>, skill: Option<&str>) {
    let (w, h) = body(app);
    let mut state = MatrixState::new(m, person, skill);
    state.scroll(w, h);
    app.skills.matrix = Slot::Ready(state);
}

pub fn gaps_loaded(app: &mut App, report: GapReport) {
    let (_, h) = body(app);
    let s = &mut app.skills;
    let skill = s.gaps.ready().and_then(|g| g.skill()).map(str::to_string);
    let mut state = GapsState::new(report, skill.as_deref());
    state.scroll(list_rows(h));
    s.gaps = Slot::Ready(state);
}

pub fn tiers_loaded(app: &mut App, report: TierReport) {
    app.skills.tiers = Slot::Ready(TiersState::new(report));
}

/// A read failed: the view says why instead of showing data.
pub fn load_failed(app: &mut App, view: View, message: String) {
    let s = &mut app.skills;
    match view {
        View::Map => s.map = Slot::Failed(message),
        View::Matrix => s.matrix = Slot::Failed(message),
        View::Gaps => s.gaps = Slot::Failed(message),
        View::Tiers => s.tiers = Slot::Failed(message),
        View::Proposals => s.proposals = Slot::Failed(message),
    }
}

pub fn proposals_loaded(app: &mut App, all: Vec<Proposal>) {
    let (_, h) = body(app);
    let s = &mut app.skills;
    let key = s
        .proposals
        .ready()
        .and_then(|p| p.selected())
        .map(Proposal::key);
    let mut state = ProposalsState::new(all, key.as_deref());
    state.cursor.scroll(list_rows(h));
    s.proposals = Slot::Ready(state);
}

/// An assessor decided a proposal: it leaves the list. An accepted one is a level from
/// the completion day, so the matrix and the gap report read again when next shown.
pub fn proposal_decided(app: &mut App, key: &str, accept: bool, name: &str) {
    let lang = app.look.lang;
    let s = &mut app.skills;
    let gone = s.proposals.ready_mut().and_then(|p| p.remove(key));
    if accept {
        if let Some(m) = s.matrix.ready_mut() {
            m.stale = true;
        }
        if let Some(g) = s.gaps.ready_mut() {
            g.stale = true;
        }
    }
    let said = if accept {
        "proposals.accepted"
    } else {
        "proposals.rejected"
    };
    let what = gone.map_or(String::new(), |p| {
        format!(
            ": {name} {} {}",
            super::draw::skill_name(app, &p.skill),
            p.level
        )
    });
    app.notice = Some(Notice::Info(format!("{}{what}", tui(said, lang))));
}

/// The service stored a level typed in (`row`, `col`): the cell shows it, undo keeps
/// the rows it replaced, and the cursor moves on if it is still on that cell.
pub fn level_stored(
    app: &mut App,
    staff_no: &str,
    skill: &str,
    level: Level,
    at: (usize, usize),
    change: LevelChange,
) {
    let (w, h) = body(app);
    let s = &mut app.skills;
    if let Some(g) = s.gaps.ready_mut() {
        g.stale = true;
    }
    let Some(m) = s.matrix.ready_mut() else {
        return;
    };
    let (Some(row), Some(col)) = (m.find_row(at.0, staff_no), m.find_col(at.1, skill)) else {
        return;
    };
    let shown = m.level(row, col);
    m.set(row, col, Some(level));
    if (m.row, m.col) == (row, col) {
        m.advance();
        m.scroll(w, h);
    }
    if s.undo.len() >= UNDO_DEPTH {
        s.undo.remove(0);
    }
    s.undo.push(UndoStep {
        staff_no: staff_no.to_string(),
        skill: skill.to_string(),
        change,
        row,
        col,
        shown,
    });
}

/// The service put a cell's rows back: the cell shows its old level and the cursor
/// goes to it, so the next digit re-enters it.
pub fn levels_restored(app: &mut App, step: &UndoStep) {
    let lang = app.look.lang;
    let (w, h) = body(app);
    let s = &mut app.skills;
    if let Some(g) = s.gaps.ready_mut() {
        g.stale = true;
    }
    let Some(m) = s.matrix.ready_mut() else {
        return;
    };
    let found = (
        m.find_row(step.row, &step.staff_no),
        m.find_col(step.col, &step.skill),
    );
    let (Some(row), Some(col)) = found else {
        app.notice = Some(Notice::Info(tui("matrix.undone", lang).into()));
        return;
    };
    m.set(row, col, step.shown);
    m.row = row;
    m.col = col;
    m.scroll(w, h);
    let name = m.matrix.rows[row].name.clone();
    let shown = step.shown.map_or("-".to_string(), |l| l.to_string());
    app.notice = Some(Notice::Info(format!(
        "{}: {name} {shown}",
        tui("matrix.undone", lang)
    )));
}

/// Undo could not be carried out: the step goes back on the stack to try again.
pub fn restore_failed(app: &mut App, step: UndoStep) {
    app.skills.undo.push(step);
}

/// The map changed: say so, and let the views that show it read it again (the caller
/// reads the map at once).
pub fn map_edited(app: &mut App, skill: &Skill) {
    let lang = app.look.lang;
    let s = &mut app.skills;
    if let Some(m) = s.matrix.ready_mut() {
        m.stale = true;
    }
    if let Some(g) = s.gaps.ready_mut() {
        g.stale = true;
    }
    // The cursor stays on the skill edited (an added one, so its marks can be set at
    // once); a retired one leaves the map, and its neighbour takes the cursor.
    s.map_want = Some(skill.key.clone());
    if skill.retired
        && let Some(m) = s.map.ready_mut()
    {
        let mut next = m.skill().map(|k| k.key.clone());
        m.move_by(1);
        if m.skill().map(|k| &k.key) == Some(&skill.key) {
            m.move_by(-1);
        }
        if m.skill().map(|k| &k.key) != Some(&skill.key) {
            next = m.skill().map(|k| k.key.clone());
        }
        s.map_want = next;
    }
    let key = if skill.retired {
        "map.retired"
    } else {
        "map.changed"
    };
    app.notice = Some(Notice::Info(format!("{}: {}", tui(key, lang), skill.name)));
}
