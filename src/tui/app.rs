//! The application state: which pane, which overlay, the staff pane's state, and what
//! the status line says. Drawing reads it; only `update` changes it.

use super::keymap::{Context, Layer};
use super::panes::admin::{self, AdminState};
use super::panes::cases::{self, CasesState};
use super::panes::dashboard::{self, DashboardState};
use super::panes::roadmap::{self, RoadmapState};
use super::panes::skills::{SkillsState, View};
use super::panes::staff::{Focus, StaffState};
use super::panes::training::{self, Ask, TrainingState};
use super::widgets::prompt::Prompt;
use crate::i18n::Lang;

/// The seven panes, in the order F1-F7 reach them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Pane {
    Staff,
    Skills,
    Training,
    Cases,
    Roadmap,
    Dashboard,
    Admin,
}

impl Pane {
    pub const ALL: [Pane; 7] = [
        Pane::Staff,
        Pane::Skills,
        Pane::Training,
        Pane::Cases,
        Pane::Roadmap,
        Pane::Dashboard,
        Pane::Admin,
    ];

    pub fn number(self) -> usize {
        Pane::ALL.iter().position(|p| *p == self).unwrap_or(0) + 1
    }

    pub fn label_key(self) -> &'static str {
        match self {
            Pane::Staff => "pane.staff",
            Pane::Skills => "pane.skills",
            Pane::Training => "pane.training",
            Pane::Cases => "pane.cases",
            Pane::Roadmap => "pane.roadmap",
            Pane::Dashboard => "pane.dashboard",
            Pane::Admin => "pane.admin",
        }
    }

    /// The pane `step` places to the right, wrapping around.
    pub fn step(self, step: isize) -> Pane {
        let n = Pane::ALL.len() as isize;
        let i = (self.number() as isize - 1 + step).rem_euclid(n);
        Pane::ALL[i as usize]
    }
}

/// A question waiting for yes or no.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Confirm {
    /// Quit with a form unsaved.
    Quit,
    /// Close a form unsaved.
    Discard,
    /// Retire the skill the skills pane holds as pending.
    Retire,
    /// Cancel the enrollment the training pane holds as pending.
    CancelEnrollment,
    /// Copy the plan the training pane holds as pending into the next year.
    CopyPlan,
    /// Reject the subsidy application the training pane holds as pending.
    RejectSubsidy,
}

/// How things look, from the command line, the config file and the environment.
#[derive(Clone, Copy, Debug)]
pub struct Look {
    pub lang: Lang,
    /// ASCII borders for terminals that draw box characters two cells wide.
    pub ascii: bool,
    /// Colours off (NO_COLOR).
    pub plain: bool,
}

/// What the status line shows.
#[derive(Clone, Debug, Default)]
pub struct StatusInfo {
    pub database: String,
    pub account: String,
    pub roles: String,
    pub fiscal_year: String,
    pub demo: bool,
}

/// A line of feedback: saved, refused, failed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

pub struct App {
    pub look: Look,
    pub status: StatusInfo,
    pub pane: Pane,
    pub staff: StaffState,
    pub skills: SkillsState,
    pub training: TrainingState,
    /// Pane 7; what it shows follows the roles, set when the app is loaded.
    pub admin: AdminState,
    /// Pane 6: KPIs, digital talent, training coverage and engagement.
    pub dashboard: DashboardState,
    pub cases: CasesState,
    /// Pane 5: the timeline, the detail and its question.
    pub roadmap: RoadmapState,
    /// A question about training (a session, a person, a reason) open over the pane
    /// it was asked from.
    pub ask: Option<Prompt<Ask>>,
    /// The terminal's size as the runtime last saw it (columns, rows): scrolling keeps
    /// a cursor in view with it. Drawing still fits whatever area it is given.
    pub size: (u16, u16),
    /// The help overlay, with the layer it describes.
    pub help: Option<Layer>,
    pub help_scroll: u16,
    pub confirm: Option<Confirm>,
    pub notice: Option<Notice>,
    pub quit: bool,
}

impl App {
    pub fn new(look: Look, status: StatusInfo, staff: StaffState) -> App {
        let today = staff.org.today;
        App {
            look,
            status,
            pane: Pane::Staff,
            staff,
            skills: SkillsState::new(today),
            training: TrainingState::new(today),
            admin: AdminState::default(),
            dashboard: DashboardState::new(today),
            cases: CasesState::new(&Default::default()),
            roadmap: RoadmapState::default(),
            ask: None,
            size: (80, 24),
            help: None,
            help_scroll: 0,
            confirm: None,
            notice: None,
            quit: false,
        }
    }

    /// The layer keys go to, from the state, in the fixed order.
    pub fn layer(&self) -> Layer {
        if self.confirm.is_some() {
            return Layer::Confirm;
        }
        if self.help.is_some() {
            return Layer::Help;
        }
        self.base_layer()
    }

    /// The layer beneath any overlay.
    pub fn base_layer(&self) -> Layer {
        if self.ask.is_some() {
            return Layer::Prompt;
        }
        match self.pane {
            Pane::Staff if self.staff.conflict.is_some() => Layer::Conflict,
            Pane::Staff => match self.staff.focus {
                Focus::Form | Focus::Filter => Layer::Form,
                Focus::Search => Layer::Search,
                Focus::Results => Layer::List,
                Focus::Card | Focus::History | Focus::Gaps | Focus::Trainings => Layer::Card,
            },
            Pane::Skills => {
                let s = &self.skills;
                if s.conflict.is_some() {
                    return Layer::ChangeConflict;
                }
                if s.prompt.is_some() {
                    return Layer::Prompt;
                }
                match s.view {
                    View::Map => Layer::Map,
                    View::Matrix => Layer::Grid,
                    View::Gaps => Layer::Gaps,
                    View::Tiers => Layer::Tiers,
                    View::Proposals => Layer::Proposals,
                }
            }
            Pane::Training => training::layer(self),
            Pane::Admin => admin::layer(self),
            Pane::Dashboard => dashboard::layer(self),
            Pane::Cases => cases::layer(self),
            Pane::Roadmap => roadmap::layer(self),
        }
    }

    pub fn key_context(&self) -> Context {
        let field_empty = match self.layer() {
            Layer::Search => self.staff.query.is_empty(),
            Layer::Form => match (&self.staff.filter_form, &self.staff.form) {
                (Some(f), _) if self.staff.focus == Focus::Filter => f.current().is_empty(),
                (_, Some(f)) => f.current().is_empty(),
                _ => true,
            },
            Layer::Prompt => match &self.ask {
                Some(a) => a.input.is_empty(),
                None => self
                    .skills
                    .prompt
                    .as_ref()
                    .is_none_or(|p| p.input.is_empty()),
            },
            Layer::BulkForm => self
                .training
                .bulk
                .as_ref()
                .and_then(|b| b.form.current())
                .is_none_or(|t| t.is_empty()),
            Layer::RoadmapText => roadmap::field_empty(self),
            _ => false,
        };
        Context { field_empty }
    }

    /// Whether leaving now would lose typed data.
    pub fn unsaved(&self) -> bool {
        self.staff.form.as_ref().is_some_and(|f| f.dirty)
    }
}
