//! Many clients writing at once: commands in parallel threads and two library clients
//! on long-lived connections. Every write lands, each with its own audit entry, and the
//! audit chain verifies.

use std::time::Duration;

use kizuna::service::Principal;

use crate::data::{employee_file, home, person, staff_numbers};
use crate::support::{Server, connect, wait_until};

const THREADS: u32 = 4;
const IMPORTS: u32 = 5;
const CALLS: u32 = 15;

#[test]
fn concurrent_writers_all_land_and_the_audit_log_verifies() {
    let home = home();
    let socket = home.path().join("k.sock");
    let mut server = Server::start(&home, &home.db(), &socket);
    let me = Principal::current();
    let audit_before = server.ok(&home, &["audit", "list"]).lines().count();

    // Two raw clients, each adding people one call at a time on its own connection.
    let a = connect(&socket);
    let b = connect(&socket);
    let template = a.employee(&me, "000456").unwrap().employee;

    std::thread::scope(|s| {
        for t in 0..THREADS {
            let (home, server) = (&home, &server);
            s.spawn(move || {
                for k in 0..IMPORTS {
                    let i = t * 100 + k;
                    let (no, name, reading) = person(i);
                    let file = employee_file(
                        home,
                        &format!("p{i}.csv"),
                        &[crate::data::row(&no, &name, &reading)],
                    );
                    let out = server.ok(home, &["import", "employees", &file]);
                    assert!(out.contains("追加 1 人"), "{out}");
                }
            });
        }
        s.spawn(|| {
            for k in 0..IMPORTS {
                let name = format!("writer{k}");
                server.ok(&home, &["user", "add", &name]);
            }
        });
        for (c, api) in [(0u32, &a), (1, &b)] {
            let (me, template) = (&me, &template);
            s.spawn(move || {
                for k in 0..CALLS {
                    let (no, name, reading) = person(5000 + c * 100 + k);
                    let mut e = template.clone();
                    e.staff_no = no;
                    e.name = name;
                    e.reading = reading;
                    api.add_employee(me, &e).unwrap();
                }
            });
        }
    });

    let people = staff_numbers(&server.ok(&home, &["export", "employees"]));
    let mut expected: Vec<String> = (0..THREADS)
        .flat_map(|t| (0..IMPORTS).map(move |k| person(t * 100 + k).0))
        .chain((0..2).flat_map(|c| (0..CALLS).map(move |k| person(5000 + c * 100 + k).0)))
        .collect();
    expected.extend(["000123", "000456", "000789", "260001"].map(String::from));
    let mut got = people.clone();
    got.sort();
    expected.sort();
    assert_eq!(got, expected);
    let accounts = server.ok(&home, &["user", "list"]);
    for k in 0..IMPORTS {
        assert!(accounts.contains(&format!("writer{k}\t")), "{accounts}");
    }

    // One audit entry per write, in one unbroken chain.
    let writes = (THREADS * IMPORTS + IMPORTS + 2 * CALLS) as usize;
    let audit = server.ok(&home, &["audit", "list"]);
    assert_eq!(audit.lines().count(), audit_before + writes, "{audit}");
    assert_eq!(audit.matches("employee.add").count(), 2 * CALLS as usize);
    let verified = server.ok(&home, &["audit", "verify"]);
    assert!(verified.contains("連鎖は完全です"), "{verified}");

    // Each library client heard of the other's commits.
    wait_until(Duration::from_secs(5), "news of commits", || {
        a.commits() >= (writes - CALLS as usize) as u64 && b.commits() > 0
    });
    drop((a, b));
    assert!(server.stop().success(), "{}", server.log());
    let checked = home.ok(&["check"]);
    assert!(checked.contains("問題はありません"), "{checked}");
}
