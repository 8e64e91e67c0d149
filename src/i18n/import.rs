//! CSV import and export: every problem by line and column, summaries, progress, and
//! the Japanese help of the import and export commands.

use std::path::Path;

use super::Lang;
use crate::domain::era::both_calendars;
use crate::domain::{CareerTrack, Date, DigitalTier, EmploymentType, EnrollStatus, Source, Status};
use crate::io::csv::{Expected, IMPORT_STATUSES, Problem};
use crate::service::{ImportIssue, ImportSummary, Issue, Stage};

/// What an import brought in, for its summary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ImportTarget {
    Employees,
    Orgs,
    Titles,
}

/// `12行目 列「生年月日」: …` / `line 12, column birth_date: …`.
pub fn import_issue(i: &ImportIssue, lang: Lang) -> String {
    let message = match &i.issue {
        Issue::File(p) => csv_problem(p, lang),
        Issue::Record(f) => super::employee_fault(f, lang),
    };
    at_place(i.line, i.column.as_deref(), message, lang)
}

/// A message with its place in a file: a line (0: the file as a whole) and a column.
pub(super) fn at_place(line: u64, column: Option<&str>, message: String, lang: Lang) -> String {
    match (lang, line, column) {
        (_, 0, None) => message,
        (Lang::Ja, 0, Some(c)) => format!("列「{c}」: {message}"),
        (Lang::En, 0, Some(c)) => format!("column {c}: {message}"),
        (Lang::Ja, n, None) => format!("{n}行目: {message}"),
        (Lang::En, n, None) => format!("line {n}: {message}"),
        (Lang::Ja, n, Some(c)) => format!("{n}行目 列「{c}」: {message}"),
        (Lang::En, n, Some(c)) => format!("line {n}, column {c}: {message}"),
    }
}

fn code_point(c: char) -> String {
    format!("U+{:04X}", c as u32)
}

fn date(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => both_calendars(d),
        Lang::En => d.to_string(),
    }
}

fn choices(e: Expected, lang: Lang) -> String {
    fn list<T: Copy>(all: &[T], word: impl Fn(T) -> &'static str) -> String {
        all.iter().map(|v| word(*v)).collect::<Vec<_>>().join("/")
    }
    let ja = lang == Lang::Ja;
    match e {
        Expected::Employment if ja => list(EmploymentType::ALL, EmploymentType::ja),
        Expected::Employment => list(EmploymentType::ALL, EmploymentType::code),
        Expected::Status if ja => list(Status::ALL, Status::ja),
        Expected::Status => list(Status::ALL, Status::code),
        Expected::DigitalTier if ja => list(DigitalTier::ALL, DigitalTier::ja),
        Expected::DigitalTier => list(DigitalTier::ALL, DigitalTier::code),
        Expected::CareerTrack if ja => list(CareerTrack::ALL, CareerTrack::ja),
        Expected::CareerTrack => list(CareerTrack::ALL, CareerTrack::code),
        Expected::Flag => lang.pick("○ または空欄", "1, 0 or empty").into(),
        Expected::UnitKind => lang
            .pick(
                "部/課/係 (室・事務局・センターなどは課、局は部、班・担当は係)",
                "department/section/team, or 部/課/係",
            )
            .into(),
        Expected::UnitTag => lang
            .pick("デジタル/基幹/空欄", "digital, core or empty")
            .into(),
        Expected::Band => lang.pick("1〜4", "1 to 4").into(),
        Expected::Level => lang.pick("0〜4", "0 to 4").into(),
        Expected::Source if ja => list(&Source::ALL, Source::ja),
        Expected::Source => list(&Source::ALL, Source::code),
        Expected::EnrollStatus if ja => format!(
            "{}。出席・修了などは kizuna training attend で記録します",
            list(&IMPORT_STATUSES, EnrollStatus::ja)
        ),
        Expected::EnrollStatus => format!(
            "{}; attendance and completion are recorded with kizuna training attend",
            list(&IMPORT_STATUSES, EnrollStatus::code)
        ),
    }
}

/// One problem, without its place.
pub fn csv_problem(p: &Problem, lang: Lang) -> String {
    use Problem as P;
    let ja = lang == Lang::Ja;
    match p {
        P::Utf16 if ja => "UTF-16 のファイルは読めません。表計算ソフトで「CSV UTF-8」または「CSV (コンマ区切り)」として保存し直してください".into(),
        P::Utf16 => "UTF-16 files are not read; save the file as \"CSV UTF-8\" or \"CSV (comma delimited)\"".into(),
        P::NotUtf8 if ja => "UTF-8 として読めないバイトがあります (CP932 なら --encoding cp932)".into(),
        P::NotUtf8 => "bytes that are not UTF-8 (for CP932 use --encoding cp932)".into(),
        P::NotCp932 if ja => "CP932 (Shift_JIS) として読めないバイトがあります (UTF-8 なら --encoding utf-8)".into(),
        P::NotCp932 => "bytes that are not CP932 (for UTF-8 use --encoding utf-8)".into(),
        P::NeitherEncoding { cp932_line } if ja => format!(
            "UTF-8 でも CP932 (Shift_JIS) でもありません (CP932 としては {cp932_line}行目で読めません)。ファイルの文字コードを確かめてください"
        ),
        P::NeitherEncoding { cp932_line } => format!(
            "the file is neither UTF-8 nor CP932 (as CP932 it breaks at line {cp932_line}); check its encoding"
        ),
        P::NoHeader if ja => "見出しの行がありません (空のファイルです)".into(),
        P::NoHeader => "no header line (the file is empty)".into(),
        P::MissingColumn if ja => "必須の列がありません".into(),
        P::MissingColumn => "this required column is missing".into(),
        P::DuplicateColumn { first } if ja => format!("列「{first}」と同じ項目の列です"),
        P::DuplicateColumn { first } => format!("the same column as {first}"),
        P::Ragged { found, expected } if ja => {
            format!("項目の数が {found} 個です (見出しは {expected} 個)")
        }
        P::Ragged { found, expected } => {
            format!("{found} fields where the header has {expected}")
        }
        P::Csv(d) if ja => format!("CSV として読めません: {d}"),
        P::Csv(d) => format!("not readable as CSV: {d}"),
        P::Empty if ja => "必須の項目が空です".into(),
        P::Empty => "this required cell is empty".into(),
        P::BadDate(t) if ja => format!(
            "「{t}」は日付として読めません (例: 2026-04-01、2026/4/1、R8.4.1、令和8年4月1日)"
        ),
        P::BadDate(t) => {
            format!("\"{t}\" is not a date (2026-04-01, 2026/4/1, R8.4.1, 令和8年4月1日)")
        }
        P::BadValue { value, expected } if ja => {
            format!("「{value}」は使えません ({})", choices(*expected, lang))
        }
        P::BadValue { value, expected } => {
            format!("\"{value}\" is not one of {}", choices(*expected, lang))
        }
        P::Gaiji(chars) => {
            let list = chars.iter().map(|c| code_point(*c)).collect::<Vec<_>>().join(", ");
            if ja {
                format!("外字 (私用領域の文字 {list}) があります。外字表 (--gaiji) に置き換える文字を登録してください")
            } else {
                format!("private-use characters (外字) {list}; map them in the gaiji table (--gaiji)")
            }
        }
        P::DuplicateKey { key, first_line } if ja => format!("{key} は {first_line}行目にもあります"),
        P::DuplicateKey { key, first_line } => format!("{key} is also on line {first_line}"),
        P::BadGaijiEntry(line) if ja => {
            format!("外字表の行を読めません:「{line}」(形式: E000<タブ>置き換える文字)")
        }
        P::BadGaijiEntry(line) => {
            format!("gaiji table line not understood: \"{line}\" (form: E000<TAB>replacement)")
        }
        P::Period { from, to } if ja => format!(
            "開始日 {} が終了日 {} より後です",
            date(*from, lang),
            date(*to, lang)
        ),
        P::Period { from, to } => format!("valid from {from} is after valid to {to}"),
        P::UnknownParent(code) if ja => {
            format!("上位の所属 {code} はファイルにもデータベースにもありません")
        }
        P::UnknownParent(code) => format!("parent unit {code} is neither in the file nor stored"),
        P::ParentKind {
            kind,
            parent,
            parent_kind,
        } if ja => format!(
            "{}は{} ({parent}) の下に置けません",
            kind.ja(),
            parent_kind.ja()
        ),
        P::ParentKind {
            kind,
            parent,
            parent_kind,
        } => format!(
            "a {} cannot sit under {parent}, a {}",
            kind.ja(),
            parent_kind.ja()
        ),
        P::NeedsParent(kind) if ja => format!("{}には上位の所属が必要です", kind.ja()),
        P::NeedsParent(kind) => format!("a {} needs a parent unit", kind.ja()),
        P::TopHasParent if ja => "部には上位の所属を置けません".into(),
        P::TopHasParent => "a 部 has no parent unit".into(),
        P::BreaksChild { child } if ja => {
            format!("登録済みの所属 {child} がこの変更で組織の中に収まらなくなります")
        }
        P::BreaksChild { child } => {
            format!("stored unit {child} would no longer fit under this one")
        }
        P::Unmappable(c) if ja => format!("「{c}」({}) は CP932 で表せません", code_point(*c)),
        P::Unmappable(c) => format!("\"{c}\" ({}) has no CP932 form", code_point(*c)),
        P::Changes { from, to } if ja => format!(
            "「{from}」({}) は CP932 では「{to}」に変わってしまいます",
            code_point(*from)
        ),
        P::Changes { from, to } => format!(
            "\"{from}\" ({}) would come back from CP932 as \"{to}\"",
            code_point(*from)
        ),
        P::UnknownStaff(_)
        | P::UnknownSkill(_)
        | P::RetiredSkill { .. }
        | P::SameDayOtherSource { .. }
        | P::FutureLevel(_) => super::skills::level_problem(p, lang),
    }
}

/// `取り込みました (UTF-8): 追加 3 人、更新 1 人、変更なし 10 人`.
pub fn import_summary(s: &ImportSummary, target: ImportTarget, lang: Lang) -> String {
    let encoding = s.detected.map(|d| d.label()).unwrap_or("-");
    let (added, updated, unchanged) = (s.added, s.updated, s.unchanged);
    match lang {
        Lang::Ja => {
            let unit = match target {
                ImportTarget::Employees => "人",
                ImportTarget::Orgs | ImportTarget::Titles => "件",
            };
            let head = if s.dry_run {
                "確認だけしました (書き込んでいません)"
            } else {
                "取り込みました"
            };
            let mut text = format!(
                "{head} ({encoding}): 追加 {added} {unit}、更新 {updated} {unit}、変更なし {unchanged} {unit}"
            );
            if s.gaiji_replaced > 0 {
                text.push_str(&format!("。外字を置き換えた項目 {}", s.gaiji_replaced));
            }
            text
        }
        Lang::En => {
            let what = match target {
                ImportTarget::Employees => "employees",
                ImportTarget::Orgs => "units",
                ImportTarget::Titles => "titles",
            };
            let head = if s.dry_run {
                "Checked only, nothing written"
            } else {
                "Imported"
            };
            let mut text = format!(
                "{head} ({encoding}): {what} added {added}, updated {updated}, unchanged {unchanged}"
            );
            if s.gaiji_replaced > 0 {
                text.push_str(&format!("; cells with 外字 replaced: {}", s.gaiji_replaced));
            }
            text
        }
    }
}

/// The closing line of a refused import.
pub fn import_rejected(problems: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "取り込みませんでした: 誤りが {problems} 件あります。ファイルを直して、もう一度実行してください (何も書き込んでいません)。"
        ),
        Lang::En => format!(
            "Nothing imported: {problems} problems. Fix the file and run again (nothing was written)."
        ),
    }
}

/// Columns the file has that kizuna does not read.
pub fn ignored_columns(columns: &[String], lang: Lang) -> String {
    let list = columns.join(", ");
    match lang {
        Lang::Ja => format!("次の列は読み込みません: {list}"),
        Lang::En => format!("columns not read: {list}"),
    }
}

/// The progress counter: `確認中 12000/50000`.
pub fn import_progress(stage: Stage, done: usize, total: usize, lang: Lang) -> String {
    let word = match (stage, lang) {
        (Stage::Reading, Lang::Ja) => "読み込み中",
        (Stage::Checking, Lang::Ja) => "確認中",
        (Stage::Writing, Lang::Ja) => "書き込み中",
        (Stage::Reading, Lang::En) => "reading",
        (Stage::Checking, Lang::En) => "checking",
        (Stage::Writing, Lang::En) => "writing",
    };
    format!("{word} {done}/{total}")
}

/// A bad gaiji table.
pub fn gaiji_table(path: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("外字表 {} を読めません:", path.display()),
        Lang::En => format!("cannot use the gaiji table {}:", path.display()),
    }
}

/// An export written.
pub fn export_done(staff: usize, path: Option<&Path>, encoding: &str, lang: Lang) -> String {
    let to = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
    match lang {
        Lang::Ja => format!("{staff} 人を書き出しました ({encoding}): {to}"),
        Lang::En => format!("Exported {staff} employees ({encoding}): {to}"),
    }
}

/// The closing line of a refused export.
pub fn export_refused(problems: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "書き出しませんでした: CP932 で表せない文字が {problems} 件あります。--encoding utf-8 なら書き出せます。"
        ),
        Lang::En => format!(
            "Nothing exported: {problems} characters CP932 cannot hold. --encoding utf-8 can export them."
        ),
    }
}

/// Japanese help of `import` and `export`, keyed as the CLI's help table is.
pub const IMPORT_HELP_JA: &[(&str, &str)] = &[
    (
        "import",
        "CSV ファイルから取り込む: 組織、職名、職員、スキルレベル、研修の申込",
    ),
    (
        "import orgs",
        "組織を取り込む (所属コード、名称、上位コード、区分 部/課/係、開始日、終了日)",
    ),
    ("import orgs file", "CSV ファイル"),
    ("import orgs --encoding", "文字コード: auto, utf-8, cp932"),
    ("import orgs --dry-run", "確認だけして書き込まない"),
    ("import titles", "職名と職層 (1〜4) を取り込む"),
    ("import titles file", "CSV ファイル"),
    ("import titles --encoding", "文字コード: auto, utf-8, cp932"),
    ("import titles --dry-run", "確認だけして書き込まない"),
    (
        "import employees",
        "職員を取り込む (同じ職員番号は更新。所属・職名の変更は発令として履歴に加える)",
    ),
    ("import employees file", "CSV ファイル"),
    (
        "import employees --encoding",
        "文字コード: auto (UTF-8 でなければ CP932), utf-8, cp932",
    ),
    (
        "import employees --effective",
        "発令日の列がない行の発令日 (省略時は今日)",
    ),
    ("import employees --dry-run", "確認だけして書き込まない"),
    (
        "import employees --gaiji",
        "外字表 (UTF-8、1行に「E000<タブ>置き換える文字」)",
    ),
    ("export", "CSV ファイルに書き出す: 職員、スキルレベル"),
    (
        "export employees",
        "職員を書き出す (今日の所属と職名、日本語の見出し)",
    ),
    (
        "export employees --output",
        "書き出すファイル (省略時は標準出力)",
    ),
    ("export employees --encoding", "文字コード: utf-8, cp932"),
    (
        "export employees --bom",
        "UTF-8 の先頭に BOM を付ける (表計算ソフト向け)",
    ),
];
