//! Text forms of records for `kizuna show`.

use std::fmt::Write;

use unicode_width::UnicodeWidthStr;

use crate::domain::era::both_calendars;
use crate::domain::roadmap::Cell;
use crate::domain::{FiscalYear, Initiative, PlanPeriod};
use crate::i18n::{Lang, Msg, Term, field};
use crate::io::catalogue::ARROW;
use crate::service::EmployeeView;

/// Label column width in terminal cells (a kanji takes two).
const LABEL_CELLS: usize = 14;

fn line(out: &mut String, label: &str, value: impl std::fmt::Display) {
    let pad = LABEL_CELLS.saturating_sub(UnicodeWidthStr::width(label));
    let _ = writeln!(out, "{label}{:pad$} {value}", "");
}

pub fn employee(v: &EmployeeView, lang: Lang) -> String {
    let e = &v.employee;
    let f = |name| field(name, lang);
    let years = |n: i32| format!("{n}{}", f("years"));
    let mut out = String::new();
    line(&mut out, f("staff_no"), &e.staff_no);
    line(&mut out, f("name"), &e.name);
    line(&mut out, f("reading"), &e.reading);
    line(&mut out, f("romaji"), &v.romaji);
    if let Some(n) = &e.former_name {
        line(&mut out, f("former_name"), n);
    }
    if let Some(n) = &e.alias {
        line(&mut out, f("alias"), n);
    }
    let senior = if v.senior {
        format!("  {}", f("senior"))
    } else {
        String::new()
    };
    line(
        &mut out,
        f("birth"),
        format!(
            "{}  {} {}{senior}",
            both_calendars(e.birth),
            f("age"),
            Msg::Age(v.age).text(lang)
        ),
    );
    line(&mut out, f("unit"), &v.unit_name);
    let band = v
        .band
        .map(|b| format!("  ({} {} {})", f("band"), b, b.policy_label()))
        .unwrap_or_default();
    line(
        &mut out,
        f("title"),
        format!("{}{band}", v.title.as_deref().unwrap_or("")),
    );
    line(&mut out, f("employment"), e.employment.term(lang));
    line(&mut out, f("hired"), both_calendars(e.hired));
    line(
        &mut out,
        f("service"),
        format!(
            "{}  ({} {})",
            years(v.years_of_service),
            f("in_post"),
            years(v.years_in_post)
        ),
    );
    line(&mut out, f("track"), e.track.term(lang));
    line(&mut out, f("digital"), e.digital.term(lang));
    line(&mut out, f("status"), e.status.term(lang));
    if let Some(l) = &e.leaving {
        line(
            &mut out,
            f("leaving"),
            format!("{}  {}", both_calendars(l.date), l.reason),
        );
    }
    if e.comeback {
        line(&mut out, f("comeback"), f("yes"));
    }
    let _ = writeln!(out, "{}", f("history"));
    for p in &v.posts {
        let _ = writeln!(
            out,
            "  {}  {}  {}  {}",
            p.effective,
            p.kind.term(lang),
            p.title,
            p.unit_name
        );
    }
    out
}

pub fn initiative(i: &Initiative, approach: &str, period: PlanPeriod, lang: Lang) -> String {
    let f = |name| field(name, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}  {}", i.id, i.title);
    line(&mut out, f("approach"), approach);
    line(&mut out, f("section"), &i.section);
    let _ = writeln!(out, "{}", f("plan"));
    for fy in period.years() {
        let cell = match i.cell(fy) {
            Cell::Plan(text) => text.to_string(),
            Cell::Arrow => ARROW.to_string(),
            Cell::Empty => String::new(),
        };
        let _ = writeln!(out, "  {:<4} {}", label_year(fy, lang), cell);
    }
    let _ = writeln!(out, "{}", f("actions"));
    for a in &i.actions {
        let _ = writeln!(out, "  ・{a}");
    }
    let _ = writeln!(out, "{}", f("description"));
    for para in i.description.lines() {
        let _ = writeln!(out, "  {para}");
    }
    out
}

fn label_year(fy: FiscalYear, lang: Lang) -> String {
    Msg::FiscalYearShort(fy).text(lang)
}
