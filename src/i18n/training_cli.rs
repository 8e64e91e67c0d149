//! Messages of the training and subsidy commands and the enrollment import: column
//! headings, the notes beside the tables, what an action did, and the Japanese help.

mod help;

pub use help::TRAINING_HELP_JA;

use super::import::at_place;
use super::{Lang, Msg, Term, enroll_fault};
use crate::domain::era::both_calendars;
use crate::domain::{
    Application, Audience, Date, EnrollStatus, FiscalYear, Proposal, Session, SubsidyStatus,
};
use crate::service::{
    Duty, EnrollFault, EnrollmentIssue, EnrollmentSummary, Outcome, Placed, RowFault, SubsidyView,
};

/// A column heading of the training and subsidy tables. English headings are the plain
/// codes scripts expect.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TrainingWord {
    /// The key column of the catalogue itself.
    CourseKey,
    /// The name column of the catalogue itself.
    CourseTitle,
    Course,
    CourseName,
    Kind,
    Class,
    Skills,
    Audience,
    Prerequisite,
    Session,
    Days,
    Place,
    Instructor,
    Capacity,
    /// People holding a place: 受講予定, 出席, 修了 and 欠席.
    Booked,
    Waiting,
    Status,
    StaffNo,
    Name,
    Unit,
    Title,
    Since,
    InLine,
    Outcome,
    Reason,
    Section,
    SectionName,
    Key,
    Skill,
    Level,
    CompletedOn,
    DecidedBy,
    Application,
    Subject,
    Cost,
    Rate,
    Amount,
    Committed,
    AppliedOn,
}

pub fn training_word(w: TrainingWord, lang: Lang) -> &'static str {
    use TrainingWord as W;
    let (ja, en) = match w {
        W::CourseKey => ("研修", "key"),
        W::CourseTitle => ("研修名", "name"),
        W::Course => ("研修", "course"),
        W::CourseName => ("研修名", "course_name"),
        W::Kind => ("種別", "kind"),
        W::Class => ("区分", "class"),
        W::Skills => ("スキル", "skills"),
        W::Audience => ("対象", "audience"),
        W::Prerequisite => ("前提研修", "prerequisite"),
        W::Session => ("研修の回", "session"),
        W::Days => ("実施日", "days"),
        W::Place => ("会場", "place"),
        W::Instructor => ("講師", "instructor"),
        W::Capacity => ("定員", "capacity"),
        W::Booked => ("受講者数", "booked"),
        W::Waiting => ("待機", "waiting"),
        W::Status => ("状態", "status"),
        W::StaffNo => ("職員番号", "staff_no"),
        W::Name => ("氏名", "name"),
        W::Unit => ("所属", "unit"),
        W::Title => ("職名", "title"),
        W::Since => ("日付", "since"),
        W::InLine => ("待機順", "in_line"),
        W::Outcome => ("結果", "outcome"),
        W::Reason => ("理由", "reason"),
        W::Section => ("所属コード", "section"),
        W::SectionName => ("所属名", "section_name"),
        W::Key => ("提案", "key"),
        W::Skill => ("スキル", "skill"),
        W::Level => ("レベル", "level"),
        W::CompletedOn => ("修了日", "on"),
        W::DecidedBy => ("判断者", "decided_by"),
        W::Application => ("申請番号", "id"),
        W::Subject => ("講座・資格", "title"),
        W::Cost => ("費用(円)", "cost"),
        W::Rate => ("助成率(%)", "rate_percent"),
        W::Amount => ("助成額(円)", "amount"),
        W::Committed => ("予算計上(円)", "committed"),
        W::AppliedOn => ("申請日", "applied_on"),
    };
    lang.pick(ja, en)
}

/// Headings in a language.
pub fn training_words(ws: &[TrainingWord], lang: Lang) -> Vec<String> {
    ws.iter()
        .map(|w| training_word(*w, lang).to_string())
        .collect()
}

fn day(d: Date, lang: Lang) -> String {
    match lang {
        Lang::Ja => both_calendars(d),
        Lang::En => d.to_string(),
    }
}

/// The values a status argument takes, in both languages, for clap's error: clap
/// reports a bad value before the language is applied to anything else.
pub fn status_choices(all: &[EnrollStatus]) -> String {
    let ja: Vec<&str> = all.iter().map(|s| s.ja()).collect();
    let en: Vec<&str> = all.iter().map(|s| s.code()).collect();
    format!("{} ({})", ja.join("/"), en.join("/"))
}

/// The statuses an application moves to, in both languages, for clap's error.
pub fn subsidy_choices() -> String {
    let to: Vec<SubsidyStatus> = SubsidyStatus::ALL
        .iter()
        .copied()
        .filter(|s| *s != SubsidyStatus::Applied)
        .collect();
    let ja: Vec<&str> = to.iter().map(|s| s.ja()).collect();
    let en: Vec<&str> = to.iter().map(|s| s.code()).collect();
    format!("{} ({})", ja.join("/"), en.join("/"))
}

/// `3,000,000円` / `3,000,000 yen`.
pub fn yen(amount: u64, lang: Lang) -> String {
    let digits = amount.to_string();
    let mut grouped = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    match lang {
        Lang::Ja => format!("{grouped}円"),
        Lang::En => format!("{grouped} yen"),
    }
}

/// `2番目` / `#2`.
fn in_line(n: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{n}番目"),
        Lang::En => format!("#{n}"),
    }
}

/// Whom a course is for, in one cell: `職層 3・4、職名 係長` / `bands 3,4; titles 係長`.
pub fn audience_text(a: &Audience, lang: Lang) -> String {
    if a.is_everyone() {
        return lang.pick("全職員", "everyone").to_string();
    }
    let ja = lang == Lang::Ja;
    let join = |items: Vec<String>| items.join(if ja { "・" } else { "," });
    let mut parts = Vec::new();
    if !a.bands.is_empty() {
        let bands = join(a.bands.iter().map(|b| b.number().to_string()).collect());
        parts.push(format!("{} {bands}", lang.pick("職層", "bands")));
    }
    if !a.titles.is_empty() {
        let titles = join(a.titles.clone());
        parts.push(format!("{} {titles}", lang.pick("職名", "titles")));
    }
    if !a.tiers.is_empty() {
        let tiers = join(a.tiers.iter().map(|t| t.term(lang).to_string()).collect());
        parts.push(format!("{} {tiers}", lang.pick("デジタル人材", "tiers")));
    }
    if a.new_hires {
        parts.push(lang.pick("新規採用", "new hires").to_string());
    }
    if a.senior {
        let age = crate::domain::training::SENIOR_COURSE_AGE;
        parts.push(match lang {
            Lang::Ja => format!("高齢期 ({age}歳以上)"),
            Lang::En => format!("senior ({age}+)"),
        });
    }
    parts.join(if ja { "、" } else { "; " })
}

/// Beside the catalogue: how many courses of each class.
pub fn courses_note(total: usize, by_class: &[(&str, usize)], lang: Lang) -> String {
    let classes = by_class
        .iter()
        .map(|(name, n)| format!("{name} {n}"))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "));
    match lang {
        Lang::Ja => format!("研修 {total} 件 ({classes})"),
        Lang::En => format!("{total} courses ({classes})"),
    }
}

/// Beside the sessions: the year, how many, how many take enrollments now.
pub fn sessions_note(fy: FiscalYear, total: usize, open: usize, lang: Lang) -> String {
    let year = Msg::FiscalYearLong(fy).text(lang);
    match lang {
        Lang::Ja => format!("{year}の研修の回 {total} 件 (募集中 {open})"),
        Lang::En => format!("{total} sessions in {year} ({open} open)"),
    }
}

/// The days a session meets, in both calendars: `令和8年6月10日 (2026-06-10)、…`.
fn days_text(days: &[Date], lang: Lang) -> String {
    days.iter()
        .map(|d| day(*d, lang))
        .collect::<Vec<_>>()
        .join(lang.pick("、", ", "))
}

/// Beside a roster: the session, its days, and how full it is.
pub fn roster_note(s: &Session, course_name: &str, booked: usize, lang: Lang) -> String {
    let days = days_text(&s.days, lang);
    let (capacity, waiting, status) = (s.capacity, s.waiting.len(), s.status.term(lang));
    match lang {
        Lang::Ja => format!(
            "{} {course_name} ({status}) {days}。会場 {}。定員 {capacity}、受講者 {booked}、待機 {waiting}",
            s.id, s.place
        ),
        Lang::En => format!(
            "{} {course_name} ({status}) on {days} at {}: capacity {capacity}, booked {booked}, waiting {waiting}",
            s.id, s.place
        ),
    }
}

/// A person as the action lines name them: `050001 山田 太郎`, or the number alone when
/// the name is not known.
fn who(staff_no: &str, name: &str) -> String {
    if name.is_empty() {
        staff_no.to_string()
    } else {
        format!("{staff_no} {name}")
    }
}

/// One person enrolled: `050001 山田 太郎: 受講予定` / `…: 待機 (2番目)`.
pub fn enrolled_line(
    staff_no: &str,
    name: &str,
    status: EnrollStatus,
    place: Option<usize>,
    lang: Lang,
) -> String {
    let what = match place {
        Some(n) => format!("{} ({})", status.term(lang), in_line(n, lang)),
        None => status.term(lang).to_string(),
    };
    format!("{}: {what}", who(staff_no, name))
}

/// One person refused, with why.
pub fn enroll_refused_line(staff_no: &str, name: &str, f: &EnrollFault, lang: Lang) -> String {
    let why = enroll_fault(f, lang);
    let who = who(staff_no, name);
    match lang {
        Lang::Ja => format!("{who}: 申し込めません: {why}"),
        Lang::En => format!("{who}: not enrolled: {why}"),
    }
}

/// After an enrollment where some were refused: the others stand.
pub fn enroll_closing(done: usize, refused: usize, lang: Lang) -> String {
    match (lang, done) {
        (Lang::Ja, 0) => format!("{refused} 人とも申し込めませんでした (何も記録していません)。"),
        (Lang::En, 0) => format!("None of the {refused} enrolled (nothing recorded)."),
        (Lang::Ja, _) => format!(
            "{refused} 人は申し込めませんでした。ほかの {done} 人の申込はそのまま記録されています (一人ずつ別々に記録します)。"
        ),
        (Lang::En, _) => format!(
            "{refused} not enrolled. The other {done} stay enrolled (each person is recorded on their own)."
        ),
    }
}

/// A bulk row's outcome in the `結果` column.
pub fn outcome_word(o: &Outcome, lang: Lang) -> &'static str {
    match o {
        Outcome::Book => EnrollStatus::Booked.term(lang),
        Outcome::Wait(_) => EnrollStatus::Waiting.term(lang),
        Outcome::Refused(EnrollFault::Already(_)) => lang.pick("申込済", "already"),
        Outcome::Refused(_) => lang.pick("不可", "refused"),
    }
}

/// The counts of a bulk preview (or of what a bulk enrollment did).
pub struct BulkCounts {
    pub candidates: usize,
    pub book: usize,
    pub wait: usize,
    pub already: usize,
    pub refused: usize,
}

/// Beside a bulk preview: the session and the counts.
pub fn bulk_note(session: &str, course_name: &str, c: &BulkCounts, lang: Lang) -> String {
    let BulkCounts {
        candidates,
        book,
        wait,
        already,
        refused,
    } = c;
    match lang {
        Lang::Ja => format!(
            "{session} {course_name}: 対象 {candidates} 人 (受講予定 {book}、待機 {wait}、申込済 {already}、不可 {refused})"
        ),
        Lang::En => format!(
            "{session} {course_name}: {candidates} candidates (booked {book}, waiting {wait}, already enrolled {already}, refused {refused})"
        ),
    }
}

/// After a preview: nothing written, and how to write it.
pub fn bulk_hint(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Ja, 0) => "確認だけです (書き込んでいません)。申し込める人はいません。".to_string(),
        (Lang::En, 0) => "Preview only, nothing written. Nobody can be enrolled.".to_string(),
        (Lang::Ja, _) => format!(
            "確認だけです (書き込んでいません)。--yes を付けると、受講予定と待機の {n} 人をまとめて申し込みます (一度の書き込み)。"
        ),
        (Lang::En, _) => format!(
            "Preview only, nothing written. With --yes the {n} booked or waiting are enrolled together, in one transaction."
        ),
    }
}

/// After a bulk enrollment.
pub fn bulk_done(book: usize, wait: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("まとめて申し込みました (一度の書き込み): 受講予定 {book} 人、待機 {wait} 人")
        }
        Lang::En => {
            format!("Enrolled in one transaction: booked {book}, waiting {wait}")
        }
    }
}

/// No one matched a bulk filter.
pub fn bulk_nobody(lang: Lang) -> &'static str {
    lang.pick(
        "条件に合う職員がいません (退職者は含みません)",
        "No one matches (staff who have left are never included)",
    )
}

/// An attendance recorded.
pub fn attendance_done(
    session: &str,
    staff_no: &str,
    name: &str,
    status: EnrollStatus,
    lang: Lang,
) -> String {
    let (status, who) = (status.term(lang), who(staff_no, name));
    match lang {
        Lang::Ja => format!("{session} {who}: {status}を記録しました"),
        Lang::En => format!("{session} {who}: recorded as {status}"),
    }
}

/// The first in line took the place a cancellation freed.
pub fn promoted_line(staff_no: &str, name: &str, lang: Lang) -> String {
    let who = who(staff_no, name);
    match lang {
        Lang::Ja => format!("繰り上げ: {who} が受講予定になりました"),
        Lang::En => format!("Moved up: {who} now has a place"),
    }
}

/// A completion proposed levels, for an assessor to decide.
pub fn proposals_made(n: usize, staff_no: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "スキルレベルの提案 {n} 件 (確認: kizuna training proposals --employee {staff_no}、判断: kizuna training decide)"
        ),
        Lang::En => format!(
            "{n} skill level proposals (see kizuna training proposals --employee {staff_no}; decide with kizuna training decide)"
        ),
    }
}

/// The plan copied into the next year.
pub fn plan_copied(from: FiscalYear, made: &[Session], lang: Lang) -> String {
    let to = from.next();
    let ids = match (made.first(), made.last()) {
        (Some(a), Some(b)) if made.len() > 1 => format!("{}〜{}", a.id, b.id),
        (Some(a), _) => a.id.clone(),
        _ => String::new(),
    };
    let n = made.len();
    match lang {
        Lang::Ja => format!(
            "{}の研修の回 {n} 件を{}の計画として写しました: {ids}",
            from.wareki(),
            to.wareki()
        ),
        Lang::En => format!(
            "Copied {n} sessions of {} into {} as planned: {ids}",
            Msg::FiscalYearLong(from).text(lang),
            Msg::FiscalYearLong(to).text(lang)
        ),
    }
}

/// Beside the outstanding table: the year, the day, how many.
pub fn outstanding_note(
    fy: FiscalYear,
    on: Date,
    rows: usize,
    people: usize,
    org: Option<&str>,
    lang: Lang,
) -> String {
    let year = Msg::FiscalYearLong(fy).text(lang);
    let when = day(on, lang);
    match (org, lang) {
        (Some(code), Lang::Ja) => format!(
            "{year}の必修研修の未修了 (所属 {code} とその下、{when} 時点): {rows} 件、{people} 人"
        ),
        (None, Lang::Ja) => {
            format!("{year}の必修研修の未修了 (全庁、{when} 時点): {rows} 件、{people} 人")
        }
        (Some(code), Lang::En) => format!(
            "Mandatory courses not completed in {year} (unit {code} and below, as of {when}): {rows} rows, {people} people"
        ),
        (None, Lang::En) => format!(
            "Mandatory courses not completed in {year} (city-wide, as of {when}): {rows} rows, {people} people"
        ),
    }
}

fn times_a_year(times: u32) -> String {
    match times {
        1 => "at least once a year".to_string(),
        n => format!("at least {n} times a year"),
    }
}

/// One duty of the organisation and whether the year meets it.
pub fn duty_line(d: &Duty, lang: Lang) -> String {
    let kind = d.kind.term(lang);
    let (times, held) = (d.times, d.held.len());
    let sessions = if d.held.is_empty() {
        String::new()
    } else {
        format!(" ({})", d.held.join(", "))
    };
    match (d.met(), lang) {
        (true, Lang::Ja) => {
            format!("組織の義務: {kind}を年 {times} 回以上 — 実施済 {held} 回{sessions}: 達成")
        }
        (false, Lang::Ja) => {
            format!("組織の義務: {kind}を年 {times} 回以上 — 実施済 {held} 回{sessions}: 未達成")
        }
        (true, Lang::En) => format!(
            "Duty of the organisation: {kind} training {}; held {held}{sessions}: met",
            times_a_year(times)
        ),
        (false, Lang::En) => format!(
            "Duty of the organisation: {kind} training {}; held {held}{sessions}: NOT met",
            times_a_year(times)
        ),
    }
}

/// Beside the proposals: how many, how many wait for a decision.
pub fn proposals_note(total: usize, pending: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("レベルの提案 {total} 件 (未確認 {pending})"),
        Lang::En => format!("{total} level proposals ({pending} pending)"),
    }
}

/// A proposal accepted or rejected.
pub fn proposal_decided(p: &Proposal, lang: Lang) -> String {
    let key = p.key();
    let (staff_no, skill, level) = (&p.staff_no, &p.skill, p.level);
    let state = p.state.term(lang);
    match (p.state, lang) {
        (crate::domain::ProposalState::Accepted, Lang::Ja) => format!(
            "提案 {key}: {state}。{staff_no} の {skill} をレベル {level} (研修修了) として {} から記録しました",
            day(p.on, lang)
        ),
        (crate::domain::ProposalState::Accepted, Lang::En) => format!(
            "Proposal {key}: {state}; {staff_no}'s {skill} recorded at level {level} (training) from {}",
            p.on
        ),
        (_, Lang::Ja) => format!("提案 {key}: {state}。スキルレベルは変わりません"),
        (_, Lang::En) => format!("Proposal {key}: {state}; the skill level stays as it was"),
    }
}

/// Beside the subsidy list: the budget, what is committed, what remains.
pub fn budget_note(v: &SubsidyView, lang: Lang) -> String {
    let year = Msg::FiscalYearLong(v.year).text(lang);
    let (total, committed, remaining) = (
        yen(v.budget.total, lang),
        yen(v.budget.committed, lang),
        yen(v.budget.remaining(), lang),
    );
    let n = v.applications.len();
    let waiting = v
        .applications
        .iter()
        .filter(|a| a.status() == SubsidyStatus::Applied)
        .count();
    match lang {
        Lang::Ja => format!(
            "{year}の予算 {total}: 計上済み {committed} (承認・修了報告・支給)、残り {remaining}。申請 {n} 件 (審査待ち {waiting})"
        ),
        Lang::En => format!(
            "{year} budget {total}: committed {committed} (approved, reported, paid), remaining {remaining}; {n} applications ({waiting} awaiting a decision)"
        ),
    }
}

/// An application recorded.
pub fn subsidy_applied(a: &Application, name: &str, lang: Lang) -> String {
    let skill = a.skill.as_deref().map_or_else(
        || match (&a.override_reason, lang) {
            (Some(r), Lang::Ja) => format!("スキルマップ外、理由: {r}"),
            (Some(r), Lang::En) => format!("off the skill map, reason: {r}"),
            (None, _) => String::new(),
        },
        |k| format!("{} {k}", lang.pick("スキル", "skill")),
    );
    let cost = yen(a.cost, lang);
    match lang {
        Lang::Ja => format!(
            "申請 {} を受け付けました: {}「{}」費用 {cost} ({skill})",
            a.id,
            who(&a.staff_no, name),
            a.title
        ),
        Lang::En => format!(
            "Application {} recorded: {}, \"{}\", cost {cost} ({skill})",
            a.id,
            who(&a.staff_no, name),
            a.title
        ),
    }
}

/// An application moved on; after an approval, what remains of the budget.
pub fn subsidy_decided(a: &Application, remaining: Option<(u64, u64)>, lang: Lang) -> String {
    let status = a.status().term(lang);
    let mut text = format!("{} {}: {status}", lang.pick("申請", "Application"), a.id);
    if a.status() == SubsidyStatus::Approved {
        let amount = yen(a.amount, lang);
        text.push_str(&match lang {
            Lang::Ja => format!(" (助成率 {}%、助成額 {amount})", a.rate),
            Lang::En => format!(" (rate {}%, amount {amount})", a.rate),
        });
    }
    if let Some((left, total)) = remaining {
        text.push_str(&match lang {
            Lang::Ja => format!("。予算の残り {} / {}", yen(left, lang), yen(total, lang)),
            Lang::En => format!(
                "; budget remaining {} of {}",
                yen(left, lang),
                yen(total, lang)
            ),
        });
    }
    text
}

/// A problem of an enrollment file, with its place.
pub fn enrollment_issue(i: &EnrollmentIssue, lang: Lang) -> String {
    let message = match &i.fault {
        RowFault::File(p) => super::skills::level_problem(p, lang),
        RowFault::Refused(f) => enroll_fault(f, lang),
    };
    at_place(i.line, i.column.as_deref(), message, lang)
}

/// `研修の申込を取り込みました (UTF-8): 受講予定 12 人、待機 2 人 (研修の回 3 件)`.
pub fn enrollment_import_summary(s: &EnrollmentSummary, lang: Lang) -> String {
    let encoding = s.detected.map(|d| d.label()).unwrap_or("-");
    let booked = s.count(EnrollStatus::Booked);
    let waiting = s.count(EnrollStatus::Waiting);
    let sessions = s.sessions().len();
    match (lang, s.dry_run) {
        (Lang::Ja, true) => format!(
            "確認だけしました (書き込んでいません) ({encoding}): 受講予定 {booked} 人、待機 {waiting} 人になります (研修の回 {sessions} 件)"
        ),
        (Lang::Ja, false) => format!(
            "研修の申込を取り込みました ({encoding}): 受講予定 {booked} 人、待機 {waiting} 人 (研修の回 {sessions} 件)"
        ),
        (Lang::En, true) => format!(
            "Checked only, nothing written ({encoding}): would book {booked}, waiting {waiting} (sessions: {sessions})"
        ),
        (Lang::En, false) => format!(
            "Imported enrollments ({encoding}): booked {booked}, waiting {waiting} (sessions: {sessions})"
        ),
    }
}

/// A row of the file that went (or would go) on a waiting list.
pub fn enrollment_waiting_line(p: &Placed, lang: Lang) -> String {
    let place = p.waiting.map(|n| in_line(n, lang)).unwrap_or_default();
    let message = match lang {
        Lang::Ja => format!("{} は {} の待機 {place}", p.staff_no, p.session),
        Lang::En => format!("{} waits for {}, {place} in line", p.staff_no, p.session),
    };
    at_place(p.line, None, message, lang)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yen_groups_thousands() {
        assert_eq!(yen(0, Lang::Ja), "0円");
        assert_eq!(yen(999, Lang::Ja), "999円");
        assert_eq!(yen(3_000_000, Lang::Ja), "3,000,000円");
        assert_eq!(yen(12_345, Lang::En), "12,345 yen");
    }

    #[test]
    fn audiences_read_as_a_cell() {
        let a = Audience {
            bands: vec![crate::domain::Band::new(3).unwrap()],
            titles: vec!["係長".into(), "主任".into()],
            new_hires: true,
            ..Audience::default()
        };
        assert_eq!(
            audience_text(&a, Lang::Ja),
            "職層 3、職名 係長・主任、新規採用"
        );
        assert_eq!(
            audience_text(&a, Lang::En),
            "bands 3; titles 係長,主任; new hires"
        );
        assert_eq!(audience_text(&Audience::default(), Lang::Ja), "全職員");
    }
}
