//! The figures for the managers' meetings: the dashboard of a fiscal year, the KPI
//! series and their figures, and the work-engagement survey (its file's bytes travel in
//! the request, so the file is read where the command runs).

use crate::domain::FiscalYear;
use crate::remote::Fault;
use crate::service::{
    Coverage, Dashboard, KpiError, KpiLine, KpiSet, ServiceError, SurveyImport, SurveyImportError,
    SurveySummary, SurveyView,
};

use super::super::calls::calls;

calls! {
    Dashboard: DashboardRequest => DashboardReply;

    /// The dashboard of a fiscal year (the current one when None).
    /// (Boxed, as the survey: they are the largest replies.)
    fn dashboard(year: Option<FiscalYear> => Option<FiscalYear>) -> Box<Dashboard> | ServiceError
        = |s, p, _c| s.dashboard(p, year).map(Box::new);
    /// Mandatory courses taken in a fiscal year, by 所属.
    fn coverage(year: FiscalYear => FiscalYear) -> Coverage | ServiceError
        = |s, p, _c| s.coverage(p, year);
    /// Every KPI series, year by year up to `until` (the current year when None).
    fn kpis(until: Option<FiscalYear> => Option<FiscalYear>) -> Vec<KpiLine> | ServiceError
        = |s, p, _c| s.kpis(p, until);
    /// Enters (or corrects) a series' figure for a fiscal year.
    fn set_kpi(key: &str => String, year: FiscalYear => FiscalYear, value: i64 => i64)
        -> KpiSet | KpiError
        = |s, p, _c| s.set_kpi(p, &key, year, value);
    /// A fiscal year's survey per workplace, the group-size rule applied.
    fn survey(fy: FiscalYear => FiscalYear) -> Box<SurveyView> | ServiceError
        = |s, p, _c| s.survey(p, fy).map(Box::new);
    /// The fiscal years that have survey results, oldest first.
    fn years_with_survey() -> Vec<FiscalYear> | ServiceError
        = |s, p, _c| s.years_with_survey(p);
    /// Imports a year's survey results, all or nothing; the file's bytes go with it.
    fn import_survey(bytes: &[u8] => Vec<u8>, opts: &SurveyImport => SurveyImport)
        -> SurveySummary | SurveyImportError
        = |s, p, _c| s.import_survey(p, &bytes, &opts);
}

impl Fault for KpiError {
    fn for_wire(self, lang: crate::i18n::Lang) -> KpiError {
        match self {
            KpiError::Service(e) => KpiError::Service(Fault::for_wire(e, lang)),
            fault => fault,
        }
    }
}

impl Fault for SurveyImportError {
    fn for_wire(self, lang: crate::i18n::Lang) -> SurveyImportError {
        match self {
            SurveyImportError::Service(e) => SurveyImportError::Service(Fault::for_wire(e, lang)),
            rejected => rejected,
        }
    }
}

#[cfg(test)]
mod tests {
    use std::sync::Arc;

    use super::DashboardReply as A;
    use super::DashboardRequest as R;
    use crate::domain::{Date, FiscalYear, FixedClock, KpiFault};
    use crate::io::csv::Encoding;
    use crate::remote::api::crossing::through;
    use crate::remote::{Reply, Request};
    use crate::service::{self, KpiError, Principal, Service, SurveyImport, SurveyImportError};

    fn wire(s: &Service, p: &Principal, r: R) -> A {
        match through(s, p, Request::Dashboard(r)) {
            Reply::Dashboard(a) => a,
            other => panic!("{other:?}"),
        }
    }

    fn world() -> (tempfile::TempDir, Service, Principal) {
        let dir = tempfile::tempdir().unwrap();
        let p = Principal::named("root", 0);
        let clock = Arc::new(FixedClock::at_noon(Date::new(2026, 11, 25).unwrap()));
        let s = service::init(&dir.path().join("k.redb"), &p, clock).unwrap();
        let orgs = std::fs::read(concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/fixtures/csv/orgs.csv"
        ));
        s.import_orgs(&p, &orgs.unwrap(), Encoding::Auto, false)
            .unwrap();
        (dir, s, p)
    }

    #[test]
    fn figures_and_their_refusals_cross_the_socket() {
        let (_d, s, p) = world();
        let r7 = FiscalYear::reiwa(7);
        let set = R::set_kpi {
            key: "overtime-hours".into(),
            year: r7,
            value: 90_644,
        };
        let A::set_kpi(Ok(done)) = wire(&s, &p, set) else {
            panic!("figure refused")
        };
        assert_eq!((done.entry.value, done.previous), (90_644, None));
        let future = R::set_kpi {
            key: "overtime-hours".into(),
            year: FiscalYear::reiwa(9),
            value: 1,
        };
        match wire(&s, &p, future) {
            A::set_kpi(Err(KpiError::Fault(KpiFault::FutureYear(y)))) => {
                assert_eq!(y, FiscalYear::reiwa(9))
            }
            other => panic!("{other:?}"),
        }
        let A::kpis(Ok(lines)) = wire(&s, &p, R::kpis { until: None }) else {
            panic!("no series")
        };
        assert_eq!(lines, s.kpis(&p, None).unwrap());
        let A::dashboard(Ok(board)) = wire(&s, &p, R::dashboard { year: Some(r7) }) else {
            panic!("no dashboard")
        };
        assert_eq!(
            *board,
            s.dashboard(&p, Some(r7)).unwrap(),
            "the same either side"
        );
        let A::coverage(Ok(c)) = wire(&s, &p, R::coverage { year: r7 }) else {
            panic!("no coverage")
        };
        assert_eq!(c, board.coverage);
    }

    #[test]
    fn a_survey_file_travels_in_the_request() {
        let (_d, s, p) = world();
        let fy = FiscalYear(2026);
        let opts = SurveyImport {
            fy,
            encoding: Encoding::Auto,
            dry_run: false,
        };
        let head = "組織コード,回答者数,ワーク・エンゲイジメント,上司の支援\n";
        let bad = format!("{head}0101,15,3,2\n9999,12,3,2\n").into_bytes();
        match wire(&s, &p, R::import_survey { bytes: bad, opts }) {
            A::import_survey(Err(SurveyImportError::Rejected(issues))) => {
                assert_eq!(
                    (issues[0].line, issues[0].column.as_deref()),
                    (3, Some("組織コード"))
                )
            }
            other => panic!("{other:?}"),
        }
        let good = format!("{head}0101,15,3.0,2.0\n0201,20,3.0,3.0\n").into_bytes();
        let A::import_survey(Ok(summary)) = wire(&s, &p, R::import_survey { bytes: good, opts })
        else {
            panic!("import refused")
        };
        assert_eq!((summary.groups, summary.respondents), (2, 35));
        let A::years_with_survey(Ok(years)) = wire(&s, &p, R::years_with_survey {}) else {
            panic!("no years")
        };
        assert_eq!(years, [fy]);
        let A::survey(Ok(view)) = wire(&s, &p, R::survey { fy }) else {
            panic!("no survey")
        };
        assert_eq!(*view, s.survey(&p, fy).unwrap());
    }
}
