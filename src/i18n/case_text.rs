//! One case whole as text, with the names of its parties: what `kizuna cases show`
//! prints and the case pane shows.

use crate::domain::Date;
use crate::domain::cases::{
    CaseItem, Complainant, HarassmentCase, HealthCase, Incident, Respondent, Upcoming, UpcomingKind,
};
use crate::domain::era::both_calendars;
use crate::i18n::{CaseWord as W, Lang, Term, case_word};
use crate::service::cases::CaseView;

/// The name of a party on the register, or nothing.
pub fn name_of(view: &CaseView, no: &str) -> String {
    view.names.get(no).cloned().unwrap_or_default()
}

/// The earliest upcoming date of a health case, if it is open.
pub fn next(c: &HealthCase, today: Date) -> Option<Upcoming> {
    c.upcoming(today).into_iter().next()
}

/// What an upcoming date is for.
pub fn upcoming_text(u: &Upcoming, lang: Lang) -> String {
    match &u.what {
        UpcomingKind::Step(name) => name.clone(),
        UpcomingKind::LeaveEnd => case_word(W::LeaveEnd, lang).to_string(),
        UpcomingKind::FollowUp => case_word(W::FollowUp, lang).to_string(),
    }
}

/// The complainant: staff number and name, or anonymous.
pub fn party(view: &CaseView, p: &Complainant, lang: Lang) -> String {
    match p {
        Complainant::Employee(no) => format!("{no} {}", name_of(view, no)),
        Complainant::Anonymous => case_word(W::Anonymous, lang).to_string(),
    }
}

/// A respondent: staff number and name, or the outside party's description.
pub fn respondent(view: &CaseView, r: &Respondent) -> String {
    match r {
        Respondent::Employee(no) => format!("{no} {}", name_of(view, no)),
        Respondent::Outside(text) => text.clone(),
    }
}

/// `cases show` and the case pane: every field, every dated change.
pub fn whole(v: &CaseView, today: Date, lang: Lang) -> String {
    let mut out = Vec::new();
    let mut field = |w: W, value: String| out.push(format!("{}: {value}", case_word(w, lang)));
    match &v.item {
        CaseItem::Health(c) => health(v, c, today, lang, &mut field),
        CaseItem::Harassment(c) => harassment(v, c, lang, &mut field),
        CaseItem::Incident(i) => incident(i, lang, &mut field),
    }
    let mut text = out.join("\n");
    text.push('\n');
    text
}

fn entries(items: &[crate::domain::cases::Entry]) -> String {
    items
        .iter()
        .map(|e| format!("\n  {} {}: {}", e.on, e.by, e.text))
        .collect()
}

fn health(
    v: &CaseView,
    c: &HealthCase,
    today: Date,
    lang: Lang,
    field: &mut impl FnMut(W, String),
) {
    field(W::Id, c.id.to_string());
    field(W::Kind, c.kind.term(lang).to_string());
    field(
        W::Subject,
        format!("{} {}", c.subject, name_of(v, &c.subject)),
    );
    field(W::Opened, both_calendars(c.opened));
    field(
        W::Closed,
        c.closed
            .map(both_calendars)
            .unwrap_or_else(|| case_word(W::Open, lang).into()),
    );
    field(W::Assigned, c.assigned.join(", "));
    let leaves: String = c
        .leaves
        .iter()
        .enumerate()
        .map(|(i, l)| {
            let end = l.actual_end.map(|d| d.to_string()).unwrap_or_default();
            format!("\n  {}. {} – {} ({end})", i + 1, l.start, l.planned_end)
        })
        .collect();
    field(W::Leaves, leaves);
    let plan: String = c
        .plan
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let end = s.end.map(|d| d.to_string()).unwrap_or_default();
            let history: String = s
                .changes
                .iter()
                .map(|ch| format!("; {} {} {}", ch.on, ch.status.term(lang), ch.by))
                .collect();
            format!(
                "\n  {}. {} {} – {end} [{}]{history}",
                i + 1,
                s.name,
                s.start,
                s.status.term(lang)
            )
        })
        .collect();
    field(W::Plan, plan);
    field(
        W::FollowUps,
        c.follow_ups
            .iter()
            .map(|d| d.to_string())
            .collect::<Vec<_>>()
            .join(", "),
    );
    let upcoming: String = c
        .upcoming(today)
        .iter()
        .map(|u| format!("\n  {} {}", u.on, upcoming_text(u, lang)))
        .collect();
    field(W::Upcoming, upcoming);
    field(W::Entries, entries(&c.entries));
    field(W::Deny, c.deny.join(", "));
}

fn harassment(v: &CaseView, c: &HarassmentCase, lang: Lang, field: &mut impl FnMut(W, String)) {
    field(W::Id, c.id.to_string());
    field(W::Kind, c.kind.term(lang).to_string());
    field(W::Channel, c.channel.term(lang).to_string());
    field(W::Received, both_calendars(c.received));
    field(W::Stage, c.stage.term(lang).to_string());
    field(W::Complainant, party(v, &c.complainant, lang));
    field(
        W::Respondents,
        c.respondents
            .iter()
            .map(|r| respondent(v, r))
            .collect::<Vec<_>>()
            .join(", "),
    );
    field(W::Counsellors, c.counsellors.join(", "));
    field(W::FactSummary, c.fact_summary.clone().unwrap_or_default());
    field(W::Measures, c.measures.clone().unwrap_or_default());
    field(W::Outcome, c.outcome.clone().unwrap_or_default());
    let history: String = c
        .transitions
        .iter()
        .map(|t| format!("\n  {} {} {}", t.on, t.to.term(lang), t.by))
        .collect();
    field(W::History, history);
    field(W::Entries, entries(&c.entries));
    field(W::Deny, c.deny.join(", "));
}

fn incident(i: &Incident, lang: Lang, field: &mut impl FnMut(W, String)) {
    field(
        W::Id,
        format!("{} ({})", i.id, case_word(W::Incident, lang)),
    );
    field(W::Date, both_calendars(i.on));
    field(W::Channel, i.channel.term(lang).to_string());
    field(W::Recording, i.recording.clone());
    field(W::Measures, i.measures.clone());
    field(
        W::LinkedCase,
        i.case.as_ref().map(|c| c.to_string()).unwrap_or_default(),
    );
    field(W::Entries, entries(&i.entries));
}
