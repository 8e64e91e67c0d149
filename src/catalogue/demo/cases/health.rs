//! The demo's mental-health cases: two consultations (one ended), two leaves (one
//! extended) and two return-to-work plans (one under way, one about to begin).

use super::{DemoCase, People, placeholder};
use crate::domain::Date;
use crate::domain::cases::{CaseError, CaseItem, HealthCase, HealthKind, StepStatus};

pub(super) fn cases(
    people: &mut People<'_>,
    t: Date,
    by: &str,
    out: &mut Vec<DemoCase>,
) -> Result<(), CaseError> {
    let d = |n: i64| t.add_days(n);
    let mut open = |kind: HealthKind, opened: i64| -> Result<Option<HealthCase>, CaseError> {
        let Some(subject) = people.anyone() else {
            return Ok(None);
        };
        HealthCase::new(placeholder(), subject, kind, d(opened), vec![by.to_owned()]).map(Some)
    };
    let mut cases = Vec::new();

    // A consultation under way.
    if let Some(mut c) = open(HealthKind::Consultation, -20)? {
        c.add_entry(
            d(-20),
            by,
            "本人から来談。4月の異動後、窓口業務と制度改正の対応が重なり、\
            寝つきが悪く朝のだるさが続いているとのこと。上司と業務量について話すことに同意。",
        )?;
        c.add_entry(
            d(-6),
            by,
            "2回目の面談。上司と話し、担当業務の一部を係内で分担することになった。睡眠はやや改善。\
            産業医面談を案内した。",
        )?;
        c.add_follow_up(d(8))?;
        cases.push(c);
    }
    // A consultation that ended.
    if let Some(mut c) = open(HealthKind::Consultation, -75)? {
        c.add_entry(
            d(-75),
            by,
            "家族の介護と仕事の両立について相談。介護休暇、短時間勤務、時差出勤の制度を説明した。",
        )?;
        c.add_entry(
            d(-48),
            by,
            "介護サービスの利用が始まり負担が軽くなった。時差出勤を利用中。",
        )?;
        c.add_entry(
            d(-34),
            by,
            "本人の希望で相談を終了。必要なときはいつでも来談するよう伝えた。",
        )?;
        c.close(d(-34))?;
        cases.push(c);
    }
    // On leave, the planned end in the coming weeks.
    if let Some(mut c) = open(HealthKind::Leave, -70)? {
        c.add_entry(
            d(-70),
            by,
            "所属長からの連絡を受けて面談。不眠と食欲の低下が1か月以上続いており、受診を勧めた。",
        )?;
        c.add_entry(
            d(-58),
            by,
            "主治医の診断書（適応障害、2か月の療養を要する）が提出された。\
            病気休暇から休職の手続きへ。",
        )?;
        c.add_leave(d(-56), d(18))?;
        c.add_entry(
            d(-27),
            by,
            "電話で近況を確認。生活リズムは整いつつある。復職の時期は主治医と相談中。",
        )?;
        c.add_follow_up(d(5))?;
        c.add_follow_up(d(15))?;
        cases.push(c);
    }
    // On leave, extended once.
    if let Some(mut c) = open(HealthKind::Leave, -140)? {
        c.add_entry(
            d(-140),
            by,
            "長時間勤務が続き、気分の落ち込みを訴えて来談。産業医面談を設定した。",
        )?;
        c.add_entry(
            d(-126),
            by,
            "診断書（うつ状態、3か月の療養を要する）が提出され、休職となった。",
        )?;
        let leave = c.add_leave(d(-125), d(-35))?;
        c.add_entry(
            d(-40),
            by,
            "主治医から療養の継続が必要との意見書。休職期間を延長した。",
        )?;
        c.extend_leave(leave, d(33))?;
        c.add_entry(
            d(-8),
            by,
            "月例の状況確認（電話）。通院を続け、散歩を日課にしている。",
        )?;
        c.add_follow_up(d(12))?;
        cases.push(c);
    }
    // Back at work under a return-to-work plan, half way through.
    if let Some(mut c) = open(HealthKind::ReturnSupport, -170)? {
        c.add_entry(
            d(-170),
            by,
            "上司の勧めで来談。頭痛と不眠が続き、業務に集中できないとのこと。受診を勧めた。",
        )?;
        let leave = c.add_leave(d(-160), d(-30))?;
        c.add_entry(
            d(-36),
            by,
            "主治医の復職可の診断書を受領。職場復帰判定会議（産業医、所属長、人事課）\
            で段階的な復帰を決めた。",
        )?;
        c.end_leave(leave, d(-29))?;
        let trial = c.add_step("試し出勤", d(-28), Some(d(-15)))?;
        let short = c.add_step("短時間勤務", d(-14), Some(d(13)))?;
        c.add_step("通常勤務", d(14), None)?;
        c.set_step_status(trial, StepStatus::Underway, d(-28), by)?;
        c.set_step_status(trial, StepStatus::Done, d(-15), by)?;
        c.set_step_status(short, StepStatus::Underway, d(-14), by)?;
        c.add_entry(
            d(-15),
            by,
            "試し出勤を終えた。通勤、作業とも問題なし。所属長も同席して振り返り。",
        )?;
        c.add_entry(
            d(-4),
            by,
            "短時間勤務3週目。夕方に疲れが出るが睡眠は安定している。",
        )?;
        c.add_follow_up(d(6))?;
        c.add_follow_up(d(13))?;
        cases.push(c);
    }
    // The leave about to end, the plan ahead.
    if let Some(mut c) = open(HealthKind::ReturnSupport, -110)? {
        c.add_entry(
            d(-110),
            by,
            "同僚に付き添われて来談。職場の人間関係の悩みから体調を崩している。",
        )?;
        c.add_leave(d(-98), d(3))?;
        c.add_entry(
            d(-7),
            by,
            "本人から復職の意向。主治医の復職可の診断書を受領し、\
            産業医面談で試し出勤からの段階的な復帰を確認した。",
        )?;
        c.add_step("試し出勤", d(4), Some(d(17)))?;
        c.add_step("短時間勤務", d(18), Some(d(45)))?;
        c.add_step("通常勤務", d(46), None)?;
        c.add_follow_up(d(2))?;
        cases.push(c);
    }
    out.extend(cases.into_iter().map(|c| DemoCase {
        item: CaseItem::Health(c),
        link: None,
    }));
    Ok(())
}
