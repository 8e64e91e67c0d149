//! The loop: terminal events to actions through the keymap, `update`, effects through
//! the service, and a redraw when something changed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use ratatui::crossterm::event::{self, Event, KeyCode, KeyEvent, KeyEventKind};

mod admin;
mod cases;
mod dashboard;
pub mod live;
mod roadmap;
mod training;

use super::action::Action;
use super::app::{App, Look, Notice, Pane, StatusInfo};
use super::effect::Effect;
use super::panes::admin::AdminState;
use super::panes::cases::CasesState;
use super::panes::skills::{self, View};
use super::panes::staff::form::{FieldId, Form};
use super::panes::staff::{Focus, Org, StaffState, close_form};
use super::{keymap, terminal, ui, update};
use crate::domain::{OrgTree, TitleMap};
use crate::i18n::{self, Lang, Msg, tui};
use crate::remote::Api;
use crate::search::{Entry, Index};
use crate::service::{Directory, Principal, ServiceError};

/// How long after a bare Esc the rest of an escape sequence may still arrive over a
/// slow SSH link.
const ESC_GRACE: Duration = Duration::from_millis(8);

/// Builds the app from the database.
pub fn load(service: &Api, p: &Principal, look: Look) -> Result<App, ServiceError> {
    let session = service.session(p)?;
    let lang = look.lang;
    let roles = session
        .roles
        .iter()
        .map(|r| r.code())
        .collect::<Vec<_>>()
        .join(",");
    let status = StatusInfo {
        database: service.path().display().to_string(),
        account: session.account,
        roles,
        fiscal_year: Msg::FiscalYearLong(service.clock().fiscal_year()).text(lang),
        demo: session.demo,
    };
    // Someone without staff look-up (an auditor, an admin alone) still has pane 7,
    // and the screens open there for them.
    let (dir, staff_denied) = match service.directory(p) {
        Ok(dir) => (dir, false),
        Err(ServiceError::Denied { .. }) => (
            Directory {
                entries: Vec::new(),
                org: OrgTree::new(Vec::new())?,
                titles: TitleMap::new(Vec::new()),
            },
            true,
        ),
        Err(e) => return Err(e),
    };
    let org = Org {
        tree: dir.org,
        titles: dir.titles,
        today: service.clock().today(),
    };
    let mut app = App::new(look, status, StaffState::new(Index::new(dir.entries), org));
    app.admin = AdminState::new(&session.roles);
    app.cases = CasesState::new(&session.roles);
    if let Ok(settings) = service.settings(p) {
        app.cases.lock_after = Duration::from_secs(u64::from(settings.lock_minutes) * 60);
    }
    if session.demo {
        app.cases.demo_passphrase = Some(crate::service::DEMO_PASSPHRASE);
    }
    if staff_denied && !app.admin.views.is_empty() {
        for effect in update::update(&mut app, Action::Pane(Pane::Admin)) {
            perform(service, p, &mut app, effect);
        }
    }
    Ok(app)
}

fn error_text(e: &ServiceError, lang: Lang) -> String {
    crate::cli::service_message(e, lang)
}

/// Carries out one effect through the service and puts the answer in the state.
pub fn perform(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    match effect {
        Effect::LoadCard { staff_no, edit } => match service.employee(p, &staff_no) {
            Ok(view) => {
                let s = &mut app.staff;
                if edit {
                    s.form = Some(Form::edit(&view.employee, view.revision, s.org.today, lang));
                    s.focus = Focus::Form;
                } else {
                    s.focus = Focus::Card;
                }
                s.card = Some(view);
                load_gaps(service, p, app, &staff_no);
                load_trainings(service, p, app);
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::Save { employee, new } => {
            let saved = if new {
                service.add_employee(p, &employee)
            } else {
                let opened = app.staff.form.as_ref().map_or(0, |f| f.opened);
                service.update_employee(p, &employee, opened)
            };
            match saved {
                Ok(()) => after_save(service, p, app, &employee.staff_no),
                Err(ServiceError::Conflict(c)) => {
                    super::panes::staff::conflict::open(app, *c, &employee)
                }
                Err(ServiceError::Employee(faults)) => {
                    if let Some(form) = app.staff.form.as_mut() {
                        for fault in &faults {
                            form.set_error(
                                FieldId::from_name(fault.field()),
                                i18n::employee_fault(fault, lang),
                            );
                        }
                    }
                    app.notice = Some(Notice::Error(tui("form.invalid", lang).to_string()));
                }
                Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
            }
        }
        Effect::LoadSkillMap { .. }
        | Effect::LoadMatrix { .. }
        | Effect::LoadGapReport { .. }
        | Effect::LoadTierReport
        | Effect::SetLevel { .. }
        | Effect::RestoreLevels(_)
        | Effect::EditMap(_)
        | Effect::EditSkill { .. }
        | Effect::LoadProposals
        | Effect::DecideProposal { .. } => perform_skills(service, p, app, effect),
        Effect::LoadDashboard { .. } | Effect::LoadSurvey { .. } => {
            dashboard::perform(service, p, app, effect)
        }
        Effect::LoadAccounts | Effect::LoadAuditLog | Effect::VerifyAudit => {
            admin::perform(service, p, app, effect)
        }
        Effect::LoadCaseDomains
        | Effect::UnlockCases(_)
        | Effect::LoadCases { .. }
        | Effect::LoadCase { .. }
        | Effect::NoteCase { .. }
        | Effect::FieldThenAdvance { .. }
        | Effect::AdvanceCase { .. }
        | Effect::LockCases => cases::perform(service, p, app, effect),
        Effect::LoadRoadmap
        | Effect::LoadRoadmapDetail { .. }
        | Effect::ChangeRoadmap { .. }
        | Effect::ChangeInitiative { .. } => roadmap::perform(service, p, app, effect),
        effect => training::perform(service, p, app, effect),
    }
}

/// The card person's trainings. A failure leaves the card saying they could not be
/// read.
fn load_trainings(service: &Api, p: &Principal, app: &mut App) {
    let staff_no = match &app.staff.card {
        Some(c) => c.employee.staff_no.clone(),
        None => return,
    };
    app.staff.trainings = service.trainings_of(p, &staff_no).ok();
}

/// The card person's gaps today. A failure leaves the card saying they could not be
/// read: the card itself is still worth showing.
fn load_gaps(service: &Api, p: &Principal, app: &mut App, staff_no: &str) {
    app.staff.gaps = service.gaps(p, staff_no, service.clock().today()).ok();
}

/// The day a fiscal year's map is read on: its last day, or today if that is still to
/// come.
fn map_day(
    year: Option<crate::domain::FiscalYear>,
    today: crate::domain::Date,
) -> crate::domain::Date {
    year.map_or(today, |y| y.last_day().min(today))
}

/// The effects of the skills pane.
fn perform_skills(service: &Api, p: &Principal, app: &mut App, effect: Effect) {
    let lang = app.look.lang;
    let today = service.clock().today();
    match effect {
        Effect::LoadSkillMap { year } => match service.skill_map(p, map_day(year, today)) {
            Ok(map) => skills::map_loaded(app, map),
            Err(e) => skills::load_failed(app, View::Map, error_text(&e, lang)),
        },
        Effect::LoadMatrix {
            scope,
            on,
            person,
            skill,
        } => match service.matrix(p, &scope, on.unwrap_or(today)) {
            Ok(m) => skills::matrix_loaded(app, m, person.as_deref(), skill.as_deref()),
            Err(e) => skills::load_failed(app, View::Matrix, error_text(&e, lang)),
        },
        Effect::LoadGapReport { scope, on } => {
            match service.gap_report(p, &scope, on.unwrap_or(today)) {
                Ok(r) => skills::gaps_loaded(app, r),
                Err(e) => skills::load_failed(app, View::Gaps, error_text(&e, lang)),
            }
        }
        Effect::LoadTierReport => match service.tier_report(p, today) {
            Ok(r) => skills::tiers_loaded(app, r),
            Err(e) => skills::load_failed(app, View::Tiers, error_text(&e, lang)),
        },
        Effect::SetLevel {
            staff_no,
            skill,
            level,
            source,
            row,
            col,
        } => match service.set_level(p, &staff_no, &skill, level, today, source) {
            Ok(change) => {
                skills::level_stored(app, &staff_no, &skill, level, (row, col), change);
                card_changed(service, p, app, &staff_no);
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::RestoreLevels(step) => match service.undo_level(p, &step.change) {
            Ok(()) => {
                skills::levels_restored(app, &step);
                card_changed(service, p, app, &step.staff_no);
            }
            Err(e) => {
                app.notice = Some(Notice::Error(error_text(&e, lang)));
                skills::restore_failed(app, *step);
            }
        },
        Effect::EditSkill { edit, opened } => match service.edit_skill(p, &edit, opened) {
            Ok(skill) => {
                skills::map_edited(app, &skill);
                perform_skills(service, p, app, Effect::LoadSkillMap { year: None });
            }
            Err(ServiceError::Conflict(c)) => skills::conflict::open(app, *c, edit),
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::EditMap(edit) => match service.edit_map(p, &edit) {
            Ok(skill) => {
                skills::map_edited(app, &skill);
                perform_skills(service, p, app, Effect::LoadSkillMap { year: None });
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        Effect::LoadProposals => match service.proposals(p, None) {
            Ok(all) => {
                // The list names skills: today's map has their names (an earlier
                // year's map being shown is left as it is).
                if app.skills.map.ready().is_none()
                    && app.skills.map_year.is_none()
                    && let Ok(map) = service.skill_map(p, today)
                {
                    skills::map_loaded(app, map);
                }
                skills::proposals_loaded(app, all);
            }
            Err(e) => skills::load_failed(app, View::Proposals, error_text(&e, lang)),
        },
        Effect::DecideProposal {
            key,
            staff_no,
            accept,
        } => match service.decide_proposal(p, &key, accept) {
            Ok(()) => {
                let name = super::panes::training::person_name(app, &staff_no);
                skills::proposal_decided(app, &key, accept, &name);
                if accept {
                    card_changed(service, p, app, &staff_no);
                }
            }
            Err(e) => app.notice = Some(Notice::Error(error_text(&e, lang))),
        },
        // Not this pane's.
        _ => {}
    }
}

/// A level of the person on the staff pane's card changed: their gaps follow.
fn card_changed(service: &Api, p: &Principal, app: &mut App, staff_no: &str) {
    let on_card = app
        .staff
        .card
        .as_ref()
        .is_some_and(|c| c.employee.staff_no == staff_no);
    if on_card {
        load_gaps(service, p, app, staff_no);
    }
}

fn after_save(service: &Api, p: &Principal, app: &mut App, staff_no: &str) {
    let lang = app.look.lang;
    let s = &mut app.staff;
    match service.employee(p, staff_no) {
        Ok(view) => {
            s.index.upsert(Entry::from_employee(
                &view.employee,
                &s.org.tree,
                &s.org.titles,
                s.org.today,
            ));
            s.refresh();
            s.card = Some(view);
        }
        Err(e) => {
            app.notice = Some(Notice::Error(error_text(&e, lang)));
            return;
        }
    }
    // A new title may mean a new band, and other gaps.
    load_gaps(service, p, app, staff_no);
    let s = &mut app.staff;
    let keep_open = s.form.as_ref().is_some_and(|f| f.continuous);
    if keep_open {
        if let Some(form) = s.form.as_mut() {
            form.next_person();
        }
    } else {
        s.form = None;
        close_form(s);
        s.focus = Focus::Card;
    }
    app.notice = Some(Notice::Info(format!(
        "{} ({staff_no})",
        tui("form.saved", lang)
    )));
}

/// Turns a terminal event into an action, if it is one.
pub fn action_of(app: &App, ev: &Event) -> Option<Action> {
    match ev {
        Event::Key(k) if k.kind == KeyEventKind::Press => {
            keymap::resolve(k, app.layer(), app.key_context())
        }
        Event::Paste(text) if app.layer().is_text() => Some(Action::Paste(text.clone())),
        _ => None,
    }
}

fn is_char(ev: &Event, chars: &[char]) -> bool {
    matches!(ev, Event::Key(KeyEvent { code: KeyCode::Char(c), .. }) if chars.contains(c))
}

/// Runs the screens until the user quits or a signal asks to stop.
pub fn run(service: &Api, p: &Principal, look: Look) -> Result<(), RunError> {
    let mut app = load(service, p, look)?;
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop)).map_err(RunError::Terminal)?;
    }
    let mut term = terminal::enter().map_err(RunError::Terminal)?;
    if let Ok(size) = term.size() {
        update::update(&mut app, Action::Resize(size.width, size.height));
    }
    let result = event_loop(service, p, &mut app, &mut term, &stop);
    terminal::restore();
    result
}

/// What the terminal has for us.
enum Input {
    /// Something may be readable (or a timer passed): ask crossterm.
    Ready,
    /// The terminal is gone (the SSH link dropped): stop.
    Gone,
}

/// Waits on the terminal itself rather than in crossterm's poll, which keeps reading a
/// hung-up terminal without end: a dropped link must end kizuna, not spin it.
fn wait_input(timeout: Duration) -> Input {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let millis = i32::try_from(timeout.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, and its count.
    let rc = unsafe { libc::poll(&mut fd, 1, millis) };
    if rc < 0 {
        // Interrupted by a signal: the caller looks at the stop flag.
        return Input::Ready;
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Input::Gone
    } else {
        Input::Ready
    }
}

/// How often the loop looks at signals and resizes when no key comes.
const TICK: Duration = Duration::from_millis(100);

fn event_loop(
    service: &Api,
    p: &Principal,
    app: &mut App,
    term: &mut terminal::Term,
    stop: &AtomicBool,
) -> Result<(), RunError> {
    let mut dirty = true;
    let mut last_key = std::time::Instant::now();
    let mut watch = live::Watch::new(service);
    while !app.quit && !stop.load(Ordering::Relaxed) {
        // Idle too long with the case keys open: lock, and forget them.
        let open = !app.cases.locked() || app.cases.ask.is_some();
        if open && last_key.elapsed() >= app.cases.lock_after {
            app.cases.lock();
            cases::perform(service, p, app, Effect::LockCases);
            app.notice = Some(Notice::Info(
                tui("cases.locked_idle", app.look.lang).to_string(),
            ));
            dirty = true;
        }
        if dirty {
            term.draw(|f| ui::render(app, f))
                .map_err(RunError::Terminal)?;
            dirty = false;
        }
        if let Input::Gone = wait_input(TICK) {
            break;
        }
        dirty |= watch.look(service, p, app);
        // Everything crossterm has now: keys, pastes, resizes.
        while !app.quit && event::poll(Duration::ZERO).map_err(RunError::Terminal)? {
            let ev = event::read().map_err(RunError::Terminal)?;
            if matches!(ev, Event::Key(_) | Event::Paste(_)) {
                last_key = std::time::Instant::now();
            }
            dirty |= dispatch(service, p, app, ev, term)?;
        }
    }
    Ok(())
}

/// Handles one event; true when the screen needs redrawing.
fn dispatch(
    service: &Api,
    p: &Principal,
    app: &mut App,
    ev: Event,
    term: &mut terminal::Term,
) -> Result<bool, RunError> {
    if let Event::Resize(width, height) = ev {
        update::update(app, Action::Resize(width, height));
        return Ok(true);
    }
    // A bare Esc followed at once by `[` or `O` is an escape sequence split by a slow
    // link: drop it with its pieces rather than act on Esc.
    if matches!(
        ev,
        Event::Key(KeyEvent {
            code: KeyCode::Esc,
            ..
        })
    ) && event::poll(ESC_GRACE).map_err(RunError::Terminal)?
    {
        let next = event::read().map_err(RunError::Terminal)?;
        if is_char(&next, &['[', 'O']) {
            // The rest of the sequence runs to its final byte: a letter or `~`
            // (`ESC [ A`, `ESC [ 1 5 ~`, `ESC [ 2 0 0 ~`).
            while event::poll(ESC_GRACE).map_err(RunError::Terminal)? {
                let piece = event::read().map_err(RunError::Terminal)?;
                let last = match piece {
                    Event::Key(KeyEvent {
                        code: KeyCode::Char(c),
                        ..
                    }) => c.is_ascii_alphabetic() || c == '~',
                    _ => true,
                };
                if last {
                    break;
                }
            }
            return Ok(false);
        }
        let first = handle(service, p, app, &ev, term);
        return Ok(first | handle(service, p, app, &next, term));
    }
    Ok(handle(service, p, app, &ev, term))
}

fn handle(
    service: &Api,
    p: &Principal,
    app: &mut App,
    ev: &Event,
    term: &mut terminal::Term,
) -> bool {
    let Some(action) = action_of(app, ev) else {
        return false;
    };
    let effects = update::update(app, action);
    // Unlocking derives a key from the passphrase on purpose slowly (and waits longer
    // after wrong ones): say so on the screen before it starts.
    if effects.iter().any(|e| matches!(e, Effect::UnlockCases(_))) {
        app.notice = Some(Notice::Info(
            tui("cases.unlocking", app.look.lang).to_string(),
        ));
        let _ = term.draw(|f| ui::render(app, f));
        app.notice = None;
    }
    for effect in effects {
        perform(service, p, app, effect);
    }
    true
}

/// Why the screens could not run.
#[derive(Debug, thiserror::Error)]
pub enum RunError {
    #[error(transparent)]
    Service(#[from] ServiceError),
    #[error("terminal: {0}")]
    Terminal(std::io::Error),
}
