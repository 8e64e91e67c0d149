//! Keys to actions, layer by layer. The active layer is derived from the state in one
//! fixed order (confirm > help > text field > grid > list > global); text fields get
//! printable keys first. The help overlay and the hint bar are generated from these
//! tables, so what help says is what the keys do.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use super::action::Action;
use super::app::Pane;
use super::panes::skills::View;

mod admin;
mod cases;
mod conflict;
mod dashboard;
mod roadmap;
mod training;

use admin::{AUDIT_LOG, admin};
use cases::{CASE_DETAIL, CASE_LIST, cases, locked};
use conflict::{change_conflict, conflict};
use dashboard::dashboard;
use roadmap::{DETAIL as ROADMAP_DETAIL, TIMELINE, roadmap, roadmap_text};
use training::{BULK, BULK_FORM, COURSES, OWED, ROSTER, SESSIONS, SUBSIDY, training};

/// Where keys go, from the most to the least specific.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Layer {
    /// A yes/no question.
    Confirm,
    /// The help overlay.
    Help,
    /// A save refused because someone else saved the record first: reload, re-apply
    /// or back to the form. A question like `Confirm`, with its own help.
    Conflict,
    /// A change a pane made from what it showed (a session, a skill of the map, an
    /// initiative) refused because someone else saved the record first: reload,
    /// re-apply or back without saving.
    ChangeConflict,
    /// A form's text field.
    Form,
    /// The staff search field.
    Search,
    /// A one-line question in the skills pane (a unit, a skill's name).
    Prompt,
    /// The skill matrix: it owns the digit keys, which record levels there.
    Grid,
    /// The search results list.
    List,
    /// The interview card, its whole history and its whole list of gaps.
    Card,
    /// The skill map.
    Map,
    /// The worst-first gap report.
    Gaps,
    /// The digital tier report.
    Tiers,
    /// Level proposals of completed courses, decided with y and n.
    Proposals,
    /// The bulk enrollment's form: text fields.
    BulkForm,
    /// A session's roster: it owns the letters that mark attendance.
    Roster,
    /// The course catalogue.
    Courses,
    /// The sessions of a fiscal year.
    Sessions,
    /// The preview of a bulk enrollment, confirmed once.
    Bulk,
    /// The mandatory courses still owed.
    Owed,
    /// The subsidy applications.
    Subsidy,
    /// The accounts and their roles (administration pane).
    Accounts,
    /// The audit log, newest first, and its verification (administration pane).
    AuditLog,
    /// The case pane while locked: Enter asks for the passphrase.
    CaseLocked,
    /// The list of cases of a domain.
    CaseList,
    /// One case, whole.
    CaseDetail,
    /// A text question of the case pane (the passphrase, an entry, a field).
    CaseText,
    /// The dashboard pane: its views, the year, scrolling.
    Dashboard,
    /// The roadmap's timeline.
    RoadmapTimeline,
    /// One initiative of the roadmap, whole.
    RoadmapDetail,
    /// A text question of the roadmap pane (a note, a plan).
    RoadmapText,
    /// Nothing focused: a pane that has nothing for the caller's roles.
    Global,
}

impl Layer {
    /// Every layer, for tests and for checking the tables.
    pub const ALL: [Layer; 32] = [
        Layer::Confirm,
        Layer::Help,
        Layer::Conflict,
        Layer::ChangeConflict,
        Layer::Form,
        Layer::Search,
        Layer::Prompt,
        Layer::Grid,
        Layer::List,
        Layer::Card,
        Layer::Map,
        Layer::Gaps,
        Layer::Tiers,
        Layer::Proposals,
        Layer::BulkForm,
        Layer::Roster,
        Layer::Courses,
        Layer::Sessions,
        Layer::Bulk,
        Layer::Owed,
        Layer::Subsidy,
        Layer::Accounts,
        Layer::AuditLog,
        Layer::CaseLocked,
        Layer::CaseList,
        Layer::CaseDetail,
        Layer::CaseText,
        Layer::Dashboard,
        Layer::RoadmapTimeline,
        Layer::RoadmapDetail,
        Layer::RoadmapText,
        Layer::Global,
    ];

    /// A text field has the focus: printable keys type themselves.
    pub fn is_text(self) -> bool {
        matches!(
            self,
            Layer::Form
                | Layer::Search
                | Layer::Prompt
                | Layer::BulkForm
                | Layer::CaseText
                | Layer::RoadmapText
        )
    }
}

/// A key with its modifiers.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Key {
    pub code: KeyCode,
    pub mods: KeyModifiers,
}

const fn key(code: KeyCode) -> Key {
    Key {
        code,
        mods: KeyModifiers::NONE,
    }
}

const fn ctrl(c: char) -> Key {
    Key {
        code: KeyCode::Char(c),
        mods: KeyModifiers::CONTROL,
    }
}

const fn ch(c: char) -> Key {
    key(KeyCode::Char(c))
}

/// One binding: the keys, the action, the message-catalogue key of its description,
/// and whether the hint bar shows it.
pub struct Binding {
    pub keys: &'static [Key],
    pub action: Action,
    pub help: &'static str,
    pub hint: bool,
}

const fn bind(keys: &'static [Key], action: Action, help: &'static str, hint: bool) -> Binding {
    Binding {
        keys,
        action,
        help,
        hint,
    }
}

use Action as A;
use KeyCode as K;

const UP: &[Key] = &[key(K::Up), ch('k')];
const DOWN: &[Key] = &[key(K::Down), ch('j')];
const LEFT: &[Key] = &[key(K::Left), ch('h')];
const RIGHT: &[Key] = &[key(K::Right), ch('l')];

/// Everywhere but in a question.
const ALWAYS: &[Binding] = &[
    bind(&[key(K::F(1))], A::Pane(Pane::Staff), "key.pane1", false),
    bind(&[key(K::F(2))], A::Pane(Pane::Skills), "key.pane2", false),
    bind(&[key(K::F(3))], A::Pane(Pane::Training), "key.pane3", false),
    bind(&[key(K::F(4))], A::Pane(Pane::Cases), "key.pane4", false),
    bind(&[key(K::F(5))], A::Pane(Pane::Roadmap), "key.pane5", false),
    bind(
        &[key(K::F(6))],
        A::Pane(Pane::Dashboard),
        "key.pane6",
        false,
    ),
    bind(&[key(K::F(7))], A::Pane(Pane::Admin), "key.pane7", false),
    bind(&[ctrl('c')], A::Quit, "key.quit", false),
];

/// Where the focused layer does not use digits.
const DIGIT_PANES: &[Binding] = &[
    bind(&[ch('1')], A::Pane(Pane::Staff), "key.pane1", false),
    bind(&[ch('2')], A::Pane(Pane::Skills), "key.pane2", false),
    bind(&[ch('3')], A::Pane(Pane::Training), "key.pane3", false),
    bind(&[ch('4')], A::Pane(Pane::Cases), "key.pane4", false),
    bind(&[ch('5')], A::Pane(Pane::Roadmap), "key.pane5", false),
    bind(&[ch('6')], A::Pane(Pane::Dashboard), "key.pane6", false),
    bind(&[ch('7')], A::Pane(Pane::Admin), "key.pane7", false),
];

/// Outside text fields: Tab, q and ?.
const OUTSIDE_TEXT: &[Binding] = &[
    bind(&[key(K::Tab)], A::NextPane, "key.next_pane", false),
    bind(&[key(K::BackTab)], A::PrevPane, "key.prev_pane", false),
    bind(&[ch('?')], A::Help, "key.help", true),
    bind(&[ch('q')], A::Quit, "key.quit", true),
];

const CONFIRM: &[Binding] = &[
    bind(&[ch('y'), ch('Y'), key(K::Enter)], A::Yes, "key.yes", true),
    bind(&[ch('n'), ch('N'), key(K::Esc)], A::No, "key.no", true),
    bind(&[ctrl('c')], A::Quit, "key.quit_now", false),
];

const HELP: &[Binding] = &[
    bind(&[key(K::Esc), ch('?'), ch('q')], A::Back, "key.close", true),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
];

const EDITING: &[Binding] = &[
    bind(&[key(K::Backspace)], A::Backspace, "key.backspace", false),
    bind(&[key(K::Delete)], A::Delete, "key.delete", false),
    bind(&[key(K::Left)], A::Left, "key.left", false),
    bind(&[key(K::Right)], A::Right, "key.right", false),
    bind(&[key(K::Home), ctrl('a')], A::Home, "key.home", false),
    bind(&[key(K::End), ctrl('e')], A::End, "key.end", false),
    bind(&[ctrl('u')], A::ClearField, "key.clear", false),
];

const SEARCH: &[Binding] = &[
    bind(&[key(K::Up)], A::Up, "key.up", false),
    bind(&[key(K::Down)], A::Down, "key.down", true),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[key(K::Enter)], A::Open, "key.open_card", true),
    bind(&[key(K::Esc)], A::Back, "key.search_back", true),
    bind(&[key(K::Tab)], A::NextPane, "key.next_pane", false),
    bind(&[key(K::BackTab)], A::PrevPane, "key.prev_pane", false),
    bind(&[ctrl('l')], A::ToggleLeavers, "key.leavers", true),
    bind(&[ctrl('n')], A::NewEmployee, "key.new", true),
    bind(&[ctrl('f')], A::Filter, "key.filter", true),
];

const FORM: &[Binding] = &[
    bind(
        &[key(K::Tab), key(K::Down)],
        A::NextField,
        "key.next_field",
        true,
    ),
    bind(
        &[key(K::BackTab), key(K::Up)],
        A::PrevField,
        "key.prev_field",
        false,
    ),
    bind(&[key(K::Enter)], A::Submit, "key.enter_field", false),
    bind(&[ctrl('s')], A::Save, "key.save", true),
    bind(&[ctrl('r')], A::ToggleContinuous, "key.continuous", true),
    bind(&[key(K::Esc)], A::Back, "key.form_back", true),
];

const LIST: &[Binding] = &[
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[key(K::Enter)], A::Open, "key.open_card", true),
    bind(&[ch('/')], A::FocusSearch, "key.search", true),
    bind(&[key(K::Esc)], A::Back, "key.back", true),
    bind(&[ch('n')], A::NewEmployee, "key.new", false),
    bind(&[ch('e')], A::EditEmployee, "key.edit", true),
    bind(&[ch('l')], A::ToggleLeavers, "key.leavers", false),
    bind(&[ch('f')], A::Filter, "key.filter", false),
];

const CARD: &[Binding] = &[
    bind(UP, A::Up, "key.prev_person", false),
    bind(DOWN, A::Down, "key.next_person", false),
    bind(&[ch('e')], A::EditEmployee, "key.edit", true),
    bind(&[ch('h')], A::ShowHistory, "key.history", true),
    bind(&[ch('g')], A::ShowGaps, "key.card_gaps", true),
    bind(&[ch('t')], A::ShowTrainings, "key.trainings", false),
    bind(&[ch('a')], A::Enroll, "key.enroll_in_session", false),
    bind(&[ch('/')], A::FocusSearch, "key.search", true),
    bind(&[key(K::Esc)], A::Back, "key.back", true),
    bind(&[ch('n')], A::NewEmployee, "key.new", false),
];

/// The views of the skills pane; their keys show on the pane's own tab line.
const SKILL_VIEWS: &[Binding] = &[
    bind(&[ch('m')], A::SkillView(View::Map), "key.view_map", false),
    bind(
        &[ch('x')],
        A::SkillView(View::Matrix),
        "key.view_matrix",
        false,
    ),
    bind(&[ch('g')], A::SkillView(View::Gaps), "key.view_gaps", false),
    bind(
        &[ch('t')],
        A::SkillView(View::Tiers),
        "key.view_tiers",
        false,
    ),
    bind(
        &[ch('p')],
        A::SkillView(View::Proposals),
        "key.view_proposals",
        false,
    ),
];

const PROMPT: &[Binding] = &[
    bind(&[key(K::Enter)], A::Submit, "key.prompt_ok", true),
    bind(&[key(K::Esc)], A::Back, "key.prompt_cancel", true),
];

/// The matrix. Digits record levels here, so panes are reached with F1-F7.
const GRID: &[Binding] = &[
    bind(&[ch('0')], A::Level(0), "key.level", true),
    bind(&[ch('1')], A::Level(1), "key.level", true),
    bind(&[ch('2')], A::Level(2), "key.level", true),
    bind(&[ch('3')], A::Level(3), "key.level", true),
    bind(&[ch('4')], A::Level(4), "key.level", true),
    bind(&[ch('5')], A::Level(5), "key.level_out", false),
    bind(&[ch('6')], A::Level(6), "key.level_out", false),
    bind(&[ch('7')], A::Level(7), "key.level_out", false),
    bind(&[ch('8')], A::Level(8), "key.level_out", false),
    bind(&[ch('9')], A::Level(9), "key.level_out", false),
    bind(&[ch('u')], A::Undo, "key.undo", true),
    bind(&[ch('s')], A::CycleSource, "key.source", true),
    bind(&[key(K::Enter)], A::Open, "key.open_card", true),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(LEFT, A::Left, "key.cell_left", false),
    bind(RIGHT, A::Right, "key.cell_right", false),
    bind(&[key(K::Home)], A::Home, "key.row_start", false),
    bind(&[key(K::End)], A::End, "key.row_end", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
    bind(&[ch('c')], A::ChooseUnit, "key.choose_unit", false),
    bind(&[ch('d')], A::AsOf, "key.as_of", false),
];

const MAP: &[Binding] = &[
    bind(
        &[ch(' '), key(K::Enter)],
        A::ToggleMark,
        "key.toggle_mark",
        true,
    ),
    bind(&[ch('r')], A::RenameSkill, "key.rename_skill", true),
    bind(&[ch('a')], A::AddSkill, "key.add_skill", true),
    bind(&[ch('D')], A::RetireSkill, "key.retire_skill", true),
    bind(&[ch('[')], A::EarlierYear, "key.earlier_year", false),
    bind(&[ch(']')], A::LaterYear, "key.later_year", false),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(LEFT, A::Left, "key.band_left", false),
    bind(RIGHT, A::Right, "key.band_right", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
];

const GAPS: &[Binding] = &[
    bind(&[key(K::Enter)], A::Open, "key.gap_column", true),
    bind(&[ch('a')], A::WholeCity, "key.whole_city", true),
    bind(&[ch('c')], A::ChooseUnit, "key.choose_unit", true),
    bind(&[ch('d')], A::AsOf, "key.as_of", false),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
];

const TIERS: &[Binding] = &[
    bind(UP, A::Up, "key.scroll_up", true),
    bind(DOWN, A::Down, "key.scroll_down", true),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
];

const PROPOSALS: &[Binding] = &[
    bind(&[ch('y')], A::AcceptProposal, "key.accept_proposal", true),
    bind(&[ch('n')], A::RejectProposal, "key.reject_proposal", true),
    bind(&[key(K::Enter)], A::Open, "key.open_card", false),
    bind(UP, A::Up, "key.up", false),
    bind(DOWN, A::Down, "key.down", false),
    bind(&[key(K::PageUp)], A::PageUp, "key.page_up", false),
    bind(&[key(K::PageDown)], A::PageDown, "key.page_down", false),
];

/// The tables that apply in a layer, most specific first.
pub fn tables(layer: Layer) -> Vec<&'static [Binding]> {
    match layer {
        Layer::Confirm => vec![CONFIRM],
        Layer::Help => vec![HELP, ALWAYS],
        Layer::Conflict => conflict(),
        Layer::ChangeConflict => change_conflict(),
        Layer::Form => vec![FORM, EDITING, ALWAYS],
        Layer::Search => vec![SEARCH, EDITING, ALWAYS],
        Layer::Prompt => vec![PROMPT, EDITING, ALWAYS],
        Layer::Grid => vec![GRID, SKILL_VIEWS, OUTSIDE_TEXT, ALWAYS],
        Layer::List => vec![LIST, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::Card => vec![CARD, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::Map => vec![MAP, SKILL_VIEWS, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::Gaps => vec![GAPS, SKILL_VIEWS, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::Tiers => vec![TIERS, SKILL_VIEWS, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::Proposals => vec![PROPOSALS, SKILL_VIEWS, DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
        Layer::BulkForm => vec![BULK_FORM, EDITING, ALWAYS],
        Layer::Roster => training(ROSTER),
        Layer::Courses => training(COURSES),
        Layer::Sessions => training(SESSIONS),
        Layer::Bulk => training(BULK),
        Layer::Owed => training(OWED),
        Layer::Subsidy => training(SUBSIDY),
        Layer::Accounts => admin(&[]),
        Layer::AuditLog => admin(AUDIT_LOG),
        Layer::CaseLocked => locked(),
        Layer::CaseList => cases(CASE_LIST),
        Layer::CaseDetail => cases(CASE_DETAIL),
        Layer::CaseText => vec![PROMPT, EDITING, ALWAYS],
        Layer::Dashboard => dashboard(),
        Layer::RoadmapTimeline => roadmap(TIMELINE),
        Layer::RoadmapDetail => roadmap(ROADMAP_DETAIL),
        Layer::RoadmapText => roadmap_text(),
        Layer::Global => vec![DIGIT_PANES, OUTSIDE_TEXT, ALWAYS],
    }
}

/// Bindings as help and the hint bar list them: neighbours with the same description
/// (the digits of the levels) become one line.
pub struct Entry {
    pub keys: Vec<Key>,
    pub help: &'static str,
    pub hint: bool,
}

pub fn entries(layer: Layer) -> Vec<Entry> {
    let mut out: Vec<Entry> = Vec::new();
    for b in tables(layer).into_iter().flatten() {
        match out.last_mut() {
            Some(last) if last.help == b.help => {
                last.keys.extend_from_slice(b.keys);
                last.hint |= b.hint;
            }
            _ => out.push(Entry {
                keys: b.keys.to_vec(),
                help: b.help,
                hint: b.hint,
            }),
        }
    }
    out
}

/// A run of three or more digits as `0-4`.
fn digit_run(keys: &[Key]) -> Option<String> {
    let digits: Option<Vec<u32>> = keys
        .iter()
        .map(|k| match k.code {
            K::Char(c) if k.mods.is_empty() => c.to_digit(10),
            _ => None,
        })
        .collect();
    let d = digits?;
    if d.len() > 2
        && d.windows(2).all(|w| w[1] == w[0] + 1)
        && let (Some(first), Some(last)) = (d.first(), d.last())
    {
        return Some(format!("{first}-{last}"));
    }
    None
}

/// The keys of an entry as help shows them: `0-4` for a run of digits, else each key
/// name with `sep` between.
pub fn keys_name(keys: &[Key], ascii: bool, sep: &str) -> String {
    if let Some(run) = digit_run(keys) {
        return run;
    }
    keys.iter()
        .map(|k| key_name(k, ascii))
        .collect::<Vec<_>>()
        .join(sep)
}

/// The keys of an entry as the hint bar shows them: a run of digits, else the first.
pub fn hint_name(keys: &[Key], ascii: bool) -> String {
    digit_run(keys)
        .or_else(|| keys.first().map(|k| key_name(k, ascii)))
        .unwrap_or_default()
}

/// The first key bound to an action in a layer, for a screen that names its keys.
pub fn key_for(layer: Layer, action: &Action) -> Option<Key> {
    tables(layer)
        .into_iter()
        .flatten()
        .find(|b| b.action == *action)
        .and_then(|b| b.keys.first().copied())
}

/// What the resolver needs to know beyond the layer.
#[derive(Clone, Copy, Debug, Default)]
pub struct Context {
    /// The focused text field is empty (then `?` opens help instead of typing).
    pub field_empty: bool,
}

fn matches(k: &Key, ev: &KeyEvent) -> bool {
    if k.code != ev.code {
        return false;
    }
    // Shift comes with capitals and symbols on most layouts; only Ctrl and Alt count.
    let significant = KeyModifiers::CONTROL | KeyModifiers::ALT;
    (ev.modifiers & significant) == (k.mods & significant)
}

/// The action of a key press in a layer, if any. Pure.
pub fn resolve(ev: &KeyEvent, layer: Layer, ctx: Context) -> Option<Action> {
    if layer.is_text()
        && let KeyCode::Char(c) = ev.code
        && !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT)
    {
        if c == '?' && ctx.field_empty {
            return Some(Action::Help);
        }
        return Some(Action::Input(c));
    }
    tables(layer)
        .into_iter()
        .flat_map(|t| t.iter())
        .find(|b| b.keys.iter().any(|k| matches(k, ev)))
        .map(|b| b.action.clone())
}

/// A key as help shows it: `Ctrl-S`, `F1`, `Esc`, `j`.
pub fn key_name(k: &Key, ascii: bool) -> String {
    let base = match k.code {
        K::Up if ascii => "Up".into(),
        K::Down if ascii => "Down".into(),
        K::Left if ascii => "Left".into(),
        K::Right if ascii => "Right".into(),
        K::Char(' ') => "Space".to_string(),
        K::Char(c) => c.to_string(),
        K::F(n) => format!("F{n}"),
        K::Up => "↑".into(),
        K::Down => "↓".into(),
        K::Left => "←".into(),
        K::Right => "→".into(),
        K::Enter => "Enter".into(),
        K::Esc => "Esc".into(),
        K::Tab => "Tab".into(),
        K::BackTab => "Shift-Tab".into(),
        K::Backspace => "BS".into(),
        K::Delete => "Del".into(),
        K::Home => "Home".into(),
        K::End => "End".into(),
        K::PageUp => "PgUp".into(),
        K::PageDown => "PgDn".into(),
        other => format!("{other:?}"),
    };
    if k.mods.contains(KeyModifiers::CONTROL) {
        format!("Ctrl-{}", base.to_uppercase())
    } else {
        base
    }
}

#[cfg(test)]
mod tests {
    use super::training::{TRAINING_MOVES, TRAINING_VIEWS};
    use super::*;
    use crate::domain::EnrollStatus;

    fn press(code: KeyCode) -> KeyEvent {
        KeyEvent::new(code, KeyModifiers::NONE)
    }

    #[test]
    fn text_fields_take_printable_keys_first() {
        let ctx = Context { field_empty: false };
        assert_eq!(
            resolve(&press(K::Char('1')), Layer::Search, ctx),
            Some(A::Input('1'))
        );
        assert_eq!(
            resolve(&press(K::Char('q')), Layer::Search, ctx),
            Some(A::Input('q'))
        );
        assert_eq!(
            resolve(&press(K::Char('1')), Layer::List, ctx),
            Some(A::Pane(Pane::Staff))
        );
        assert_eq!(
            resolve(&press(K::Char('q')), Layer::List, ctx),
            Some(A::Quit)
        );
    }

    #[test]
    fn function_keys_switch_panes_from_anywhere_but_a_question() {
        for layer in Layer::ALL.into_iter().filter(|l| *l != Layer::Confirm) {
            assert_eq!(
                resolve(&press(K::F(5)), layer, Context::default()),
                Some(A::Pane(Pane::Roadmap)),
                "{layer:?}"
            );
        }
        assert_eq!(
            resolve(&press(K::F(5)), Layer::Confirm, Context::default()),
            None
        );
    }

    #[test]
    fn question_mark_helps_only_in_an_empty_field() {
        let q = press(K::Char('?'));
        assert_eq!(
            resolve(&q, Layer::Search, Context { field_empty: true }),
            Some(A::Help)
        );
        assert_eq!(
            resolve(&q, Layer::Search, Context { field_empty: false }),
            Some(A::Input('?'))
        );
    }

    #[test]
    fn ctrl_keys_are_not_typed() {
        let ev = KeyEvent::new(K::Char('s'), KeyModifiers::CONTROL);
        assert_eq!(resolve(&ev, Layer::Form, Context::default()), Some(A::Save));
        let ev = KeyEvent::new(K::Char('c'), KeyModifiers::CONTROL);
        assert_eq!(
            resolve(&ev, Layer::Search, Context::default()),
            Some(A::Quit)
        );
    }

    #[test]
    fn the_grid_owns_the_digits_and_f_keys_still_switch() {
        let ctx = Context::default();
        for (c, n) in [('0', 0), ('2', 2), ('4', 4), ('7', 7)] {
            assert_eq!(
                resolve(&press(K::Char(c)), Layer::Grid, ctx),
                Some(A::Level(n))
            );
        }
        assert_eq!(
            resolve(&press(K::Char('2')), Layer::Map, ctx),
            Some(A::Pane(Pane::Skills))
        );
        assert_eq!(
            resolve(&press(K::F(1)), Layer::Grid, ctx),
            Some(A::Pane(Pane::Staff))
        );
        assert_eq!(
            resolve(&press(K::Char('l')), Layer::Grid, ctx),
            Some(A::Right)
        );
        assert_eq!(
            resolve(&press(K::Char('1')), Layer::Prompt, ctx),
            Some(A::Input('1'))
        );
    }

    #[test]
    fn a_run_of_digits_is_named_as_a_range() {
        let e = entries(Layer::Grid);
        let level = e.iter().find(|e| e.help == "key.level").unwrap();
        assert_eq!(keys_name(&level.keys, false, " / "), "0-4");
        let out = e.iter().find(|e| e.help == "key.level_out").unwrap();
        assert_eq!(keys_name(&out.keys, false, " / "), "5-9");
        assert_eq!(keys_name(&[ch('u')], false, " / "), "u");
    }

    #[test]
    fn no_key_means_two_things_in_one_layer() {
        for layer in Layer::ALL {
            let bound: Vec<&Key> = tables(layer)
                .into_iter()
                .flatten()
                .flat_map(|b| b.keys.iter())
                .collect();
            // A later table may repeat a key an earlier one took (F-keys, Ctrl-C); within
            // the layer's own first table every key is unique.
            let own: Vec<&Key> = tables(layer)[0]
                .iter()
                .flat_map(|b| b.keys.iter())
                .collect();
            for (i, k) in own.iter().enumerate() {
                assert!(!own[..i].contains(k), "{layer:?}: {k:?} twice");
            }
            assert!(!bound.is_empty());
        }
    }

    #[test]
    fn the_roster_takes_single_letters_and_the_views_keep_theirs() {
        let ctx = Context::default();
        for (c, status) in [
            ('a', EnrollStatus::Attended),
            ('x', EnrollStatus::Absent),
            ('c', EnrollStatus::Completed),
        ] {
            assert_eq!(
                resolve(&press(K::Char(c)), Layer::Roster, ctx),
                Some(A::Mark(status))
            );
        }
        assert_eq!(
            resolve(&press(K::Char('d')), Layer::Roster, ctx),
            Some(A::CancelEnrollment)
        );
        // A view's own keys and the keys of the views never meet in one layer.
        for layer in [
            Layer::Roster,
            Layer::Courses,
            Layer::Sessions,
            Layer::Bulk,
            Layer::Owed,
            Layer::Subsidy,
        ] {
            let own: Vec<&Key> = tables(layer)[0]
                .iter()
                .chain(TRAINING_MOVES)
                .flat_map(|b| b.keys.iter())
                .collect();
            for b in TRAINING_VIEWS {
                for k in b.keys {
                    assert!(!own.contains(&k), "{layer:?}: {k:?}");
                }
            }
        }
        // The bulk form is a text field: letters type.
        assert_eq!(
            resolve(&press(K::Char('a')), Layer::BulkForm, ctx),
            Some(A::Input('a'))
        );
    }

    #[test]
    fn every_binding_has_a_description() {
        for layer in Layer::ALL {
            for b in tables(layer).into_iter().flatten() {
                assert!(!b.keys.is_empty());
                assert_ne!(
                    crate::i18n::tui(b.help, crate::i18n::Lang::Ja),
                    b.help,
                    "no Japanese text for {}",
                    b.help
                );
            }
        }
    }
}
