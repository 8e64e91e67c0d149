//! The world of the dashboard tests: a new database with the sample organisation, a
//! constructed staff (leaders, an architect, and leavers on both sides of the age and
//! fiscal-year boundaries), KPI figures entered for R7, a session of a mandatory course
//! that two have completed, and two years of engagement results; and the screens
//! driven through the real keymap.

// Each test crate that includes this uses a part of it.
#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::common::screens::keys;
use kizuna::domain::{Date, EnrollStatus, FiscalYear, FixedClock, Session, SessionStatus};
use kizuna::i18n::Lang;
use kizuna::io::csv::{Encoding, Gaiji};
use kizuna::service::{self, EmployeeImport, Principal, SurveyImport};
use kizuna::tui::action::Action;
use kizuna::tui::app::{App, Look};
use kizuna::tui::{runtime, update};
use ratatui::crossterm::event::Event;

pub struct World {
    pub dir: tempfile::TempDir,
    pub service: kizuna::remote::Api,
    pub hr: Principal,
}

pub fn clock() -> Arc<FixedClock> {
    Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()))
}

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("fixtures/csv")
        .join(name)
}

/// Staff: five in post, and leavers whose age on their last day is 39, 40 or 41, on
/// 31 March and 1 April. Counted (regular, 40 or under): 200001 and 200005 in R7,
/// 200003 and 200004 in R8, 200009 in R6.
pub const STAFF: &str = "\
職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,雇用区分,状態,発令日,退職日,退職理由,デジタル人材
100001,青木　一,アオキ　ハジメ,010201,係長,1980-05-01,2003-04-01,正規,在職,2024-04-01,,,リーダー
100002,井上　二葉,イノウエ　フタバ,010201,主事,1995-06-01,2018-04-01,正規,在職,2018-04-01,,,リーダー
100003,上田　三郎,ウエダ　サブロウ,0104,主任,1990-07-01,2013-04-01,正規,在職,2026-04-01,,,アーキテクト
100004,江口　四季,エグチ　シキ,020101,主事,1998-08-01,2021-04-01,正規,在職,2021-04-01,,,
100005,大野　五月,オオノ　サツキ,0301,主事,1999-09-01,2022-04-01,正規,在職,2022-04-01,,,
200001,加藤　六郎,カトウ　ロクロウ,020101,主事,1985-04-01,2008-04-01,正規,退職,2008-04-01,2026-03-31,自己都合,
200002,木村　七海,キムラ　ナナミ,020101,主事,1985-04-01,2008-04-01,正規,退職,2008-04-01,2026-04-01,自己都合,
200003,工藤　八雲,クドウ　ヤクモ,020101,主事,1986-04-01,2009-04-01,正規,退職,2009-04-01,2026-04-01,自己都合,
200004,小池　九,コイケ　キュウ,020101,主事,1985-04-02,2008-04-01,正規,退職,2008-04-01,2026-04-01,自己都合,
200005,斎藤　十和,サイトウ　トワ,020101,主事,1986-04-01,2009-04-01,正規,退職,2009-04-01,2026-03-31,自己都合,
200006,佐野　百合,サノ　ユリ,020101,主事,1985-03-31,2008-04-01,正規,退職,2008-04-01,2026-03-31,自己都合,
200007,柴田　千里,シバタ　チサト,020101,主事,1995-01-01,2024-04-01,会計年度任用,退職,2024-04-01,2026-03-31,任期満了,
200008,杉山　万作,スギヤマ　マンサク,020101,主事,1960-01-01,1983-04-01,正規,退職,1983-04-01,2025-09-30,定年,
200009,関　京子,セキ　キョウコ,020101,主事,1994-05-05,2017-04-01,正規,退職,2017-04-01,2025-03-31,自己都合,
";

/// Group results of R8: 010202 (6) and 020101 (9) are under the floor of 10.
pub const SURVEY_R8: &str = "\
所属コード,回答者数,ワーク・エンゲイジメント,活力,熱意,没頭,上司の支援,同僚の支援,仕事のコントロール,仕事の意義
0101,25,3.40,3.50,3.60,3.10,2.90,3.00,2.70,3.20
010201,12,3.10,3.20,3.30,2.80,2.60,2.90,2.50,3.00
010202,6,2.50,2.40,2.60,2.50,2.20,2.40,2.10,2.60
0102,15,3.00,3.10,3.20,2.70,2.80,2.70,2.60,2.90
0201,30,3.70,3.80,3.90,3.40,3.10,3.30,2.90,3.50
020101,9,2.20,2.30,2.40,2.00,2.00,2.10,1.90,2.40
0301,14,3.30,3.30,3.50,3.10,3.00,3.10,2.80,3.30
";

/// Group results of R7, the year before.
pub const SURVEY_R7: &str = "\
所属コード,回答者数,ワーク・エンゲイジメント,活力,熱意,没頭,上司の支援,同僚の支援,仕事のコントロール,仕事の意義
0101,24,3.20,3.30,3.40,3.00,2.90,3.00,2.60,3.10
010201,11,3.30,3.30,3.40,3.00,2.70,2.90,2.60,3.10
0102,14,3.00,3.00,3.10,2.80,2.70,2.70,2.50,2.90
0201,28,3.60,3.70,3.80,3.30,3.10,3.20,2.90,3.40
0301,13,3.30,3.30,3.40,3.10,3.00,3.00,2.80,3.20
";

/// The database: made by `init` (the account is admin and hr), the sample units and
/// titles, [`STAFF`], KPI figures for R7, and the survey of R7 and R8 unless
/// `survey` is false.
pub fn world_with(survey: bool) -> World {
    let dir = tempfile::tempdir().unwrap();
    let hr = Principal::named("hr.test", 5000);
    let service = service::init(&dir.path().join("db.redb"), &hr, clock()).unwrap();
    let read = |p: PathBuf| std::fs::read(p).unwrap();
    service
        .import_orgs(&hr, &read(fixture("orgs.csv")), Encoding::Auto, false)
        .unwrap();
    service
        .import_titles(&hr, &read(fixture("titles.csv")), Encoding::Auto, false)
        .unwrap();
    let gaiji = Gaiji::empty();
    let opts = EmployeeImport {
        encoding: Encoding::Auto,
        effective: None,
        dry_run: false,
        gaiji: &gaiji,
    };
    service
        .import_employees(&hr, STAFF.as_bytes(), &opts, &mut |_, _, _| {})
        .unwrap();
    service
        .set_kpi(&hr, "young-resignations", FiscalYear(2025), 9)
        .unwrap();
    service
        .set_kpi(&hr, "overtime-hours", FiscalYear(2025), 88_001)
        .unwrap();
    // DXベーシック研修 (mandatory for all) held in June: two of three completed.
    let session = Session {
        id: "R8-001".into(),
        course: "dx-basic".into(),
        year: FiscalYear(2026),
        days: vec![Date::new(2026, 6, 10).unwrap()],
        place: "本庁舎".into(),
        instructor: String::new(),
        capacity: 10,
        status: SessionStatus::Open,
        waiting: Vec::new(),
    };
    service.save_session(&hr, &session).unwrap();
    for no in ["100001", "100002", "100003"] {
        service.enroll(&hr, "R8-001", no, None).unwrap();
    }
    for no in ["100001", "100002"] {
        service
            .set_attendance(&hr, "R8-001", no, EnrollStatus::Completed, None)
            .unwrap();
    }
    if survey {
        for (fy, text) in [(2025, SURVEY_R7), (2026, SURVEY_R8)] {
            let opts = SurveyImport {
                fy: FiscalYear(fy),
                encoding: Encoding::Auto,
                dry_run: false,
            };
            service.import_survey(&hr, text.as_bytes(), &opts).unwrap();
        }
    }
    World {
        dir,
        service: kizuna::remote::Api::local(service),
        hr,
    }
}

pub fn world() -> World {
    world_with(true)
}

pub fn app(w: &World, lang: Lang, ascii: bool) -> App {
    let look = Look {
        lang,
        ascii,
        plain: true,
    };
    let mut app = runtime::load(&w.service, &w.hr, look).unwrap();
    // The temporary path would change every snapshot.
    app.status.database = "/srv/kizuna/kizuna.redb".into();
    app
}

pub fn press(w: &World, app: &mut App, text: &str) {
    for ev in keys(text) {
        if let Some(action) = runtime::action_of(app, &Event::Key(ev)) {
            for effect in update::update(app, action) {
                runtime::perform(&w.service, &w.hr, app, effect);
            }
        }
    }
}

pub fn resize(app: &mut App, width: u16, height: u16) {
    update::update(app, Action::Resize(width, height));
}
