//! Pane 4 ケース through the real keymap: locked until the passphrase, a wrong one
//! refused with its delay, the lists of both domains (health's upcoming dates first),
//! a case whole in each, an entry added, the harassment workflow asking for the field
//! its next stage needs, Ctrl-L locking and wiping (the service forgetting the keys
//! too), a service that forgot them locking the pane, and nothing at all for someone
//! without a case role. Snapshots at 80x24 and 120x40 (random case ids masked).

mod common;

use common::screens::{keys, screen};
use std::sync::Arc;

use kizuna::domain::cases::{CaseDomain, CaseItem, Stage};
use kizuna::domain::{Date, FixedClock, Role};
use kizuna::i18n::Lang;
use kizuna::service::cases::CaseFault;
use kizuna::service::{self, DEMO_PASSPHRASE, Principal, Service, ServiceError};
use kizuna::tui::app::{App, Look, Notice};
use kizuna::tui::keymap::Layer;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

struct World {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    me: Principal,
}

fn world() -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let me = Principal::named("hr.demo", 5000);
    service::create_demo(&path, &me, clock.clone(), 60, 7).unwrap();
    let service = kizuna::remote::Api::local(Service::open(&path, clock).unwrap());
    World {
        _dir: dir,
        service,
        me,
    }
}

fn app(w: &World, p: &Principal, lang: Lang) -> App {
    let look = Look {
        lang,
        ascii: false,
        plain: true,
    };
    let mut app = runtime::load(&w.service, p, look).unwrap();
    app.status.database = "/srv/kizuna/demo.redb".into();
    app
}

fn press(w: &World, p: &Principal, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, p, app, effect);
            }
        }
    }
}

/// The screen with every random case id replaced by a fixed mark of its length.
fn masked(app: &App, width: u16, height: u16) -> String {
    let mut text = screen(app, width, height);
    let mut ids: Vec<String> = app
        .cases
        .list
        .ready()
        .map(|l| l.views.iter().map(|v| v.item.id().to_string()).collect())
        .unwrap_or_default();
    if let Some(v) = &app.cases.open {
        ids.push(v.item.id().to_string());
        if let CaseItem::Incident(i) = &v.item
            && let Some(c) = &i.case
        {
            ids.push(c.to_string());
        }
    }
    for id in ids {
        text = text.replace(&id, "#############");
    }
    text
}

fn unlock(w: &World, a: &mut App) {
    press(w, &w.me, a, "<F4><Enter>");
    press(w, &w.me, a, DEMO_PASSPHRASE);
    press(w, &w.me, a, "<Enter>");
}

#[test]
fn locked_prompt_lists_and_a_case_in_both_domains() {
    let w = world();
    let mut a = app(&w, &w.me, Lang::Ja);
    press(&w, &w.me, &mut a, "<F4>");
    assert_eq!(a.layer(), Layer::CaseLocked);
    let locked = masked(&a, 80, 24);
    assert!(locked.contains("ロックされています"), "{locked}");
    assert!(
        locked.contains(DEMO_PASSPHRASE),
        "the demo shows its passphrase"
    );
    insta::assert_snapshot!("cases_locked_80x24", locked);

    press(&w, &w.me, &mut a, "<Enter>secret");
    assert_eq!(a.layer(), Layer::CaseText);
    let prompt = masked(&a, 80, 24);
    assert!(!prompt.contains("secret"), "the passphrase is never drawn");
    assert!(prompt.contains("******"));
    insta::assert_snapshot!("cases_passphrase_80x24", prompt);
    press(&w, &w.me, &mut a, "<Esc>");

    unlock(&w, &mut a);
    assert_eq!(a.layer(), Layer::CaseList, "{:?}", a.notice);
    let list = a.cases.list.ready().unwrap();
    assert!(list.views.len() >= 5);
    let health = masked(&a, 80, 24);
    assert!(health.contains("今後の予定"), "{health}");
    insta::assert_snapshot!("cases_health_list_80x24", health);
    insta::assert_snapshot!("cases_health_list_120x40", masked(&a, 120, 40));

    press(&w, &w.me, &mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::CaseDetail);
    let case = masked(&a, 80, 24);
    assert!(case.contains("対象職員"), "{case}");
    insta::assert_snapshot!("cases_health_case_80x24", case);

    press(&w, &w.me, &mut a, "<Esc>d");
    assert_eq!(a.cases.domain, CaseDomain::Harassment);
    let list = masked(&a, 80, 24);
    assert!(list.contains("段階"), "{list}");
    insta::assert_snapshot!("cases_harassment_list_80x24", list);
    press(&w, &w.me, &mut a, "<Enter>");
    insta::assert_snapshot!("cases_harassment_case_80x24", masked(&a, 80, 24));
}

#[test]
fn a_wrong_passphrase_is_refused_and_ctrl_l_wipes_the_keys() {
    let w = world();
    let mut a = app(&w, &w.me, Lang::En);
    press(&w, &w.me, &mut a, "<F4><Enter>not-the-passphrase<Enter>");
    assert_eq!(a.layer(), Layer::CaseLocked);
    match &a.notice {
        Some(Notice::Error(text)) => {
            assert!(text.contains("wrong passphrase"), "{text}");
            assert!(text.contains("1 s"), "{text}");
        }
        other => panic!("{other:?}"),
    }
    unlock(&w, &mut a);
    assert!(!a.cases.locked());
    // The keys are the service's, for this connection: a read through it works…
    assert!(
        !w.service
            .cases(&w.me, CaseDomain::Health)
            .unwrap()
            .is_empty()
    );
    press(&w, &w.me, &mut a, "<C-l>");
    assert!(a.cases.locked());
    // …and after Ctrl-L the service has forgotten them.
    assert!(
        matches!(
            w.service.cases(&w.me, CaseDomain::Health),
            Err(ServiceError::Case(CaseFault::Locked(CaseDomain::Health)))
        ),
        "the lock reached the service"
    );
    assert!(
        a.cases.list.ready().is_none(),
        "the case text left the state"
    );
    assert!(a.cases.open.is_none());
    let s = screen(&a, 80, 24);
    assert!(s.contains("Locked"), "{s}");
}

#[test]
fn keys_the_service_forgot_lock_the_pane() {
    let w = world();
    let mut a = app(&w, &w.me, Lang::En);
    unlock(&w, &mut a);
    assert_eq!(a.layer(), Layer::CaseList);
    // As the server does after its idle time: the keys go, the pane does not know yet.
    w.service.lock(&w.me).unwrap();
    press(&w, &w.me, &mut a, "<Enter>");
    assert!(a.cases.locked(), "the pane follows the service");
    assert!(a.cases.list.ready().is_none());
    assert_eq!(a.layer(), Layer::CaseLocked);
    match &a.notice {
        Some(Notice::Error(text)) => assert!(text.contains("locked"), "{text}"),
        other => panic!("{other:?}"),
    }
    unlock(&w, &mut a);
    assert_eq!(a.layer(), Layer::CaseList, "{:?}", a.notice);
}

#[test]
fn an_entry_and_the_workflow_through_the_pane() {
    let w = world();
    let mut a = app(&w, &w.me, Lang::Ja);
    unlock(&w, &mut a);
    press(&w, &w.me, &mut a, "d");
    // The first harassment case still at 相談受付 or 事実確認.
    let at = a
        .cases
        .list
        .ready()
        .unwrap()
        .views
        .iter()
        .position(|v| {
            matches!(&v.item, CaseItem::Harassment(h)
                if matches!(h.stage, Stage::Received | Stage::FactFinding))
        })
        .expect("the demo has an early case");
    for _ in 0..at {
        press(&w, &w.me, &mut a, "j");
    }
    press(&w, &w.me, &mut a, "<Enter>a電話で経過を確認した<Enter>");
    let Some(CaseItem::Harassment(h)) = a.cases.open.as_ref().map(|v| v.item.clone()) else {
        panic!("no case open");
    };
    assert!(h.entries.iter().any(|e| e.text == "電話で経過を確認した"));
    let before = h.stage;
    press(&w, &w.me, &mut a, "s");
    if before == Stage::FactFinding && h.fact_summary.is_none() {
        assert_eq!(a.layer(), Layer::CaseText, "対応検討 asks for the summary");
        press(&w, &w.me, &mut a, "聞き取りの結果、事実を確認した<Enter>");
    }
    let Some(CaseItem::Harassment(after)) = a.cases.open.as_ref().map(|v| v.item.clone()) else {
        panic!("no case open");
    };
    assert_eq!(Some(after.stage), before.next(), "{:?}", a.notice);
}

#[test]
fn without_a_case_role_the_pane_says_so_and_nothing_else() {
    let w = world();
    w.service.add_account(&w.me, "viewer.only", None).unwrap();
    w.service.grant(&w.me, "viewer.only", Role::Viewer).unwrap();
    let p = Principal::named("viewer.only", 6001);
    let mut a = app(&w, &p, Lang::Ja);
    press(&w, &p, &mut a, "<F4><Enter>");
    assert_eq!(a.layer(), Layer::Global);
    let s = screen(&a, 80, 24);
    assert!(s.contains("担当だけが使えます"), "{s}");
    assert!(!s.contains("件"), "no count of any kind: {s}");
}
