//! The screens without a terminal: key strings through the real keymap into `update`,
//! effects through the real service, and snapshots of what `render` draws.

mod common;

use common::screens::{keys, screen};
use std::sync::Arc;

use kizuna::domain::{Date, FixedClock};
use kizuna::i18n::Lang;
use kizuna::service::{self, Principal};
use kizuna::tui::app::{App, Confirm, Look, Pane};
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::staff::Focus;
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

struct World {
    _dir: tempfile::TempDir,
    service: kizuna::remote::Api,
    p: Principal,
}

fn world(staff: usize) -> World {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("demo.redb");
    let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
    let p = Principal::named("hr.test", 5000);
    service::create_demo(&path, &p, clock.clone(), staff, 7).unwrap();
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

fn first_hit_name(app: &App) -> String {
    let hit = app.staff.hits.first().expect("a hit");
    app.staff.index.entry(hit.index).name.clone()
}

#[test]
fn every_spelling_finds_the_same_takahashi() {
    let w = world(2000);
    for query in ["たかはし", "ﾀｶﾊｼ", "タカハシ", "takahashi", "高橋", "髙橋"] {
        let mut a = app(&w, Lang::Ja);
        press(&w, &mut a, query);
        let names: Vec<String> = a
            .staff
            .hits
            .iter()
            .map(|h| a.staff.index.entry(h.index).name.clone())
            .collect();
        assert!(
            names.iter().any(|n| n.starts_with('髙')),
            "{query}: {names:?}"
        );
        assert!(
            names.iter().any(|n| n.starts_with('高')),
            "{query}: {names:?}"
        );
    }
}

#[test]
fn a_staff_number_ranks_first() {
    let w = world(300);
    let mut a = app(&w, Lang::Ja);
    let no = a.staff.index.entry(a.staff.hits[40].index).staff_no.clone();
    press(&w, &mut a, &no);
    assert_eq!(a.staff.index.entry(a.staff.hits[0].index).staff_no, no);
}

#[test]
fn enter_opens_the_card_and_esc_comes_back_to_the_query() {
    let w = world(300);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "さとう");
    let name = first_hit_name(&a);
    press(&w, &mut a, "<Enter>");
    assert_eq!(a.staff.focus, Focus::Card);
    assert_eq!(a.staff.card.as_ref().unwrap().employee.name, name);
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.staff.focus, Focus::Search);
    assert_eq!(a.staff.query.text(), "さとう");
    // Esc clears the query, a second Esc goes to the list, / comes back.
    press(&w, &mut a, "<Esc>");
    assert!(a.staff.query.is_empty());
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.staff.focus, Focus::Results);
    press(&w, &mut a, "j/");
    assert_eq!(a.staff.focus, Focus::Search);
}

#[test]
fn digits_and_q_are_typed_in_the_field_but_switch_and_quit_outside_it() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "1q");
    assert_eq!(a.staff.query.text(), "1q");
    assert!(!a.quit);
    press(&w, &mut a, "<F5>");
    assert_eq!(a.pane, Pane::Roadmap);
    press(&w, &mut a, "<Tab>");
    assert_eq!(a.pane, Pane::Dashboard);
    press(&w, &mut a, "1");
    assert_eq!(a.pane, Pane::Staff);
    press(&w, &mut a, "<S-Tab>");
    assert_eq!(a.pane, Pane::Admin);
    press(&w, &mut a, "q");
    assert!(a.quit);
}

#[test]
fn help_lists_every_binding_of_the_layer() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "?");
    assert_eq!(a.help, Some(Layer::Search));
    let text = screen(&a, 120, 40);
    for b in kizuna::tui::keymap::tables(Layer::Search)
        .into_iter()
        .flatten()
    {
        assert!(
            text.contains(kizuna::i18n::tui(b.help, Lang::Ja)),
            "{}",
            b.help
        );
    }
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.help, None);
}

#[test]
fn a_new_employee_by_keyboard_only_with_errors_beside_the_fields() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<C-n>");
    assert_eq!(a.staff.focus, Focus::Form);
    // Staff no., name, reading (half-width), former, alias, birth (bad), hired (wareki).
    press(
        &w,
        &mut a,
        "K00001<Tab>山﨑　太郎<Tab>ﾔﾏｻﾞｷ ﾀﾛｳ<Tab><Tab><Tab>1990-02-30<Tab>R8.4.1<Tab>9999<Tab>主事<C-s>",
    );
    let form = a.staff.form.as_ref().expect("still open");
    let birth = form.error(kizuna::tui::panes::staff::form::FieldId::Birth);
    assert!(birth.is_some_and(|e| e.contains("日付")), "{birth:?}");
    let snapshot = screen(&a, 80, 24);
    assert!(snapshot.contains("日付を読み取れません"), "{snapshot}");
    // Fix the date: back to the birth field.
    press(&w, &mut a, "<S-Tab><S-Tab><S-Tab><C-u>1990/2/28<C-s>");
    // The unit code 9999 does not exist in the demo organisation: the service says so.
    let form = a.staff.form.as_ref().expect("still open");
    let unit = form.error(kizuna::tui::panes::staff::form::FieldId::Unit);
    assert!(unit.is_some_and(|e| e.contains("9999")), "{unit:?}");
    // From the birth field: hired, then the unit.
    press(&w, &mut a, "<Tab><Tab><C-u>010101<C-s>");
    assert_eq!(
        a.staff.focus,
        Focus::Card,
        "{:?} {:?}",
        a.notice,
        a.staff.form.as_ref().map(|f| f.errors.clone())
    );
    let saved = w.service.employee(&w.p, "K00001").unwrap();
    assert_eq!(saved.employee.name, "山﨑　太郎", "names are kept as typed");
    assert_eq!(saved.employee.reading, "やまざき たろう");
    assert_eq!(saved.employee.hired, Date::new(2026, 4, 1).unwrap());
    // The index knows the new person at once.
    press(&w, &mut a, "<Esc><C-u>yamazaki taro");
    assert_eq!(first_hit_name(&a), "山﨑　太郎");
}

#[test]
fn a_transfer_goes_into_the_history() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<Enter>");
    let before = a.staff.card.as_ref().unwrap().employee.clone();
    press(&w, &mut a, "e");
    // Unit field: from the name field (focused first), 6 fields down.
    press(
        &w,
        &mut a,
        "<Tab><Tab><Tab><Tab><Tab><Tab><C-u>010101<Tab><Tab><C-u>2027-04-01<C-s>",
    );
    let after = w.service.employee(&w.p, &before.staff_no).unwrap().employee;
    assert_eq!(after.history.len(), before.history.len() + 1);
    assert_eq!(after.history[..before.history.len()], before.history[..]);
    let last = after.history.last().unwrap();
    assert_eq!(last.unit, "010101");
    assert_eq!(last.effective, Date::new(2027, 4, 1).unwrap());
}

#[test]
fn quitting_with_an_unsaved_form_asks_first() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<C-n>x<C-c>");
    assert_eq!(a.confirm, Some(Confirm::Quit));
    press(&w, &mut a, "n");
    assert!(!a.quit);
    assert!(a.staff.form.is_some());
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.confirm, Some(Confirm::Discard));
    press(&w, &mut a, "y");
    assert!(a.staff.form.is_none());
    press(&w, &mut a, "<C-c>");
    assert!(a.quit, "nothing unsaved: no question");
}

#[test]
fn continuous_entry_keeps_the_unit_and_dates() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(
        &w,
        &mut a,
        "<C-n><C-r>K00002<Tab>新人　一<Tab>しんじん はじめ<Tab><Tab><Tab>2004-05-06<Tab>2026-04-01<Tab>010101<Tab>主事<C-s>",
    );
    let form = a.staff.form.as_ref().expect("kept open");
    use kizuna::tui::panes::staff::form::FieldId;
    assert_eq!(form.value(FieldId::Unit), "010101");
    assert_eq!(form.value(FieldId::Hired), "2026-04-01");
    assert_eq!(form.value(FieldId::StaffNo), "");
    assert_eq!(form.value(FieldId::Name), "");
    assert!(w.service.employee(&w.p, "K00002").is_ok());
}

#[test]
fn a_tiny_terminal_gets_a_clear_message() {
    let w = world(50);
    let a = app(&w, Lang::Ja);
    assert!(screen(&a, 40, 10).contains("端末が小さすぎます"));
    let e = app(&w, Lang::En);
    assert!(screen(&e, 40, 10).contains("Terminal too small"));
}

#[test]
fn half_width_voiced_kana_take_two_cells() {
    let w = world(50);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<C-n><Tab><Tab>ﾀﾞｲｷ");
    let text = screen(&a, 80, 24);
    let line = text
        .lines()
        .find(|l| l.contains("ﾀﾞｲｷ"))
        .unwrap_or_else(|| panic!("{text}"));
    // ﾀﾞ is two cells on a terminal: the value and its padding keep the column.
    assert_eq!(kizuna::tui::widgets::text::width("ﾀﾞｲｷ"), 4);
    assert!(line.contains("ﾀﾞｲｷ "), "{line}");
    let name_line = text.lines().find(|l| l.contains("氏名")).unwrap();
    assert_eq!(
        kizuna::tui::widgets::text::width(line),
        kizuna::tui::widgets::text::width(name_line),
        "rows stay the same width"
    );
}

fn snapshot(name: &str, text: String) {
    insta::with_settings!({ snapshot_path => "snapshots", prepend_module_to_snapshot => false }, {
        insta::assert_snapshot!(name, text);
    });
}

#[test]
fn snapshots_of_the_staff_pane() {
    let w = world(2000);
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        for (width, height) in [(80, 24), (120, 40)] {
            let size = format!("{width}x{height}");
            let mut a = app(&w, lang);
            press(&w, &mut a, "たかはし");
            snapshot(&format!("search_{tag}_{size}"), screen(&a, width, height));
            press(&w, &mut a, "<Enter>");
            snapshot(&format!("card_{tag}_{size}"), screen(&a, width, height));
            let mut f = app(&w, lang);
            press(
                &w,
                &mut f,
                "<C-n>123<Tab><Tab>Yamada<Tab><Tab><Tab>R8.13.1<C-s>",
            );
            snapshot(
                &format!("form_errors_{tag}_{size}"),
                screen(&f, width, height),
            );
            let mut h = app(&w, lang);
            press(&w, &mut h, "?");
            snapshot(&format!("help_{tag}_{size}"), screen(&h, width, height));
        }
    }
}

#[test]
fn the_filter_narrows_by_organisation_band_and_status() {
    let w = world(2000);
    let mut a = app(&w, Lang::Ja);
    let everyone = a.staff.hits.len();
    press(&w, &mut a, "<C-f>01<Tab>2<C-s>");
    assert_eq!(a.staff.focus, Focus::Search);
    assert!(!a.staff.hits.is_empty(), "someone in 01 at band 2");
    assert!(a.staff.hits.len() < everyone);
    for h in &a.staff.hits {
        let e = a.staff.index.entry(h.index);
        assert!(e.unit_code.starts_with("01"), "{}", e.unit_code);
        assert_eq!(e.band.map(|b| b.number()), Some(2));
    }
    assert!(screen(&a, 80, 24).contains("職層 2"));
    // A value that is not a choice is named beside its field, and nothing changes.
    press(&w, &mut a, "<C-f><Tab><Tab><Tab>休み<C-s>");
    assert_eq!(a.staff.focus, Focus::Filter);
    assert!(screen(&a, 80, 24).contains("一覧の中から"));
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.staff.focus, Focus::Search);
}

#[test]
fn continuous_entry_never_applies_to_an_existing_record() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<Enter>");
    let original = a.staff.card.as_ref().unwrap().employee.clone();
    press(&w, &mut a, "e<C-r><C-s>");
    assert!(a.staff.form.is_none(), "saved and closed");
    assert_eq!(a.staff.focus, Focus::Card);
    let after = w
        .service
        .employee(&w.p, &original.staff_no)
        .unwrap()
        .employee;
    assert_eq!(after.name, original.name);
}

#[test]
fn a_post_corrected_on_its_own_date_is_not_stacked() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<Enter>");
    let before = a.staff.card.as_ref().unwrap().employee.clone();
    let last = before.history.last().unwrap().clone();
    let title = if last.title == "主任" {
        "主事"
    } else {
        "主任"
    };
    // Name field first; the title is seven fields down, the 発令日 one more.
    let keys = format!(
        "e<Tab><Tab><Tab><Tab><Tab><Tab><Tab><C-u>{title}<Tab><C-u>{}<C-s>",
        last.effective
    );
    press(&w, &mut a, &keys);
    let after = w.service.employee(&w.p, &before.staff_no).unwrap().employee;
    assert_eq!(after.history.len(), before.history.len(), "{:?}", a.notice);
    assert_eq!(after.history.last().unwrap().title, title);
    assert_eq!(after.history.last().unwrap().effective, last.effective);
}

#[test]
fn a_new_post_needs_its_date_and_full_width_input_is_read() {
    let w = world(100);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<Enter>");
    let no = a.staff.card.as_ref().unwrap().employee.staff_no.clone();
    // Unit changed, 発令日 cleared: refused beside 発令日.
    press(
        &w,
        &mut a,
        "e<Tab><Tab><Tab><Tab><Tab><Tab><C-u>010101<Tab><Tab><C-u><C-s>",
    );
    let form = a.staff.form.as_ref().expect("refused");
    use kizuna::tui::panes::staff::form::FieldId;
    assert!(form.error(FieldId::Effective).is_some());
    // A date typed with the IME on (full width) is read.
    press(&w, &mut a, "２０２７／４／１<C-s>");
    assert!(a.staff.form.is_none(), "{:?}", a.notice);
    let e = w.service.employee(&w.p, &no).unwrap().employee;
    assert_eq!(
        e.history.last().unwrap().effective,
        Date::new(2027, 4, 1).unwrap()
    );
    assert_eq!(e.history.last().unwrap().unit, "010101");
}

#[test]
fn ctrl_c_at_the_question_quits() {
    let w = world(50);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<C-n>x<C-c>");
    assert_eq!(a.confirm, Some(Confirm::Quit));
    press(&w, &mut a, "<C-c>");
    assert!(a.quit);
}

#[test]
fn romaji_without_long_vowels_finds_the_long_reading_first() {
    let w = world(2000);
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "saito");
    let top: Vec<String> = a
        .staff
        .hits
        .iter()
        .take(5)
        .map(|h| a.staff.index.entry(h.index).reading.clone())
        .collect();
    assert!(top.iter().all(|r| r.starts_with("さいとう")), "{top:?}");
}

#[test]
fn ascii_mode_names_arrows_in_ascii_and_the_form_scrolls_on_a_short_terminal() {
    let w = world(50);
    let mut a = app(&w, Lang::Ja);
    a.look.ascii = true;
    let search = screen(&a, 80, 24);
    assert!(
        !search.contains('↓') && search.contains("Down:"),
        "{search}"
    );
    press(&w, &mut a, "<C-n>");
    let form = screen(&a, 80, 24);
    assert!(
        form.lines().any(|l| l.starts_with("+-")),
        "ASCII borders: {form}"
    );
    assert!(!form.contains('┌') && !form.contains('│'), "{form}");
    // On 60x16 the last fields are below the fold until the focus reaches them.
    assert!(!screen(&a, 60, 16).contains("退職日"));
    press(&w, &mut a, "<S-Tab>");
    let text = screen(&a, 60, 16);
    assert!(text.contains("退職日"), "{text}");
}
