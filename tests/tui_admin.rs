//! Pane 7 管理 through the real keymap: the accounts for an admin, the audit log newest
//! first for an auditor (scrolled with j/k, pages, g/G, Home/End) and its verdict on
//! `v`, a rewritten entry named there, one line for someone with neither role, and
//! snapshots at 80x24 and 120x40.

mod common;
#[path = "tui_admin/world.rs"]
mod world;

use common::screens::screen;
use kizuna::i18n::Lang;
use kizuna::service::{AuditEntry, AuditFault};
use kizuna::tui::app::Pane;
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::admin::View;
use redb::ReadableTable;
use world::{World, app, at, clock, log, notice, path, press, resize, who, world};

#[test]
fn f7_and_7_reach_the_pane_and_the_log_shows_newest_first() {
    let w = world();
    let me = w.admin.clone();
    let mut a = app(&w, &me, Lang::Ja);
    press(&w, &me, &mut a, "<F7>");
    assert_eq!(a.pane, Pane::Admin);
    assert_eq!(
        a.layer(),
        Layer::Accounts,
        "an admin starts on the accounts"
    );
    let shown: Vec<&str> = a
        .admin
        .accounts
        .ready()
        .unwrap()
        .accounts
        .iter()
        .map(|x| x.name.as_str())
        .collect();
    let stored = w.service.accounts(&me).unwrap();
    assert_eq!(
        shown,
        stored.iter().map(|x| x.name.as_str()).collect::<Vec<_>>()
    );
    // The linked staff number, and the person's name from the staff index.
    let linked = stored
        .iter()
        .find(|x| x.name == "audit.only")
        .and_then(|x| x.employee.clone())
        .unwrap();
    let name = w.service.employee(&me, &linked).unwrap().employee.name;
    let row = screen(&a, 80, 24)
        .lines()
        .find(|l| l.starts_with("audit.only"))
        .unwrap()
        .to_string();
    assert!(row.contains("監査") && row.contains(&linked), "{row}");
    assert!(row.contains(&name), "{row} / {name}");
    press(&w, &me, &mut a, "l");
    assert_eq!(a.layer(), Layer::AuditLog);
    let mut want = w.service.audit_list(&me, None).unwrap();
    want.reverse();
    assert_eq!(log(&a).entries, want);
    assert_eq!(at(&a), want[0].seq, "newest first, cursor on the newest");
    // Digits switch panes here; 7 comes back, to the view left.
    press(&w, &me, &mut a, "3");
    assert_eq!(a.pane, Pane::Training);
    press(&w, &me, &mut a, "7");
    assert_eq!((a.pane, a.layer()), (Pane::Admin, Layer::AuditLog));
    // Back in the pane, the log is read again: a change made since shows at the top.
    w.service.add_account(&me, "late.comer", None).unwrap();
    press(&w, &me, &mut a, "<F1><F7>");
    assert_eq!(log(&a).entries[0].ids, ["late.comer"]);
    assert_eq!(at(&a), want[0].seq, "the cursor stays on its entry");
}

#[test]
fn the_log_scrolls_with_the_list_keys() {
    let w = world();
    let me = w.admin.clone();
    let mut a = app(&w, &me, Lang::Ja);
    resize(&mut a, 80, 24);
    press(&w, &me, &mut a, "<F7>l");
    let newest = at(&a);
    let n = log(&a).entries.len() as u64;
    assert!(n > 30, "{n}");
    press(&w, &me, &mut a, "jj<Down>");
    assert_eq!(at(&a), newest - 3);
    press(&w, &me, &mut a, "k<Up>");
    assert_eq!(at(&a), newest - 1);
    press(&w, &me, &mut a, "G");
    assert_eq!(at(&a), 1, "the oldest is last");
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("     1 2026-11-25 12:00 hr.test      init"),
        "scrolled to it: {text}"
    );
    press(&w, &me, &mut a, "g");
    assert_eq!(at(&a), newest);
    press(&w, &me, &mut a, "<End>");
    assert_eq!(at(&a), 1);
    press(&w, &me, &mut a, "<Home><PgDn>");
    let page = newest - at(&a);
    assert!(page > 5, "a page is many lines: {page}");
    press(&w, &me, &mut a, "<PgUp>");
    assert_eq!(at(&a), newest);
    // The accounts scroll with the same keys.
    press(&w, &me, &mut a, "aG");
    let accounts = a.admin.accounts.ready().unwrap();
    assert_eq!(accounts.cursor.at, accounts.accounts.len() - 1);
}

#[test]
fn v_verifies_the_chain_and_names_a_rewritten_entry() {
    let w = world();
    let me = w.admin.clone();
    let mut a = app(&w, &me, Lang::Ja);
    press(&w, &me, &mut a, "<F7>l");
    assert!(
        screen(&a, 80, 24).contains("v:連鎖を検証"),
        "the hint bar says how"
    );
    press(&w, &me, &mut a, "v");
    let v = a.admin.verdict.ready().expect("a verdict");
    assert!(v.intact());
    assert_eq!(v.entries, log(&a).entries.len() as u64);
    let text = screen(&a, 80, 24);
    assert!(text.contains("結果: 監査ログの連鎖は完全です"), "{text}");
    // Verifying and reading wrote nothing.
    assert_eq!(
        w.service.audit_list(&me, None).unwrap().len() as u64,
        v.entries
    );

    // Entry 3 rewritten in the file, by someone without kizuna.
    let World {
        dir,
        service,
        admin,
    } = w;
    drop(service);
    {
        let db = redb::Database::open(path(&dir)).unwrap();
        let t = db.begin_write().unwrap();
        {
            let table = redb::TableDefinition::<u64, &[u8]>::new("audit");
            let mut audit = t.open_table(table).unwrap();
            let mut e = AuditEntry::from_bytes(audit.get(3).unwrap().unwrap().value()).unwrap();
            e.ids = vec!["someone.else".into()];
            audit.insert(3, e.to_bytes().unwrap().as_slice()).unwrap();
        }
        t.commit().unwrap();
    }
    let w = World {
        service: kizuna::remote::Api::local(
            kizuna::service::Service::open(&path(&dir), clock()).unwrap(),
        ),
        dir,
        admin,
    };
    let mut a = app(&w, &me, Lang::Ja);
    press(&w, &me, &mut a, "<F7>lv");
    let v = a.admin.verdict.ready().unwrap();
    assert!(!v.intact());
    assert_eq!(v.first_fault, Some(AuditFault::Body(3)));
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("記録 3 の内容がハッシュと一致しません"),
        "{text}"
    );
    assert!(text.contains("結果: 監査ログに問題があります"), "{text}");
    snapshot("admin_broken_ja_80x24", text);
}

#[test]
fn an_auditor_alone_has_the_log_and_an_admin_alone_the_accounts() {
    let w = world();
    let auditor = who("audit.only");
    // No staff look-up: the screens open on this pane.
    let mut a = app(&w, &auditor, Lang::Ja);
    assert_eq!((a.pane, a.layer()), (Pane::Admin, Layer::AuditLog));
    assert_eq!(a.admin.views, [View::Log]);
    assert!(!log(&a).entries.is_empty());
    press(&w, &auditor, &mut a, "a");
    assert_eq!(a.layer(), Layer::AuditLog);
    assert!(notice(&a).contains("admin"), "{}", notice(&a));
    press(&w, &auditor, &mut a, "v");
    assert!(a.admin.verdict.ready().unwrap().intact());

    let admin = who("admin.only");
    let mut a = app(&w, &admin, Lang::En);
    assert_eq!((a.pane, a.layer()), (Pane::Admin, Layer::Accounts));
    assert_eq!(a.admin.views, [View::Accounts]);
    press(&w, &admin, &mut a, "l");
    assert_eq!(a.layer(), Layer::Accounts);
    assert!(notice(&a).contains("auditor"), "{}", notice(&a));
    assert!(a.admin.log.ready().is_none(), "the log was never read");
    let text = screen(&a, 80, 24);
    assert!(
        text.contains("Accounts") && text.contains("hr.only"),
        "{text}"
    );
    assert!(!text.contains("Audit log"), "{text}");
}

#[test]
fn someone_with_neither_role_sees_one_line() {
    let w = world();
    let hr = who("hr.only");
    let mut a = app(&w, &hr, Lang::Ja);
    assert_eq!(a.pane, Pane::Staff, "HR opens on the staff pane");
    press(&w, &hr, &mut a, "<F7>");
    assert_eq!((a.pane, a.layer()), (Pane::Admin, Layer::Global));
    press(&w, &hr, &mut a, "jGlav");
    assert!(a.admin.log.ready().is_none() && a.admin.accounts.ready().is_none());
    let text = screen(&a, 80, 24);
    let body: Vec<&str> = text
        .lines()
        .skip(2)
        .filter(|l| !l.trim().is_empty())
        .collect();
    assert_eq!(
        body[0],
        "この画面には admin (管理者) または auditor (監査) のロールが必要です"
    );
    assert_eq!(body.len(), 2, "that line and the hint bar: {text}");
    let mut en = app(&w, &hr, Lang::En);
    press(&w, &hr, &mut en, "<F7>");
    assert!(screen(&en, 80, 24).contains("This pane needs the admin or the auditor role"));
}

#[test]
fn help_lists_the_keys_of_the_log() {
    let w = world();
    let me = w.admin.clone();
    let mut a = app(&w, &me, Lang::Ja);
    press(&w, &me, &mut a, "<F7>l?");
    assert_eq!(a.help, Some(Layer::AuditLog));
    let text = screen(&a, 120, 40);
    for line in [
        "v ",
        "連鎖を検証",
        "Home / g",
        "先頭へ",
        "End / G",
        "末尾へ",
        "PgDn",
        "監査ログ",
    ] {
        assert!(text.contains(line), "{line}: {text}");
    }
    press(&w, &me, &mut a, "<Esc>");
    assert_eq!(a.help, None);
    assert_eq!(a.layer(), Layer::AuditLog);
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn snapshots_of_the_admin_pane() {
    let w = world();
    let me = w.admin.clone();
    let hr = who("hr.only");
    for (width, height) in [(80, 24), (120, 40)] {
        let size = format!("{width}x{height}");
        let mut a = app(&w, &me, Lang::Ja);
        resize(&mut a, width, height);
        press(&w, &me, &mut a, "<F7>jj");
        snapshot(
            &format!("admin_accounts_ja_{size}"),
            screen(&a, width, height),
        );
        press(&w, &me, &mut a, "lj");
        snapshot(&format!("admin_log_ja_{size}"), screen(&a, width, height));
        press(&w, &me, &mut a, "v");
        snapshot(
            &format!("admin_verdict_ja_{size}"),
            screen(&a, width, height),
        );
        let mut e = app(&w, &me, Lang::En);
        resize(&mut e, width, height);
        press(&w, &me, &mut e, "<F7>lv");
        snapshot(
            &format!("admin_verdict_en_{size}"),
            screen(&e, width, height),
        );
        let mut n = app(&w, &hr, Lang::Ja);
        resize(&mut n, width, height);
        press(&w, &hr, &mut n, "<F7>");
        snapshot(
            &format!("admin_no_role_ja_{size}"),
            screen(&n, width, height),
        );
    }
}
