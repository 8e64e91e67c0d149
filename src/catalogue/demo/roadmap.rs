//! Demo progress on the roadmap, so that pane 5 and `kizuna roadmap report` have
//! something to show: statuses of 令和8年度 (two of them 遅延), a few notes, owners, KPI
//! links and one plan revision. The entries are fictional.

/// One demo change, in the order it is made.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DemoStep {
    /// Initiative, 令和 year, status code.
    Status(&'static str, i32, &'static str),
    /// Initiative, 令和 year the note is about, text.
    Note(&'static str, Option<i32>, &'static str),
    /// Initiative, 令和 year, the revised plan.
    Plan(&'static str, i32, &'static str),
    /// Initiative, owner section.
    Owner(&'static str, &'static str),
    /// Initiative, KPI series key.
    Link(&'static str, &'static str),
}

use DemoStep::{Link, Note, Owner, Plan, Status};

const STEPS: &[DemoStep] = &[
    Owner("1-1a", "職員課"),
    Status("1-1a", 8, "in-progress"),
    Note(
        "1-1a",
        Some(8),
        "先進自治体3市の複線型人事制度を調査し、比較表を作成中。",
    ),
    Owner("1-1b", "職員課"),
    Status("1-1b", 8, "in-progress"),
    Status("1-2", 8, "in-progress"),
    Owner("1-3", "職員課"),
    Status("1-3", 8, "in-progress"),
    Status("1-3", 8, "delayed"),
    Note(
        "1-3",
        Some(8),
        "人事評価システムの予算要求が見送られたため、令和8年度は制度設計を先行する。",
    ),
    Plan("1-3", 9, "システム選定・導入準備"),
    Owner("1-4", "職員課"),
    Status("1-4", 8, "done"),
    Note("1-4", Some(8), "カムバック採用を実施し、2名を採用した。"),
    Link("1-4", "young-resignations"),
    Status("1-5", 8, "in-progress"),
    Status("1-6", 8, "in-progress"),
    Owner("2-1", "職員課 研修係"),
    Status("2-1", 8, "in-progress"),
    Status("2-2", 8, "in-progress"),
    Owner("3-1", "職員課"),
    Status("3-1", 8, "in-progress"),
    Note(
        "3-1",
        Some(8),
        "ストレスチェックに合わせてワーク・エンゲージメントを測定した。",
    ),
    Link("3-1", "young-resignations"),
    Link("3-2", "overtime-hours"),
    Status("3-3", 8, "in-progress"),
    Status("3-4", 8, "delayed"),
    Note(
        "3-4",
        Some(8),
        "カスタマーハラスメント対策マニュアルの策定が遅れている (令和8年10月1日の施行に間に合わず)。",
    ),
    Owner("5-1", "デジタル推進課"),
    Status("5-1", 8, "in-progress"),
    Owner("5-3", "デジタル推進課"),
    Status("5-3", 8, "in-progress"),
    Note("5-3", None, "ビジネスチャットの候補を2製品に絞った。"),
];

/// The demo's roadmap changes, in order.
pub fn roadmap_steps() -> &'static [DemoStep] {
    STEPS
}
