//! Demo case logs: six mental-health cases (相談, 休職, 復職支援) and five harassment cases,
//! one at each stage from 相談受付 to 終結, with two customer-harassment incidents. The
//! people are drawn from the demo staff by the seed; the dates are counted from the
//! demo's "today", so follow-ups and plan steps always lie in the coming weeks. Every
//! text is invented.

mod harassment;
mod health;

use super::Rng;
use crate::domain::cases::{CaseError, CaseId, CaseItem};
use crate::domain::{Date, Employee, Status};

/// One record for the service to create, in list order.
pub struct DemoCase {
    /// The record, under a placeholder id: [`DemoCase::placed`] gives it the real one.
    pub item: CaseItem,
    /// For an incident: the index, in the same list, of the case it is linked to.
    pub link: Option<usize>,
}

impl DemoCase {
    /// The record under the id the service drew, linked to `case` if it is an incident.
    pub fn placed(self, id: CaseId, case: Option<CaseId>) -> CaseItem {
        let mut item = self.item;
        match &mut item {
            CaseItem::Health(c) => c.id = id,
            CaseItem::Harassment(c) => c.id = id,
            CaseItem::Incident(i) => {
                i.id = id;
                i.link(case);
            }
        }
        item
    }
}

/// Titles of people who lead others: the respondents of the power-harassment cases.
const LEADERS: &[&str] = &["係長", "主査", "課長補佐", "課長", "次長"];

/// The staff in post, shuffled by the seed, handed out without repeats while they last.
struct People<'a> {
    pool: Vec<&'a Employee>,
    used: Vec<bool>,
}

impl<'a> People<'a> {
    fn new(staff: &'a [Employee], seed: u64) -> People<'a> {
        let mut pool: Vec<&Employee> = staff.iter().filter(|e| e.status != Status::Left).collect();
        let mut rng = Rng(seed ^ 0x6361_7365_735f_6b7a);
        for i in (1..pool.len()).rev() {
            let j = rng.range(0, i as i64) as usize;
            pool.swap(i, j);
        }
        let used = vec![false; pool.len()];
        People { pool, used }
    }

    /// Someone not in `not`: first an unused person `want` accepts, then any unused
    /// person, then anyone (a tiny demo has to repeat people).
    fn pick(&mut self, want: impl Fn(&Employee) -> bool, not: &[&str]) -> Option<&'a Employee> {
        let free = |i: usize| !not.contains(&self.pool[i].staff_no.as_str());
        let n = self.pool.len();
        let i = (0..n)
            .find(|&i| free(i) && !self.used[i] && want(self.pool[i]))
            .or_else(|| (0..n).find(|&i| free(i) && !self.used[i]))
            .or_else(|| (0..n).find(|&i| free(i)))?;
        self.used[i] = true;
        Some(self.pool[i])
    }

    fn anyone(&mut self) -> Option<String> {
        self.pick(|_| true, &[]).map(|e| e.staff_no.clone())
    }

    /// A leader, and someone of their unit who is not one.
    fn leader_and_report(&mut self) -> Option<(String, String)> {
        let leader = self.pick(|e| LEADERS.contains(&title(e)), &[])?;
        let team = unit(leader);
        let no = leader.staff_no.as_str();
        let report = self.pick(|e| unit(e) == team && !LEADERS.contains(&title(e)), &[no])?;
        Some((leader.staff_no.clone(), report.staff_no.clone()))
    }
}

fn title(e: &Employee) -> &str {
    e.history.last().map_or("", |a| a.title.as_str())
}

fn unit(e: &Employee) -> &str {
    e.history.last().map_or("", |a| a.unit.as_str())
}

/// The demo's cases about `staff`, dated around `today`, written by `account`. A demo
/// with nobody in post has none; a very small one repeats people.
pub fn cases(
    staff: &[Employee],
    seed: u64,
    today: Date,
    account: &str,
) -> Result<Vec<DemoCase>, CaseError> {
    let mut people = People::new(staff, seed);
    let mut out = Vec::new();
    health::cases(&mut people, today, account, &mut out)?;
    harassment::cases(&mut people, today, account, &mut out)?;
    Ok(out)
}

/// The id every demo record carries until the service draws its own.
fn placeholder() -> CaseId {
    CaseId::from_bytes([0; 8])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::catalogue::demo::{DEFAULT_SEED, date, generate};
    use crate::domain::cases::{Complainant, HarassmentKind, Respondent, Stage};

    fn plan(staff: usize, today: Date) -> Vec<DemoCase> {
        let data = generate(staff, DEFAULT_SEED).unwrap();
        cases(&data.staff, DEFAULT_SEED, today, "demo").unwrap()
    }

    #[test]
    fn every_stage_and_kind_of_case() {
        let today = date(2026, 11, 25);
        let all = plan(300, today);
        let health = all.iter().filter(|c| matches!(c.item, CaseItem::Health(_)));
        assert_eq!(health.count(), 6);
        let stages: Vec<Stage> = all
            .iter()
            .filter_map(|c| match &c.item {
                CaseItem::Harassment(h) => Some(h.stage),
                _ => None,
            })
            .collect();
        assert_eq!(stages.len(), 5);
        for stage in Stage::ALL {
            assert!(stages.contains(stage), "{stage:?}");
        }
        let incidents: Vec<&DemoCase> = all
            .iter()
            .filter(|c| matches!(c.item, CaseItem::Incident(_)))
            .collect();
        assert_eq!(incidents.len(), 2);
        let linked = incidents.iter().find_map(|i| i.link).unwrap();
        let CaseItem::Harassment(case) = &all[linked].item else {
            panic!("linked to {linked}");
        };
        assert_eq!(case.kind, HarassmentKind::Customer);
        assert!(matches!(case.respondents[..], [Respondent::Outside(_)]));
        assert!(incidents.iter().any(|i| i.link.is_none()));
    }

    #[test]
    fn parties_differ_and_dates_follow_the_rules() {
        for (staff, today) in [
            (2, date(2026, 4, 1)),
            (40, date(2026, 11, 25)),
            (2000, date(2027, 3, 31)),
        ] {
            for c in plan(staff, today) {
                if let CaseItem::Harassment(h) = &c.item
                    && let Complainant::Employee(me) = &h.complainant
                {
                    let accused = Respondent::Employee(me.clone());
                    assert!(!h.respondents.contains(&accused), "{staff}");
                }
                if let CaseItem::Incident(i) = &c.item {
                    assert!(i.on > date(2026, 10, 1), "{staff} {today}");
                }
            }
        }
    }

    #[test]
    fn the_same_seed_picks_the_same_people() {
        let today = date(2026, 11, 25);
        let parties = |all: Vec<DemoCase>| -> Vec<Vec<String>> {
            all.iter()
                .map(|c| {
                    c.item
                        .involved_staff()
                        .iter()
                        .map(|s| s.to_string())
                        .collect()
                })
                .collect()
        };
        assert_eq!(parties(plan(500, today)), parties(plan(500, today)));
        let data = generate(1, DEFAULT_SEED).unwrap();
        let one = cases(&data.staff, DEFAULT_SEED, today, "demo").unwrap();
        assert!(!one.is_empty(), "a demo of one still has cases");
    }
}
