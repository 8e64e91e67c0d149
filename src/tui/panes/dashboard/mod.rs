//! Pane 6 ダッシュボード: what the managers' meetings look at. Four views, switched by
//! key: the KPI series as bar charts (the figure beside the count computed from the
//! staff records), digital talent against the policy's targets, the mandatory courses
//! taken by 所属, and the work-engagement survey as a heatmap of workplaces by scale.
//! `[` and `]` change the fiscal year of every view. The figures are read again each
//! time the pane comes to the front, since other panes change them.

pub mod draw;
pub mod heat;

pub use heat::{Heat, heat_rows};

use super::Slot;
use crate::domain::FiscalYear;
use crate::service::{Dashboard, SurveyView};
use crate::tui::action::Action;
use crate::tui::app::App;
use crate::tui::effect::Effect;
use crate::tui::keymap::Layer;

/// The views of the pane.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum View {
    Kpi,
    Talent,
    Coverage,
    Engagement,
}

impl View {
    pub const ALL: [View; 4] = [View::Kpi, View::Talent, View::Coverage, View::Engagement];

    pub fn label_key(self) -> &'static str {
        match self {
            View::Kpi => "dash.view.kpi",
            View::Talent => "dash.view.talent",
            View::Coverage => "dash.view.coverage",
            View::Engagement => "dash.view.engagement",
        }
    }
}

/// The survey of a year, or why there is none to show.
pub enum Survey {
    Shown(Box<SurveyView>),
    /// The year has no results imported.
    NoResults,
}

pub struct DashboardState {
    pub view: View,
    /// The fiscal year shown.
    pub year: FiscalYear,
    /// Today's fiscal year: the last one that can be shown.
    pub current: FiscalYear,
    pub board: Slot<Dashboard>,
    pub survey: Slot<Survey>,
    /// The first line shown of each view's list (talent, coverage, heatmap).
    pub top: [usize; 4],
    /// The first scale shown in the heatmap, when not all fit across.
    pub scale: usize,
}

impl DashboardState {
    pub fn new(today: crate::domain::Date) -> DashboardState {
        let current = FiscalYear::of(today);
        DashboardState {
            view: View::Kpi,
            year: current,
            current,
            board: Slot::Empty,
            survey: Slot::Empty,
            top: [0; 4],
            scale: 0,
        }
    }

    fn index(view: View) -> usize {
        View::ALL.iter().position(|v| *v == view).unwrap_or(0)
    }

    /// The first line shown of a view's list.
    pub fn top_of(&self, view: View) -> usize {
        self.top[Self::index(view)]
    }
}

/// The first fiscal year the pane goes back to: the policy's first KPI year (R1).
pub const FIRST_YEAR: FiscalYear = FiscalYear(2019);

/// Lines around a view's list at the terminal's size: the status line, the pane tabs
/// and the hint line of the screen; the view line, the view's own heading lines and
/// one line below.
const AROUND: usize = 3 + 1 + 4 + 1;

/// Lines of a view's list that a scroll moves past.
pub fn lines_of(app: &App, view: View) -> usize {
    let d = &app.dashboard;
    match view {
        View::Kpi => 0,
        View::Talent => d
            .board
            .ready()
            .map_or(0, |b| b.talent.sections_below().len()),
        View::Coverage => d.board.ready().map_or(0, |b| b.coverage.sections.len()),
        View::Engagement => match d.survey.ready() {
            Some(Survey::Shown(s)) => heat_rows(s).len(),
            _ => 0,
        },
    }
}

/// Rows of a list at the terminal's present size.
pub fn list_rows(app: &App) -> usize {
    usize::from(app.size.1).saturating_sub(AROUND).max(1)
}

/// The key layer of the pane.
pub fn layer(_app: &App) -> Layer {
    Layer::Dashboard
}

fn load(app: &App) -> Vec<Effect> {
    let d = &app.dashboard;
    let mut out = vec![Effect::LoadDashboard { year: d.year }];
    if d.view == View::Engagement {
        out.push(Effect::LoadSurvey { year: d.year });
    }
    out
}

/// The pane has come to the front: read its figures again.
pub fn entered(app: &mut App) -> Vec<Effect> {
    load(app)
}

/// Keeps the lists in range after the terminal changed size.
pub fn resized(app: &mut App) {
    for view in View::ALL {
        scroll(app, view, 0);
    }
}

fn scroll(app: &mut App, view: View, by: isize) {
    let last = lines_of(app, view).saturating_sub(list_rows(app));
    let i = DashboardState::index(view);
    let top = &mut app.dashboard.top[i];
    *top = top.saturating_add_signed(by).min(last);
}

/// Carries out an action on the pane.
pub fn update(app: &mut App, action: Action) -> Vec<Effect> {
    let page = list_rows(app) as isize;
    let view = app.dashboard.view;
    match action {
        Action::DashboardView(v) => {
            let d = &mut app.dashboard;
            d.view = v;
            if v == View::Engagement && d.survey.wants(true) {
                return vec![Effect::LoadSurvey { year: d.year }];
            }
        }
        Action::EarlierYear | Action::LaterYear => {
            let d = &mut app.dashboard;
            let year = if action == Action::EarlierYear {
                FiscalYear(d.year.0 - 1).max(FIRST_YEAR)
            } else {
                d.year.next().min(d.current)
            };
            if year != d.year {
                d.year = year;
                d.survey = Slot::Empty;
                d.top = [0; 4];
                d.scale = 0;
                return load(app);
            }
        }
        Action::Up => scroll(app, view, -1),
        Action::Down => scroll(app, view, 1),
        Action::PageUp => scroll(app, view, -page),
        Action::PageDown => scroll(app, view, page),
        Action::Left => {
            let d = &mut app.dashboard;
            d.scale = d.scale.saturating_sub(1);
        }
        Action::Right => {
            let scales = match app.dashboard.survey.ready() {
                Some(Survey::Shown(s)) => s.scales.len(),
                _ => 0,
            };
            let d = &mut app.dashboard;
            d.scale = (d.scale + 1).min(scales.saturating_sub(1));
        }
        Action::Home => scroll(app, view, isize::MIN),
        Action::End => scroll(app, view, isize::MAX),
        _ => {}
    }
    Vec::new()
}

/// The figures of a year as the service gave them.
pub fn loaded(app: &mut App, board: Dashboard) {
    app.dashboard.board = Slot::Ready(board);
    resized(app);
}

/// The survey of a year as the service gave it.
pub fn survey_loaded(app: &mut App, survey: Survey) {
    app.dashboard.survey = Slot::Ready(survey);
    resized(app);
}

/// A read failed: the view says why.
pub fn load_failed(app: &mut App, survey: bool, message: String) {
    let d = &mut app.dashboard;
    if survey {
        d.survey = Slot::Failed(message);
    } else {
        d.board = Slot::Failed(message);
    }
}
