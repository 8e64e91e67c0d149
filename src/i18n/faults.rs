//! What is wrong with a staff record or a skill level, as a form shows it beside the
//! field and an import lists it by line and column.

use super::Lang;
use crate::domain::MapError;
use crate::domain::employee::EmployeeError;
use crate::domain::era::both_calendars;
use crate::service::{EmployeeFault, SkillFault};

pub fn employee_fault(f: &EmployeeFault, lang: Lang) -> String {
    match (f, lang) {
        (EmployeeFault::DuplicateStaffNo(n), Lang::Ja) => {
            format!("職員番号 {n} は既に使われています")
        }
        (EmployeeFault::DuplicateStaffNo(n), Lang::En) => {
            format!("staff number {n} is already in use")
        }
        (EmployeeFault::NoSuchEmployee(n), Lang::Ja) => format!("職員番号 {n} の職員はいません"),
        (EmployeeFault::NoSuchEmployee(n), Lang::En) => format!("no employee {n}"),
        (EmployeeFault::UnknownUnit(c), Lang::Ja) => {
            format!("所属コード {c} は組織の表にありません")
        }
        (EmployeeFault::UnknownUnit(c), Lang::En) => format!("no organisation unit {c}"),
        (EmployeeFault::UnitClosed(c, d), Lang::Ja) => format!(
            "所属コード {c} は {} には存在しません (組織の有効期間外)",
            both_calendars(*d)
        ),
        (EmployeeFault::UnitClosed(c, d), Lang::En) => {
            format!("organisation unit {c} does not exist on {d}")
        }
        (EmployeeFault::UnknownTitle(t), Lang::Ja) => format!("職名「{t}」は職名の表にありません"),
        (EmployeeFault::UnknownTitle(t), Lang::En) => {
            format!("no title \"{t}\" in the title table")
        }
        (EmployeeFault::Rule(rule), _) => employee_rule(rule, lang),
    }
}

pub fn employee_rule(rule: &EmployeeError, lang: Lang) -> String {
    match (rule, lang) {
        (EmployeeError::StaffNo, Lang::Ja) => {
            "職員番号は英数字で入力してください (空白は使えません)".into()
        }
        (EmployeeError::StaffNo, Lang::En) => {
            "the staff number takes letters and digits, no spaces".into()
        }
        (EmployeeError::Name, Lang::Ja) => "氏名を入力してください".into(),
        (EmployeeError::Name, Lang::En) => "enter the name".into(),
        (EmployeeError::Reading(r), Lang::Ja) => format!("フリガナはかなで入力してください ({r})"),
        (EmployeeError::Reading(r), Lang::En) => format!("the reading must be kana ({r})"),
        (EmployeeError::HiredBeforeBorn(h, b), Lang::Ja) => format!(
            "採用日 {} が生年月日 {} より前です",
            both_calendars(*h),
            both_calendars(*b)
        ),
        (EmployeeError::HiredBeforeBorn(h, b), Lang::En) => {
            format!("hire date {h} is before birth {b}")
        }
        (EmployeeError::NoAssignment, Lang::Ja) => "所属と職名を入力してください".into(),
        (EmployeeError::NoAssignment, Lang::En) => "enter the unit and the title".into(),
        (EmployeeError::AssignmentBeforeHire(a, h), Lang::Ja) => format!(
            "発令日 {} が採用日 {} より前です",
            both_calendars(*a),
            both_calendars(*h)
        ),
        (EmployeeError::AssignmentBeforeHire(a, h), Lang::En) => {
            format!("effective date {a} is before the hire date {h}")
        }
        (EmployeeError::SameDay(d), Lang::Ja) => {
            format!("{} には既に発令があります", both_calendars(*d))
        }
        (EmployeeError::SameDay(d), Lang::En) => format!("there is already a post from {d}"),
        (EmployeeError::Leaving, Lang::Ja) => {
            "状態「退職」と退職日はそろえて入力してください".into()
        }
        (EmployeeError::Leaving, Lang::En) => "status 退職 and a leaving date go together".into(),
    }
}

pub fn skill_fault(f: &SkillFault, lang: Lang) -> String {
    match (f, lang) {
        (SkillFault::NoSuchEmployee(n), Lang::Ja) => format!("職員番号 {n} の職員はいません"),
        (SkillFault::NoSuchEmployee(n), Lang::En) => format!("no employee {n}"),
        (SkillFault::UnknownSkill(k), Lang::Ja) => {
            format!("スキル「{k}」はスキルマップにもデジタルスキル領域にもありません")
        }
        (SkillFault::UnknownSkill(k), Lang::En) => {
            format!("\"{k}\" is neither a skill of the map nor a digital domain")
        }
        (SkillFault::Retired(k), Lang::Ja) => {
            format!(
                "スキル「{k}」は廃止されています (履歴は残りますが、新しい評価は記録できません)"
            )
        }
        (SkillFault::Retired(k), Lang::En) => {
            format!("skill \"{k}\" is retired: its history stays, new levels are not taken")
        }
        (SkillFault::UnknownCategory(c), Lang::Ja) => format!("カテゴリ「{c}」はありません"),
        (SkillFault::UnknownCategory(c), Lang::En) => format!("no category \"{c}\""),
        (SkillFault::Map(MapError::Backdated(d)), Lang::Ja) => format!(
            "スキルマップの変更は最後の変更 ({}) より前の日付にできません",
            both_calendars(*d)
        ),
        (SkillFault::Map(MapError::Backdated(d)), Lang::En) => {
            format!("a change of the skill map cannot take effect before its last change ({d})")
        }
        (SkillFault::Map(MapError::Foundation), Lang::Ja) => {
            "基盤スキルは全ての職層に必要です (○ を外せません)".to_string()
        }
        (SkillFault::Map(MapError::Foundation), Lang::En) => {
            "a foundation skill is required of every band".to_string()
        }
        (SkillFault::SameDay { date, source }, Lang::Ja) => format!(
            "{} には{}のレベルが記録されています。同じ日に別の区分のレベルは記録できません (訂正は同じ区分で)",
            both_calendars(*date),
            source.ja()
        ),
        (SkillFault::SameDay { date, source }, Lang::En) => format!(
            "a {} level is recorded on {date}; another source cannot record one the same day (correct it with the same source)",
            source.code()
        ),
        (SkillFault::Future(date), Lang::Ja) => format!(
            "{} は今日より後の日付です。レベルは今日までの日付で記録してください",
            both_calendars(*date)
        ),
        (SkillFault::Future(date), Lang::En) => {
            format!("{date} is after today: levels are recorded up to today")
        }
        (SkillFault::LevelName, Lang::Ja) => "レベルの名前を入力してください".to_string(),
        (SkillFault::LevelName, Lang::En) => "a level needs a name".to_string(),
        (SkillFault::Moved, Lang::Ja) => {
            "この後にレベルが変更されたため、取り消せません (別の画面か取り込みによる変更)"
                .to_string()
        }
        (SkillFault::Moved, Lang::En) => {
            "the levels changed since (another session or an import): this cannot be undone"
                .to_string()
        }
        (SkillFault::Map(MapError::EmptyName), Lang::Ja) => {
            "スキル名を入力してください".to_string()
        }
        (SkillFault::Map(MapError::EmptyName), Lang::En) => "the skill name is empty".to_string(),
    }
}
