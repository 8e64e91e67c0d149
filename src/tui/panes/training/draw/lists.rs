//! The catalogue (courses with whom they are for, what they develop and what comes
//! first), the sessions of a fiscal year with how full each is, and the mandatory
//! courses still owed, by 所属, with the organisation's own duties.

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

use super::{day, line_style, long_day, parts, row, term_width};
use crate::domain::training::CourseClass;
use crate::domain::{Audience, CourseKind, SessionStatus};
use crate::i18n::{Lang, Term, tui};
use crate::tui::app::App;
use crate::tui::panes::training::lists::{CoursesState, OwedState, SessionsState};
use crate::tui::theme::Theme;
use crate::tui::widgets::text::{fill, fit, pad};

/// Whom a course is for, in a few words: `職層3・4、係長` or `全職員`.
pub fn audience_text(a: &Audience, lang: Lang) -> String {
    if a.is_everyone() {
        return tui("audience.everyone", lang).to_string();
    }
    let sep = tui("audience.sep", lang);
    let mut parts = Vec::new();
    if !a.bands.is_empty() {
        let bands: Vec<String> = a.bands.iter().map(|b| b.to_string()).collect();
        parts.push(fill(tui("audience.bands", lang), &[&bands.join(sep)]));
    }
    if !a.titles.is_empty() {
        parts.push(a.titles.join(sep));
    }
    if !a.tiers.is_empty() {
        let tiers: Vec<&str> = a.tiers.iter().map(|t| t.term(lang)).collect();
        parts.push(fill(tui("audience.tiers", lang), &[&tiers.join(sep)]));
    }
    if a.new_hires {
        parts.push(tui("audience.new_hires", lang).to_string());
    }
    if a.senior {
        parts.push(fill(
            tui("audience.senior", lang),
            &[&crate::domain::training::SENIOR_COURSE_AGE.to_string()],
        ));
    }
    parts.join(tui("audience.or", lang))
}

pub fn catalogue(app: &App, c: &CoursesState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = parts(area, 3);
    let w = area.width as usize;
    let t = &app.training;
    let skills_of = |keys: &[String]| -> String {
        keys.iter()
            .map(|k| t.skill_names.get(k).map_or(k.as_str(), String::as_str))
            .collect::<Vec<_>>()
            .join(tui("audience.sep", lang))
    };
    let wide = w >= 110;
    let name_w = if wide { 28 } else { 24 };
    let kind_w = term_width(CourseKind::ALL, lang, if wide { 20 } else { 18 });
    let class_w = term_width(CourseClass::ALL, lang, 11);
    // Wide, the skills take three fifths of what the fixed columns leave.
    let rest = w.saturating_sub(name_w + kind_w + class_w + 3);
    let skills_w = if wide { rest * 3 / 5 } else { 0 };
    let audience_w = if wide {
        rest.saturating_sub(skills_w + 1)
    } else {
        rest
    };
    let mut heading = vec![
        (tui("col.course", lang), name_w),
        (tui("col.kind", lang), kind_w),
        (tui("col.class", lang), class_w),
    ];
    if wide {
        heading.push((tui("col.skills", lang), skills_w));
    }
    heading.push((tui("col.audience", lang), audience_w));
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = c.cursor.top_for(rows);
    let lines: Vec<Line> = c
        .courses
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, course)| {
            let audience = audience_text(&course.audience, lang);
            let skills = skills_of(&course.skills);
            let mut cells = vec![
                (course.name.as_str(), name_w),
                (course.kind.term(lang), kind_w),
                (course.class.term(lang), class_w),
            ];
            if wide {
                cells.push((skills.as_str(), skills_w));
            }
            cells.push((audience.as_str(), audience_w));
            let style = if i == c.cursor.at {
                theme.selected()
            } else if course.class == CourseClass::Mandatory {
                theme
                    .heading()
                    .remove_modifier(ratatui::style::Modifier::BOLD)
            } else {
                ratatui::style::Style::default()
            };
            Line::from(Span::styled(row(&cells, w, mark), style))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    let Some(course) = c.selected() else {
        return;
    };
    f.render_widget(
        Paragraph::new(Span::styled(
            fit(
                &format!(
                    "{}  {} {}",
                    course.name,
                    course.kind.term(lang),
                    course.class.term(lang)
                ),
                w,
                mark,
            ),
            theme.heading(),
        )),
        focus,
    );
    let label_w = 8;
    let none = tui("catalogue.none", lang);
    let skills = skills_of(&course.skills);
    let prerequisite = course
        .prerequisite
        .as_deref()
        .map_or(none.to_string(), |k| c.name_of(k).to_string());
    let detail = [
        ("col.audience", audience_text(&course.audience, lang)),
        (
            "col.skills",
            if skills.is_empty() {
                none.to_string()
            } else {
                skills
            },
        ),
        ("col.prerequisite", prerequisite),
    ];
    let lines: Vec<Line> = detail
        .iter()
        .map(|(label, text)| {
            Line::from(vec![
                Span::styled(pad(tui(label, lang), label_w, mark), theme.heading()),
                Span::raw(" "),
                Span::raw(fit(text, w.saturating_sub(label_w + 1), mark)),
            ])
        })
        .collect();
    f.render_widget(Paragraph::new(lines), foot);
}

pub fn sessions(app: &App, s: &SessionsState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = parts(area, 1);
    let w = area.width as usize;
    if s.rows.is_empty() {
        let key = crate::tui::panes::key_of(
            app,
            crate::tui::keymap::Layer::Sessions,
            &crate::tui::action::Action::CopyPlan,
        );
        let text = fill(
            tui("sessions.none", lang),
            &[
                &super::year_name(s.year, lang),
                &key,
                &super::year_name(crate::domain::FiscalYear(s.year.0 - 1), lang),
            ],
        );
        f.render_widget(
            Paragraph::new(Span::styled(text, theme.dim()))
                .wrap(ratatui::widgets::Wrap { trim: true }),
            area,
        );
        return;
    }
    let wide = w >= 110;
    let (id_w, day_w, count_w, wait_w) = (7, 10, 7, 4);
    let status_w = term_width(SessionStatus::ALL, lang, 8);
    let place_w = if wide { 16 } else { 0 };
    let fixed = id_w + day_w + count_w + wait_w + status_w + 5 + if wide { place_w + 1 } else { 0 };
    let course_w = w.saturating_sub(fixed);
    let mut heading = vec![
        (tui("col.session", lang), id_w),
        (tui("col.course", lang), course_w),
        (tui("col.first_day", lang), day_w),
    ];
    if wide {
        heading.push((tui("col.place", lang), place_w));
    }
    heading.extend([
        (tui("col.booked", lang), count_w),
        (tui("col.waiting", lang), wait_w),
        (tui("col.status", lang), status_w),
    ]);
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = s.cursor.top_for(rows);
    let lines: Vec<Line> = s
        .rows
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, v)| {
            let x = &v.session;
            let first = x.first_day().map(day).unwrap_or_default();
            let booked = format!("{:>3}/{}", v.booked, x.capacity);
            let waiting = format!("{:>3}", x.waiting.len());
            let mut cells = vec![
                (x.id.as_str(), id_w),
                (v.course.as_str(), course_w),
                (first.as_str(), day_w),
            ];
            if wide {
                cells.push((x.place.as_str(), place_w));
            }
            cells.extend([
                (booked.as_str(), count_w),
                (waiting.as_str(), wait_w),
                (x.status.term(lang), status_w),
            ]);
            Line::from(Span::styled(
                row(&cells, w, mark),
                line_style(i == s.cursor.at, theme),
            ))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
    if let Some(v) = s.selected() {
        let x = &v.session;
        let days = match (x.first_day(), x.days.len()) {
            (Some(d), 1) => long_day(d, lang),
            (Some(d), n) => fill(
                tui("sessions.days", lang),
                &[&long_day(d, lang), &n.to_string()],
            ),
            (None, _) => String::new(),
        };
        let text = format!(
            "{} {}  {days}  {}  {}",
            x.id, v.course, x.place, x.instructor
        );
        f.render_widget(
            Paragraph::new(Span::styled(fit(&text, w, mark), theme.heading())),
            focus,
        );
    }
    let count = |st: SessionStatus| s.rows.iter().filter(|v| v.session.status == st).count();
    let summary = fill(
        tui("sessions.summary", lang),
        &[
            &(s.cursor.at + 1).to_string(),
            &s.rows.len().to_string(),
            &count(SessionStatus::Open).to_string(),
            &count(SessionStatus::Planned).to_string(),
            &count(SessionStatus::Held).to_string(),
        ],
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&summary, w, mark), theme.dim())),
        foot,
    );
}

pub fn owed(app: &App, o: &OwedState, theme: &Theme, f: &mut Frame, area: Rect) {
    let lang = app.look.lang;
    let mark = theme.ellipsis();
    let [focus, head, list, foot] = parts(area, 1);
    let w = area.width as usize;
    // The organisation's duties come first: they are the city's, not a person's.
    let duties: Vec<Span> = o
        .out
        .duties
        .iter()
        .map(|d| {
            let (key, style) = if d.met() {
                ("owed.duty_met", theme.good())
            } else {
                ("owed.duty_unmet", theme.error())
            };
            let held = if d.held.is_empty() {
                tui("owed.held_none", lang).to_string()
            } else {
                d.held.join(", ")
            };
            Span::styled(
                fill(
                    tui(key, lang),
                    &[d.kind.term(lang), &d.times.to_string(), &held],
                ),
                style,
            )
        })
        .collect();
    let mut spans = Vec::new();
    for (i, d) in duties.into_iter().enumerate() {
        if i > 0 {
            spans.push(Span::raw("  "));
        }
        spans.push(Span::styled(fit(&d.content, w, mark), d.style));
    }
    f.render_widget(Paragraph::new(Line::from(spans)), focus);
    let scope = match &o.unit {
        None => tui("scope.city", lang).to_string(),
        Some(code) => {
            let name = app.staff.org.tree.path_name(code);
            format!("{name} ({code})")
        }
    };
    let summary = fill(
        tui("owed.summary", lang),
        &[
            &o.people.len().to_string(),
            &o.out.owed.len().to_string(),
            &o.sections().to_string(),
            &scope,
        ],
    );
    f.render_widget(
        Paragraph::new(Span::styled(fit(&summary, w, mark), theme.dim())),
        foot,
    );
    if o.people.is_empty() {
        f.render_widget(
            Paragraph::new(Span::styled(tui("owed.none", lang), theme.good())),
            list,
        );
        return;
    }
    let (section_w, no_w, name_w) = (if w >= 110 { 30 } else { 20 }, 6, 12);
    let courses_w = w.saturating_sub(section_w + no_w + name_w + 3);
    let heading = [
        (tui("col.section", lang), section_w),
        (tui("col.staff_no", lang), no_w),
        (tui("col.name", lang), name_w),
        (tui("col.owed", lang), courses_w),
    ];
    f.render_widget(
        Paragraph::new(Span::styled(row(&heading, w, mark), theme.heading())),
        head,
    );
    let rows = list.height as usize;
    let top = o.cursor.top_for(rows);
    let sep = tui("audience.sep", lang);
    let lines: Vec<Line> = o
        .people
        .iter()
        .enumerate()
        .skip(top)
        .take(rows)
        .map(|(i, p)| {
            // The 所属 is named once, on its first line in view.
            let first = i == top || o.people[i - 1].section != p.section;
            let section = match (first, p.section_name.is_empty()) {
                (false, _) => "",
                (true, false) => p.section_name.as_str(),
                (true, true) => tui("owed.no_section", lang),
            };
            let courses = p.courses.join(sep);
            let text = row(
                &[
                    (section, section_w),
                    (&p.staff_no, no_w),
                    (&p.name, name_w),
                    (&courses, courses_w),
                ],
                w,
                mark,
            );
            Line::from(Span::styled(text, line_style(i == o.cursor.at, theme)))
        })
        .collect();
    f.render_widget(Paragraph::new(lines), list);
}
