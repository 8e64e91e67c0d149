//! Case lists as TSV or JSON; one case whole is `i18n::case_text`.

use serde_json::{Value, json};

use crate::cli::CliError;
use crate::cli::args::TableFormat;
use crate::cli::table::{json_text, line};
use crate::domain::Date;
use crate::domain::cases::{CaseDomain, CaseItem, Complainant};
use crate::i18n::case_text::{name_of, next, party, respondent, upcoming_text};
use crate::i18n::{CaseWord as W, Lang, Term, case_word};
use crate::service::cases::CaseView;

/// Health cases with an upcoming date come first, soonest first; then the rest.
fn health_order(views: &mut [&CaseView], today: Date) {
    views.sort_by_key(|v| match &v.item {
        CaseItem::Health(c) => next(c, today).map_or((1, None), |u| (0, Some(u.on))),
        _ => (2, None),
    });
}

/// `cases list`.
pub fn list(
    views: &[CaseView],
    domain: CaseDomain,
    format: TableFormat,
    today: Date,
    lang: Lang,
) -> Result<String, CliError> {
    let mut ordered: Vec<&CaseView> = views.iter().collect();
    if domain == CaseDomain::Health {
        health_order(&mut ordered, today);
    }
    if let TableFormat::Json = format {
        let rows: Vec<Value> = ordered.iter().map(|v| json_row(v, today)).collect();
        return json_text(&Value::Array(rows));
    }
    let mut out = String::new();
    let heads: &[W] = match domain {
        CaseDomain::Health => &[
            W::Id,
            W::Kind,
            W::StaffNo,
            W::Name,
            W::Opened,
            W::Closed,
            W::Next,
            W::What,
        ],
        CaseDomain::Harassment => &[
            W::Id,
            W::Kind,
            W::Channel,
            W::Received,
            W::Stage,
            W::Complainant,
            W::Respondents,
            W::Counsellors,
        ],
    };
    line(
        &mut out,
        heads.iter().map(|w| case_word(*w, lang).to_string()),
    );
    for v in ordered {
        line(&mut out, tsv_row(v, today, lang));
    }
    Ok(out)
}

fn tsv_row(v: &CaseView, today: Date, lang: Lang) -> Vec<String> {
    match &v.item {
        CaseItem::Health(c) => {
            let n = next(c, today);
            vec![
                c.id.to_string(),
                c.kind.term(lang).to_string(),
                c.subject.clone(),
                name_of(v, &c.subject),
                c.opened.to_string(),
                c.closed.map(|d| d.to_string()).unwrap_or_default(),
                n.as_ref().map(|u| u.on.to_string()).unwrap_or_default(),
                n.as_ref()
                    .map(|u| upcoming_text(u, lang))
                    .unwrap_or_default(),
            ]
        }
        CaseItem::Harassment(c) => vec![
            c.id.to_string(),
            c.kind.term(lang).to_string(),
            c.channel.term(lang).to_string(),
            c.received.to_string(),
            c.stage.term(lang).to_string(),
            party(v, &c.complainant, lang),
            c.respondents
                .iter()
                .map(|r| respondent(v, r))
                .collect::<Vec<_>>()
                .join(", "),
            c.counsellors.join(", "),
        ],
        CaseItem::Incident(i) => vec![
            i.id.to_string(),
            case_word(W::Incident, lang).to_string(),
            i.channel.term(lang).to_string(),
            i.on.to_string(),
            String::new(),
            String::new(),
            String::new(),
            i.recorded_by.clone(),
        ],
    }
}

fn json_row(v: &CaseView, today: Date) -> Value {
    match &v.item {
        CaseItem::Health(c) => json!({
            "id": c.id.as_str(), "domain": "health", "kind": c.kind.code(),
            "subject": c.subject, "name": name_of(v, &c.subject),
            "opened": c.opened.to_string(), "closed": c.closed.map(|d| d.to_string()),
            "next": next(c, today).map(|u| u.on.to_string()),
        }),
        CaseItem::Harassment(c) => json!({
            "id": c.id.as_str(), "domain": "harassment", "kind": c.kind.code(),
            "channel": c.channel.code(), "received": c.received.to_string(),
            "stage": c.stage.code(),
            "complainant": match &c.complainant { Complainant::Employee(no) => Some(no), Complainant::Anonymous => None },
            "respondents": c.respondents.iter().map(|r| respondent(v, r)).collect::<Vec<_>>(),
            "counsellors": c.counsellors,
        }),
        CaseItem::Incident(i) => json!({
            "id": i.id.as_str(), "domain": "harassment", "kind": "incident",
            "channel": i.channel.code(), "on": i.on.to_string(),
            "recording": i.recording, "case": i.case.as_ref().map(|c| c.as_str()),
        }),
    }
}
