//! Japanese help of `roadmap`, keyed as the CLI's help table is: a subcommand path, or
//! the path and an argument.

const ID: &str = "取組の番号 (1-3、5-1 など)";
const FISCAL_YEAR: &str = "年度: R8、令和8年度、2026、FY2026 (省略時は今年度)";

pub const ROADMAP_HELP_JA: &[(&str, &str)] = &[
    (
        "roadmap",
        "ロードマップ (R8-R12): 取組ごと・年度ごとの計画と状況の一覧 (番号、アプローチ、取組、年度ごとの状況、年度ごとの計画)。サブコマンドで報告・変更",
    ),
    ("roadmap --format", "一覧の出力形式"),
    (
        "roadmap show",
        "取組の全体: 課題文、取組内容 (原文のまま)、年度ごとの計画と改訂の履歴、状況の履歴、記録の履歴",
    ),
    ("roadmap show id", ID),
    (
        "roadmap report",
        "部長会議・部課長会議向けの進捗報告 (Markdown): 遅延している取組を先頭に、アプローチごとの今年度の状況と前回の報告以降の記録。作成した報告は記録され、次回はそれ以降の記録を載せる",
    ),
    ("roadmap report --fy", FISCAL_YEAR),
    (
        "roadmap report --output",
        "書き出すファイル (省略時は標準出力)",
    ),
    (
        "roadmap report --preview",
        "下書き: 報告を記録しない (次回の「前回の報告以降」は変わらない)",
    ),
    (
        "roadmap status",
        "取組の年度の状況を変える (未着手、進行中、完了、遅延、中止)。以前の状況も日付とともに残る",
    ),
    ("roadmap status id", ID),
    (
        "roadmap status status",
        "未着手、進行中、完了、遅延、中止 (not-started, in-progress, done, delayed, cancelled)",
    ),
    ("roadmap status --fy", FISCAL_YEAR),
    ("roadmap note", "取組に日付入りの進捗の記録を加える"),
    ("roadmap note id", ID),
    ("roadmap note text", "記録の文"),
    (
        "roadmap note --fy",
        "記録の対象の年度 (省略時は年度を指定しない記録。書いた日の年度の報告に載る)",
    ),
    (
        "roadmap plan",
        "年度の計画の文を改訂する (空の文なら、その年度は計画なし)。以前の版も日付とともに残る",
    ),
    ("roadmap plan id", ID),
    ("roadmap plan --fy", "改訂する年度 (計画期間内)"),
    ("roadmap plan text", "新しい計画の文"),
    ("roadmap owner", "取組の担当所属を決める (以前の担当も残る)"),
    ("roadmap owner id", ID),
    ("roadmap owner section", "担当所属の名前"),
    (
        "roadmap link",
        "取組に KPI の系列を結び付ける (catalogue kpi のキー)",
    ),
    ("roadmap link id", ID),
    (
        "roadmap link key",
        "KPI の系列のキー (young-resignations、overtime-hours など)",
    ),
    ("roadmap link --remove", "結び付きを外す"),
];
