//! Two HR staff edit the same person: the second save is refused with a dialog that
//! shows both versions, and the keys of the real keymap reload theirs, re-apply mine,
//! or go back to the form. Snapshots at 80x24.

mod common;

use common::demo_world::{World, app, press, snapshot, world};
use common::screens::screen;

use kizuna::domain::{Date, Employee};
use kizuna::i18n::Lang;
use kizuna::tui::app::App;
use kizuna::tui::keymap::Layer;
use kizuna::tui::panes::staff::Focus;
use kizuna::tui::panes::staff::form::FieldId;

/// Opens the first person's form and types a former name; meanwhile someone else
/// saves a new name and alias for the same person. Returns their record and revision.
fn edit_while_someone_saves(w: &World, a: &mut App) -> (Employee, u64) {
    press(w, a, "<Enter>e<Tab><Tab><C-u>小林");
    assert_eq!(a.layer(), Layer::Form);
    let no = a.staff.card.as_ref().unwrap().employee.staff_no.clone();
    let opened = w.api.employee(&w.p, &no).unwrap();
    let mut theirs = opened.employee.clone();
    theirs.name = "改姓　花子".into();
    theirs.alias = Some("はなちゃん".into());
    w.api
        .update_employee(&w.p, &theirs, opened.revision)
        .unwrap();
    press(w, a, "<C-s>");
    (theirs, opened.revision + 1)
}

#[test]
fn a_stale_save_opens_the_dialog_with_both_versions() {
    let w = world(Date::new(2026, 11, 25).unwrap());
    let mut a = app(&w, Lang::Ja);
    let (theirs, current) = edit_while_someone_saves(&w, &mut a);
    assert_eq!(a.layer(), Layer::Conflict);
    let d = a.staff.conflict.as_ref().expect("the dialog");
    assert_eq!(
        (d.conflict.opened, d.conflict.current),
        (current - 1, current)
    );
    let rows: Vec<(&str, &str, &str, bool)> = d
        .rows
        .iter()
        .map(|r| (r.label, r.theirs.as_str(), r.yours.as_str(), r.mine_wins))
        .collect();
    let mine_before = &a.staff.card.as_ref().unwrap().employee;
    assert_eq!(
        rows,
        [
            ("field.name", "改姓　花子", mine_before.name.as_str(), false),
            ("field.former_name", "(なし)", "小林", true),
            ("field.alias", "はなちゃん", "(なし)", false),
        ]
    );
    let stored = w.api.employee(&w.p, &theirs.staff_no).unwrap();
    assert_eq!(
        (stored.employee, stored.revision),
        (theirs, current),
        "nothing written"
    );
}

#[test]
fn re_apply_saves_my_change_over_theirs() {
    let w = world(Date::new(2026, 11, 25).unwrap());
    let mut a = app(&w, Lang::Ja);
    let (theirs, current) = edit_while_someone_saves(&w, &mut a);
    press(&w, &mut a, "a");
    assert!(a.staff.conflict.is_none());
    assert_eq!(a.staff.focus, Focus::Card, "{:?}", a.notice);
    let stored = w.api.employee(&w.p, &theirs.staff_no).unwrap();
    assert_eq!(stored.revision, current + 1);
    assert_eq!(stored.employee.former_name.as_deref(), Some("小林"), "mine");
    assert_eq!(
        stored.employee.name, theirs.name,
        "theirs, which I did not touch"
    );
    assert_eq!(stored.employee.alias, theirs.alias);
}

#[test]
fn reload_drops_my_edit_and_shows_theirs() {
    let w = world(Date::new(2026, 11, 25).unwrap());
    let mut a = app(&w, Lang::Ja);
    let (theirs, current) = edit_while_someone_saves(&w, &mut a);
    press(&w, &mut a, "r");
    assert!(a.staff.conflict.is_none());
    assert_eq!(a.layer(), Layer::Form);
    let form = a.staff.form.as_ref().unwrap();
    assert_eq!(form.value(FieldId::Name), theirs.name);
    assert_eq!(form.value(FieldId::Alias), "はなちゃん");
    assert_eq!(form.value(FieldId::FormerName), "", "my edit is gone");
    assert_eq!(form.opened, current);
    assert_eq!(a.staff.card.as_ref().unwrap().employee, theirs);
    let stored = w.api.employee(&w.p, &theirs.staff_no).unwrap();
    assert_eq!(
        (stored.employee, stored.revision),
        (theirs.clone(), current)
    );
    // Editing again from their revision saves.
    press(&w, &mut a, "<Tab><Tab><C-u>小林<C-s>");
    let stored = w.api.employee(&w.p, &theirs.staff_no).unwrap();
    assert_eq!(stored.revision, current + 1);
    assert_eq!(stored.employee.former_name.as_deref(), Some("小林"));
    assert_eq!(stored.employee.name, theirs.name);
}

#[test]
fn help_and_back_to_the_form_keep_my_edit() {
    let w = world(Date::new(2026, 11, 25).unwrap());
    let mut a = app(&w, Lang::Ja);
    let (theirs, current) = edit_while_someone_saves(&w, &mut a);
    press(&w, &mut a, "?");
    assert_eq!(a.layer(), Layer::Help);
    assert_eq!(a.help, Some(Layer::Conflict));
    let text = screen(&a, 80, 24);
    for words in ["読み込み直す", "再適用", "フォームに戻る"] {
        assert!(text.contains(words), "{text}");
    }
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::Conflict, "help closes onto the dialog");
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::Form);
    let form = a.staff.form.as_ref().unwrap();
    assert_eq!(form.value(FieldId::FormerName), "小林");
    // Still stale: saving again asks again.
    press(&w, &mut a, "<C-s>");
    assert_eq!(a.layer(), Layer::Conflict);
    let stored = w.api.employee(&w.p, &theirs.staff_no).unwrap();
    assert_eq!(stored.revision, current);
}

#[test]
fn snapshots_of_the_dialog() {
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let w = world(Date::new(2026, 11, 25).unwrap());
        let mut a = app(&w, lang);
        edit_while_someone_saves(&w, &mut a);
        snapshot(&format!("staff_conflict_{tag}_80x24"), screen(&a, 80, 24));
    }
}
