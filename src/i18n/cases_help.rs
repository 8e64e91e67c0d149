//! Japanese help of `keys` and `cases`, keyed as the CLI's help table is.

const DOMAIN: &str = "分野: health (メンタルヘルス) または harassment (ハラスメント)";
const STDIN: &str = "パスフレーズ (とほかの秘密) を端末ではなく標準入力から1行ずつ読む";
const ID: &str = "ケースID (cases list に表示されるもの)";
const TARGET_DOMAIN: &str = "分野 (両方を担当しているときだけ必要)";
const DAY: &str = "日付 (省略時は今日)";
const STDIN_VALUE_TEXT: &str = "本文。- なら標準入力の次の行から読む (コマンド行の文字は ps や履歴で他の人に見えるため、こちらを勧める)";

macro_rules! target {
    ($path:literal) => {
        [
            (concat!("cases ", $path, " id"), ID),
            (concat!("cases ", $path, " --domain"), TARGET_DOMAIN),
            (concat!("cases ", $path, " --passphrase-stdin"), STDIN),
        ]
    };
}

pub const CASES_HELP_JA: &[(&str, &str)] = &[
    ("keys", "相談記録を開く自分の鍵: 作成、パスフレーズの変更"),
    (
        "keys init",
        "自分の鍵ペアを作る (秘密鍵は自分だけが知るパスフレーズで保護される)",
    ),
    ("keys init --passphrase-stdin", STDIN),
    (
        "keys passwd",
        "鍵のパスフレーズを変える (先に今のパスフレーズを聞く)",
    ),
    ("keys passwd --passphrase-stdin", STDIN),
    (
        "cases",
        "閲覧制限付きの相談記録 (メンタルヘルス、ハラスメント): 準備、担当、ケース",
    ),
    (
        "cases status",
        "分野ごとの準備状況と担当の人数 (担当が2人未満なら警告)",
    ),
    (
        "cases init",
        "分野を準備する: 鍵を持つ管理者が最初の担当になる。回復キーを一度だけ表示する (印刷して金庫へ)",
    ),
    ("cases init --domain", DOMAIN),
    (
        "cases grant",
        "ACCOUNT を分野の担当にする (自分が担当で、解錠が必要)",
    ),
    ("cases grant account", "OS のログイン名"),
    ("cases grant --domain", DOMAIN),
    ("cases grant --passphrase-stdin", STDIN),
    (
        "cases revoke",
        "ACCOUNT を担当から外し、分野のケースの鍵を更新する",
    ),
    ("cases revoke account", "OS のログイン名"),
    ("cases revoke --domain", DOMAIN),
    ("cases revoke --passphrase-stdin", STDIN),
    (
        "cases recover",
        "担当が誰も解錠できないとき、金庫の回復キーで担当になる",
    ),
    ("cases recover --domain", DOMAIN),
    (
        "cases recover --recovery-key-stdin",
        "回復キーを端末ではなく標準入力から読む",
    ),
    (
        "cases list",
        "分野のケースの一覧 (メンタルヘルスは今後の予定が近い順)",
    ),
    ("cases list --domain", DOMAIN),
    ("cases list --format", "出力形式"),
    ("cases list --passphrase-stdin", STDIN),
    ("cases show", "ケースの全体"),
    ("cases open-health", "メンタルヘルスのケースを開く"),
    (
        "cases open-health --subject",
        "対象職員の職員番号 (- なら標準入力の次の行から読む)",
    ),
    ("cases open-health --kind", "相談、休職 または 復職支援"),
    ("cases open-health --opened", DAY),
    ("cases open-health --assign", "担当者のアカウント (複数可)"),
    ("cases open-health --passphrase-stdin", STDIN),
    ("cases open-harassment", "ハラスメントの相談を受け付ける"),
    (
        "cases open-harassment --channel",
        "面談、電話、メール または 文書",
    ),
    (
        "cases open-harassment --kind",
        "パワハラ、セクハラ、マタハラ・パタハラ、カスタマーハラスメント または その他",
    ),
    (
        "cases open-harassment --complainant",
        "相談者の職員番号 (匿名なら省略。- なら標準入力の次の行から読む)",
    ),
    (
        "cases open-harassment --respondent",
        "行為者の職員番号 (複数可。- なら標準入力の次の行から読む)",
    ),
    (
        "cases open-harassment --outside",
        "外部の行為者の説明 (カスタマーハラスメントのみ。- なら標準入力の次の行から読む)",
    ),
    (
        "cases open-harassment --counsellor",
        "担当相談員のアカウント (複数可)",
    ),
    ("cases open-harassment --received", DAY),
    ("cases open-harassment --passphrase-stdin", STDIN),
    ("cases incident", "カスタマーハラスメントの事案を記録する"),
    ("cases incident --channel", "面談、電話、メール または 文書"),
    (
        "cases incident --recording",
        "録音・録画の保管場所 (ファイル名など。- なら標準入力の次の行から読む)",
    ),
    (
        "cases incident --measures",
        "講じた措置 (- なら標準入力の次の行から読む)",
    ),
    ("cases incident --on", DAY),
    ("cases incident --case", "関連するハラスメントのケースID"),
    ("cases incident --passphrase-stdin", STDIN),
    ("cases note", "日付付きの記録 (相談・経過) を加える"),
    ("cases note text", STDIN_VALUE_TEXT),
    ("cases note --on", DAY),
    ("cases leave", "メンタルヘルス: 休職期間を加える"),
    ("cases leave --start", "休職の開始日"),
    ("cases leave --planned-end", "休職の終了予定日"),
    (
        "cases leave-end",
        "メンタルヘルス: 休職が実際に終わった日 (1が最初の期間)",
    ),
    ("cases leave-end leave", "休職期間の番号 (1から)"),
    ("cases leave-end --on", DAY),
    (
        "cases step",
        "メンタルヘルス: 職場復帰支援プランに手順を加える (試し出勤、短時間勤務、通常勤務 など)",
    ),
    (
        "cases step name",
        "手順の名前 (- なら標準入力の次の行から読む)",
    ),
    ("cases step --start", "開始日"),
    ("cases step --end", "終了日"),
    (
        "cases step-status",
        "メンタルヘルス: 手順の状態を変える (予定、実施中、完了、中止)",
    ),
    ("cases step-status step", "手順の番号 (1から)"),
    ("cases step-status status", "予定、実施中、完了 または 中止"),
    (
        "cases follow-up",
        "メンタルヘルス: フォローアップの日を加える",
    ),
    ("cases follow-up on", "フォローアップの日"),
    ("cases close", "メンタルヘルス: ケースを終える"),
    ("cases close --on", DAY),
    (
        "cases set",
        "ハラスメント: 事実確認の結果・措置の内容・対応結果を書く",
    ),
    (
        "cases set field",
        "fact-summary (事実確認の結果)、measures (措置の内容) または outcome (対応結果)",
    ),
    ("cases set text", STDIN_VALUE_TEXT),
    (
        "cases advance",
        "ハラスメント: 次の段階へ進める (相談受付 → 事実確認 → 対応検討 → 措置 → 終結)",
    ),
    ("cases advance --on", DAY),
    (
        "cases deny",
        "アカウントをケースの閲覧から除外する (鍵を更新して封じ直す)",
    ),
    ("cases deny account", "OS のログイン名"),
    ("cases allow", "アカウントをケースの閲覧除外から外す"),
    ("cases allow account", "OS のログイン名"),
];

/// The target arguments shared by every command about one case.
pub const TARGET_HELP_JA: &[[(&str, &str); 3]] = &[
    target!("show"),
    target!("note"),
    target!("leave"),
    target!("leave-end"),
    target!("step"),
    target!("step-status"),
    target!("follow-up"),
    target!("close"),
    target!("set"),
    target!("advance"),
    target!("deny"),
    target!("allow"),
];
