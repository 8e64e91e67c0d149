//! Accounts and roles: `kizuna user …`.

use std::collections::BTreeSet;

use super::{Permission, Principal, Service, ServiceError};
use crate::domain::account::valid_account_name;
use crate::domain::{Account, Employee, Role};

impl Service {
    pub fn accounts(&self, p: &Principal) -> Result<Vec<Account>, ServiceError> {
        Ok(self
            .read_as(p, Permission::AccountsManage)?
            .all::<Account>()?)
    }

    /// Adds an account with no roles, optionally linked to the holder's staff record.
    pub fn add_account(
        &self,
        p: &Principal,
        name: &str,
        employee: Option<&str>,
    ) -> Result<Account, ServiceError> {
        if !valid_account_name(name) {
            return Err(ServiceError::AccountName(name.to_string()));
        }
        let now = self.clock.now();
        self.write_as(p, Permission::AccountsManage, "account.add", |w| {
            if w.get::<Account>(name)?.is_some() {
                return Err(ServiceError::AccountExists(name.to_string()));
            }
            if let Some(no) = employee
                && w.get::<Employee>(no)?.is_none()
            {
                return Err(ServiceError::NotFound {
                    kind: "employee",
                    id: no.to_string(),
                });
            }
            let account = Account {
                name: name.to_string(),
                roles: BTreeSet::new(),
                employee: employee.map(str::to_string),
                created: now,
            };
            w.put(&account)?;
            Ok((account, vec![name.to_string()]))
        })
    }

    /// Grants a role. Case roles are refused here: granting one means giving keys.
    pub fn grant(&self, p: &Principal, name: &str, role: Role) -> Result<Account, ServiceError> {
        if role.is_case_role() {
            return Err(ServiceError::CaseRole(role));
        }
        self.change_roles(p, name, "account.grant", role, |roles| {
            roles.insert(role);
        })
    }

    /// Revokes a role; the last admin keeps theirs, so the database stays manageable.
    pub fn revoke(&self, p: &Principal, name: &str, role: Role) -> Result<Account, ServiceError> {
        if role.is_case_role() {
            return Err(ServiceError::CaseRole(role));
        }
        self.change_roles(p, name, "account.revoke", role, |roles| {
            roles.remove(&role);
        })
    }

    fn change_roles(
        &self,
        p: &Principal,
        name: &str,
        action: &str,
        role: Role,
        change: impl FnOnce(&mut BTreeSet<Role>),
    ) -> Result<Account, ServiceError> {
        self.write_as(p, Permission::AccountsManage, action, |w| {
            let mut account = w
                .get::<Account>(name)?
                .ok_or_else(|| ServiceError::NotFound {
                    kind: "account",
                    id: name.to_string(),
                })?;
            let was_admin = account.roles.contains(&Role::Admin);
            change(&mut account.roles);
            if was_admin && !account.roles.contains(&Role::Admin) {
                let admins = w
                    .all::<Account>()?
                    .into_iter()
                    .filter(|a| a.name != name && a.roles.contains(&Role::Admin))
                    .count();
                if admins == 0 {
                    return Err(ServiceError::LastAdmin);
                }
            }
            w.put(&account)?;
            Ok((account, vec![name.to_string(), role.code().to_string()]))
        })
    }
}
