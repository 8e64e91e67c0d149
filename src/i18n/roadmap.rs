//! Words of the roadmap: the pane's texts (the `roadmap.*` keys of [`super::tui`]),
//! the progress report's headings, what a change did, why one was refused, and the
//! Japanese help of `kizuna roadmap`.

mod help;

pub use help::ROADMAP_HELP_JA;

use super::{Lang, Term};
use crate::domain::Progress;
use crate::domain::progress::ProgressError;
use crate::service::RoadmapFault;

impl Term for Progress {
    fn term(self, lang: Lang) -> &'static str {
        lang.pick(self.ja(), self.code())
    }
}

/// A word of the roadmap by its key (`roadmap.…`), if it has one.
pub fn roadmap_word(key: &str, lang: Lang) -> Option<&'static str> {
    let (ja, en) = match key {
        "roadmap.col.id" => ("番号", "ID"),
        "roadmap.col.initiative" => ("取組", "Initiative"),
        "roadmap.loading" => ("ロードマップを読み込んでいます", "Reading the roadmap"),
        "roadmap.legend" => (
            "印なし:未着手 >:進行中 +:完了 !:遅延 x:中止",
            ">:in progress +:done !:delayed x:cancelled blank:not started",
        ),
        "roadmap.today" => ("今日 {} ({} {}月)", "Today {} ({}, month {})"),
        "roadmap.month" => ("{}月", "{}"),
        "roadmap.focus" => ("{} {} [{}] {}", "{} {} [{}] {}"),
        "roadmap.no_plan" => ("計画なし", "nothing planned"),
        "roadmap.continues" => ("前年度から継続", "continues"),
        "roadmap.revised" => ("改訂", "revised"),
        "roadmap.policy" => ("方針の計画", "the policy's plan"),
        "roadmap.detail.approach" => ("アプローチ", "Approach"),
        "roadmap.detail.section" => ("節", "Section"),
        "roadmap.detail.owner" => ("担当", "Owner"),
        "roadmap.detail.no_owner" => ("未定", "not set"),
        "roadmap.detail.kpis" => ("KPI", "KPIs"),
        "roadmap.detail.none" => ("なし", "none"),
        "roadmap.detail.description" => ("課題", "Problem statement"),
        "roadmap.detail.actions" => ("取組内容", "Actions"),
        "roadmap.detail.years" => ("年度ごとの計画と状況", "Plan and status by year"),
        "roadmap.detail.notes" => ("記録", "Notes"),
        "roadmap.detail.no_notes" => ("記録はまだありません", "No notes yet"),
        "roadmap.detail.status_set" => ("状況 {}", "status {}"),
        "roadmap.detail.plan_set" => ("計画 {}", "plan {}"),
        "roadmap.ask.note" => ("記録を追加 ({} {})", "Add a note ({} {})"),
        "roadmap.ask.plan" => ("計画を改訂 ({} {})", "Revise the plan ({} {})"),
        "roadmap.ask.note_hint" => (
            "日付と記入者とともに残ります",
            "Kept with the date and your account",
        ),
        "roadmap.ask.plan_hint" => (
            "以前の計画も残ります。空にするとこの年度は計画なし",
            "Earlier versions stay. Empty: nothing planned this year",
        ),
        "roadmap.saved.status" => ("{} {} を{}にしました", "{} {} is now {}"),
        "roadmap.saved.note" => ("{} に記録を追加しました", "Note added to {}"),
        "roadmap.saved.plan" => ("{} {} の計画を改訂しました", "Plan of {} {} revised"),
        "roadmap.key.open" => ("取組の詳細", "initiative detail"),
        "roadmap.key.in_progress" => ("進行中にする", "set in progress"),
        "roadmap.key.done" => ("完了にする", "set done"),
        "roadmap.key.delayed" => ("遅延にする", "set delayed"),
        "roadmap.key.cancelled" => ("中止にする", "set cancelled"),
        "roadmap.key.not_started" => ("未着手に戻す", "set not started"),
        "roadmap.key.note" => ("記録を追加", "add a note"),
        "roadmap.key.plan" => ("計画を改訂", "revise the plan"),
        "roadmap.key.year_left" => ("前の年度", "previous year"),
        "roadmap.key.year_right" => ("次の年度", "next year"),
        "roadmap.key.prev" => ("前の取組", "previous initiative"),
        "roadmap.key.next" => ("次の取組", "next initiative"),
        "roadmap.key.first" => ("最初の取組", "first initiative"),
        "roadmap.key.last" => ("最後の取組", "last initiative"),
        "roadmap.key.back" => ("一覧に戻る", "back to the timeline"),
        "roadmap.key.scroll_up" => ("上へ", "scroll up"),
        "roadmap.key.scroll_down" => ("下へ", "scroll down"),
        "roadmap.report.title" => (
            "人材育成の取組み 進捗報告 {} (第{}回)",
            "Progress report {} (no. {})",
        ),
        "roadmap.report.draft" => ("下書き (記録されていません)", "draft (not recorded)"),
        "roadmap.report.made" => ("作成", "Made"),
        "roadmap.report.previous" => ("前回の報告", "Previous report"),
        "roadmap.report.first" => (
            "なし (今年度の記録をすべて載せます)",
            "none (every note of the year is listed)",
        ),
        "roadmap.report.counts" => ("状況", "Status"),
        "roadmap.report.delayed" => ("遅延している取組", "Delayed initiatives"),
        "roadmap.report.no_delayed" => (
            "遅延している取組はありません。",
            "No initiative is delayed.",
        ),
        "roadmap.report.all_delayed" => (
            "(この区分の取組はすべて冒頭の「遅延している取組」にあります)",
            "(every initiative here is under Delayed initiatives above)",
        ),
        "roadmap.report.approach" => ("アプローチ", "Approach"),
        "roadmap.report.status" => ("今年度の状況", "Status this year"),
        "roadmap.report.plan" => ("今年度の計画", "Plan this year"),
        "roadmap.report.owner" => ("担当", "Owner"),
        "roadmap.report.notes" => ("前回の報告以降の記録", "Notes since the last report"),
        "roadmap.report.no_notes" => ("なし", "none"),
        "roadmap.report.written" => ("{} に書き出しました", "Written to {}"),
        "roadmap.cli.status" => ("{} {}: {}", "{} {}: {}"),
        "roadmap.cli.note" => ("{}: 記録を追加しました", "{}: note added"),
        "roadmap.cli.plan" => ("{} {}: 計画を改訂しました", "{} {}: plan revised"),
        "roadmap.cli.owner" => ("{}: 担当 {}", "{}: owner {}"),
        "roadmap.cli.link" => ("{}: KPI {}", "{}: KPIs {}"),
        _ => return None,
    };
    Some(lang.pick(ja, en))
}

/// A word of the roadmap; the key itself when it has none.
pub fn roadmap_text(key: &str, lang: Lang) -> &str {
    roadmap_word(key, lang).unwrap_or(key)
}

/// A word of the roadmap with its `{}` filled in order.
pub fn roadmap_fill(key: &str, values: &[&str], lang: Lang) -> String {
    let mut out = String::new();
    let mut values = values.iter();
    let mut rest = roadmap_text(key, lang);
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

/// Why a roadmap change was refused, in the user's language.
pub fn roadmap_fault(f: &RoadmapFault, lang: Lang) -> String {
    use ProgressError as E;
    match (f, lang) {
        (RoadmapFault::OutsidePeriod { fy, period }, Lang::Ja) => format!(
            "{} は計画期間 ({}〜{}) の外です",
            fy.wareki(),
            period.first.wareki(),
            period.last.wareki()
        ),
        (RoadmapFault::OutsidePeriod { fy, period }, Lang::En) => format!(
            "{fy} is outside the plan period ({}-{})",
            period.first, period.last
        ),
        (RoadmapFault::UnknownKpi(k), Lang::Ja) => {
            format!("KPI の系列 {k} はありません (kizuna catalogue kpi で確認)")
        }
        (RoadmapFault::UnknownKpi(k), Lang::En) => {
            format!("no KPI series {k} (see kizuna catalogue kpi)")
        }
        (RoadmapFault::Refused(e), Lang::Ja) => match e {
            E::SameStatus(s) => format!("既に{}です", s.term(lang)),
            E::EmptyText => "文が空です".to_string(),
            E::SamePlan => "計画は既にその文です".to_string(),
            E::SameOwner(o) => format!("担当は既に {o} です"),
            E::AlreadyLinked(k) => format!("KPI {k} は既に結び付いています"),
            E::NotLinked(k) => format!("KPI {k} は結び付いていません"),
        },
        (RoadmapFault::Refused(e), Lang::En) => match e {
            E::SameStatus(s) => format!("already {}", s.term(lang)),
            E::EmptyText => "the text is empty".to_string(),
            E::SamePlan => "the plan already reads so".to_string(),
            E::SameOwner(o) => format!("the owner is already {o}"),
            E::AlreadyLinked(k) => format!("KPI {k} is already linked"),
            E::NotLinked(k) => format!("KPI {k} is not linked"),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_word_has_both_languages() {
        for key in ["roadmap.legend", "roadmap.report.notes", "roadmap.key.plan"] {
            assert_ne!(roadmap_text(key, Lang::Ja), key);
            assert_ne!(roadmap_text(key, Lang::Ja), roadmap_text(key, Lang::En));
        }
        assert_eq!(roadmap_text("roadmap.nothing", Lang::Ja), "roadmap.nothing");
        assert_eq!(Progress::Delayed.term(Lang::Ja), "遅延");
        assert_eq!(
            roadmap_fill("roadmap.saved.status", &["1-3", "R8", "遅延"], Lang::Ja),
            "1-3 R8 を遅延にしました"
        );
    }
}
