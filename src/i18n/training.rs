//! Messages of the training plan, enrollment and the self-study subsidy.

use super::{Lang, Term};
use crate::domain::era::both_calendars;
use crate::service::{EnrollFault, PlanFault, SubsidyFault};

/// Why an enrollment was refused, in the user's language.
pub fn enroll_fault(f: &EnrollFault, lang: Lang) -> String {
    use EnrollFault as F;
    match (f, lang) {
        (F::NoSuchSession(s), Lang::Ja) => format!("研修の回 {s} はありません"),
        (F::NoSuchSession(s), Lang::En) => format!("no session {s}"),
        (F::NoSuchEmployee(n), Lang::Ja) => {
            format!("職員番号 {n} の職員はいません")
        }
        (F::NoSuchEmployee(n), Lang::En) => format!("no employee {n}"),
        (F::NotEnrolled { session, staff_no }, Lang::Ja) => {
            format!("{staff_no} は {session} に申し込まれていません")
        }
        (F::NotEnrolled { session, staff_no }, Lang::En) => {
            format!("{staff_no} is not enrolled in {session}")
        }
        (F::Left(n), Lang::Ja) => format!("{n} は退職しています"),
        (F::Left(n), Lang::En) => format!("{n} has left"),
        (F::Closed { session, status }, Lang::Ja) => {
            format!("{session} は{}のため申し込めません", status.term(lang))
        }
        (F::Closed { session, status }, Lang::En) => {
            format!(
                "{session} is {} and takes no enrollments",
                status.term(lang)
            )
        }
        (F::NotEligible { name, .. }, Lang::Ja) => format!(
            "「{name}」の対象 (職層・職名・デジタル人材区分) ではありません。対象外で申し込むには理由を入力してください"
        ),
        (F::NotEligible { name, course }, Lang::En) => format!(
            "not in the audience of {name} ({course}: band, title or digital tier); give a reason to enroll anyway"
        ),
        (F::Already(status), Lang::Ja) => format!("既に申し込まれています ({})", status.term(lang)),
        (F::Already(status), Lang::En) => format!("already enrolled ({})", status.term(lang)),
        (F::SameDay { session, day }, Lang::Ja) => format!(
            "{} は別の研修 ({session}) を受講する日です。同じ日に二つの研修は受けられません",
            both_calendars(*day)
        ),
        (F::SameDay { session, day }, Lang::En) => {
            format!("on {day} the person is in another session ({session}); one session a day")
        }
        (F::Prerequisite { course }, Lang::Ja) => {
            format!("先に研修「{course}」を修了する必要があります")
        }
        (F::Prerequisite { course }, Lang::En) => {
            format!("course {course} must be completed first")
        }
        (F::Step(e), Lang::Ja) => match e {
            crate::domain::EnrollError::Cancelled => "取消された申込は変更できません".to_string(),
            crate::domain::EnrollError::Same(s) => format!("既に{}です", s.term(lang)),
            crate::domain::EnrollError::BackToApplied => "申込には戻せません".to_string(),
        },
        (F::Step(e), Lang::En) => match e {
            crate::domain::EnrollError::Cancelled => {
                "a cancelled enrollment does not change".to_string()
            }
            crate::domain::EnrollError::Same(s) => format!("already {}", s.term(lang)),
            crate::domain::EnrollError::BackToApplied => {
                "an enrollment does not go back to applied".to_string()
            }
        },
        (F::NotAttendance(s), Lang::Ja) => format!(
            "名簿では{}にできません (出席・欠席・修了・取消のみ。受講予定と待機は申込と取消で決まります)",
            s.term(lang)
        ),
        (F::NotAttendance(s), Lang::En) => format!(
            "a roster does not set {} (only attended, absent, completed, cancelled)",
            s.term(lang)
        ),
        (F::NoPlace(s), Lang::Ja) => format!(
            "{}の人には出欠を付けられません (受講枠のある人だけ)",
            s.term(lang)
        ),
        (F::NoPlace(s), Lang::En) => format!(
            "attendance is marked only for people with a place, not {}",
            s.term(lang)
        ),
        (F::NotYet(d), Lang::Ja) => format!(
            "この回は {} からです。出欠はその日から付けられます",
            both_calendars(*d)
        ),
        (F::NotYet(d), Lang::En) => {
            format!("the session starts on {d}; attendance is marked from then")
        }
        (F::NotInPost(d), Lang::Ja) => format!(
            "{} の時点で在職していません (採用前か退職後)",
            both_calendars(*d)
        ),
        (F::NotInPost(d), Lang::En) => format!("not on the staff on {d} (not yet hired, or gone)"),
        (F::EmptyReason, Lang::Ja) => "対象外で申し込む理由を入力してください".to_string(),
        (F::EmptyReason, Lang::En) => {
            "the reason to enroll outside the audience is empty".to_string()
        }
    }
}

pub fn plan_fault(f: &PlanFault, lang: Lang) -> String {
    use PlanFault as F;
    match (f, lang) {
        (F::Session(e), Lang::Ja) => match e {
            crate::domain::SessionError::NoDays => {
                "研修の回には実施日が少なくとも1日必要です".to_string()
            }
            crate::domain::SessionError::Capacity => "定員は1人以上にしてください".to_string(),
            crate::domain::SessionError::Days => {
                "実施日は重ならないよう日付順に並べてください".to_string()
            }
            crate::domain::SessionError::OutsideYear(d, y) => format!(
                "{} は{}年度の日付ではありません",
                both_calendars(*d),
                crate::domain::FiscalYear(*y).wareki()
            ),
        },
        (F::Session(e), Lang::En) => e.to_string(),
        (F::UnknownCourse(c), Lang::Ja) => format!("研修「{c}」はカタログにありません"),
        (F::UnknownCourse(c), Lang::En) => format!("no course {c} in the catalogue"),
        (F::YearPlanned(y), Lang::Ja) => format!("{}の計画は既にあります", y.wareki()),
        (F::YearPlanned(y), Lang::En) => format!("{} already has a plan", y.short()),
        (F::NothingToCopy(y), Lang::Ja) => format!("{}には写す研修の回がありません", y.wareki()),
        (F::NothingToCopy(y), Lang::En) => format!("{} has no sessions to copy", y.short()),
        (F::NoSuchSession(s), Lang::Ja) => format!("研修の回 {s} はありません"),
        (F::NoSuchSession(s), Lang::En) => format!("no session {s}"),
        (F::NotHigher(k), Lang::Ja) => {
            format!("提案 {k} のレベルには既に達しています (採用する必要はありません)")
        }
        (F::NotHigher(k), Lang::En) => format!("the level of proposal {k} is already reached"),
        (F::Decided(k), Lang::Ja) => format!("提案 {k} は既に判断済みです"),
        (F::Decided(k), Lang::En) => format!("proposal {k} is already decided"),
    }
}

pub fn subsidy_fault(f: &SubsidyFault, lang: Lang) -> String {
    use SubsidyFault as F;
    match (f, lang) {
        (F::NoSuchEmployee(n), Lang::Ja) => format!("職員番号 {n} の職員はいません"),
        (F::NoSuchEmployee(n), Lang::En) => format!("no employee {n}"),
        (F::NoSuchApplication(id), Lang::Ja) => format!("申請 {id} はありません"),
        (F::NoSuchApplication(id), Lang::En) => format!("no application {id}"),
        (F::NoSkill, Lang::Ja) => "スキルマップのスキルを選ぶか、対象とする理由を入力してください (スキルマップの規則が有効です)".to_string(),
        (F::NoSkill, Lang::En) => "name a skill of the skill map, or give a reason to accept it (the skill-map rule is on)".to_string(),
        (F::UnknownSkill(k), Lang::Ja) => format!("スキル「{k}」はスキルマップにありません"),
        (F::UnknownSkill(k), Lang::En) => format!("no skill {k} in the skill map"),
        (F::OverBudget { amount, remaining }, Lang::Ja) => format!(
            "承認すると予算を超えます (助成額 {amount}円、残り {remaining}円)"
        ),
        (F::OverBudget { amount, remaining }, Lang::En) => {
            format!("approving it would exceed the budget ({amount} yen; {remaining} yen remain)")
        }
        (F::Step { from, to }, Lang::Ja) => format!("{}から{}にはできません", from.term(lang), to.term(lang)),
        (F::Step { from, to }, Lang::En) => format!("{} cannot become {}", from.term(lang), to.term(lang)),
        (F::NoBand(n), Lang::Ja) => format!("{n} の職名に職層がないため助成率が決まりません"),
        (F::NoBand(n), Lang::En) => format!("{n}'s title has no band, so no rate applies"),
        (F::EmptyTitle, Lang::Ja) => "講座名・資格名を入力してください".to_string(),
        (F::EmptyTitle, Lang::En) => "the course or qualification is empty".to_string(),
    }
}
