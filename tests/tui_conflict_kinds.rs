//! Two HR staff change the same session, skill or initiative from their screens: the
//! second change is refused with a dialog showing both versions, and the keys of the
//! real keymap reload theirs, re-apply mine, or go back without saving. Snapshots at
//! 80x24.

mod common;

use common::demo_world::{World, app, press, snapshot, world};
use common::screens::screen;

use kizuna::domain::{Date, FiscalYear, Progress, SessionStatus};
use kizuna::i18n::Lang;
use kizuna::service::{MapEdit, RoadmapChange};
use kizuna::tui::app::{App, Notice};
use kizuna::tui::keymap::Layer;

fn today() -> Date {
    Date::new(2026, 11, 25).unwrap()
}

type Rows = Vec<(String, String, String, bool)>;

fn rows(v: &kizuna::tui::widgets::conflict::ConflictView) -> Rows {
    v.rows
        .iter()
        .map(|r| {
            (
                r.label.clone(),
                r.theirs.clone(),
                r.yours.clone(),
                r.mine_wins,
            )
        })
        .collect()
}

fn row(label: &str, theirs: &str, yours: &str, mine: bool) -> (String, String, String, bool) {
    (label.into(), theirs.into(), yours.into(), mine)
}

fn info(a: &App) -> String {
    match &a.notice {
        Some(Notice::Info(t)) => t.clone(),
        other => panic!("{other:?}"),
    }
}

// ----- training: a session's status moved on from the sessions view -----

const PLACE: &str = "別館大会議室";

/// The sessions view is open; someone else moves the focused session to another
/// place; then `t` moves its status on from what the list shows. Returns the
/// session's id and the status the list showed.
fn session_while_someone_saves(w: &World, a: &mut App) -> (String, SessionStatus) {
    press(w, a, "<F3>");
    assert_eq!(a.layer(), Layer::Sessions);
    let v = a
        .training
        .sessions
        .ready()
        .unwrap()
        .selected()
        .unwrap()
        .clone();
    let mut theirs = v.session.clone();
    theirs.place = PLACE.into();
    w.api.update_session(&w.p, &theirs, v.revision).unwrap();
    press(w, a, "t");
    (v.session.id, v.session.status)
}

fn stored_session(w: &World, id: &str) -> kizuna::domain::Session {
    w.api.roster(&w.p, id).unwrap().session
}

#[test]
fn a_stale_session_status_opens_the_dialog_and_re_apply_keeps_both_changes() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    let (id, was) = session_while_someone_saves(&w, &mut a);
    assert_eq!(a.layer(), Layer::ChangeConflict);
    let d = a.training.conflict.as_ref().expect("the dialog");
    let before = d.seen.place.clone();
    assert_eq!(d.view.conflict.id, id);
    assert_eq!(
        rows(&d.view),
        [
            row("会場", PLACE, &before, false),
            row("状態", "募集中", "締切", true),
        ]
    );
    assert_eq!(was, SessionStatus::Open);
    assert_eq!(stored_session(&w, &id).status, was, "nothing written");

    press(&w, &mut a, "a");
    assert!(a.training.conflict.is_none());
    assert_eq!(a.layer(), Layer::Sessions);
    let stored = stored_session(&w, &id);
    assert_eq!(
        (stored.place.as_str(), stored.status),
        (PLACE, SessionStatus::Closed)
    );
}

#[test]
fn reload_drops_my_session_change_and_shows_theirs() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    let (id, was) = session_while_someone_saves(&w, &mut a);
    press(&w, &mut a, "r");
    assert!(a.training.conflict.is_none());
    assert!(info(&a).contains("読み込みました"));
    let stored = stored_session(&w, &id);
    assert_eq!((stored.place.as_str(), stored.status), (PLACE, was));
    let shown = a.training.sessions.ready().unwrap();
    let row = shown.rows.iter().find(|r| r.session.id == id).unwrap();
    assert_eq!(row.session, stored, "the list shows theirs");
    // From their revision, the same key now moves it on.
    press(&w, &mut a, "t");
    assert_eq!(a.layer(), Layer::Sessions);
    assert_eq!(stored_session(&w, &id).status, SessionStatus::Closed);
}

// ----- skills: a mark toggled on the map -----

/// The map is open on its first skill; someone else renames that skill; then Space
/// toggles band 1 of it. Returns the skill's key, its old name and the new one.
fn skill_while_someone_renames(w: &World, a: &mut App) -> (String, String) {
    press(w, a, "<F2><Esc>m");
    assert_eq!(a.layer(), Layer::Map);
    let m = a.skills.map.ready().unwrap();
    let skill = m.skill().unwrap().clone();
    let rename = MapEdit::Rename {
        skill: skill.key.clone(),
        name: "政策形成".into(),
    };
    w.api
        .edit_skill(&w.p, &rename, m.map.revisions[&skill.key])
        .unwrap();
    press(w, a, "<Space>");
    (skill.key, skill.name)
}

fn stored_skill(w: &World, key: &str) -> kizuna::domain::gap::MapSkill {
    let map = w.api.skill_map(&w.p, today()).unwrap();
    map.skills.into_iter().find(|s| s.key == key).unwrap()
}

#[test]
fn a_stale_mark_opens_the_dialog_and_re_apply_marks_their_skill() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    let (key, old) = skill_while_someone_renames(&w, &mut a);
    assert_eq!(a.layer(), Layer::ChangeConflict);
    let d = a.skills.conflict.as_ref().expect("the dialog");
    let was = stored_skill(&w, &key).required[0];
    let mark = |b: bool| if b { "○" } else { "－" };
    assert_eq!(
        rows(&d.view),
        [
            row("スキル名", "政策形成", &old, false),
            row("職層1", mark(was), mark(!was), true),
        ]
    );
    assert_eq!(stored_skill(&w, &key).required[0], was, "nothing written");

    press(&w, &mut a, "a");
    assert!(a.skills.conflict.is_none());
    assert_eq!(a.layer(), Layer::Map);
    let stored = stored_skill(&w, &key);
    assert_eq!(
        (stored.name.as_str(), stored.required[0]),
        ("政策形成", !was)
    );
}

#[test]
fn help_then_back_leaves_their_skill_as_it_is() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    let (key, _) = skill_while_someone_renames(&w, &mut a);
    let was = stored_skill(&w, &key);
    press(&w, &mut a, "?");
    assert_eq!(a.help, Some(Layer::ChangeConflict));
    let text = screen(&a, 80, 24);
    for words in ["読み込み直す", "再適用", "戻る (保存しない)"] {
        assert!(text.contains(words), "{text}");
    }
    press(&w, &mut a, "<Esc>");
    assert_eq!(
        a.layer(),
        Layer::ChangeConflict,
        "help closes onto the dialog"
    );
    press(&w, &mut a, "b");
    assert_eq!(a.layer(), Layer::Map);
    assert!(info(&a).contains("保存していません"));
    assert_eq!(stored_skill(&w, &key), was);
    // Reload brings their name onto the map.
    press(&w, &mut a, "<Space>");
    press(&w, &mut a, "r");
    assert_eq!(
        a.skills.map.ready().unwrap().skill().unwrap().name,
        "政策形成"
    );
    assert_eq!(stored_skill(&w, &key), was);
}

// ----- roadmap: a year's status and plan from the timeline -----

/// The timeline is open on its first initiative and this year; someone else marks
/// the year delayed; then `c` marks it done from what the timeline shows.
fn status_while_someone_sets_it(w: &World, a: &mut App) -> (String, FiscalYear) {
    press(w, a, "<F5>");
    assert_eq!(a.layer(), Layer::RoadmapTimeline);
    let (id, fy) = someone_delays_the_focused_year(w, a);
    press(w, a, "c");
    (id, fy)
}

/// Someone else marks the year the timeline focuses delayed, from the revision the
/// timeline shows.
fn someone_delays_the_focused_year(w: &World, a: &App) -> (String, FiscalYear) {
    let id = a.roadmap.focused_id().unwrap();
    let fy = a.roadmap.focused_year().unwrap();
    let opened = a
        .roadmap
        .timeline
        .ready()
        .unwrap()
        .row(&id)
        .unwrap()
        .revision;
    let theirs = RoadmapChange::Status {
        fy,
        status: Progress::Delayed,
    };
    w.api.change_initiative(&w.p, &id, theirs, opened).unwrap();
    (id, fy)
}

fn stored_status(w: &World, id: &str, fy: FiscalYear) -> Progress {
    w.api.roadmap_detail(&w.p, id).unwrap().status(fy)
}

#[test]
fn a_stale_status_opens_the_dialog_and_re_apply_sets_mine() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    let (id, fy) = status_while_someone_sets_it(&w, &mut a);
    assert_eq!(a.layer(), Layer::ChangeConflict);
    let d = a.roadmap.conflict.as_ref().expect("the dialog");
    let mine = d.view.rows.iter().find(|r| r.mine_wins).expect("my row");
    assert_eq!(mine.label, format!("状態 {}", fy.short()));
    assert_eq!(mine.theirs, "遅延");
    assert_eq!(mine.yours, "完了");
    assert_eq!(
        stored_status(&w, &id, fy),
        Progress::Delayed,
        "theirs stays"
    );

    press(&w, &mut a, "a");
    assert!(a.roadmap.conflict.is_none());
    assert_eq!(a.layer(), Layer::RoadmapTimeline);
    assert_eq!(stored_status(&w, &id, fy), Progress::Done);
}

#[test]
fn a_stale_plan_goes_back_to_its_question_with_my_text() {
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    press(&w, &mut a, "<F5>e<C-u>試行の拡大");
    assert_eq!(a.layer(), Layer::RoadmapText);
    let (id, fy) = someone_delays_the_focused_year(&w, &a);
    press(&w, &mut a, "<Enter>");
    assert_eq!(a.layer(), Layer::ChangeConflict);
    let before = w.api.roadmap_detail(&w.p, &id).unwrap();
    press(&w, &mut a, "<Esc>");
    assert_eq!(a.layer(), Layer::RoadmapText);
    let prompt = a.roadmap.prompt.as_ref().unwrap();
    assert_eq!(prompt.input.text(), "試行の拡大");
    assert_eq!(
        w.api.roadmap_detail(&w.p, &id).unwrap(),
        before,
        "nothing saved"
    );
    // Leaving the question, reloading and writing it again saves it.
    press(&w, &mut a, "<Enter>r");
    press(&w, &mut a, "e<C-u>試行の拡大<Enter>");
    let after = w.api.roadmap_detail(&w.p, &id).unwrap();
    assert_eq!(
        after.cell(fy),
        kizuna::domain::progress::PlanCell::Plan("試行の拡大".into())
    );
    assert_eq!(after.status(fy), Progress::Delayed, "their status stays");
}

#[test]
fn snapshots_of_the_dialogs() {
    for (lang, tag) in [(Lang::Ja, "ja"), (Lang::En, "en")] {
        let w = world(today());
        let mut a = app(&w, lang);
        session_while_someone_saves(&w, &mut a);
        snapshot(&format!("session_conflict_{tag}_80x24"), screen(&a, 80, 24));
    }
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    skill_while_someone_renames(&w, &mut a);
    snapshot("skill_conflict_ja_80x24", screen(&a, 80, 24));
    let w = world(today());
    let mut a = app(&w, Lang::Ja);
    status_while_someone_sets_it(&w, &mut a);
    snapshot("roadmap_conflict_ja_80x24", screen(&a, 80, 24));
}
