//! A world for the sealed-case tests: a new database with ten staff on 2026-11-25, helpers
//! to make key holders and cases, and readers of the raw file that go around the service
//! (redb opened directly), for checking what is really on disk.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use kizuna::domain::cases::{
    CaseDomain, CaseItem, Channel, Complainant, HarassmentCase, HarassmentKind, HealthCase,
    HealthKind, Respondent,
};
use kizuna::domain::{Date, FixedClock};
use kizuna::io::csv::{Encoding, Gaiji};
use kizuna::service::cases::{CaseFault, Keyring};
use kizuna::service::{self, AuditEntry, EmployeeImport, Principal, Service, ServiceError};
use kizuna::store::Record;
use kizuna::store::keys::{CaseWrap, DomainWrap, HolderKey, RECOVERY, SealedItem};
use kizuna::store::seal::{self, KeyPair, SecretKey};
use redb::{ReadableDatabase, ReadableTable, TableDefinition};

/// Every holder's passphrase in these tests.
pub const PASS: &[u8] = b"correct horse battery";

/// The tables of the sealed side, by the names src/store/keys.rs gives them.
pub const KEY_TABLES: [&str; 6] = [
    "sealed_cases",
    "case_wraps",
    "domain_wraps",
    "holder_keys",
    "case_domains",
    "unlock_failures",
];

pub fn day(y: i32, m: u32, d: u32) -> Date {
    Date::new(y, m, d).unwrap()
}

pub struct World {
    pub dir: tempfile::TempDir,
    pub path: PathBuf,
    pub clock: Arc<FixedClock>,
    service: Option<Service>,
    /// The account that ran `init`: admin and hr.
    pub root: Principal,
    /// The staff numbers of the ten people.
    pub staff: Vec<String>,
}

/// The staff of the world: staff number, name, reading, unit, title.
const STAFF: [(&str, &str, &str, &str, &str); 10] = [
    ("731001", "髙橋　誠", "ﾀｶﾊｼ ﾏｺﾄ", "010201", "係長"),
    ("731002", "山﨑　花子", "ﾔﾏｻﾞｷ ﾊﾅｺ", "010202", "主任"),
    ("731003", "鈴木　一郎", "ｽｽﾞｷ ｲﾁﾛｳ", "020101", "主事"),
    ("731004", "日野　和人", "ﾋﾉ ｶｽﾞﾄ", "010101", "主事"),
    ("731005", "佐藤　美咲", "ｻﾄｳ ﾐｻｷ", "010202", "主任"),
    ("731006", "田中　健", "ﾀﾅｶ ｹﾝ", "0201", "主事"),
    ("731007", "伊藤　陽子", "ｲﾄｳ ﾖｳｺ", "010201", "主事"),
    ("731008", "渡辺　翔", "ﾜﾀﾅﾍﾞ ｼｮｳ", "0301", "係長"),
    ("731009", "小林　舞", "ｺﾊﾞﾔｼ ﾏｲ", "020101", "主任"),
    ("731010", "加藤　大輔", "ｶﾄｳ ﾀﾞｲｽｹ", "0102", "主事"),
];

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("fixtures/csv")
            .join(name),
    )
    .unwrap()
}

impl World {
    /// A database made as `kizuna init` makes it, on 2026-11-25, with the sample
    /// organisation and ten staff. No case domain is set up yet; `root` is admin and hr.
    pub fn new() -> World {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("kizuna.redb");
        let clock = Arc::new(FixedClock::at_noon(day(2026, 11, 25)));
        let root = Principal::named("root", 0);
        let service = service::init(&path, &root, clock.clone()).unwrap();
        service
            .import_orgs(&root, &fixture("orgs.csv"), Encoding::Auto, false)
            .unwrap();
        let mut csv =
            String::from("職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,発令日\n");
        for (no, name, reading, unit, title) in STAFF {
            csv.push_str(&format!(
                "{no},{name},{reading},{unit},{title},1985-05-05,2010-04-01,2024-04-01\n"
            ));
        }
        let gaiji = Gaiji::empty();
        let opts = EmployeeImport {
            encoding: Encoding::Auto,
            effective: None,
            dry_run: false,
            gaiji: &gaiji,
        };
        let summary = service
            .import_employees(&root, csv.as_bytes(), &opts, &mut |_, _, _| {})
            .unwrap();
        assert_eq!(summary.added, STAFF.len());
        let staff = STAFF.iter().map(|s| s.0.to_string()).collect();
        World {
            dir,
            path,
            clock,
            service: Some(service),
            root,
            staff,
        }
    }

    pub fn s(&self) -> &Service {
        self.service.as_ref().expect("the service is closed")
    }

    /// Closes the database, so that redb can open the file directly.
    pub fn close(&mut self) {
        self.service = None;
    }

    pub fn reopen(&mut self) {
        assert!(self.service.is_none());
        self.service = Some(Service::open(&self.path, self.clock.clone()).unwrap());
    }

    /// An account known to the database, linked to a staff record if given, with the
    /// given non-case roles and (if `keys`) a key pair under [`PASS`].
    pub fn account(
        &self,
        name: &str,
        employee: Option<&str>,
        roles: &[kizuna::domain::Role],
        keys: bool,
    ) -> Principal {
        self.s().add_account(&self.root, name, employee).unwrap();
        for role in roles {
            self.s().grant(&self.root, name, *role).unwrap();
        }
        let p = Principal::named(name, 1000);
        if keys {
            self.s().keys_init(&p, PASS).unwrap();
        }
        p
    }

    /// The root account's key pair, and both domains set up by it; returns the
    /// recovery keys (health, harassment).
    pub fn init_both(&self) -> (String, String) {
        self.s().keys_init(&self.root, PASS).unwrap();
        let h = self.s().cases_init(&self.root, CaseDomain::Health).unwrap();
        let x = self
            .s()
            .cases_init(&self.root, CaseDomain::Harassment)
            .unwrap();
        (h.to_string(), x.to_string())
    }

    pub fn unlock(&self, p: &Principal) -> Keyring {
        self.s().unlock(p, PASS).unwrap()
    }

    /// A consultation about `subject`, opened on 2026-10-01 by `p`, with an entry.
    pub fn health_case(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        subject: &str,
        entry: &str,
    ) -> String {
        let by = p.account.clone();
        self.s()
            .create_case(p, ring, CaseDomain::Health, |id| {
                let mut c = HealthCase::new(
                    id,
                    subject,
                    HealthKind::Consultation,
                    day(2026, 10, 1),
                    vec![by.clone()],
                )?;
                c.add_entry(day(2026, 10, 1), &by, entry)?;
                Ok(CaseItem::Health(c))
            })
            .unwrap()
            .item
            .id()
            .to_string()
    }

    /// A power-harassment report by `complainant` against `respondent`, received on
    /// 2026-11-02, with an entry.
    pub fn harassment_case(
        &self,
        p: &Principal,
        ring: &mut Keyring,
        complainant: &str,
        respondent: &str,
        entry: &str,
    ) -> String {
        let by = p.account.clone();
        self.s()
            .create_case(p, ring, CaseDomain::Harassment, |id| {
                let mut c = HarassmentCase::new(
                    id,
                    day(2026, 11, 2),
                    Channel::Interview,
                    HarassmentKind::Power,
                    Complainant::Employee(complainant.to_string()),
                    vec![Respondent::Employee(respondent.to_string())],
                    vec![by.clone()],
                    &by,
                )?;
                c.add_entry(day(2026, 11, 2), &by, entry)?;
                Ok(CaseItem::Harassment(c))
            })
            .unwrap()
            .item
            .id()
            .to_string()
    }

    /// The ids of the cases `p` lists in a domain, sorted.
    pub fn listed(&self, p: &Principal, ring: &mut Keyring, domain: CaseDomain) -> Vec<String> {
        let mut ids: Vec<String> = self
            .s()
            .cases(p, ring, domain)
            .unwrap()
            .into_iter()
            .map(|v| v.item.id().to_string())
            .collect();
        ids.sort();
        ids
    }

    /// The whole audit log, read by an auditor account made for it on first use.
    pub fn audit(&self) -> Vec<AuditEntry> {
        let auditor = Principal::named("audit.reader", 1001);
        if self
            .s()
            .session(&auditor)
            .unwrap()
            .roles
            .contains(&kizuna::domain::Role::Auditor)
        {
            return self.s().audit_list(&auditor, None).unwrap();
        }
        self.s()
            .add_account(&self.root, "audit.reader", None)
            .unwrap();
        self.s()
            .grant(&self.root, "audit.reader", kizuna::domain::Role::Auditor)
            .unwrap();
        self.s().audit_list(&auditor, None).unwrap()
    }
}

/// Adds an entry to any case or incident.
pub fn add_entry(
    item: &mut CaseItem,
    by: &str,
    on: Date,
    text: &str,
) -> Result<(), kizuna::domain::cases::CaseError> {
    match item {
        CaseItem::Health(c) => c.add_entry(on, by, text),
        CaseItem::Harassment(c) => c.add_entry(on, by, text),
        CaseItem::Incident(_) => Ok(()),
    }
}

/// Puts an account on a case's deny list.
pub fn deny(item: &mut CaseItem, account: &str) {
    match item {
        CaseItem::Health(c) => c.deny.push(account.to_string()),
        CaseItem::Harassment(c) => c.deny.push(account.to_string()),
        CaseItem::Incident(_) => {}
    }
}

/// Whether a service error is a refusal: no role, a keyring that is not the caller's
/// or not unlocked for the domain, or no case the caller may open.
pub fn refused(e: &ServiceError) -> bool {
    matches!(
        e,
        ServiceError::Denied { .. }
            | ServiceError::Case(CaseFault::Locked(_))
            | ServiceError::Case(CaseFault::NoCase(_))
    )
}

/// Every `(key, value)` of a text-keyed table, read with redb directly.
pub fn raw_rows(path: &Path, table: &str) -> Vec<(String, Vec<u8>)> {
    let db = redb::ReadOnlyDatabase::open(path).unwrap();
    let r = db.begin_read().unwrap();
    let t = r
        .open_table(TableDefinition::<&str, &[u8]>::new(table))
        .unwrap();
    t.iter()
        .unwrap()
        .map(|row| {
            let (k, v) = row.unwrap();
            (k.value().to_string(), v.value().to_vec())
        })
        .collect()
}

/// Every raw audit entry, by sequence number.
pub fn raw_audit(path: &Path) -> Vec<(u64, Vec<u8>)> {
    let db = redb::ReadOnlyDatabase::open(path).unwrap();
    let r = db.begin_read().unwrap();
    let t = r
        .open_table(TableDefinition::<u64, &[u8]>::new("audit"))
        .unwrap();
    t.iter()
        .unwrap()
        .map(|row| {
            let (k, v) = row.unwrap();
            (k.value(), v.value().to_vec())
        })
        .collect()
}

/// Every record of a sealed-side table, decoded.
pub fn records<T: Record>(path: &Path) -> Vec<T> {
    raw_rows(path, T::TABLE)
        .into_iter()
        .map(|(_, v)| T::from_bytes(&v).unwrap())
        .collect()
}

/// An account's key pair, opened from its stored record with its passphrase.
pub fn key_pair(path: &Path, account: &str) -> KeyPair {
    let record = records::<HolderKey>(path)
        .into_iter()
        .find(|h| h.account == account)
        .unwrap_or_else(|| panic!("{account} has no key pair"));
    seal::unprotect(&record.protected, account, PASS).unwrap()
}

/// The case keys a key pair unwraps from the file, by case (`domain/id`).
pub fn case_keys_of(path: &Path, pair: &KeyPair) -> Vec<(String, SecretKey)> {
    let mut out = Vec::new();
    for wrap in records::<CaseWrap>(path) {
        if let Some(key) = pair.unwrap_key(&wrap.wrapped).unwrap() {
            out.push((SealedItem::key_of(&wrap.domain, &wrap.id), key));
        }
    }
    out
}

/// The cases (`domain/id`) whose key a key pair unwraps from the file, sorted.
pub fn cases_opened_by(path: &Path, pair: &KeyPair) -> Vec<String> {
    let mut ids: Vec<String> = case_keys_of(path, pair)
        .into_iter()
        .map(|(k, _)| k)
        .collect();
    ids.sort();
    ids.dedup();
    ids
}

/// The domain wraps a key pair unwraps, by `domain/holder`.
pub fn domain_wraps_opened_by(path: &Path, pair: &KeyPair) -> Vec<String> {
    records::<DomainWrap>(path)
        .into_iter()
        .filter(|w| pair.unwrap_key(&w.wrapped).unwrap().is_some())
        .map(|w| DomainWrap::key_of(&w.domain, &w.holder))
        .collect()
}

/// Opens a sealed case from the file with a case key.
pub fn open_sealed(path: &Path, domain: &str, id: &str, key: &SecretKey) -> Option<CaseItem> {
    let sealed = records::<SealedItem>(path)
        .into_iter()
        .find(|s| s.domain == domain && s.id == id)?;
    let aad = SealedItem::aad(&sealed.domain, &sealed.id, sealed.version);
    let plain = seal::open(key, &aad, &sealed.sealed).ok()?;
    Some(kizuna::store::records::cases::item_from_bytes(&plain).unwrap())
}

/// Every case the recovery key opens from the file, by `domain/id`, sorted.
pub fn cases_opened_by_recovery(path: &Path, recovery: &str) -> Vec<String> {
    let pair = KeyPair::from_secret_text(recovery).unwrap();
    let mut out = Vec::new();
    for wrap in records::<CaseWrap>(path) {
        if wrap.tag != RECOVERY {
            continue;
        }
        let key = pair
            .unwrap_key(&wrap.wrapped)
            .unwrap()
            .expect("a recovery slot opens");
        if open_sealed(path, &wrap.domain, &wrap.id, &key).is_some() {
            out.push(SealedItem::key_of(&wrap.domain, &wrap.id));
        }
    }
    out.sort();
    out
}

/// Whether `needle` occurs in `hay`.
pub fn contains(hay: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && hay.windows(needle.len()).any(|w| w == needle)
}
