//! The message catalogue: every user-facing string, in Japanese (the default) and
//! English. Code elsewhere names a message; it never spells one.

mod audit;
pub mod case_text;
mod case_words;
mod cases;
mod cases_help;
mod conflict;
mod dashboard;
mod faults;
mod import;
mod labels;
mod messages;
mod roadmap;
mod server;
mod skills;
mod survey;
mod training;
mod training_cli;
mod tui;

pub use audit::{
    AUDIT_HELP_JA, audit_expect_hint, audit_failed, audit_fault, audit_headings, audit_time,
    audit_verdict, bad_hash, short_hash,
};
pub use case_words::{
    CaseWord, case_saved, case_word, domain_status, granted, holder_warning, keys_made, no_secret,
    no_terminal, passphrase_changed, passphrases_differ, recovered, recovery_shown, revoked,
    which_domain,
};
pub use cases::{case_error, case_fault};
pub use cases_help::{CASES_HELP_JA, TARGET_HELP_JA};
pub use conflict::{conflict_heading, conflict_message, conflict_text};
pub use dashboard::{
    DASHBOARD_HELP_JA, dash, dash_day, dash_scale, dashboard_headings, dashboard_note, kpi_fault,
    kpi_saved, kpi_source, per_mille_text,
};
pub use faults::{employee_fault, employee_rule, skill_fault};
pub use import::{
    IMPORT_HELP_JA, ImportTarget, csv_problem, export_done, export_refused, gaiji_table,
    ignored_columns, import_issue, import_progress, import_rejected, import_summary,
};
pub use labels::{fault, field, kind_label, role_label, table_label};
pub use messages::Msg;
pub use roadmap::{ROADMAP_HELP_JA, roadmap_fault, roadmap_fill, roadmap_text, roadmap_word};
pub use server::{
    call_failed, conn_closed, conn_opened, keys_forgotten, link_fault, reply_too_large,
    serve_error, serve_full, serve_no_socket, serve_stopped, serve_stopping, serve_trouble,
    serving,
};
pub use skills::{
    SETTINGS_HELP_JA, SKILLS_HELP_JA, SkillWord, band_heading, map_note, matrix_note,
    person_gaps_note, settings_heading, settings_saved, share_note, skill_export_done,
    skill_import_summary, skill_word, target_year_heading, targets_note, unknown_unit,
};
pub use survey::{
    SURVEY_HELP_JA, SurveyWord, merged_into, no_survey, report_refused, scale_name, sheet_text,
    survey_import_summary, survey_issue, survey_word, survey_year,
};
pub use training::{enroll_fault, plan_fault, subsidy_fault};
pub use training_cli::{
    BulkCounts, TRAINING_HELP_JA, TrainingWord, attendance_done, audience_text, budget_note,
    bulk_done, bulk_hint, bulk_nobody, bulk_note, courses_note, duty_line, enroll_closing,
    enroll_refused_line, enrolled_line, enrollment_import_summary, enrollment_issue,
    enrollment_waiting_line, outcome_word, outstanding_note, plan_copied, promoted_line,
    proposal_decided, proposals_made, proposals_note, roster_note, sessions_note, status_choices,
    subsidy_applied, subsidy_choices, subsidy_decided, training_word, training_words, yen,
};
pub use tui::tui;

/// The language of the messages.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub enum Lang {
    #[default]
    Ja,
    En,
}

impl Lang {
    /// Reads `ja` or `en` (and `ja_JP.UTF-8`-style locale names).
    pub fn parse(text: &str) -> Option<Lang> {
        let t = text.trim().to_ascii_lowercase();
        if t == "ja" || t.starts_with("ja_") || t.starts_with("ja-") || t.starts_with("ja.") {
            Some(Lang::Ja)
        } else if t == "en" || t.starts_with("en_") || t.starts_with("en-") {
            Some(Lang::En)
        } else {
            None
        }
    }

    /// The language from the locale variables: Japanese when they are unset, `C` or
    /// `POSIX` (common over SSH) or Japanese; English for any other language.
    pub fn from_locale(var: impl Fn(&str) -> Option<String>) -> Lang {
        let value = ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| var(k))
            .find(|v| !v.is_empty());
        match value.as_deref() {
            None => Lang::Ja,
            Some(v) => {
                let base = v.split(['.', '@']).next().unwrap_or("");
                if base == "C" || base == "POSIX" || base.to_ascii_lowercase().starts_with("ja") {
                    Lang::Ja
                } else {
                    Lang::En
                }
            }
        }
    }

    /// Picks the text for this language.
    pub fn pick<'a>(self, ja: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Ja => ja,
            Lang::En => en,
        }
    }
}

/// A term of the policy as the user's language writes it: the policy's word in
/// Japanese, the stable code in English. Forms read either back.
pub trait Term: Copy {
    fn term(self, lang: Lang) -> &'static str;
}

macro_rules! terms {
    ($($ty:ty),*) => {
        $(impl Term for $ty {
            fn term(self, lang: Lang) -> &'static str {
                lang.pick(self.ja(), self.code())
            }
        })*
    };
}

terms!(
    crate::domain::EmploymentType,
    crate::domain::CareerTrack,
    crate::domain::DigitalTier,
    crate::domain::Status,
    crate::domain::AssignmentKind,
    crate::domain::CourseKind,
    crate::domain::training::CourseClass,
    crate::domain::SessionStatus,
    crate::domain::EnrollStatus,
    crate::domain::ProposalState,
    crate::domain::SubsidyStatus,
    crate::domain::cases::CaseDomain,
    crate::domain::cases::HealthKind,
    crate::domain::cases::StepStatus,
    crate::domain::cases::Channel,
    crate::domain::cases::HarassmentKind,
    crate::domain::cases::Stage,
    crate::domain::cases::Field
);

#[cfg(test)]
mod tests {
    use super::*;

    fn env<'a>(pairs: &'a [(&'a str, &'a str)]) -> impl Fn(&str) -> Option<String> + 'a {
        move |k| {
            pairs
                .iter()
                .find(|(n, _)| *n == k)
                .map(|(_, v)| v.to_string())
        }
    }

    #[test]
    fn japanese_unless_another_language_is_set() {
        assert_eq!(Lang::from_locale(env(&[])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "POSIX")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "C.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8")])), Lang::Ja);
        assert_eq!(Lang::from_locale(env(&[("LANG", "en_US.UTF-8")])), Lang::En);
        assert_eq!(
            Lang::from_locale(env(&[("LANG", "ja_JP.UTF-8"), ("LC_ALL", "de_DE.UTF-8")])),
            Lang::En
        );
    }

    #[test]
    fn parses_names() {
        assert_eq!(Lang::parse("ja"), Some(Lang::Ja));
        assert_eq!(Lang::parse("EN"), Some(Lang::En));
        assert_eq!(Lang::parse("fr"), None);
    }
}
