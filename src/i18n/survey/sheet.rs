//! The feedback sheet for a workplace's manager, the refusal when a workplace has no
//! row of its own, and the Japanese help of `kizuna survey`.

use super::{SurveyWord as W, scale_name, survey_word, survey_year};
use crate::domain::era::both_calendars;
use crate::domain::survey::SurveySource;
use crate::i18n::Lang;
use crate::service::{Standing, SurveyRow, SurveyView};

fn num(v: Option<f64>) -> String {
    v.map_or_else(|| "—".to_string(), |v| format!("{v:.2}"))
}

fn diff(a: Option<f64>, b: Option<f64>) -> String {
    match (a, b) {
        (Some(a), Some(b)) => format!("{:+.2}", a - b),
        _ => "—".to_string(),
    }
}

fn guide(view: &SurveyView, lang: Lang) -> Vec<String> {
    let floor = view.floor;
    let mut out: Vec<String> = match lang {
        Lang::Ja => vec![
            "この数値は職場 (集団) の状態を表すもので、個人の評価に使うものではありません。回答した人を探したり推測したりしないでください。".into(),
            format!("回答者が{floor}人未満の集団は単独では示さず、上位の所属に統合しています。統合した所属は上のとおりです。"),
            "市全体との差が小さいときは、偶然の揺れの範囲のことがあります。差の大きい尺度から職場で話し合ってみてください。".into(),
            "前年度と比べるときは、異動などで回答者が入れ替わっていることに気をつけてください。".into(),
        ],
        Lang::En => vec![
            "These figures describe the workplace as a group; they are not for judging anyone. Do not try to find out who answered what.".into(),
            format!("Groups of fewer than {floor} respondents are never shown alone: they are merged into their parent unit, as listed above."),
            "Small differences from the city may be chance. Start the conversation in the workplace with the scales that differ most.".into(),
            "When comparing with last year, remember that people have moved and the respondents are not the same.".into(),
        ],
    };
    out.push(match (view.source, lang) {
        (SurveySource::ItemLevel, Lang::Ja) => "UWES-9 の得点は 0 (全くない) 〜 6 (いつも感じる) で、活力・熱意・没頭の各3項目と9項目全体の平均です。高いほど良い状態です。".into(),
        (SurveySource::ItemLevel, Lang::En) => "UWES-9 scores run from 0 (never) to 6 (always): the means of the three items of vigor, dedication and absorption, and of all nine. Higher is better.".into(),
        (SurveySource::Implementer, Lang::Ja) => "各尺度の得点の範囲と向き (高いほど良いか) は、実施者の報告書の説明に従ってください。".into(),
        (SurveySource::Implementer, Lang::En) => "For each scale's range and direction (whether higher is better), follow the implementer's report.".into(),
    });
    out.push(lang.pick(
        "ワーク・エンゲイジメントは、上司・同僚の支援、仕事のコントロール、仕事の意義といった仕事の資源が高いほど高まるとされています。低い尺度があれば、その資源を高める取組みを職場で考えてみてください。",
        "Work engagement tends to rise with job resources such as supervisor and coworker support, job control and meaning of work. Where a scale is low, consider together how to strengthen that resource.",
    ).into());
    out
}

/// The feedback sheet in Markdown for a row of the view.
pub fn sheet_text(view: &SurveyView, row: &SurveyRow, lang: Lang) -> String {
    let mut out = String::new();
    let ja = lang == Lang::Ja;
    out.push_str(lang.pick(
        "# ワーク・エンゲイジメント調査 職場フィードバックシート\n\n",
        "# Work-engagement survey: feedback sheet for the workplace\n\n",
    ));
    let year = survey_year(view.fy, lang);
    let place = format!("{} ({})", row.path, row.org_code);
    let prev = row.previous_respondents.map_or_else(String::new, |n| {
        if ja {
            format!(" (前年度 {n}人)")
        } else {
            format!(" (last year {n})")
        }
    });
    let imported = if ja {
        both_calendars(view.imported)
    } else {
        view.imported.to_string()
    };
    let lines = if ja {
        [
            format!("- 年度: {year}"),
            format!("- 職場: {place}"),
            format!("- 回答者数: {}人{prev}", row.respondents),
            format!("- 取り込み日: {imported}"),
        ]
    } else {
        [
            format!("- Year: {year}"),
            format!("- Workplace: {place}"),
            format!("- Respondents: {}{prev}", row.respondents),
            format!("- Imported: {imported}"),
        ]
    };
    for l in lines {
        out.push_str(&l);
        out.push('\n');
    }
    if !row.merged.is_empty() {
        let list: Vec<String> = row
            .merged
            .iter()
            .map(|m| format!("{} ({})", m.org_name, m.org_code))
            .collect();
        out.push_str(&if ja {
            format!(
                "- 統合した所属: {} (回答者が{}人未満のため、この職場の集計に含めています)\n",
                list.join("、"),
                view.floor
            )
        } else {
            format!(
                "- Merged units: {} (fewer than {} respondents each, counted in this workplace)\n",
                list.join(", "),
                view.floor
            )
        });
    }
    let head = [
        W::Scale,
        W::Workplace,
        W::City,
        W::Difference,
        W::PreviousYear,
        W::Change,
    ]
    .map(|w| survey_word(w, lang));
    out.push_str(&format!(
        "\n| {} |\n|---|---:|---:|---:|---:|---:|\n",
        head.join(" | ")
    ));
    let city = view.city.as_ref();
    for (i, scale) in view.scales.iter().enumerate() {
        let mine = row.scores.get(i).copied().flatten();
        let all = city.and_then(|c| c.scores.get(i).copied().flatten());
        let before = row.previous.get(i).copied().flatten();
        let cells = [
            scale_name(scale, lang).replace('|', "/"),
            num(mine),
            num(all),
            diff(mine, all),
            num(before),
            diff(mine, before),
        ];
        out.push_str(&format!("| {} |\n", cells.join(" | ")));
    }
    out.push_str(lang.pick("\n## 読み方\n\n", "\n## How to read this sheet\n\n"));
    for g in guide(view, lang) {
        out.push_str(&format!("- {g}\n"));
    }
    out
}

/// Why a workplace gets no sheet of its own, and where its group is.
pub fn report_refused(view: &SurveyView, code: &str, lang: Lang) -> String {
    let name = view
        .hidden
        .iter()
        .find(|h| h.org_code == code)
        .map_or("", |h| h.path.as_str());
    let floor = view.floor;
    let fy = view.fy.short();
    match (view.standing(code), lang) {
        (Standing::MergedInto(row), Lang::Ja) => format!(
            "{code} {name} の集団は回答者が{floor}人未満のため、単独のシートは作れません。この所属の結果は {} {} の集計に含まれています: kizuna survey report --fy {fy} --org {}",
            row.org_code, row.path, row.org_code
        ),
        (Standing::MergedInto(row), Lang::En) => format!(
            "{code} {name} has fewer than {floor} respondents, so it gets no sheet of its own. Its results are part of {} {}: kizuna survey report --fy {fy} --org {}",
            row.org_code, row.path, row.org_code
        ),
        (Standing::Withheld, Lang::Ja) => format!(
            "{code} {name} の集団は、統合しても{floor}人以上の集団にならないか、差し引きで{floor}人未満の集団がわかってしまうため、市全体の数値にのみ含めています。シートは作れません。"
        ),
        (Standing::Withheld, Lang::En) => format!(
            "{code} {name} is counted only in the city-wide figure: merged, it still has fewer than {floor} respondents, or showing it would let a smaller group be found by subtraction. No sheet can be made."
        ),
        (_, Lang::Ja) => format!("{}の {code} の結果はありません。", view.fy.wareki()),
        (_, Lang::En) => format!("No results for {code} in {}.", survey_year(view.fy, lang)),
    }
}

/// Japanese help of `kizuna survey`.
pub const SURVEY_HELP_JA: &[(&str, &str)] = &[
    (
        "survey",
        "ワーク・エンゲイジメント調査: 取り込み、職場ごとの表、職場へのフィードバックシート (hr)",
    ),
    (
        "survey import",
        "年度の調査結果を取り込む: 実施者の集団ごとの結果 (組織コード・回答者数・尺度の列) か、市独自の UWES-9 の回答 (組織コードと Q1〜Q9、0〜6)。回答は職場ごとの結果にまとめ、個々の回答は保存しない。同じ年度を取り込み直すと置き換える",
    ),
    ("survey import file", "CSV ファイル (UTF-8 または CP932)"),
    ("survey import --fy", "結果の年度 (R8、2026 など)"),
    ("survey import --encoding", "ファイルの文字コード"),
    ("survey import --dry-run", "確認だけして、何も書き込まない"),
    (
        "survey show",
        "職場ごとの結果 (人数の下限を適用。市全体と前年度つき)",
    ),
    ("survey show --fy", "年度 (R8、2026 など)"),
    ("survey show --format", "出力形式"),
    (
        "survey report",
        "職場の管理職へのフィードバックシートを Markdown で書く",
    ),
    ("survey report --fy", "年度 (R8、2026 など)"),
    ("survey report --org", "職場の組織コード"),
    (
        "survey report --output",
        "出力するファイル (省略時は標準出力)",
    ),
];
