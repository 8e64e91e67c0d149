//! The demo's harassment log: one case at each stage of 相談受付 → 事実確認 → 対応検討 →
//! 措置 → 終結 (an anonymous report, a customer-harassment case with an outside
//! respondent among them) and two customer-harassment incidents, one linked to that
//! case and one standing alone.

use super::{DemoCase, LEADERS, People, placeholder, title};
use crate::catalogue::demo::date;
use crate::domain::Date;
use crate::domain::cases::{
    CaseError, CaseItem, Channel, Complainant, HarassmentCase, HarassmentKind, Incident, Respondent,
};

/// The day after employers had to start taking measures against customer harassment
/// (2026-10-01): the customer-harassment dates fall on it or later, whatever the
/// demo's "today".
fn customer_rules() -> Date {
    date(2026, 10, 2)
}

pub(super) fn cases(
    people: &mut People<'_>,
    t: Date,
    by: &str,
    out: &mut Vec<DemoCase>,
) -> Result<(), CaseError> {
    let d = |n: i64| t.add_days(n);
    let new = |on: Date, channel, kind, complainant, respondents| {
        HarassmentCase::new(
            placeholder(),
            on,
            channel,
            kind,
            complainant,
            respondents,
            vec![by.to_owned()],
            by,
        )
    };
    let push = |c: HarassmentCase, out: &mut Vec<DemoCase>| {
        out.push(DemoCase {
            item: CaseItem::Harassment(c),
            link: None,
        });
        out.len() - 1
    };

    // 相談受付: an anonymous email about a leader.
    let leader = people.pick(|e| LEADERS.contains(&title(e)), &[]);
    let respondents = leader
        .map(|e| vec![Respondent::Employee(e.staff_no.clone())])
        .unwrap_or_default();
    let mut c = new(
        d(-2),
        Channel::Email,
        HarassmentKind::Power,
        Complainant::Anonymous,
        respondents,
    )?;
    c.add_entry(
        d(-2),
        by,
        "匿名のメールで相談。係長から大声での叱責が日常的にあり、係の職員が萎縮しているとの内容。\
        返信で、匿名のままでも面談できることと相談の流れを伝えた。",
    )?;
    push(c, out);

    // 事実確認: in person, about a colleague.
    if let Some(complainant) = people.anyone() {
        let respondent = people.pick(|_| true, &[complainant.as_str()]);
        let respondents = respondent
            .map(|e| vec![Respondent::Employee(e.staff_no.clone())])
            .unwrap_or_default();
        let mut c = new(
            d(-16),
            Channel::Interview,
            HarassmentKind::Sexual,
            Complainant::Employee(complainant),
            respondents,
        )?;
        c.add_entry(
            d(-16),
            by,
            "相談者と面談。懇親会の帰りに不快な身体接触と私生活についての発言があったとの申出。\
            相談者は行為者との直接の接触を望んでいない。",
        )?;
        c.advance(d(-14), by)?;
        c.add_entry(
            d(-9),
            by,
            "相談者の同意を得て、同席していた職員2名から聴取した。\
            行為者とされる職員からの聴取を調整中。",
        )?;
        push(c, out);
    }

    // 対応検討: a father's childcare leave and his superior.
    if let Some((leader, report)) = people.leader_and_report() {
        let mut c = new(
            d(-45),
            Channel::Phone,
            HarassmentKind::Maternity,
            Complainant::Employee(report),
            vec![Respondent::Employee(leader)],
        )?;
        c.add_entry(
            d(-45),
            by,
            "電話で相談。育児休業の取得を上司に申し出たところ、\
            「休むなら昇任は諦めてもらう」と言われたとのこと。",
        )?;
        c.advance(d(-42), by)?;
        c.add_entry(
            d(-30),
            by,
            "行為者とされる上司から聴取。発言を認め、冗談のつもりだったと説明した。",
        )?;
        c.set_fact_summary(
            "本人、上司、同席していた職員の聴取により、\
            育児休業の取得を申し出た相談者に対し上司が昇任に不利になる旨を発言したことを確認した。\
            上司は発言を認めている。",
        )?;
        c.advance(d(-20), by)?;
        push(c, out);
    }

    // 措置: customer harassment at the counter, reported in writing.
    let base = d(-26).max(customer_rules());
    let mut counter = None;
    if let Some(complainant) = people.anyone() {
        let mut c = new(
            base,
            Channel::Letter,
            HarassmentKind::Customer,
            Complainant::Employee(complainant),
            vec![Respondent::Outside(
                "窓口来庁者（男性、60代、氏名不詳）".into(),
            )],
        )?;
        c.add_entry(
            base,
            by,
            "所属長を通じて報告書を受理。窓口で来庁者から約1時間にわたり暴言を受け、\
            以後窓口に立つと動悸がするとのこと。",
        )?;
        c.advance(base.add_days(1), by)?;
        c.set_fact_summary(
            "防犯カメラの映像と同席した職員の聴取により、来庁者が大声で担当者を罵倒し、\
            謝罪と担当者の氏名の公表を繰り返し求めたことを確認した。",
        )?;
        c.advance(base.add_days(6), by)?;
        c.set_measures(
            "担当者を当面窓口業務から外し、当該来庁者には係長を含む二名で対応する。\
            所属長名の文書で面会の条件（30分以内、複数の職員で対応）を通知。\
            担当者に産業医面談を案内した。",
        )?;
        c.advance(base.add_days(11), by)?;
        c.add_entry(
            base.add_days(13),
            by,
            "担当者は窓口業務に戻った。来庁者の再来庁はない。",
        )?;
        counter = Some(push(c, out));
    }

    // 終結: a closed power-harassment case.
    if let Some((leader, report)) = people.leader_and_report() {
        let mut c = new(
            d(-160),
            Channel::Interview,
            HarassmentKind::Power,
            Complainant::Employee(report),
            vec![Respondent::Employee(leader)],
        )?;
        c.add_entry(
            d(-160),
            by,
            "相談者と面談。上司から他の職員の前で繰り返し人格を否定する叱責を受けているとの申出。",
        )?;
        c.advance(d(-157), by)?;
        c.set_fact_summary(
            "相談者、上司、係の職員3名の聴取で、\
            業務上必要な範囲を超える叱責が複数回あったことを確認した。",
        )?;
        c.advance(d(-140), by)?;
        c.set_measures(
            "上司に所属長から文書で注意指導。上司は管理職向けハラスメント防止研修を受講。\
            相談者の希望により翌月から別の係へ配置換え。",
        )?;
        c.advance(d(-128), by)?;
        c.add_entry(
            d(-70),
            by,
            "配置換えから3か月。相談者は新しい係で落ち着いて勤務している。再発の報告なし。",
        )?;
        c.set_outcome("3か月の経過観察で再発はなく、相談者は相談の終了に同意した。")?;
        c.advance(d(-60), by)?;
        push(c, out);
    }

    // The counter incident behind the case at 措置, and a telephone call on its own.
    let mut incident = Incident::new(
        placeholder(),
        base,
        Channel::Interview,
        "庁舎防犯カメラの映像（保存期間を延長済み）",
        "係長が同席して二名で対応。30分を過ぎた時点で対応を終える旨を告げて退去を求め、\
        来庁者は退去した。",
        by,
    )?;
    incident.add_entry(
        base.add_days(1),
        by,
        "所属長に報告し、同じ来庁者への対応方針を窓口の職員で共有した。",
    )?;
    out.push(DemoCase {
        item: CaseItem::Incident(incident),
        link: counter,
    });
    let call = d(-9).max(customer_rules());
    let mut incident = Incident::new(
        placeholder(),
        call,
        Channel::Phone,
        format!("通話録音 {call}-1432"),
        "録音していることを告げて対応。同じ要求が繰り返されたため、\
        回答は文書で行うと伝えて通話を終えた。",
        by,
    )?;
    incident.add_entry(
        call.add_days(1),
        by,
        "同じ番号からの着信はない。記録を課内で共有した。",
    )?;
    out.push(DemoCase {
        item: CaseItem::Incident(incident),
        link: None,
    });
    Ok(())
}
