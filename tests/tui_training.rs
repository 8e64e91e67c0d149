//! Pane 3 研修 through the real keymap: attendance marked down a roster with one key a
//! person, enrollment by a question (refused outside the audience, then enrolled with
//! a reason), bulk enrollment previewed then confirmed in one transaction, the waiting
//! list moving up after a cancellation, a level proposal accepted in pane 2, and the
//! card's trainings; snapshots at 80x24 and 120x40.

mod common;

use common::screens::{keys, screen};
use std::sync::Arc;

use kizuna::domain::{
    Date, EnrollStatus, FiscalYear, FixedClock, ProposalState, Session, SessionStatus,
};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal, Scope};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Confirm, Look, Notice, Pane};
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::staff::Focus;
use kizuna::tui::panes::training::View;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

struct World {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    p: Principal,
}

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

fn d(y: i32, m: u32, day: u32) -> Date {
    Date::new(y, m, day).unwrap()
}

/// A demo city of 2000: smaller ones have no 係長 to speak of.
fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(today()));
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock.clone(), 2000, 7).unwrap();
    World {
        _dir: dir,
        service: kizuna::remote::Api::local(kizuna::service::Service::open(&path, clock).unwrap()),
        p,
    }
}

fn app(w: &World, lang: Lang) -> App {
    let look = Look {
        lang,
        ascii: false,
        plain: true,
    };
    let mut app = runtime::load(&w.service, &w.p, look).unwrap();
    // The temporary path would change every snapshot.
    app.status.database = "/srv/kizuna/demo.redb".into();
    app
}

fn press(w: &World, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, &w.p, app, effect);
            }
        }
    }
}

fn resize(app: &mut App, width: u16, height: u16) {
    update::update(app, Action::Resize(width, height));
}

/// A session of the 係長研修 the tests own: one day, open.
fn session(w: &World, id: &str, day: Date, capacity: u32) {
    let s = Session {
        id: id.into(),
        course: "kakaricho".into(),
        year: FiscalYear::of(day),
        days: vec![day],
        place: "本庁舎 研修室".into(),
        instructor: "人事課".into(),
        capacity,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    };
    w.service.save_session(&w.p, &s).unwrap();
}

/// Staff in post now whose title is `title`, by staff number.
fn with_title(w: &World, title: &str) -> Vec<String> {
    let mut found: Vec<String> = w
        .service
        .matrix(&w.p, &Scope::default(), today())
        .unwrap()
        .rows
        .into_iter()
        .filter(|r| r.title == title)
        .map(|r| r.staff_no)
        .collect();
    found.sort();
    found
}

/// Where each person stands in a session, as the service says.
fn statuses(w: &World, session: &str) -> Vec<(String, EnrollStatus)> {
    w.service
        .roster(&w.p, session)
        .unwrap()
        .rows
        .into_iter()
        .map(|r| (r.staff_no, r.status))
        .collect()
}

fn status_of(w: &World, session: &str, staff_no: &str) -> EnrollStatus {
    statuses(w, session)
        .into_iter()
        .find(|(n, _)| n == staff_no)
        .map(|(_, s)| s)
        .unwrap_or_else(|| panic!("{staff_no} not in {session}"))
}

/// Pane 3 with the roster of `id` open, asked for by its number.
fn roster_of(w: &World, lang: Lang, id: &str) -> App {
    let mut a = app(w, lang);
    press(w, &mut a, "<F3>");
    assert_eq!(a.layer(), Layer::Sessions, "the pane opens on the sessions");
    press(w, &mut a, "r");
    assert_eq!(
        a.layer(),
        Layer::Roster,
        "the roster of the focused session"
    );
    press(w, &mut a, "r");
    assert_eq!(
        a.layer(),
        Layer::Prompt,
        "r in the roster asks for a session"
    );
    press(w, &mut a, &format!("{id}<Enter>"));
    assert_eq!(a.layer(), Layer::Roster);
    assert_eq!(a.training.roster.ready().unwrap().roster.session.id, id);
    a
}

fn roster_cursor(a: &App) -> usize {
    a.training.roster.ready().expect("a roster").cursor.at
}

fn notice(a: &App) -> String {
    match &a.notice {
        Some(Notice::Info(t) | Notice::Error(t)) => t.clone(),
        None => String::new(),
    }
}

#[test]
fn attendance_is_marked_down_the_roster_with_single_keys() {
    let w = world();
    session(&w, "R8-901", d(2026, 11, 24), 30);
    let people = with_title(&w, "係長");
    for n in &people[..6] {
        w.service.enroll(&w.p, "R8-901", n, None).unwrap();
    }
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    let order: Vec<String> = statuses(&w, "R8-901").into_iter().map(|(n, _)| n).collect();
    assert_eq!(order.len(), 6);
    // One key a person, the cursor moving on after each.
    for (i, k) in ["a", "x", "c", "a"].iter().enumerate() {
        assert_eq!(roster_cursor(&a), i);
        press(&w, &mut a, k);
        assert_eq!(a.notice, None, "{k}: {}", notice(&a));
    }
    assert_eq!(roster_cursor(&a), 4);
    // The same mark again only moves on; a cancellation is asked first.
    press(&w, &mut a, "<Up>a");
    assert_eq!(roster_cursor(&a), 4);
    press(&w, &mut a, "d");
    assert_eq!(a.confirm, Some(Confirm::CancelEnrollment));
    assert!(
        screen(&a, 80, 24).contains(&order[4]),
        "the question names them"
    );
    press(&w, &mut a, "y");
    let want = [
        EnrollStatus::Attended,
        EnrollStatus::Absent,
        EnrollStatus::Completed,
        EnrollStatus::Attended,
        EnrollStatus::Cancelled,
        EnrollStatus::Booked,
    ];
    for (n, status) in order.iter().zip(want) {
        assert_eq!(status_of(&w, "R8-901", n), status, "{n}");
    }
    // What the roster shows is what a fresh read says.
    let shown = &a.training.roster.ready().unwrap().roster;
    assert_eq!(shown.rows, w.service.roster(&w.p, "R8-901").unwrap().rows);
    // The completion proposed levels, waiting for an assessor.
    let proposals = w.service.proposals(&w.p, Some(&order[2])).unwrap();
    assert!(!proposals.is_empty());
    assert!(proposals.iter().all(|p| p.state == ProposalState::Pending));
    // A cancelled enrollment takes no more marks: the service says why.
    let cancelled = a
        .training
        .roster
        .ready()
        .unwrap()
        .roster
        .rows
        .iter()
        .position(|r| r.status == EnrollStatus::Cancelled)
        .unwrap();
    press(&w, &mut a, "<End>");
    assert_eq!(roster_cursor(&a), cancelled);
    press(&w, &mut a, "a");
    assert!(notice(&a).contains("取消"), "{}", notice(&a));
    assert_eq!(status_of(&w, "R8-901", &order[4]), EnrollStatus::Cancelled);
}

#[test]
fn help_in_the_roster_lists_the_single_keys() {
    let w = world();
    session(&w, "R8-901", d(2026, 11, 24), 30);
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    press(&w, &mut a, "?");
    assert_eq!(a.help, Some(Layer::Roster));
    let text = screen(&a, 120, 40);
    for word in ["出席", "欠席", "修了", "取消", "申込"] {
        assert!(text.contains(word), "{word}: {text}");
    }
    for key in ["a ", "x ", "c ", "d ", "e "] {
        assert!(text.contains(&format!("│{key}")), "{key}: {text}");
    }
}

#[test]
fn someone_outside_the_audience_is_refused_then_enrolled_with_a_reason() {
    let w = world();
    session(&w, "R8-901", d(2027, 2, 10), 30);
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    // A number nobody has is refused in the box, which stays open.
    press(&w, &mut a, "e999999<Enter>");
    let prompt = a.ask.as_ref().expect("still asking");
    assert!(prompt.error.as_deref().unwrap().contains("999999"));
    let shuji = with_title(&w, "主事")[0].clone();
    press(&w, &mut a, &format!("<C-u>{shuji}<Enter>"));
    let ask = a.ask.as_ref().expect("a reason is asked for");
    assert!(
        matches!(&ask.kind, kizuna::tui::panes::training::Ask::Reason { staff_no, .. } if *staff_no == shuji)
    );
    let text = screen(&a, 80, 24);
    assert!(text.contains("対象"), "the refusal shows: {text}");
    assert!(
        w.service
            .trainings_of(&w.p, &shuji)
            .unwrap()
            .iter()
            .all(|t| t.session != "R8-901")
    );
    // An empty reason is not one.
    press(&w, &mut a, "<Enter>");
    assert!(a.ask.as_ref().unwrap().error.is_some());
    press(&w, &mut a, "係長昇任予定<Enter>");
    assert!(a.ask.is_none());
    assert!(notice(&a).contains("受講予定"), "{}", notice(&a));
    assert_eq!(status_of(&w, "R8-901", &shuji), EnrollStatus::Booked);
    let shown = a.training.roster.ready().unwrap();
    assert_eq!(
        shown.selected().unwrap().staff_no,
        shuji,
        "the cursor on them"
    );
    // Someone in the audience is enrolled at once.
    let kakaricho = with_title(&w, "係長")[0].clone();
    let name = w.service.employee(&w.p, &kakaricho).unwrap().employee.name;
    press(&w, &mut a, &format!("e{kakaricho}<Enter>"));
    assert!(a.ask.is_none(), "{:?}", a.ask.as_ref().map(|p| &p.error));
    assert_eq!(status_of(&w, "R8-901", &kakaricho), EnrollStatus::Booked);
    assert!(screen(&a, 80, 24).contains(&name));
}

#[test]
fn the_card_lists_trainings_and_enrolls_its_person() {
    let w = world();
    session(&w, "R8-901", d(2027, 2, 10), 30);
    let kakaricho = with_title(&w, "係長")[1].clone();
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, &format!("{kakaricho}<Enter>"));
    assert_eq!(a.staff.focus, Focus::Card);
    let before = w.service.trainings_of(&w.p, &kakaricho).unwrap();
    assert_eq!(a.staff.trainings.as_ref(), Some(&before));
    press(&w, &mut a, "ar8-901<Enter>");
    assert!(a.ask.is_none(), "{:?}", a.ask.as_ref().map(|p| &p.error));
    assert_eq!(a.pane, Pane::Staff);
    let after = a.staff.trainings.clone().unwrap();
    assert_eq!(after.len(), before.len() + 1);
    assert_eq!(after[0].session, "R8-901");
    let text = screen(&a, 80, 24);
    assert!(text.contains("2027-02-10 係長研修 受講予定"), "{text}");
    press(&w, &mut a, "t");
    assert_eq!(a.staff.focus, Focus::Trainings);
    let all = screen(&a, 80, 24);
    assert!(after.iter().all(|t| all.contains(&t.session)), "{all}");
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.staff.focus, Focus::Card);
}

#[test]
fn bulk_enrollment_is_previewed_then_written_in_one_transaction() {
    let w = world();
    session(&w, "R8-901", d(2027, 3, 2), 40);
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    press(&w, &mut a, "b");
    assert_eq!(a.layer(), Layer::BulkForm);
    // A unit nobody has is refused on its field.
    press(&w, &mut a, "存在しない課<C-s>");
    assert_eq!(a.layer(), Layer::BulkForm);
    assert!(a.training.bulk.as_ref().unwrap().form.error.is_some());
    press(&w, &mut a, "<C-u><Tab>係長<C-s>");
    assert_eq!(a.layer(), Layer::Bulk);
    let preview = a
        .training
        .bulk
        .as_ref()
        .unwrap()
        .preview
        .as_ref()
        .unwrap()
        .preview
        .clone();
    let filter = kizuna::service::BulkFilter {
        title: Some("係長".into()),
        ..Default::default()
    };
    assert_eq!(
        preview,
        w.service.bulk_preview(&w.p, "R8-901", &filter).unwrap()
    );
    let text = screen(&a, 80, 24);
    assert!(text.contains("受講予定 40人"), "{text}");
    assert!(
        statuses(&w, "R8-901").is_empty(),
        "a preview writes nothing"
    );
    // Esc goes back to the filter as it was; Ctrl-S shows the same preview again.
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::BulkForm);
    press(&w, &mut a, "<C-s>");
    assert_eq!(a.layer(), Layer::Bulk);
    let audit = w.service.check(&w.p).unwrap().audit_entries;
    press(&w, &mut a, "<Enter>");
    assert_eq!(
        w.service.check(&w.p).unwrap().audit_entries,
        audit + 1,
        "one transaction"
    );
    assert_eq!(a.training.view, View::Roster);
    assert!(notice(&a).contains("受講予定 40人"), "{}", notice(&a));
    let after = statuses(&w, "R8-901");
    let booked = after
        .iter()
        .filter(|(_, s)| *s == EnrollStatus::Booked)
        .count();
    let waiting = after
        .iter()
        .filter(|(_, s)| *s == EnrollStatus::Waiting)
        .count();
    assert_eq!(booked, 40);
    assert_eq!(
        booked + waiting,
        preview
            .rows
            .iter()
            .filter(|r| !matches!(r.outcome, kizuna::service::Outcome::Refused(_)))
            .count()
    );
    // Once: a second y is nothing more.
    press(&w, &mut a, "y");
    assert_eq!(w.service.check(&w.p).unwrap().audit_entries, audit + 1);
    assert_eq!(
        a.training.roster.ready().unwrap().roster.rows.len(),
        after.len()
    );
}

#[test]
fn a_cancellation_moves_the_first_in_line_up_on_screen() {
    let w = world();
    session(&w, "R8-901", d(2027, 2, 10), 2);
    let people = with_title(&w, "係長");
    for n in &people[..4] {
        w.service.enroll(&w.p, "R8-901", n, None).unwrap();
    }
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    let rows = a.training.roster.ready().unwrap().roster.rows.clone();
    let first_waiting = rows.iter().find(|r| r.waiting == Some(1)).unwrap().clone();
    assert!(screen(&a, 80, 24).contains("待機 1"));
    press(&w, &mut a, "dy");
    assert_eq!(
        status_of(&w, "R8-901", &first_waiting.staff_no),
        EnrollStatus::Booked
    );
    let text = screen(&a, 120, 40);
    let line = text
        .lines()
        .find(|l| l.contains(&first_waiting.name))
        .unwrap_or_else(|| panic!("{text}"));
    assert!(line.contains("受講予定"), "{line}");
    assert!(
        text.contains(&format!(
            "待機の {} が受講予定に繰り上がりました",
            first_waiting.name
        )),
        "{text}"
    );
    assert!(
        text.contains("待機 1"),
        "the second in line is now first: {text}"
    );
    assert!(!text.contains("待機 2"), "{text}");
}

#[test]
fn a_proposal_accepted_in_pane_2_shows_as_a_level() {
    let w = world();
    session(&w, "R8-901", d(2026, 11, 24), 30);
    let who = with_title(&w, "係長")[0].clone();
    w.service.enroll(&w.p, "R8-901", &who, None).unwrap();
    let card = w.service.employee(&w.p, &who).unwrap();
    let section = card.section.clone().unwrap();
    let mut a = roster_of(&w, Lang::Ja, "R8-901");
    press(&w, &mut a, "c");
    assert_eq!(status_of(&w, "R8-901", &who), EnrollStatus::Completed);
    let proposals = w.service.proposals(&w.p, Some(&who)).unwrap();
    assert!(!proposals.is_empty());
    // The matrix of their section, read before the level is accepted.
    press(&w, &mut a, &format!("<F2>{section}<Enter>"));
    assert_eq!(a.layer(), Layer::Grid);
    press(&w, &mut a, "p");
    assert_eq!(a.layer(), Layer::Proposals);
    let shown = a.skills.proposals.ready().unwrap();
    let first = shown.selected().unwrap().clone();
    assert!(shown.rows.iter().all(|p| p.state == ProposalState::Pending));
    assert!(screen(&a, 80, 24).contains(&card.employee.name));
    press(&w, &mut a, "y");
    assert!(notice(&a).contains("採用"), "{}", notice(&a));
    let sheet = w.service.sheet(&w.p, &who).unwrap();
    let level = sheet.level_on(&first.skill, today()).unwrap();
    assert_eq!(
        (level.level, level.source),
        (first.level, kizuna::domain::Source::Training)
    );
    assert!(
        a.skills
            .proposals
            .ready()
            .unwrap()
            .rows
            .iter()
            .all(|p| p.key() != first.key()),
        "decided: off the list"
    );
    // Back in the matrix, read again: the level shows.
    press(&w, &mut a, "x");
    let m = a.skills.matrix.ready().unwrap();
    let row = m
        .matrix
        .rows
        .iter()
        .position(|r| r.staff_no == who)
        .unwrap();
    let col = (0..m.matrix.columns())
        .find(|c| m.matrix.column_key(*c).as_deref() == Some(first.skill.as_str()))
        .unwrap();
    assert_eq!(m.level(row, col), Some(first.level));
    // n rejects the next: nothing recorded.
    if let Some(next) = w
        .service
        .proposals(&w.p, Some(&who))
        .unwrap()
        .into_iter()
        .find(|p| p.state == ProposalState::Pending)
    {
        let before = w.service.sheet(&w.p, &who).unwrap();
        press(&w, &mut a, "p");
        press(&w, &mut a, "n");
        let after = w.service.proposals(&w.p, Some(&who)).unwrap();
        let decided = after.iter().find(|p| p.key() == next.key()).unwrap();
        assert_eq!(decided.state, ProposalState::Rejected);
        assert_eq!(w.service.sheet(&w.p, &who).unwrap(), before);
    }
}

#[test]
fn sessions_change_year_and_the_plan_copies_into_an_empty_one() {
    let w = world();
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F3>");
    let r8 = w.service.sessions(&w.p, FiscalYear(2026)).unwrap();
    assert_eq!(a.training.sessions.ready().unwrap().rows, r8);
    press(&w, &mut a, "]");
    assert!(a.training.sessions.ready().unwrap().rows.is_empty());
    assert!(screen(&a, 80, 24).contains("令和9年度の研修の回はありません"));
    press(&w, &mut a, "p");
    assert_eq!(a.confirm, Some(Confirm::CopyPlan));
    assert!(screen(&a, 80, 24).contains("令和8年度"));
    press(&w, &mut a, "n");
    assert!(
        w.service
            .sessions(&w.p, FiscalYear(2027))
            .unwrap()
            .is_empty()
    );
    press(&w, &mut a, "py");
    let r9 = w.service.sessions(&w.p, FiscalYear(2027)).unwrap();
    assert_eq!(r9.len(), r8.len());
    assert_eq!(a.training.sessions.ready().unwrap().rows, r9);
    // 令和8年度 again: its plan would go into 令和9年度, which has one now.
    press(&w, &mut a, "[py");
    assert!(notice(&a).contains("既にあります"), "{}", notice(&a));
    assert_eq!(w.service.sessions(&w.p, FiscalYear(2027)).unwrap(), r9);
    // Enter on a session opens its roster.
    press(&w, &mut a, "<Home><Enter>");
    assert_eq!(a.layer(), Layer::Roster);
    assert_eq!(
        a.training.roster.ready().unwrap().roster.session.id,
        r8[0].session.id
    );
}

#[test]
fn t_moves_a_session_through_its_statuses() {
    let w = world();
    let mut a = app(&w, Lang::Ja);
    // 令和9年度, planned from 令和8年度's sessions: all 計画.
    press(&w, &mut a, "<F3>]py<Home>");
    let id = a.training.sessions.ready().unwrap().rows[0]
        .session
        .id
        .clone();
    let status = |w: &World| {
        w.service
            .sessions(&w.p, FiscalYear(2027))
            .unwrap()
            .into_iter()
            .find(|v| v.session.id == id)
            .unwrap()
            .session
            .status
    };
    assert_eq!(status(&w), SessionStatus::Planned);
    press(&w, &mut a, "t");
    assert_eq!(status(&w), SessionStatus::Open);
    assert!(notice(&a).contains("募集中"), "{}", notice(&a));
    press(&w, &mut a, "tt");
    assert_eq!(status(&w), SessionStatus::Held);
    assert_eq!(
        a.training.sessions.ready().unwrap().rows[0].session.status,
        SessionStatus::Held
    );
    press(&w, &mut a, "t");
    assert_eq!(status(&w), SessionStatus::Planned);
    press(&w, &mut a, "?");
    assert!(screen(&a, 120, 40).contains("回の状況を進める"));
}

#[test]
fn the_subsidy_keeps_its_budget_in_view_and_refuses_what_it_cannot_take() {
    let w = world();
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F3>f");
    assert_eq!(a.layer(), Layer::Subsidy);
    let view = w.service.subsidies(&w.p, FiscalYear(2026)).unwrap();
    // One waiting, of someone whose title has a band (else no rate applies).
    let applied = view
        .applications
        .iter()
        .position(|x| {
            x.status() == kizuna::domain::SubsidyStatus::Applied
                && w.service
                    .employee(&w.p, &x.staff_no)
                    .unwrap()
                    .band
                    .is_some()
        })
        .expect("an application waiting");
    let id = view.applications[applied].id.clone();
    // A budget already spent refuses the approval, and the reason shows whole.
    w.service
        .change_settings(
            &w.p,
            &kizuna::domain::settings::SettingsChange::SubsidyBudget {
                yen: view.budget.committed,
                year: None,
            },
        )
        .unwrap();
    press(&w, &mut a, &format!("f<Home>{}", "j".repeat(applied)));
    assert!(screen(&a, 80, 24).contains("残り 0円"));
    press(&w, &mut a, "a");
    assert!(notice(&a).contains("予算を超えます"), "{}", notice(&a));
    let status = |w: &World| {
        w.service
            .subsidies(&w.p, FiscalYear(2026))
            .unwrap()
            .applications
            .into_iter()
            .find(|x| x.id == id)
            .unwrap()
            .status()
    };
    assert_eq!(status(&w), kizuna::domain::SubsidyStatus::Applied);
    // Within the budget it is approved, and the budget line follows.
    w.service
        .change_settings(
            &w.p,
            &kizuna::domain::settings::SettingsChange::SubsidyBudget {
                yen: 3_000_000,
                year: None,
            },
        )
        .unwrap();
    press(&w, &mut a, "f");
    press(&w, &mut a, "a");
    assert_eq!(status(&w), kizuna::domain::SubsidyStatus::Approved);
    let after = w.service.subsidies(&w.p, FiscalYear(2026)).unwrap();
    assert_eq!(
        a.training.subsidy.ready().unwrap().view.budget,
        after.budget
    );
    // A rejection is asked first; paying before the report is not possible.
    press(&w, &mut a, "p");
    assert!(notice(&a).contains("できません"), "{}", notice(&a));
    press(&w, &mut a, "x");
    assert_eq!(a.confirm, Some(Confirm::RejectSubsidy));
    assert!(screen(&a, 80, 24).contains(&format!("申請 {id}")));
    press(&w, &mut a, "n");
    assert_eq!(status(&w), kizuna::domain::SubsidyStatus::Approved);
}

#[test]
fn the_obligations_name_who_owes_a_mandatory_course_and_the_duty() {
    let w = world();
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F3>o");
    assert_eq!(a.layer(), Layer::Owed);
    let out = w.service.outstanding(&w.p, FiscalYear(2026), None).unwrap();
    let shown = a.training.owed.ready().unwrap();
    assert_eq!(shown.out, out);
    let text = screen(&a, 80, 24);
    assert!(text.contains("メンタルヘルス研修"), "{text}");
    assert!(text.contains(&out.owed[0].name), "{text}");
    // Narrowed to a unit, and last year's duty was met.
    press(&w, &mut a, "c0102<Enter>");
    let shown = a.training.owed.ready().unwrap();
    assert_eq!(shown.unit.as_deref(), Some("0102"));
    assert!(shown.people.len() < a.staff.index.len());
    press(&w, &mut a, "[");
    let r7 = a.training.owed.ready().unwrap();
    assert_eq!(r7.out.year, FiscalYear(2025));
    assert!(r7.out.duties[0].met());
    assert!(screen(&a, 80, 24).contains("充足: 実施済"));
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn snapshots_of_the_training_pane() {
    let w = world();
    session(&w, "R8-901", d(2027, 3, 2), 40);
    // A card with more trainings than it lists.
    let everyone = w
        .service
        .matrix(&w.p, &Scope::default(), today())
        .unwrap()
        .rows;
    let busy = everyone
        .iter()
        .map(|r| r.staff_no.clone())
        .find(|n| w.service.trainings_of(&w.p, n).unwrap().len() > 3)
        .expect("someone with four trainings");
    for (width, height) in [(80, 24), (120, 40)] {
        let size = format!("{width}x{height}");
        let mut a = app(&w, Lang::Ja);
        resize(&mut a, width, height);
        press(&w, &mut a, "<F3>");
        snapshot(
            &format!("training_sessions_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "gjj");
        snapshot(
            &format!("training_catalogue_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "f");
        snapshot(
            &format!("training_subsidy_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &mut a, "o");
        snapshot(
            &format!("training_owed_ja_{size}"),
            screen(&a, width, height),
        );
        for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
            let mut r = app(&w, lang);
            resize(&mut r, width, height);
            press(&w, &mut r, "<F3>rrR8-004<Enter>jj");
            snapshot(
                &format!("training_roster_{tag}_{size}"),
                screen(&r, width, height),
            );
        }
        let mut b = app(&w, Lang::Ja);
        resize(&mut b, width, height);
        press(&w, &mut b, "<F3>rrR8-901<Enter>b<Tab>係長<C-s>");
        snapshot(
            &format!("training_bulk_ja_{size}"),
            screen(&b, width, height),
        );
        let mut c = app(&w, Lang::Ja);
        resize(&mut c, width, height);
        press(&w, &mut c, &format!("{busy}<Enter>"));
        snapshot(
            &format!("training_card_ja_{size}"),
            screen(&c, width, height),
        );
    }
    // A reason asked for someone outside the audience, and the proposals of pane 2.
    let shuji = with_title(&w, "主事")[0].clone();
    let mut r = app(&w, Lang::Ja);
    press(&w, &mut r, &format!("<F3>rrR8-901<Enter>e{shuji}<Enter>"));
    snapshot("training_reason_ja_80x24", screen(&r, 80, 24));
    let who = with_title(&w, "係長")[0].clone();
    session(&w, "R8-902", d(2026, 11, 24), 30);
    w.service.enroll(&w.p, "R8-902", &who, None).unwrap();
    w.service
        .set_attendance(&w.p, "R8-902", &who, EnrollStatus::Completed, None)
        .unwrap();
    let mut p = app(&w, Lang::Ja);
    press(&w, &mut p, "<F2><Esc>p");
    snapshot("training_proposals_ja_80x24", screen(&p, 80, 24));
}
