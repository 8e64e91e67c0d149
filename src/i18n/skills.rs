//! Messages of the skill commands and the skill import: column headings, the notes the
//! reports print beside their tables, summaries, and the Japanese help.

use std::path::Path;

use super::{Lang, Msg};
use crate::domain::era::both_calendars;
use crate::domain::{Band, Date, FiscalYear};
use crate::io::csv::Problem;
use crate::service::ImportSummary;

/// A column heading or a fixed word of the skill reports.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SkillWord {
    Image,
    Category,
    SkillKey,
    SkillName,
    /// The category cell of a foundation skill.
    Foundation,
    /// The category cell of a digital skill domain.
    DigitalDomain,
    Level,
    /// The level of a required skill never assessed.
    Unassessed,
    Target,
    Distance,
    Required,
    Meeting,
    Share,
    StaffNo,
    Name,
    Unit,
    Title,
    Band,
    Tier,
    TierImage,
    Count,
    LongTerm,
    LongTermCount,
    /// Architects working in the digital or core-system sections.
    InSystems,
    UnitCode,
    UnitName,
    Leaders,
}

/// The word in a language. English headings are the plain codes scripts expect.
pub fn skill_word(w: SkillWord, lang: Lang) -> &'static str {
    use SkillWord as W;
    let (ja, en) = match w {
        W::Image => ("目指すべき職員像", "image"),
        W::Category => ("カテゴリ", "category"),
        W::SkillKey => ("スキル", "skill"),
        W::SkillName => ("スキル名", "name"),
        W::Foundation => ("基盤", "foundation"),
        W::DigitalDomain => ("デジタルスキル領域", "digital domain"),
        W::Level => ("レベル", "level"),
        W::Unassessed => ("未評価", "unassessed"),
        W::Target => ("目標", "target"),
        W::Distance => ("不足", "distance"),
        W::Required => ("対象人数", "required"),
        W::Meeting => ("達成人数", "meeting"),
        W::Share => ("達成率(%)", "share_percent"),
        W::StaffNo => ("職員番号", "staff_no"),
        W::Name => ("氏名", "name"),
        W::Unit => ("所属", "unit"),
        W::Title => ("職名", "title"),
        W::Band => ("職層", "band"),
        W::Tier => ("区分", "tier"),
        W::TierImage => ("人材像", "image"),
        W::Count => ("現在の人数", "count"),
        W::LongTerm => ("長期目標", "long_term"),
        W::LongTermCount => ("長期目標(人)", "long_term_count"),
        W::InSystems => ("うちデジタル・基幹系所管課", "in_digital_or_core_sections"),
        W::UnitCode => ("所属コード", "code"),
        W::UnitName => ("所属名", "name"),
        W::Leaders => ("リーダー", "leaders"),
    };
    lang.pick(ja, en)
}

/// The heading of a band's column in the map: the policy's label in Japanese.
pub fn band_heading(band: Band, lang: Lang) -> String {
    match lang {
        Lang::Ja => band.policy_label().to_string(),
        Lang::En => format!("b{}", band.number()),
    }
}

/// The heading of the target year's column: `2030年度目標` / `target_fy2030`.
pub fn target_year_heading(year: i32, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{year}年度目標"),
        Lang::En => format!("target_fy{year}"),
    }
}

fn day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => both_calendars(d),
        Lang::En => d.to_string(),
    }
}

/// Beside the map: which year's map it is, and the day it was read on.
pub fn map_note(fy: FiscalYear, on: Date, lang: Lang) -> String {
    let year = Msg::FiscalYearLong(fy).text(lang);
    match lang {
        Lang::Ja => format!("{year}のスキルマップ。{} 時点", day(on, lang)),
        Lang::En => format!("Skill map of {year}, as of {on}"),
    }
}

/// Beside one person's gaps: their band, or why nothing is required of them.
pub fn person_gaps_note(
    staff_no: &str,
    band: Option<Band>,
    gaps: usize,
    on: Date,
    lang: Lang,
) -> String {
    let when = day(on, lang);
    match (band, lang) {
        (Some(b), Lang::Ja) => format!(
            "職員番号 {staff_no} (職層 {} {}): 目標に届かない必須スキル {gaps} 件。{when} 時点",
            b.number(),
            b.policy_label()
        ),
        (Some(b), Lang::En) => format!(
            "Employee {staff_no} (band {}, as of {when}): {gaps} required skills below target",
            b.number()
        ),
        (None, Lang::Ja) => {
            format!("職員番号 {staff_no} は {when} の職名に職層がないため、必須スキルはありません")
        }
        (None, Lang::En) => format!(
            "Employee {staff_no} holds a title with no band on {when}: no skill is required"
        ),
    }
}

/// Beside the share report: whom it counted.
pub fn share_note(people: u32, org: Option<&str>, on: Date, lang: Lang) -> String {
    let when = day(on, lang);
    match (org, lang) {
        (Some(code), Lang::Ja) => format!(
            "所属 {code} とその下の職員 {people} 人 (職層のある在職者) の達成率、低い順。{when} 時点"
        ),
        (None, Lang::Ja) => {
            format!("全庁の職員 {people} 人 (職層のある在職者) の達成率、低い順。{when} 時点")
        }
        (Some(code), Lang::En) => format!(
            "{people} people in unit {code} and below (as of {when}, in post with a band), lowest share first"
        ),
        (None, Lang::En) => format!(
            "{people} people city-wide (as of {when}, in post with a band), lowest share first"
        ),
    }
}

/// Beside the matrix: how many people, as of when, and what `!` means.
pub fn matrix_note(people: usize, org: &str, on: Date, lang: Lang) -> String {
    let when = day(on, lang);
    match lang {
        Lang::Ja => format!(
            "所属 {org} とその下の職員 {people} 人。{when} 時点。「!」は職層の目標に届かない必須スキル"
        ),
        Lang::En => format!(
            "{people} people in unit {org} and below (as of {when}); \"!\" marks a required skill below the band's target"
        ),
    }
}

/// Beside the digital targets: the day, and how many 所属 lack leaders.
pub fn targets_note(on: Date, below: usize, sections: usize, floor: u32, lang: Lang) -> String {
    let when = day(on, lang);
    match lang {
        Lang::Ja => format!(
            "{when} 時点のデジタル人材。リーダーが {floor} 人未満の所属: {below} / {sections}"
        ),
        Lang::En => format!(
            "Digital talent as of {when}; sections with fewer than {floor} leaders: {below} of {sections}"
        ),
    }
}

/// A `--org` code the organisation does not have.
pub fn unknown_unit(code: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("所属コード {code} は組織の表にありません。"),
        Lang::En => format!("No organisation unit {code}."),
    }
}

/// The problems of a level row that the stored records show.
pub fn level_problem(p: &Problem, lang: Lang) -> String {
    use Problem as P;
    match (p, lang) {
        (P::UnknownStaff(n), Lang::Ja) => format!("職員番号 {n} の職員はいません"),
        (P::UnknownStaff(n), Lang::En) => format!("no employee {n}"),
        (P::UnknownSkill(t), Lang::Ja) => format!(
            "「{t}」はスキルマップのスキルでもデジタルスキル領域でもありません (スキルのキーかスキル名、または dx:キーか領域名で書いてください。一覧は kizuna skills map)"
        ),
        (P::UnknownSkill(t), Lang::En) => format!(
            "\"{t}\" is neither a skill of the map nor a digital domain (write a skill key or name, or dx:KEY or a domain name; see kizuna skills map)"
        ),
        (P::RetiredSkill { skill, date }, Lang::Ja) => format!(
            "スキル「{skill}」は {} に廃止されました (履歴は残りますが、新しい評価は記録できません)",
            both_calendars(*date)
        ),
        (P::RetiredSkill { skill, date }, Lang::En) => format!(
            "skill {skill} was retired on {date}: its history stays, new levels are not taken"
        ),
        (P::SameDayOtherSource { date, source }, Lang::Ja) => format!(
            "{} には{}のレベルが記録されています。同じ日に別の区分のレベルは記録できません (訂正は同じ区分で)",
            both_calendars(*date),
            source.ja()
        ),
        (P::SameDayOtherSource { date, source }, Lang::En) => format!(
            "a {} level is recorded on {date}; another source cannot record one the same day",
            source.code()
        ),
        (P::FutureLevel(date), Lang::Ja) => format!(
            "{} は今日より後の日付です (レベルは今日までの日付で)",
            both_calendars(*date)
        ),
        (P::FutureLevel(date), Lang::En) => {
            format!("{date} is after today: levels are dated up to today")
        }
        (other, _) => super::csv_problem(other, lang),
    }
}

/// `取り込みました (UTF-8): 追加 12 件、訂正 1 件、変更なし 40 件`.
pub fn skill_import_summary(s: &ImportSummary, lang: Lang) -> String {
    let encoding = s.detected.map(|d| d.label()).unwrap_or("-");
    let (added, changed, unchanged) = (s.added, s.updated, s.unchanged);
    match lang {
        Lang::Ja => {
            let head = if s.dry_run {
                "確認だけしました (書き込んでいません)"
            } else {
                "スキルレベルを取り込みました"
            };
            format!(
                "{head} ({encoding}): 追加 {added} 件、訂正 (同じ日の評価の置き換え) {changed} 件、変更なし {unchanged} 件"
            )
        }
        Lang::En => {
            let head = if s.dry_run {
                "Checked only, nothing written"
            } else {
                "Imported skill levels"
            };
            format!(
                "{head} ({encoding}): added {added}, changed (same-day corrections) {changed}, unchanged {unchanged}"
            )
        }
    }
}

/// A skill export written.
pub fn skill_export_done(levels: usize, path: Option<&Path>, encoding: &str, lang: Lang) -> String {
    let to = path.map_or_else(|| "-".to_string(), |p| p.display().to_string());
    match lang {
        Lang::Ja => format!("スキルレベル {levels} 件を書き出しました ({encoding}): {to}"),
        Lang::En => format!("Exported {levels} skill levels ({encoding}): {to}"),
    }
}

/// Japanese help of `skills`, `digital`, `import skills` and `export skills`, keyed as
/// the CLI's help table is.
pub const SKILLS_HELP_JA: &[(&str, &str)] = &[
    ("skills", "スキルマップ、スキルギャップ、スキルマトリクス"),
    (
        "skills map",
        "ある年度のスキルマップ (年度末日の時点。年度末が今日より後なら今日の時点)。基盤スキルは最後に「基盤」、続けてデジタルスキル領域 (dx:キー)",
    ),
    (
        "skills map --fy",
        "年度 (R8、令和8年度、2026、FY2026。省略時は今年度)",
    ),
    ("skills map --format", "出力形式: tsv, json"),
    (
        "skills gaps",
        "スキルギャップ: --employee なら一人の不足 (スキル、スキル名、レベル、目標、不足)。それ以外は所属 (--org) か全庁の、スキルごとの目標達成率 (低い順)。数えた人数は標準エラーに",
    ),
    (
        "skills gaps --org",
        "この所属とその下の所属だけ (所属コード)",
    ),
    ("skills gaps --employee", "この職員のギャップ (職員番号)"),
    (
        "skills gaps --as-of",
        "この日の時点で (省略時は今日。2026-04-01、R8.4.1 など)",
    ),
    ("skills gaps --format", "出力形式: tsv, json"),
    (
        "skills matrix",
        "スキルマトリクス: 職員が行、スキルが列 (TSV の見出しはスキルのキー)。各欄はレベルか空欄。職層の目標に届かない必須スキルには TSV で「!」を付ける (JSON では short: true)",
    ),
    (
        "skills matrix --org",
        "この所属とその下の所属の職員 (所属コード)",
    ),
    (
        "skills matrix --as-of",
        "この日の時点で (省略時は今日。2026-04-01、R8.4.1 など)",
    ),
    ("skills matrix --format", "出力形式: tsv, json"),
    ("digital", "デジタル人材"),
    (
        "digital targets",
        "デジタル人材の区分ごとの今日の人数と目標 (2030年度、長期)。TSV は空行で区切った2つの表: 区分ごとの表と、リーダーが2人未満の所属",
    ),
    ("digital targets --format", "出力形式: tsv, json"),
    (
        "import skills",
        "スキルレベルを取り込む (職員番号、スキル、レベル 0〜4、日付、区分、評価者。同じ日の同じスキルは訂正、別の日は履歴に追加)",
    ),
    ("import skills file", "CSV ファイル"),
    (
        "import skills --encoding",
        "文字コード: auto (UTF-8 でなければ CP932), utf-8, cp932",
    ),
    ("import skills --dry-run", "確認だけして書き込まない"),
    (
        "export skills",
        "全職員のスキルレベルを、日付・区分・評価者とともに取り込みと同じ列で書き出す",
    ),
    (
        "export skills --output",
        "書き出すファイル (省略時は標準出力)",
    ),
    ("export skills --encoding", "文字コード: utf-8, cp932"),
    (
        "export skills --bom",
        "UTF-8 の先頭に BOM を付ける (表計算ソフト向け)",
    ),
];

/// The header of `kizuna settings show`.
pub fn settings_heading(lang: Lang) -> &'static str {
    lang.pick("項目\t値\n", "key\tvalue\n")
}

pub fn settings_saved(lang: Lang) -> String {
    lang.pick("設定を保存しました。\n", "Settings saved.\n")
        .to_string()
}

/// Japanese help of `kizuna settings`.
pub const SETTINGS_HELP_JA: &[(&str, &str)] = &[
    (
        "settings",
        "データベースに保存する組織の設定: レベルの名前と職層ごとの目標レベル",
    ),
    ("settings show", "レベルの名前 (0-4) と職層ごとの目標レベル"),
    ("settings show --format", "出力形式"),
    ("settings level-name", "レベルの名前を変える (admin)"),
    ("settings level-name level", "レベル (0-4)"),
    ("settings level-name name", "新しい名前"),
    (
        "settings target",
        "職層の必要スキルが目指すレベルを決める (admin)",
    ),
    (
        "settings target band",
        "職層: 1 (主任・主事) から 4 (部長・課長)",
    ),
    ("settings target level", "目標レベル (0-4)"),
    (
        "settings lock-minutes",
        "操作がないまま何分で相談記録の画面をロックし鍵を忘れるか (admin)",
    ),
    ("settings lock-minutes minutes", "1-60 (既定 5)"),
    (
        "settings subsidy-rate",
        "自主研修支援の助成率を職層ごとに決める (費用に対する %。admin)",
    ),
    (
        "settings subsidy-rate band",
        "職層: 1 (主任・主事) から 4 (部長・課長)",
    ),
    ("settings subsidy-rate percent", "助成率 (0-100 %)"),
    (
        "settings subsidy-budget",
        "自主研修支援の年度予算 (円。admin)",
    ),
    ("settings subsidy-budget yen", "円"),
    (
        "settings subsidy-budget --fy",
        "この年度の予算として (省略時は年度ごとの予算のない年度すべて)",
    ),
    (
        "settings subsidy-skill-rule",
        "申請にスキルマップのスキルを求めるか (on/off。admin)",
    ),
    ("settings subsidy-skill-rule rule", "on または off"),
    (
        "settings survey-floor",
        "ワーク・エンゲイジメント調査で単独で示す集団の最少人数 (10 以上。admin)",
    ),
    ("settings survey-floor floor", "回答者数 (10 以上、既定 10)"),
];
