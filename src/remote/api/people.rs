//! Staff look-up, accounts, the catalogue, settings, audit and upkeep.

use std::path::{Path, PathBuf};

use crate::domain::settings::SettingsChange;
use crate::domain::{Account, Assignment, Date, Employee, Initiative, Role, Settings};
use crate::search::{Filter, Match};
use crate::service::{
    AuditEntry, AuditVerdict, BackupReport, Catalogue, Directory, EmployeeView, Hash, ServiceError,
    Session, Stats,
};
use crate::store::check::Report;

use super::super::calls::calls;

calls! {
    People: PeopleRequest => PeopleReply;

    /// The caller's account, roles and whether this is the demo database.
    fn session() -> Session | ServiceError = |s, p, _c| s.session(p);
    /// Counts for the status line and `kizuna stats`.
    fn stats() -> Stats | ServiceError = |s, p, _c| s.stats(p);
    /// Everyone, as the staff pane's search index.
    fn directory() -> Directory | ServiceError = |s, p, _c| s.directory(p);
    /// One query over everyone. A unit in the filter means that unit and all below it.
    fn find(text: &str => String, filter: &Filter => Filter, limit: usize => usize)
        -> Vec<Match> | ServiceError
        = |s, p, _c| s.find(p, &text, |org| filter.resolved(org), limit);
    /// The interview card.
    fn employee(staff_no: &str => String) -> EmployeeView | ServiceError
        = |s, p, _c| s.employee(p, &staff_no);
    /// Adds a person.
    fn add_employee(e: &Employee => Employee) -> () | ServiceError
        = |s, p, _c| s.add_employee(p, &e);
    /// Saves a person's record, refused with a conflict if it changed since the
    /// revision the edit was opened at.
    fn update_employee(e: &Employee => Employee, opened: u64 => u64) -> () | ServiceError
        = |s, p, _c| s.update_employee(p, &e, opened);
    /// A new post for a person.
    fn assign(staff_no: &str => String, assignment: Assignment => Assignment)
        -> Employee | ServiceError
        = |s, p, _c| s.assign(p, &staff_no, assignment);
    /// The accounts and their roles.
    fn accounts() -> Vec<Account> | ServiceError = |s, p, _c| s.accounts(p);
    /// A new account.
    fn add_account(name: &str => String, employee: Option<&str> => Option<String>)
        -> Account | ServiceError
        = |s, p, _c| s.add_account(p, &name, employee.as_deref());
    /// Gives an account a role.
    fn grant(name: &str => String, role: Role => Role) -> Account | ServiceError
        = |s, p, _c| s.grant(p, &name, role);
    /// Takes a role from an account.
    fn revoke(name: &str => String, role: Role => Role) -> Account | ServiceError
        = |s, p, _c| s.revoke(p, &name, role);
    /// The policy catalogue.
    fn catalogue() -> Catalogue | ServiceError = |s, p, _c| s.catalogue(p);
    /// One initiative of the roadmap.
    fn initiative(id: &str => String) -> Initiative | ServiceError
        = |s, p, _c| s.initiative(p, &id);
    /// The organisation's settings.
    fn settings() -> Settings | ServiceError = |s, p, _c| s.settings(p);
    /// Changes one setting.
    fn change_settings(change: &SettingsChange => SettingsChange) -> Settings | ServiceError
        = |s, p, _c| s.change_settings(p, |set| change.apply(set));
    /// Checks every record.
    fn check() -> Report | ServiceError = |s, p, _c| s.check(p);
    /// A consistent copy, written where the service runs.
    fn backup(dest: &Path => PathBuf) -> BackupReport | ServiceError
        = |s, p, _c| s.backup(p, &dest);
    /// The audit log.
    fn audit_list(since: Option<Date> => Option<Date>) -> Vec<AuditEntry> | ServiceError
        = |s, p, _c| s.audit_list(p, since);
    /// Checks the audit chain.
    fn audit_verify(expect: Option<Hash> => Option<Hash>) -> AuditVerdict | ServiceError
        = |s, p, _c| s.audit_verify(p, expect);
}
