//! Sentences: errors and reports, with their values.

use std::path::Path;

use super::{Lang, kind_label};

/// A message with its values.
#[derive(Clone, Debug)]
pub enum Msg<'a> {
    DbMissing(&'a Path),
    DbExists(&'a Path),
    DbLocked(&'a Path),
    NotOwner {
        path: &'a Path,
        owner: u32,
        me: u32,
    },
    TooOpen {
        path: &'a Path,
        mode: u32,
    },
    Corrupt {
        path: &'a Path,
        detail: &'a str,
    },
    NotKizuna(&'a Path),
    Newer {
        path: &'a Path,
        found: u32,
        supported: u32,
    },
    Io {
        path: &'a Path,
        detail: &'a str,
    },
    Db(&'a str),
    Record {
        table: &'a str,
        key: &'a str,
        detail: &'a str,
    },
    ReadOnly,
    Denied {
        account: &'a str,
        permission: &'a str,
    },
    NotFound {
        kind: &'a str,
        id: &'a str,
    },
    AccountExists(&'a str),
    AccountName(&'a str),
    CaseRole(&'a str),
    LastAdmin,
    Invalid(&'a str),
    Organisation(&'a str),
    BackupExists(&'a Path),
    BadBackup {
        path: &'a Path,
        reason: &'a str,
    },
    BackupProblem {
        path: &'a Path,
        table: &'a str,
        key: &'a str,
    },
    RestoreNeedsForce(&'a Path),
    /// Clap's parse errors, re-worded.
    UsageUnknownCommand(&'a str),
    UsageUnknownOption(&'a str),
    UsageMissing(&'a str),
    UsageBadValue {
        value: &'a str,
        arg: &'a str,
    },
    UsageOther,
    UsageHint,
    Age(i32),
    /// `R8` / `FY2026`.
    FiscalYearShort(crate::domain::FiscalYear),
    /// `令和8年度` / `FY2026 (R8)`.
    FiscalYearLong(crate::domain::FiscalYear),
    Catalogue(&'a str),
    Config {
        path: &'a Path,
        detail: &'a str,
    },
    UnknownRole(&'a str),
    NoHome,
    CheckFailed(usize),
    /// `init` made a database.
    Initialised {
        path: &'a Path,
        account: &'a str,
    },
    /// `demo` made a database.
    DemoCreated {
        path: &'a Path,
        staff: usize,
        units: usize,
        millis: u128,
    },
    DemoExists(&'a Path),
    NotATerminal,
    Terminal(&'a str),
    CheckOk {
        records: u64,
        index: u64,
        audit: u64,
    },
    AuditHead(&'a str),
    BackupDone {
        path: &'a Path,
        bytes: u64,
        records: u64,
    },
    RestoreDone {
        path: &'a Path,
        records: u64,
    },
    AccountAdded(&'a str),
    RolesNow {
        account: &'a str,
        roles: &'a str,
    },
}

impl Msg<'_> {
    /// The message in a language.
    pub fn text(&self, lang: Lang) -> String {
        match lang {
            Lang::Ja => self.ja(),
            Lang::En => self.en(),
        }
    }

    fn ja(&self) -> String {
        match self {
            Msg::DbMissing(p) => format!(
                "データベースがありません: {}\n  新しく作る:   kizuna init\n  デモで試す:   kizuna demo",
                p.display()
            ),
            Msg::DbExists(p) => format!(
                "{} は既にあります。上書きはしません (別の場所を --db で指定してください)。",
                p.display()
            ),
            Msg::DbLocked(p) => format!(
                "{} は別のプロセスが開いています。そちらの kizuna を終了してから、もう一度実行してください。\n複数の人が同時に使うには kizuna serve を使います。",
                p.display()
            ),
            Msg::NotOwner { path, owner, me } => format!(
                "{} の所有者は別のアカウント (uid {owner}) です (あなたは uid {me})。所有者のアカウントで実行してください。複数の人で使うには kizuna serve を使います。",
                path.display()
            ),
            Msg::TooOpen { path, mode } => format!(
                "{} は他の人も読み書きできる権限 ({mode:04o}) になっています。職員の個人情報を守るため開きません。\n  直し方: chmod 600 {}",
                path.display(),
                path.display()
            ),
            Msg::Corrupt { path, detail } => format!(
                "{} は壊れているため開けません ({detail})。kizuna restore でバックアップから戻してください。",
                path.display()
            ),
            Msg::NotKizuna(p) => format!("{} は kizuna のデータベースではありません。", p.display()),
            Msg::Newer { path, found, supported } => format!(
                "{} は新しい版の kizuna (スキーマ {found}) で作られています。この kizuna はスキーマ {supported} までしか読めません。kizuna を更新してください。",
                path.display()
            ),
            Msg::Io { path, detail } => format!("{} を読み書きできません: {detail}", path.display()),
            Msg::Db(d) => format!("データベースの操作に失敗しました: {d}"),
            Msg::Record { table, key, detail } => format!(
                "{} のキー {key} の記録を読み取れません: {detail}。kizuna check で全体を確認してください。",
                super::table_label(table, Lang::Ja)
            ),
            Msg::ReadOnly => "読み取り専用で開いたデータベースには書き込めません。".to_string(),
            Msg::Denied { account, permission } => format!(
                "アカウント {account} にはこの操作 ({permission}) の権限がありません。管理者に kizuna user grant を依頼してください。"
            ),
            Msg::NotFound { kind, id } => {
                format!("{} {id} は見つかりません。", kind_label(kind, Lang::Ja))
            }
            Msg::AccountExists(a) => format!("アカウント {a} は既に登録されています。"),
            Msg::AccountName(a) => format!(
                "{a:?} はアカウント名として使えません (OS のログイン名: 英数字と _ - . のみ)。"
            ),
            Msg::CaseRole(r) => format!(
                "ロール {r} は鍵の受け渡しを伴うため、kizuna cases grant でのみ付与・取消できます。"
            ),
            Msg::LastAdmin => {
                "最後の管理者から admin ロールは外せません。先に別のアカウントに admin を付与してください。".to_string()
            }
            Msg::Invalid(d) => format!("受け付けられません: {d}"),
            Msg::Organisation(d) => format!("組織の構成に誤りがあります ({d})。kizuna check で確認してください。"),
            Msg::BackupExists(p) => format!(
                "{} は既にあります。バックアップは上書きしません。別のファイル名を指定してください。",
                p.display()
            ),
            Msg::BadBackup { path, reason } => {
                format!("バックアップ {} は使えません: {reason}。", path.display())
            }
            Msg::BackupProblem { path, table, key } => format!(
                "バックアップ {} の内容に問題があります ({} {key})。kizuna --db {} check で詳しく確認できます。",
                path.display(),
                super::table_label(table, Lang::Ja),
                path.display()
            ),
            Msg::RestoreNeedsForce(p) => format!(
                "{} には既にデータベースがあります。置き換えるには --force を付けてください (今の内容が要るなら、先に kizuna backup で保存してください)。",
                p.display()
            ),
            Msg::UsageUnknownCommand(c) => format!("{c} というコマンドはありません。"),
            Msg::UsageUnknownOption(o) => format!("{o} というオプションはありません。"),
            Msg::UsageMissing(a) => format!("{a} を指定してください。"),
            Msg::UsageBadValue { value, arg } => format!("{arg} に {value} は指定できません。"),
            Msg::UsageOther => "コマンドラインを読み取れません。".to_string(),
            Msg::UsageHint => "使い方は kizuna --help (各コマンドは kizuna コマンド --help) で表示します。".to_string(),
            Msg::Age(n) => format!("{n}歳"),
            Msg::FiscalYearShort(fy) => fy.short(),
            Msg::FiscalYearLong(fy) => fy.wareki(),

            Msg::Catalogue(d) => format!("方針カタログを読み込めません: {d}"),
            Msg::Config { path, detail } => {
                format!("設定ファイル {} に誤りがあります: {detail}", path.display())
            }
            Msg::UnknownRole(r) => format!(
                "{r:?} というロールはありません (admin, hr, health, counselor, auditor, viewer)。"
            ),
            Msg::NoHome => {
                "HOME も XDG_DATA_HOME も設定されていないため、データベースの場所が決まりません。--db で指定してください。".to_string()
            }
            Msg::CheckFailed(n) => format!("{n} 件の問題が見つかりました。"),
            Msg::Initialised { path, account } => format!(
                "データベースを作成しました: {}\nアカウント {account} を管理者 (admin) と人事 (hr) にしました。",
                path.display()
            ),
            Msg::DemoCreated { path, staff, units, millis } => format!(
                "デモ用データベースを作成しました: {}\n  職員 {staff} 人、組織 {units} 単位 ({millis} ms)\n  あなたのアカウントには全てのロールがあります。これは架空のデータです。",
                path.display()
            ),
            Msg::DemoExists(p) => format!("デモ用データベースは既にあります: {}", p.display()),
            Msg::NotATerminal => {
                "画面は端末 (SSH のログインなど) でしか開けません。コマンドの一覧は kizuna --help で表示します。".to_string()
            }
            Msg::Terminal(d) => format!("端末を操作できません: {d}"),
            Msg::CheckOk { records, index, audit } => format!(
                "問題はありません: 記録 {records} 件、索引 {index} 件、監査ログ {audit} 件を確認しました。"
            ),
            Msg::AuditHead(h) => format!("監査ログの先頭ハッシュ: {h}"),
            Msg::BackupDone { path, bytes, records } => format!(
                "バックアップを作成し、確認しました: {} ({bytes} バイト、記録 {records} 件)",
                path.display()
            ),
            Msg::RestoreDone { path, records } => format!(
                "バックアップから戻しました: {} (記録 {records} 件)",
                path.display()
            ),
            Msg::AccountAdded(a) => format!("アカウント {a} を登録しました (ロールなし)。"),
            Msg::RolesNow { account, roles } => format!("{account} のロール: {roles}"),
        }
    }

    fn en(&self) -> String {
        match self {
            Msg::DbMissing(p) => format!(
                "No database at {}\n  create one:   kizuna init\n  try the demo: kizuna demo",
                p.display()
            ),
            Msg::DbExists(p) => format!(
                "{} already exists and will not be overwritten (choose another place with --db).",
                p.display()
            ),
            Msg::DbLocked(p) => format!(
                "{} is open in another process. Close that kizuna and try again.\nFor several people at once, use kizuna serve.",
                p.display()
            ),
            Msg::NotOwner { path, owner, me } => format!(
                "{} belongs to another account (uid {owner}; you are uid {me}). Run kizuna as its owner, or use kizuna serve for several users.",
                path.display()
            ),
            Msg::TooOpen { path, mode } => format!(
                "{} can be read or written by others (mode {mode:04o}); it holds personal data, so kizuna will not open it.\n  fix: chmod 600 {}",
                path.display(),
                path.display()
            ),
            Msg::Corrupt { path, detail } => format!(
                "{} is damaged and cannot be opened ({detail}). Restore a backup with kizuna restore.",
                path.display()
            ),
            Msg::NotKizuna(p) => format!("{} is not a kizuna database.", p.display()),
            Msg::Newer { path, found, supported } => format!(
                "{} was written by a newer kizuna (schema {found}); this one reads up to schema {supported}. Update kizuna.",
                path.display()
            ),
            Msg::Io { path, detail } => format!("Cannot read or write {}: {detail}", path.display()),
            Msg::Db(d) => format!("Database operation failed: {d}"),
            Msg::Record { table, key, detail } => format!(
                "Cannot read the record {key} in {}: {detail}. Run kizuna check.",
                super::table_label(table, Lang::En)
            ),
            Msg::ReadOnly => "The database was opened read-only.".to_string(),
            Msg::Denied { account, permission } => format!(
                "Account {account} may not do this ({permission}). Ask an administrator to run kizuna user grant."
            ),
            Msg::NotFound { kind, id } => format!("No {} {id}.", kind_label(kind, Lang::En)),
            Msg::AccountExists(a) => format!("Account {a} already exists."),
            Msg::AccountName(a) => format!(
                "{a:?} is not an account name (an OS login: letters, digits, _ - . only)."
            ),
            Msg::CaseRole(r) => format!(
                "Role {r} hands over keys, so it is granted and revoked only with kizuna cases grant."
            ),
            Msg::LastAdmin => {
                "The last admin keeps the admin role. Grant admin to another account first.".to_string()
            }
            Msg::Invalid(d) => format!("Not accepted: {d}"),
            Msg::Organisation(d) => format!("The organisation is not a proper tree ({d}). Run kizuna check."),
            Msg::BackupExists(p) => format!(
                "{} already exists; a backup never overwrites. Choose another file name.",
                p.display()
            ),
            Msg::BadBackup { path, reason } => {
                format!("Cannot use the backup {}: {reason}.", path.display())
            }
            Msg::BackupProblem { path, table, key } => format!(
                "The backup {} has a problem ({} {key}). kizuna --db {} check shows the details.",
                path.display(),
                super::table_label(table, Lang::En),
                path.display()
            ),
            Msg::RestoreNeedsForce(p) => format!(
                "There is already a database at {}. Add --force to replace it (back it up first with kizuna backup if you need it).",
                p.display()
            ),
            Msg::UsageUnknownCommand(c) => format!("There is no command {c}."),
            Msg::UsageUnknownOption(o) => format!("There is no option {o}."),
            Msg::UsageMissing(a) => format!("{a} is required."),
            Msg::UsageBadValue { value, arg } => format!("{value} is not a valid value for {arg}."),
            Msg::UsageOther => "Cannot read the command line.".to_string(),
            Msg::UsageHint => "kizuna --help shows the usage (and kizuna COMMAND --help for each command).".to_string(),
            Msg::Age(n) => n.to_string(),
            Msg::FiscalYearShort(fy) => format!("FY{}", fy.0),
            Msg::FiscalYearLong(fy) => format!("FY{} ({})", fy.0, fy.short()),

            Msg::Catalogue(d) => format!("Cannot read the policy catalogue: {d}"),
            Msg::Config { path, detail } => {
                format!("The config file {} has an error: {detail}", path.display())
            }
            Msg::UnknownRole(r) => format!(
                "No role {r:?} (admin, hr, health, counselor, auditor, viewer)."
            ),
            Msg::NoHome => {
                "Neither HOME nor XDG_DATA_HOME is set, so there is no default database path; use --db.".to_string()
            }
            Msg::CheckFailed(n) => format!("{n} problem(s) found."),
            Msg::Initialised { path, account } => format!(
                "Created the database {}\nAccount {account} is now admin and hr.",
                path.display()
            ),
            Msg::DemoCreated { path, staff, units, millis } => format!(
                "Created the demo database {}\n  {staff} staff, {units} organisation units ({millis} ms)\n  Your account holds every role. The data is fictional.",
                path.display()
            ),
            Msg::DemoExists(p) => format!("The demo database already exists: {}", p.display()),
            Msg::NotATerminal => {
                "The screens open only in a terminal (an SSH login, say). kizuna --help lists the commands.".to_string()
            }
            Msg::Terminal(d) => format!("Cannot drive the terminal: {d}"),
            Msg::CheckOk { records, index, audit } => format!(
                "No problems: checked {records} records, {index} index entries, {audit} audit entries."
            ),
            Msg::AuditHead(h) => format!("Audit head hash: {h}"),
            Msg::BackupDone { path, bytes, records } => format!(
                "Backup written and checked: {} ({bytes} bytes, {records} records)",
                path.display()
            ),
            Msg::RestoreDone { path, records } => format!(
                "Restored {} from the backup ({records} records)",
                path.display()
            ),
            Msg::AccountAdded(a) => format!("Added account {a} (no roles yet)."),
            Msg::RolesNow { account, roles } => format!("Roles of {account}: {roles}"),
        }
    }
}
