//! The tables of `kizuna training …`: TSV with headings in the user's language, JSON
//! with English keys and codes.

use serde_json::{Value, json};

use crate::cli::table::line;
use crate::domain::{Course, Date, FiscalYear, Proposal};
use crate::i18n::{self, Lang, Term, TrainingWord as W, training_words as words};
use crate::service::{BulkPreview, Outcome, Outstanding, Roster, SessionView};

pub(super) fn courses_tsv(courses: &[Course], lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::CourseKey,
        W::CourseTitle,
        W::Kind,
        W::Class,
        W::Skills,
        W::Audience,
        W::Prerequisite,
    ];
    line(&mut out, words(&header, lang));
    for c in courses {
        line(
            &mut out,
            [
                c.key.clone(),
                c.name.clone(),
                c.kind.term(lang).to_string(),
                c.class.term(lang).to_string(),
                c.skills.join(","),
                i18n::audience_text(&c.audience, lang),
                c.prerequisite.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

pub(super) fn courses_json(courses: &[Course]) -> Value {
    let list: Vec<Value> = courses
        .iter()
        .map(|c| {
            let a = &c.audience;
            json!({
                "key": c.key,
                "name": c.name,
                "kind": c.kind.code(),
                "class": c.class.code(),
                "skills": c.skills,
                "audience": {
                    "everyone": a.is_everyone(),
                    "bands": a.bands.iter().map(|b| b.number()).collect::<Vec<_>>(),
                    "titles": a.titles,
                    "tiers": a.tiers.iter().map(|t| t.code()).collect::<Vec<_>>(),
                    "new_hires": a.new_hires,
                    "senior": a.senior,
                },
                "prerequisite": c.prerequisite,
            })
        })
        .collect();
    json!({ "courses": list })
}

fn iso_days(days: &[Date]) -> String {
    days.iter()
        .map(Date::to_string)
        .collect::<Vec<_>>()
        .join(",")
}

pub(super) fn sessions_tsv(list: &[SessionView], lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::Session,
        W::Course,
        W::CourseName,
        W::Days,
        W::Place,
        W::Instructor,
        W::Capacity,
        W::Booked,
        W::Waiting,
        W::Status,
    ];
    line(&mut out, words(&header, lang));
    for v in list {
        let s = &v.session;
        line(
            &mut out,
            [
                s.id.clone(),
                s.course.clone(),
                v.course.clone(),
                iso_days(&s.days),
                s.place.clone(),
                s.instructor.clone(),
                s.capacity.to_string(),
                v.booked.to_string(),
                s.waiting.len().to_string(),
                s.status.term(lang).to_string(),
            ],
        );
    }
    out
}

fn session_json(v: &SessionView) -> Value {
    let s = &v.session;
    json!({
        "id": s.id,
        "course": s.course,
        "course_name": v.course,
        "fiscal_year": s.year.short(),
        "days": s.days.iter().map(Date::to_string).collect::<Vec<_>>(),
        "days_wareki": s.days.iter().map(|d| crate::domain::era::wareki(*d)).collect::<Vec<_>>(),
        "place": s.place,
        "instructor": s.instructor,
        "capacity": s.capacity,
        "booked": v.booked,
        "waiting": s.waiting,
        "status": s.status.code(),
    })
}

pub(super) fn sessions_json(fy: FiscalYear, list: &[SessionView]) -> Value {
    let sessions: Vec<Value> = list.iter().map(session_json).collect();
    json!({ "fiscal_year": fy.short(), "sessions": sessions })
}

pub(super) fn roster_tsv(r: &Roster, lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::StaffNo,
        W::Name,
        W::Unit,
        W::Title,
        W::Status,
        W::Since,
        W::InLine,
    ];
    line(&mut out, words(&header, lang));
    for row in &r.rows {
        line(
            &mut out,
            [
                row.staff_no.clone(),
                row.name.clone(),
                row.unit_name.clone(),
                row.title.clone(),
                row.status.term(lang).to_string(),
                row.since.to_string(),
                row.waiting.map(|n| n.to_string()).unwrap_or_default(),
            ],
        );
    }
    out
}

pub(super) fn roster_json(r: &Roster, booked: usize) -> Value {
    let view = SessionView {
        session: r.session.clone(),
        course: r.course.name.clone(),
        booked,
        // Not shown: the JSON names no revision.
        revision: 0,
    };
    let rows: Vec<Value> = r
        .rows
        .iter()
        .map(|row| {
            json!({
                "staff_no": row.staff_no,
                "name": row.name,
                "unit": row.unit_name,
                "title": row.title,
                "status": row.status.code(),
                "since": row.since.to_string(),
                "in_line": row.waiting,
            })
        })
        .collect();
    json!({ "session": session_json(&view), "rows": rows })
}

/// The reason of a refused bulk row, in the user's language; empty otherwise.
fn bulk_reason(o: &Outcome, lang: Lang) -> String {
    match o {
        Outcome::Refused(f) => i18n::enroll_fault(f, lang),
        _ => String::new(),
    }
}

fn in_line_of(o: &Outcome) -> Option<usize> {
    match o {
        Outcome::Wait(n) => Some(*n),
        _ => None,
    }
}

pub(super) fn bulk_tsv(b: &BulkPreview, lang: Lang) -> String {
    let mut out = String::new();
    let header = [W::StaffNo, W::Name, W::Outcome, W::InLine, W::Reason];
    line(&mut out, words(&header, lang));
    for r in &b.rows {
        line(
            &mut out,
            [
                r.staff_no.clone(),
                r.name.clone(),
                i18n::outcome_word(&r.outcome, lang).to_string(),
                in_line_of(&r.outcome)
                    .map(|n| n.to_string())
                    .unwrap_or_default(),
                bulk_reason(&r.outcome, lang),
            ],
        );
    }
    out
}

pub(super) fn bulk_json(b: &BulkPreview, written: bool, lang: Lang) -> Value {
    let rows: Vec<Value> = b
        .rows
        .iter()
        .map(|r| {
            let reason = bulk_reason(&r.outcome, lang);
            json!({
                "staff_no": r.staff_no,
                "name": r.name,
                "outcome": i18n::outcome_word(&r.outcome, Lang::En),
                "in_line": in_line_of(&r.outcome),
                "reason": (!reason.is_empty()).then_some(reason),
            })
        })
        .collect();
    json!({ "session": b.session, "written": written, "rows": rows })
}

pub(super) fn outstanding_tsv(o: &Outstanding, lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::Section,
        W::SectionName,
        W::StaffNo,
        W::Name,
        W::Course,
        W::CourseName,
    ];
    line(&mut out, words(&header, lang));
    for x in &o.owed {
        line(
            &mut out,
            [
                x.section.clone(),
                x.section_name.clone(),
                x.staff_no.clone(),
                x.name.clone(),
                x.course.clone(),
                x.course_name.clone(),
            ],
        );
    }
    out
}

pub(super) fn outstanding_json(o: &Outstanding, on: Date, org: Option<&str>) -> Value {
    let owed: Vec<Value> = o
        .owed
        .iter()
        .map(|x| {
            json!({
                "section": x.section,
                "section_name": x.section_name,
                "staff_no": x.staff_no,
                "name": x.name,
                "course": x.course,
                "course_name": x.course_name,
            })
        })
        .collect();
    let duties: Vec<Value> = o
        .duties
        .iter()
        .map(|d| {
            json!({
                "kind": d.kind.code(),
                "times": d.times,
                "held": d.held,
                "met": d.met(),
            })
        })
        .collect();
    json!({
        "fiscal_year": o.year.short(),
        "on": on.to_string(),
        "org": org,
        "owed": owed,
        "duties": duties,
    })
}

pub(super) fn proposals_tsv(list: &[Proposal], lang: Lang) -> String {
    let mut out = String::new();
    let header = [
        W::Key,
        W::StaffNo,
        W::Skill,
        W::Level,
        W::Session,
        W::CompletedOn,
        W::Status,
        W::DecidedBy,
    ];
    line(&mut out, words(&header, lang));
    for x in list {
        line(
            &mut out,
            [
                x.key(),
                x.staff_no.clone(),
                x.skill.clone(),
                x.level.to_string(),
                x.session.clone(),
                x.on.to_string(),
                x.state.term(lang).to_string(),
                x.decided_by.clone().unwrap_or_default(),
            ],
        );
    }
    out
}

pub(super) fn proposals_json(list: &[Proposal]) -> Value {
    let rows: Vec<Value> = list
        .iter()
        .map(|x| {
            json!({
                "key": x.key(),
                "staff_no": x.staff_no,
                "skill": x.skill,
                "level": x.level.number(),
                "session": x.session,
                "on": x.on.to_string(),
                "state": x.state.code(),
                "decided_by": x.decided_by,
            })
        })
        .collect();
    json!({ "proposals": rows })
}
