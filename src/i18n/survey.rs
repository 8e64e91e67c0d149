//! The work-engagement survey's messages: import problems and summary, the words of
//! the table and of the feedback sheet.

use super::Lang;
use crate::domain::FiscalYear;
use crate::domain::survey::{Scale, SurveySource};
use crate::io::survey::{SurveyIssue, SurveyProblem};
use crate::service::SurveySummary;

/// A scale's name: a known scale in the user's language, else as the results name it.
pub fn scale_name(scale: &Scale, lang: Lang) -> &str {
    if lang == Lang::Ja {
        return &scale.name;
    }
    match scale.key.as_str() {
        "engagement" => "work engagement",
        "vigor" => "vigor",
        "dedication" => "dedication",
        "absorption" => "absorption",
        "supervisor_support" => "supervisor support",
        "coworker_support" => "coworker support",
        "job_control" => "job control",
        "meaning_of_work" => "meaning of work",
        _ => &scale.name,
    }
}

/// `R8年度` / `FY2026 (R8)`.
pub fn survey_year(fy: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => fy.wareki(),
        Lang::En => format!("FY{} ({})", fy.0, fy.short()),
    }
}

fn problem(p: &SurveyProblem, lang: Lang) -> String {
    use SurveyProblem as P;
    let ja = lang == Lang::Ja;
    match p {
        P::File(p) => super::csv_problem(p, lang),
        P::NoOrgColumn if ja => "組織コードの列がありません (見出し: 組織コード、所属コード、org_code など)".into(),
        P::NoOrgColumn => "no organisation code column (組織コード, 所属コード, org_code …)".into(),
        P::UnknownLayout if ja => "集団ごとの結果 (回答者数と尺度の列) でも、UWES-9 の回答 (Q1〜Q9 の列) でもありません".into(),
        P::UnknownLayout => "neither group results (a respondents column and scale columns) nor UWES-9 answers (columns Q1 to Q9)".into(),
        P::MissingItems(items) => {
            let list = items.iter().map(|n| format!("Q{n}")).collect::<Vec<_>>().join(", ");
            if ja {
                format!("UWES-9 の項目の列がありません: {list}")
            } else {
                format!("UWES-9 item columns missing: {list}")
            }
        }
        P::NoScales if ja => "尺度の列がありません (例: ワーク・エンゲイジメント、上司の支援)".into(),
        P::NoScales => "no scale columns (e.g. ワーク・エンゲイジメント, 上司の支援)".into(),
        P::NotANumber(t) if ja => format!("「{t}」は数値ではありません (値のない尺度は空欄か - にしてください)"),
        P::NotANumber(t) => format!("\"{t}\" is not a number (leave a withheld figure blank or -)"),
        P::Respondents(t) if ja => format!("「{t}」は回答者数として使えません (1 以上の整数)"),
        P::Respondents(t) => format!("\"{t}\" is not a number of respondents (a whole number, 1 or more)"),
        P::Answer(t) if ja => format!("「{t}」は回答として使えません (0〜6 の整数)"),
        P::Answer(t) => format!("\"{t}\" is not an answer (a whole number 0 to 6)"),
        P::UnknownOrg { code, rows } if ja => {
            format!("組織コード {code} の組織は登録されていません ({rows} 行)")
        }
        P::UnknownOrg { code, rows } => format!("no organisation unit has code {code} ({rows} rows)"),
        P::DuplicateOrg { code, first_line } if ja => {
            format!("組織コード {code} は {first_line}行目にもあります")
        }
        P::DuplicateOrg { code, first_line } => format!("code {code} is also on line {first_line}"),
        P::TooFewAnswers { respondents, floor } if ja => format!(
            "回答が {respondents} 人分しかありません。{floor} 人未満の回答は個人が分かるため取り込みません"
        ),
        P::TooFewAnswers { respondents, floor } => format!(
            "only {respondents} people answered: fewer than {floor} would identify them, so nothing is imported"
        ),
    }
}

/// `12行目 列「Q3」: …` / `line 12, column Q3: …`.
pub fn survey_issue(i: &SurveyIssue, lang: Lang) -> String {
    super::import::at_place(i.line, i.column.as_deref(), problem(&i.problem, lang), lang)
}

/// What an import did (or would do).
pub fn survey_import_summary(s: &SurveySummary, lang: Lang) -> String {
    let year = survey_year(s.fy, lang);
    let scales = s
        .scales
        .iter()
        .map(|x| scale_name(x, lang))
        .collect::<Vec<_>>()
        .join(", ");
    let enc = s.detected.label();
    let mut out = match (lang, s.source) {
        (Lang::Ja, SurveySource::ItemLevel) => format!(
            "{year}: UWES-9 の回答 {} 件 ({enc}) を {} の職場の集団の結果にまとめました。個々の回答は保存していません。",
            s.rows, s.groups
        ),
        (Lang::Ja, SurveySource::Implementer) => format!(
            "{year}: 実施者の集団の結果 {} 件 ({enc}、回答者 {} 人) を読みました。",
            s.groups, s.respondents
        ),
        (Lang::En, SurveySource::ItemLevel) => format!(
            "{year}: {} UWES-9 answers ({enc}) folded into results for {} workplace groups; no single answer is kept.",
            s.rows, s.groups
        ),
        (Lang::En, SurveySource::Implementer) => format!(
            "{year}: {} group results from the implementer ({enc}, {} respondents).",
            s.groups, s.respondents
        ),
    };
    out.push_str(&match lang {
        Lang::Ja => format!("\n尺度: {scales}"),
        Lang::En => format!("\nScales: {scales}"),
    });
    let tail = match (lang, s.replaced, s.dry_run) {
        (Lang::Ja, Some(n), false) => format!("この年度の以前の結果 ({n} 集団) を置き換えました。"),
        (Lang::En, Some(n), false) => format!("Replaced the year's earlier results ({n} groups)."),
        (Lang::Ja, Some(_), true) => "確認のみ (--dry-run): 何も書き込んでいません。取り込むとこの年度の以前の結果を置き換えます。".into(),
        (Lang::En, Some(_), true) => "Checked only (--dry-run): nothing written. Importing will replace the year's earlier results.".into(),
        (Lang::Ja, None, true) => "確認のみ (--dry-run): 何も書き込んでいません。".into(),
        (Lang::En, None, true) => "Checked only (--dry-run): nothing written.".into(),
        (Lang::Ja, None, false) => "取り込みました。".into(),
        (Lang::En, None, false) => "Imported.".into(),
    };
    out.push('\n');
    out.push_str(&tail);
    out
}

/// The survey's words, for tables and the feedback sheet.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SurveyWord {
    City,
    Unit,
    Respondents,
    Merged,
    Note,
    Withheld,
    Scale,
    Workplace,
    Difference,
    PreviousYear,
    Change,
    NoFigure,
}

/// One of the survey's words.
pub fn survey_word(w: SurveyWord, lang: Lang) -> &'static str {
    use SurveyWord as W;
    let (ja, en) = match w {
        W::City => ("市全体", "whole city"),
        W::Unit => ("所属", "unit"),
        W::Respondents => ("回答者数", "respondents"),
        W::Merged => ("統合した所属", "merged units"),
        W::Note => ("備考", "note"),
        W::Withheld => (
            "市全体の数値にのみ含む",
            "counted in the city-wide figure only",
        ),
        W::Scale => ("尺度", "scale"),
        W::Workplace => ("この職場", "this workplace"),
        W::Difference => ("市全体との差", "against the city"),
        W::PreviousYear => ("前年度", "previous year"),
        W::Change => ("前年度からの変化", "change since last year"),
        W::NoFigure => ("—", "—"),
    };
    lang.pick(ja, en)
}

/// `0102 に統合` / `merged into 0102`.
pub fn merged_into(code: &str, name: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{code} {name} に統合"),
        Lang::En => format!("merged into {code} {name}"),
    }
}

/// No results for the year.
pub fn no_survey(fy: FiscalYear, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{}のワーク・エンゲイジメント調査の結果はありません。kizuna survey import で取り込んでください。",
            fy.wareki()
        ),
        Lang::En => format!(
            "No work-engagement survey results for {}. Import them with kizuna survey import.",
            survey_year(fy, lang)
        ),
    }
}

mod sheet;
pub use sheet::{SURVEY_HELP_JA, report_refused, sheet_text};
