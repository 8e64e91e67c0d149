//! Words of the dashboard (pane 6), `kizuna dashboard` and `kizuna kpi`: headings,
//! notes, refusals, and the Japanese help of both commands.

use super::Lang;
use crate::domain::era::both_calendars;
use crate::domain::{Date, FiscalYear, KpiFault};

/// Japanese help of `kpi` and `dashboard`, keyed as the CLI's help table is.
pub const DASHBOARD_HELP_JA: &[(&str, &str)] = &[
    (
        "kpi",
        "方針の KPI (40歳以下の退職者数、総時間外勤務時間) を年度ごとに: 方針の値、入力した値、職員記録からの計算値",
    ),
    ("kpi --format", "出力形式"),
    (
        "kpi --fy",
        "この年度まで表示する: R8、令和8年度、2026、FY2026 (省略時は今年度)",
    ),
    (
        "kpi set",
        "方針の表より後の年度の値を記録する (hr。記録済みなら訂正)",
    ),
    (
        "kpi set key",
        "系列のキー: young-resignations (40歳以下の退職者数) または overtime-hours (総時間外勤務時間)",
    ),
    (
        "kpi set fy",
        "年度: R7、令和7年度、2025、FY2025 (今年度まで)",
    ),
    (
        "kpi set value",
        "値 (0以上の整数。90,644 のようなカンマも可)",
    ),
    (
        "dashboard",
        "ダッシュボードの数値: KPI (入力値と計算値)、デジタル人材と目標・不足数、必修研修の受講状況 (所属別)",
    ),
    (
        "dashboard --fy",
        "年度: R8、令和8年度、2026、FY2026 (省略時は今年度)",
    ),
    ("dashboard --format", "出力形式"),
];

/// A word of the dashboard by its key (`dash.…`); the key itself if it has none.
pub fn dash(key: &str, lang: Lang) -> &str {
    let (ja, en) = match key {
        "dash.view.kpi" => ("KPI", "KPIs"),
        "dash.view.talent" => ("デジタル人材", "Digital talent"),
        "dash.view.coverage" => ("研修受講", "Training"),
        "dash.view.engagement" => ("エンゲージメント", "Engagement"),
        "dash.key.kpi" => ("KPI のグラフ", "KPI charts"),
        "dash.key.talent" => ("デジタル人材と目標", "digital talent"),
        "dash.key.coverage" => ("必修研修の受講状況", "training coverage"),
        "dash.key.engagement" => ("ワーク・エンゲイジメント", "work engagement"),
        "dash.key.earlier" => ("前の年度", "earlier year"),
        "dash.key.later" => ("次の年度", "later year"),
        "dash.key.scroll_up" => ("上へ", "scroll up"),
        "dash.key.scroll_down" => ("下へ", "scroll down"),
        "dash.key.first" => ("先頭へ", "first line"),
        "dash.key.last" => ("末尾へ", "last line"),
        "dash.empty" => ("まだ読み込まれていません", "Nothing read yet"),
        "dash.as_of" => ("{} 現在", "as of {}"),
        "dash.legend.policy" => ("方針", "policy"),
        "dash.legend.entered" => ("入力値", "entered"),
        "dash.legend.computed" => ("職員記録から計算", "from staff records"),
        "dash.missing" => ("未入力", "not entered"),
        "dash.kpi.range" => ("{}〜{}", "{}-{}"),
        "dash.kpi.set_hint" => (
            "入力: kizuna kpi set KEY 年度 値",
            "enter: kizuna kpi set KEY YEAR VALUE",
        ),
        "dash.talent.title" => (
            "デジタル人材と方針の目標  {} 時点",
            "Digital talent against the policy's targets, as of {}",
        ),
        "dash.col.tier" => ("区分", "Tier"),
        "dash.col.count" => ("人数", "Now"),
        "dash.col.target" => ("{}年目標", "{} target"),
        "dash.col.short" => ("不足", "Short"),
        "dash.col.long_term" => ("長期目標", "Long term"),
        "dash.col.section" => ("所属", "Section"),
        "dash.col.leaders" => ("リーダー", "Leaders"),
        "dash.col.people" => ("対象者", "Staff"),
        "dash.col.done" => ("完了者", "Done"),
        "dash.col.taken" => ("受講/対象", "Taken/due"),
        "dash.col.share" => ("割合", "Share"),
        "dash.talent.below" => (
            "リーダーが{}人未満の所属: {} / {} (長期目標: 各所属に{}人以上)",
            "Sections with fewer than {} leaders: {} of {} (long term: at least {} each)",
        ),
        "dash.talent.none_below" => (
            "全ての所属にリーダーが{}人以上います",
            "Every section has at least {} leaders",
        ),
        "dash.coverage.title" => (
            "{} 必修研修の受講状況  {} 時点",
            "{} mandatory courses taken, as of {}",
        ),
        "dash.coverage.total" => ("全庁", "City"),
        "dash.coverage.none" => (
            "この年度に対象となる必修研修はありません",
            "No mandatory course falls due this year",
        ),
        "dash.duty.met" => ("実施済", "held"),
        "dash.duty.unmet" => ("未実施", "not held yet"),
        "dash.duty.line" => (
            "メンタルヘルス研修 (年{}回以上): {}",
            "Mental-health training (at least {} a year): {}",
        ),
        "dash.col.workplace" => ("職場", "Workplace"),
        "dash.col.respondents" => ("回答", "N"),
        "dash.heat.city" => ("全庁", "City"),
        "dash.heat.city_before" => ("全庁 (前年度)", "City, year before"),
        "dash.heat.none" => (
            "{} のワーク・エンゲイジメントの結果はまだありません。kizuna survey import で取り込みます。",
            "No work-engagement results for {} yet; import them with kizuna survey import.",
        ),
        "dash.heat.rule" => (
            "回答が{}人未満の集団は単独で表示せず上位の組織にまとめています (まとめた職場 {}、全庁の値にのみ含む職場 {})",
            "Groups under {} respondents never show alone: merged into their parent ({} merged, {} only in the city figure)",
        ),
        "dash.heat.scales" => (
            "尺度 {}〜{} / {} (←→ で移動)  濃淡は職場間の順位 (下位から上位へ)、↑↓ は前年度比",
            "Scales {}-{} of {} (←/→); shade: rank among workplaces; arrow: against last year",
        ),
        "dash.heat.legend" => (
            "濃淡は職場間の順位 (下位から上位へ)、↑↓ は前年度比",
            "Shade ranks workplaces low to high; arrows compare with the year before",
        ),
        "dash.key.scale_left" => ("前の尺度", "previous scale"),
        "dash.key.scale_right" => ("次の尺度", "next scale"),
        other => (other, other),
    };
    lang.pick(ja, en)
}

/// A known scale's short name, for a heatmap column.
pub fn dash_scale(key: &str, lang: Lang) -> &'static str {
    let (ja, en) = match key {
        "engagement" => ("WE", "WE"),
        "vigor" => ("活力", "Vigor"),
        "dedication" => ("熱意", "Dedic."),
        "absorption" => ("没頭", "Absorb."),
        "supervisor_support" => ("上司支援", "Superv."),
        "coworker_support" => ("同僚支援", "Cowork."),
        "job_control" => ("裁量度", "Control"),
        "meaning_of_work" => ("意義", "Meaning"),
        _ => ("", ""),
    };
    lang.pick(ja, en)
}

/// A day as the dashboard names it: both calendars in Japanese, ISO in English.
pub fn dash_day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => both_calendars(d),
        Lang::En => d.to_string(),
    }
}

/// Column headings of the CLI tables.
pub fn dashboard_headings(table: &str, lang: Lang) -> Vec<&'static str> {
    let (ja, en): (&[&'static str], &[&'static str]) = match table {
        "kpi" => (
            &["系列", "名称", "単位", "年度", "値", "出典", "計算値"],
            &[
                "series", "name", "unit", "year", "value", "source", "computed",
            ],
        ),
        "talent" => (
            &[
                "区分",
                "人数",
                "目標",
                "目標年",
                "不足",
                "長期目標",
                "長期の不足",
            ],
            &[
                "tier",
                "count",
                "target",
                "target_year",
                "shortfall",
                "long_term",
                "long_term_shortfall",
            ],
        ),
        "below" => (
            &["所属コード", "所属", "リーダー"],
            &["unit_code", "unit", "leaders"],
        ),
        _ => (
            &[
                "所属コード",
                "所属",
                "対象者",
                "完了者",
                "対象",
                "受講済",
                "割合",
            ],
            &[
                "unit_code",
                "unit",
                "people",
                "people_done",
                "due",
                "taken",
                "percent",
            ],
        ),
    };
    match lang {
        Lang::Ja => ja.to_vec(),
        Lang::En => en.to_vec(),
    }
}

/// Where a figure comes from, as the CLI writes it.
pub fn kpi_source(source: Option<crate::domain::KpiSource>, lang: Lang) -> &'static str {
    use crate::domain::KpiSource as S;
    match (source, lang) {
        (Some(S::Policy), Lang::Ja) => "方針",
        (Some(S::Entered), Lang::Ja) => "入力",
        (Some(s), Lang::En) => s.code(),
        (None, _) => "",
    }
}

/// What `kpi set` says when it has recorded a figure.
pub fn kpi_saved(
    series: &str,
    year: FiscalYear,
    value: i64,
    previous: Option<i64>,
    lang: Lang,
) -> String {
    let fy = year.short();
    match (previous, lang) {
        (None, Lang::Ja) => format!("{series} の {fy} を {value} で記録しました"),
        (Some(p), Lang::Ja) => format!("{series} の {fy} を {p} から {value} に訂正しました"),
        (None, Lang::En) => format!("{series} {fy}: recorded {value}"),
        (Some(p), Lang::En) => format!("{series} {fy}: corrected from {p} to {value}"),
    }
}

/// Why a figure was refused.
pub fn kpi_fault(f: &KpiFault, keys: &[String], lang: Lang) -> String {
    let keys = keys.join(", ");
    match (f, lang) {
        (KpiFault::UnknownSeries(k), Lang::Ja) => {
            format!("KPI の系列 {k} はありません (系列: {keys})")
        }
        (KpiFault::UnknownSeries(k), Lang::En) => format!("No KPI series {k} (series: {keys})"),
        (KpiFault::PolicyYear { series, year }, Lang::Ja) => format!(
            "{series} の {} は方針の表の値で、変えられません。値を記録できるのはその後の年度です",
            year.short()
        ),
        (KpiFault::PolicyYear { series, year }, Lang::En) => format!(
            "{series} {} is the policy's own figure and stays as it is; figures are entered for later years",
            year.short()
        ),
        (KpiFault::FutureYear(y), Lang::Ja) => {
            format!("{} はまだ始まっていない年度です", y.wareki())
        }
        (KpiFault::FutureYear(y), Lang::En) => format!("{} has not begun yet", y.short()),
        (KpiFault::Negative(v), Lang::Ja) => format!("{v}: 値は0以上の整数です"),
        (KpiFault::Negative(v), Lang::En) => format!("{v}: a figure is a whole number, 0 or more"),
    }
}

/// What the dashboard counted on, for stderr beside the CLI's tables.
pub fn dashboard_note(year: FiscalYear, on: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "{} のダッシュボード ({} 時点の職員で集計。40歳以下の退職者数の計算値は、正規職員で退職日の年齢が40歳以下の人を退職日の年度に数えたもの)",
            year.wareki(),
            dash_day(on, lang)
        ),
        Lang::En => format!(
            "Dashboard of {} (staff counted as of {}; computed resignations count regular staff aged 40 or under on their leaving date, in that date's fiscal year)",
            year.short(),
            dash_day(on, lang)
        ),
    }
}

/// A percentage with one decimal from a value per thousand: `61.7`.
pub fn per_mille_text(per_mille: u32) -> String {
    format!("{}.{}", per_mille / 10, per_mille % 10)
}
