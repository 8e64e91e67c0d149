//! Japanese help of `training`, `subsidy` and `import enrollments`, keyed as the CLI's
//! help table is: a subcommand path, or the path and an argument.

const FORMAT: &str = "出力形式";
const FISCAL_YEAR: &str = "年度: R8、令和8年度、2026、FY2026 (省略時は今年度)";
const SESSION: &str = "研修の回 (R8-012 など)";

pub const TRAINING_HELP_JA: &[(&str, &str)] = &[
    (
        "training",
        "研修: カタログ、研修の回、受講者名簿、申込、出欠、未修了、レベルの提案",
    ),
    (
        "training courses",
        "研修のカタログ: キー、研修名、種別、区分 (必修・推奨・選抜)、スキル、対象、前提研修",
    ),
    ("training courses --format", FORMAT),
    (
        "training sessions",
        "年度の研修の回: 回、研修、実施日、会場、講師、定員、受講者数、待機、状態",
    ),
    ("training sessions --fy", FISCAL_YEAR),
    ("training sessions --format", FORMAT),
    (
        "training roster",
        "研修の回の受講者名簿: 職員番号、氏名、所属、職名、状態、日付、待機順",
    ),
    ("training roster session", SESSION),
    ("training roster --format", FORMAT),
    (
        "training enroll",
        "職員を研修の回に申し込む (一人ずつ記録。満員なら待機。申し込めない人は理由を示し、終了コード 1。ほかの人の申込はそのまま)",
    ),
    ("training enroll session", SESSION),
    ("training enroll ids", "職員番号 (複数可)"),
    (
        "training enroll --reason",
        "研修の対象外の職員を申し込む理由",
    ),
    (
        "training bulk",
        "条件に合う職員をまとめて申し込む: 受講予定・待機・申込済・不可とその理由を示す。--yes のときだけ一度の書き込みで申し込む",
    ),
    ("training bulk session", SESSION),
    (
        "training bulk --org",
        "この所属とその下の職員だけ (所属コード)",
    ),
    ("training bulk --title", "研修の初日にこの職名の職員だけ"),
    (
        "training bulk --posted-on",
        "この日付の発令 (昇任・異動) がある職員だけ",
    ),
    (
        "training bulk --new-hires",
        "研修の年度に採用された職員だけ",
    ),
    ("training bulk --yes", "申し込む (付けなければ確認だけ)"),
    ("training bulk --format", FORMAT),
    (
        "training attend",
        "出欠を記録する: 出席、欠席、修了、取消 (取消で空いた席は待機の先頭へ。修了はスキルレベルを提案する)",
    ),
    ("training attend session", SESSION),
    ("training attend id", "職員番号"),
    (
        "training attend status",
        "出席、欠席、修了、取消 (attended, absent, completed, cancelled)",
    ),
    ("training attend --note", "変更とともに残す備考"),
    (
        "training add-session",
        "研修の回を追加する (計画として。番号は年度ごとに振る)",
    ),
    (
        "training add-session course",
        "研修のキー (training courses で確認)",
    ),
    (
        "training add-session --day",
        "実施日: 2027-02-10、R9.2.10 など。複数日は繰り返す",
    ),
    ("training add-session --capacity", "定員"),
    ("training add-session --place", "会場"),
    ("training add-session --instructor", "講師"),
    (
        "training session-status",
        "研修の回の状況を変える: 計画、募集中、締切、実施済",
    ),
    ("training session-status session", "研修の回 (R8-001 など)"),
    ("training session-status status", "新しい状況"),
    (
        "training copy-plan",
        "年度の研修の回を翌年度の計画として写す",
    ),
    ("training copy-plan --from", "写す元の年度 (R8 など)"),
    (
        "training outstanding",
        "対象の必修研修を修了していない職員 (所属順)。組織の義務 (メンタルヘルス研修の年1回以上の実施) の達成状況は標準エラー出力に",
    ),
    ("training outstanding --fy", FISCAL_YEAR),
    (
        "training outstanding --org",
        "この所属とその下だけ (所属コード)",
    ),
    ("training outstanding --format", FORMAT),
    ("training proposals", "研修の修了によるスキルレベルの提案"),
    (
        "training proposals --employee",
        "この職員の提案だけ (職員番号)",
    ),
    ("training proposals --format", FORMAT),
    (
        "training decide",
        "レベルの提案を採用する (研修修了のレベルとして記録) か、不採用にする",
    ),
    (
        "training decide key",
        "提案のキー (training proposals の「提案」列)",
    ),
    (
        "training decide decision",
        "accept (採用) または reject (不採用)",
    ),
    ("subsidy", "自主研修支援 (助成): 申請、審査、年度の予算"),
    (
        "subsidy list",
        "年度の申請の一覧。予算・計上済み・残りは標準エラー出力に",
    ),
    ("subsidy list --fy", FISCAL_YEAR),
    ("subsidy list --format", FORMAT),
    (
        "subsidy apply",
        "今年度の申請を受け付ける (スキルマップの規則が有効なら、スキルか理由が必要)",
    ),
    ("subsidy apply id", "申請する職員の職員番号"),
    ("subsidy apply --title", "講座名・資格名"),
    ("subsidy apply --cost", "費用 (円)"),
    (
        "subsidy apply --skill",
        "対象のスキル (スキルマップのスキルのキー)",
    ),
    (
        "subsidy apply --reason",
        "スキルマップのスキルでなくても対象とする理由",
    ),
    (
        "subsidy decide",
        "申請を進める: 承認 (職層の助成率で、予算の範囲内)、却下、修了報告、支給",
    ),
    ("subsidy decide app", "申請番号 (S8-0001 など)"),
    (
        "subsidy decide status",
        "承認、却下、修了報告、支給 (approved, rejected, reported, paid)",
    ),
    ("subsidy decide --note", "変更とともに残す備考"),
    (
        "import enrollments",
        "研修の申込を取り込む (研修の回、職員番号、状態、理由)。申込の規則は画面と同じ。一行でも誤りや不可があれば何も取り込まない",
    ),
    ("import enrollments file", "CSV ファイル"),
    (
        "import enrollments --encoding",
        "文字コード: auto (UTF-8 でなければ CP932), utf-8, cp932",
    ),
    ("import enrollments --dry-run", "確認だけして書き込まない"),
];
