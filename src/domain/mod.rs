//! Pure types and rules of the HR domain. No I/O here, and no redb, ratatui or
//! crossterm: a test under tests/ keeps it so.

pub mod account;
pub mod band;
pub mod brief;
pub mod cases;
pub mod clock;
pub mod date;
pub mod employee;
pub mod enrollment;
pub mod era;
pub mod gap;
pub mod interned;
pub mod kana;
pub mod kpi;
pub mod level;
pub mod org;
pub mod progress;
pub mod roadmap;
pub mod settings;
pub mod skill;
pub mod subsidy;
pub mod survey;
pub mod training;

pub use account::{Account, Role};
pub use band::{Band, TitleBand, TitleMap};
pub use brief::{Brief, Post};
pub use clock::{Clock, FixedClock, Timestamp};
pub use date::Date;
pub use employee::{
    Assignment, AssignmentKind, CareerTrack, DigitalTier, Employee, EmploymentType, Leaving, Status,
};
pub use enrollment::{EnrollError, EnrollStatus, Enrollment, Proposal, ProposalState, Step};
pub use era::FiscalYear;
pub use gap::{Gap, MapSkill, Share, Tally};
pub use kpi::{CourseClass, DigitalDomain, KpiSeries, TierTarget};
pub use kpi::{KpiEntry, KpiFault, KpiSource};
pub use level::{Dated, Level, LevelEntry, SkillSheet, Source};
pub use org::{OrgTree, OrgUnit, UnitKind, UnitTag};
pub use progress::{InitiativeProgress, Progress, ReportMark};
pub use roadmap::{Approach, Initiative, PlanPeriod};
pub use settings::Settings;
pub use skill::{Category, Image, MapError, Mindset, MindsetScope, Skill, SkillOn, SkillVersion};
pub use subsidy::{Application, Budget, SubsidyRules, SubsidyStatus, SubsidyStep};
pub use training::{Audience, Candidate, Course, CourseKind, Session, SessionError, SessionStatus};
