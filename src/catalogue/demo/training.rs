//! A demo training plan for a city hall: the courses of the policy's section 3-2, the
//! sessions of 令和7年度 (held) and 令和8年度 (held up to the autumn, then open or
//! planned), enrollments of people in each course's audience, and a few subsidy
//! applications.

use std::collections::{BTreeMap, HashSet};

use super::{Rng, date};
use crate::domain::training::CourseClass as Class;
use crate::domain::{
    Application, Audience, Band, Course, CourseKind as Kind, Date, DigitalTier, Employee,
    EnrollStatus, Enrollment, FiscalYear, Session, SessionStatus, Status, Step, SubsidyStatus,
    SubsidyStep, TitleMap,
};

/// The demo's plan and its people.
pub struct Training {
    pub courses: Vec<Course>,
    pub sessions: Vec<Session>,
    pub enrollments: Vec<Enrollment>,
    pub applications: Vec<Application>,
}

struct Spec {
    key: &'static str,
    name: &'static str,
    kind: Kind,
    class: Class,
    skills: &'static [&'static str],
    titles: &'static [&'static str],
    bands: &'static [u8],
    tiers: &'static [DigitalTier],
    new_hires: bool,
    senior: bool,
    prerequisite: Option<&'static str>,
    /// Sessions a year, their first month, and the size of each.
    sessions: u32,
    month: u32,
    capacity: u32,
}

const fn spec(key: &'static str, name: &'static str, kind: Kind, class: Class) -> Spec {
    Spec {
        key,
        name,
        kind,
        class,
        skills: &[],
        titles: &[],
        bands: &[],
        tiers: &[],
        new_hires: false,
        senior: false,
        prerequisite: None,
        sessions: 1,
        month: 6,
        capacity: 40,
    }
}

const SPECS: &[Spec] = &[
    Spec {
        skills: &["ethics", "documents-law-finance", "public-mind"],
        new_hires: true,
        month: 4,
        capacity: 80,
        ..spec(
            "new-hire",
            "新規採用職員研修",
            Kind::Tiered,
            Class::Mandatory,
        )
    },
    Spec {
        skills: &["logical-thinking", "negotiation"],
        titles: &["主任", "主任技師", "主任保健師"],
        sessions: 2,
        month: 6,
        ..spec("shunin", "主任研修", Kind::Tiered, Class::Mandatory)
    },
    Spec {
        skills: &["leadership", "coaching"],
        titles: &["係長"],
        month: 5,
        ..spec("kakaricho", "係長研修", Kind::Tiered, Class::Mandatory)
    },
    Spec {
        skills: &["goal-setting", "risk-management"],
        titles: &["課長補佐"],
        month: 7,
        capacity: 30,
        ..spec("hosa", "課長補佐研修", Kind::Tiered, Class::Mandatory)
    },
    Spec {
        skills: &["leadership", "risk-management", "change-leadership"],
        titles: &["課長"],
        month: 4,
        capacity: 20,
        ..spec("new-kacho", "新任課長研修", Kind::Tiered, Class::Mandatory)
    },
    Spec {
        skills: &["goal-setting", "coaching"],
        bands: &[3, 4],
        month: 9,
        capacity: 30,
        ..spec(
            "management",
            "マネジメント研修",
            Kind::Management,
            Class::Recommended,
        )
    },
    Spec {
        skills: &["facilitation", "collaboration-design"],
        bands: &[1, 2],
        month: 10,
        capacity: 30,
        ..spec(
            "facilitation",
            "ファシリテーション研修",
            Kind::Special,
            Class::Recommended,
        )
    },
    Spec {
        skills: &["digital-literacy"],
        sessions: 3,
        month: 5,
        capacity: 60,
        ..spec(
            "dx-basic",
            "DXベーシック研修",
            Kind::Digital,
            Class::Mandatory,
        )
    },
    Spec {
        skills: &["data-analysis", "process-improvement"],
        tiers: &[DigitalTier::Leader],
        prerequisite: Some("dx-basic"),
        month: 8,
        capacity: 30,
        ..spec(
            "dx-leader",
            "DX推進リーダー研修",
            Kind::Digital,
            Class::Recommended,
        )
    },
    Spec {
        skills: &["data-analysis", "problem-setting"],
        tiers: &[DigitalTier::Architect],
        prerequisite: Some("dx-basic"),
        month: 11,
        capacity: 15,
        ..spec(
            "dx-architect",
            "DXアーキテクト研修",
            Kind::Digital,
            Class::Selected,
        )
    },
    Spec {
        bands: &[3, 4],
        month: 7,
        capacity: 50,
        ..spec(
            "mental-health",
            "メンタルヘルス研修 (ラインケア)",
            Kind::MentalHealth,
            Class::Mandatory,
        )
    },
    Spec {
        sessions: 2,
        month: 10,
        capacity: 80,
        ..spec(
            "harassment",
            "ハラスメント防止研修",
            Kind::Harassment,
            Class::Mandatory,
        )
    },
    Spec {
        skills: &["listening"],
        month: 6,
        capacity: 20,
        ..spec("counselor", "相談員研修", Kind::Counselor, Class::Selected)
    },
    Spec {
        senior: true,
        month: 11,
        capacity: 40,
        ..spec(
            "senior-career",
            "高齢期キャリア研修",
            Kind::Senior,
            Class::Recommended,
        )
    },
    Spec {
        skills: &["data-analysis"],
        month: 9,
        capacity: 25,
        ..spec(
            "self-study",
            "自主研修 (オンライン講座)",
            Kind::SelfStudy,
            Class::Recommended,
        )
    },
];

fn course(s: &Spec, order: u32, known: &HashSet<&str>) -> Course {
    Course {
        key: s.key.to_string(),
        name: s.name.to_string(),
        kind: s.kind,
        class: s.class,
        // Only skills of the map; a name the map does not have is left out.
        skills: s
            .skills
            .iter()
            .filter(|k| known.contains(**k))
            .map(|k| k.to_string())
            .collect(),
        audience: Audience {
            bands: s.bands.iter().filter_map(|b| Band::new(*b)).collect(),
            titles: s.titles.iter().map(|t| t.to_string()).collect(),
            tiers: s.tiers.to_vec(),
            new_hires: s.new_hires,
            senior: s.senior,
        },
        prerequisite: s.prerequisite.map(str::to_string),
        order,
    }
}

/// The standard course catalogue of the policy's section 3-2 (tiered, special,
/// self-study, digital, mental-health, harassment-prevention, counsellor, management
/// and senior-career training), with the skills of the map they develop. A new
/// database starts with it; HR plans the sessions.
pub fn courses(skills: &[&str]) -> Vec<Course> {
    let known: HashSet<&str> = skills.iter().copied().collect();
    (0..)
        .zip(SPECS)
        .map(|(n, s)| course(s, n, &known))
        .collect()
}

/// The day the demo's plan stands at: sessions before it have been held.
fn demo_day() -> Date {
    date(2026, 11, 20)
}

/// The demo's training, the same for the same seed.
pub fn plan(staff: &[Employee], skills: &[&str], titles: &TitleMap, seed: u64) -> Training {
    let known: HashSet<&str> = skills.iter().copied().collect();
    let courses = courses(skills);
    let mut rng = Rng(seed ^ 0x7472_6169_6e69);
    let mut sessions = Vec::new();
    for year in [FiscalYear(2025), FiscalYear(2026)] {
        let mut n = 0;
        for (spec, c) in SPECS.iter().zip(&courses) {
            for k in 0..spec.sessions {
                n += 1;
                let month = spec.month + 2 * k;
                let (y, m) = if month > 12 {
                    (year.0 + 1, month - 12)
                } else {
                    (year.0, month)
                };
                let first = date(y, m, 1).add_days(rng.range(5, 20));
                let days = if c.kind == Kind::Tiered {
                    vec![first, first.add_days(1)]
                } else {
                    vec![first]
                };
                let held = days.last().is_some_and(|d| *d < demo_day());
                let status = match (held, first.to_days() - demo_day().to_days()) {
                    (true, _) => SessionStatus::Held,
                    (false, ahead) if ahead < 60 => SessionStatus::Open,
                    _ => SessionStatus::Planned,
                };
                sessions.push(Session {
                    id: Session::id_for(year, n),
                    course: c.key.clone(),
                    year,
                    days,
                    place: ["本庁舎 大会議室", "本庁舎 研修室", "オンライン"]
                        [rng.range(0, 2) as usize]
                        .into(),
                    instructor: ["人事課", "外部講師", "県市町村職員研修所"]
                        [rng.range(0, 2) as usize]
                        .into(),
                    capacity: spec.capacity,
                    status,
                    waiting: Vec::new(),
                });
            }
        }
    }
    let enrollments = enroll(staff, &courses, &sessions, titles, &mut rng);
    let applications = subsidies(staff, &known, &mut rng);
    Training {
        courses,
        sessions,
        enrollments,
        applications,
    }
}

/// Fills the sessions with people of each course's audience, each person in at most
/// one session of a course, none in two sessions of one day.
fn enroll(
    staff: &[Employee],
    courses: &[Course],
    sessions: &[Session],
    titles: &TitleMap,
    rng: &mut Rng,
) -> Vec<Enrollment> {
    let by_key: BTreeMap<&str, &Course> = courses.iter().map(|c| (c.key.as_str(), c)).collect();
    let mut taken: HashSet<(String, String)> = HashSet::new();
    let mut busy: HashSet<(String, Date)> = HashSet::new();
    let mut completed: HashSet<(String, String)> = HashSet::new();
    let mut out = Vec::new();
    for s in sessions {
        let Some(course) = by_key.get(s.course.as_str()) else {
            continue;
        };
        let Some(&day) = s.days.first() else { continue };
        let fill = match s.status {
            SessionStatus::Held => s.capacity as usize * 9 / 10,
            SessionStatus::Open => s.capacity as usize / 2,
            _ => 0,
        };
        // Start from a random person so that the sessions draw on the whole city.
        let start = rng.range(0, staff.len().max(1) as i64 - 1) as usize;
        let mut placed = 0;
        for e in staff.iter().cycle().skip(start).take(staff.len()) {
            if placed >= fill {
                break;
            }
            let post = e.assignment_on(day);
            let c = crate::domain::Candidate {
                band: post.and_then(|a| titles.band_of(&a.title)),
                title: post.map(|a| a.title.as_str()),
                tier: e.digital,
                hired: e.hired,
                birth: e.birth,
            };
            let in_post = e.hired <= day && e.leaving.as_ref().is_none_or(|l| day <= l.date);
            let first_time = !taken.contains(&(e.staff_no.clone(), course.key.clone()));
            let free = s
                .days
                .iter()
                .all(|d| !busy.contains(&(e.staff_no.clone(), *d)));
            let ready = course
                .prerequisite
                .as_ref()
                .is_none_or(|pre| completed.contains(&(e.staff_no.clone(), pre.clone())));
            if !(in_post && first_time && free && ready && course.audience.includes(&c, day)) {
                continue;
            }
            if course.audience.is_everyone() && !rng.chance(300) {
                continue;
            }
            placed += 1;
            taken.insert((e.staff_no.clone(), course.key.clone()));
            for d in &s.days {
                busy.insert((e.staff_no.clone(), *d));
            }
            let booked_on = day.add_days(-rng.range(20, 40));
            let mut steps = vec![Step {
                status: EnrollStatus::Booked,
                on: booked_on,
                by: "hr.sato".into(),
                note: None,
            }];
            if s.status == SessionStatus::Held {
                let last = s.days.last().copied().unwrap_or(day);
                let status = if rng.chance(60) {
                    EnrollStatus::Absent
                } else {
                    EnrollStatus::Completed
                };
                if status == EnrollStatus::Completed {
                    completed.insert((e.staff_no.clone(), course.key.clone()));
                }
                steps.push(Step {
                    status,
                    on: last,
                    by: "hr.sato".into(),
                    note: None,
                });
            }
            out.push(Enrollment {
                session: s.id.clone(),
                staff_no: e.staff_no.clone(),
                steps,
                override_reason: None,
            });
        }
    }
    out
}

/// A few dozen applications of 令和8年度 at every stage.
fn subsidies(staff: &[Employee], skills: &HashSet<&str>, rng: &mut Rng) -> Vec<Application> {
    let year = FiscalYear(2026);
    let titles = [
        ("統計検定2級", 7_000, "data-analysis"),
        ("ITパスポート試験", 7_500, "digital-literacy"),
        ("ファシリテーション講座 (通信)", 33_000, "facilitation"),
        ("行政法講座 (通信)", 28_000, "documents-law-finance"),
        ("簿記2級", 5_500, "documents-law-finance"),
        ("コーチング基礎講座", 45_000, "coaching"),
    ];
    let mut out = Vec::new();
    let in_post: Vec<&Employee> = staff.iter().filter(|e| e.status != Status::Left).collect();
    let count = (in_post.len() / 40).clamp(3, 60);
    for n in 1..=count {
        let Some(e) = in_post.get(rng.range(0, in_post.len() as i64 - 1) as usize) else {
            break;
        };
        let (title, cost, skill) = titles[rng.range(0, titles.len() as i64 - 1) as usize];
        let applied = date(2026, 4, 10).add_days(rng.range(0, 180));
        let stage = rng.range(0, 5);
        let mut steps = vec![SubsidyStep {
            status: SubsidyStatus::Applied,
            on: applied,
            by: "hr.sato".into(),
            note: None,
        }];
        let path: &[SubsidyStatus] = match stage {
            0 => &[],
            1 => &[SubsidyStatus::Rejected],
            2 => &[SubsidyStatus::Approved],
            3 => &[SubsidyStatus::Approved, SubsidyStatus::Reported],
            _ => &[
                SubsidyStatus::Approved,
                SubsidyStatus::Reported,
                SubsidyStatus::Paid,
            ],
        };
        for (k, status) in (1..).zip(path) {
            steps.push(SubsidyStep {
                status: *status,
                on: applied.add_days(14 * k),
                by: "hr.kato".into(),
                note: None,
            });
        }
        let approved = path.first() == Some(&SubsidyStatus::Approved);
        out.push(Application {
            id: Application::id_for(year, n as u32),
            staff_no: e.staff_no.clone(),
            year,
            title: title.into(),
            cost,
            skill: skills.contains(skill).then(|| skill.to_string()),
            override_reason: None,
            rate: if approved { 50 } else { 0 },
            amount: if approved { cost / 2 } else { 0 },
            steps,
        });
    }
    out
}
