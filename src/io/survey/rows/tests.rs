use crate::domain::survey::SurveySource;
use crate::io::csv::{Detected, Encoding, Problem};
use crate::io::survey::{SurveyIssue, SurveyProblem, read_survey};

fn issue(line: u64, column: Option<&str>, problem: SurveyProblem) -> SurveyIssue {
    SurveyIssue {
        line,
        column: column.map(str::to_string),
        problem,
    }
}

#[test]
fn group_results_take_the_scales_the_header_names() {
    let text = "所属コード,所属名,回答者数,ワーク・エンゲージメント,上司の支援,職場の一体感\n\
                ０１０２,職員課,12,3.25,-,2\n0201,市民課,８,＊,2.5,\n";
    let f = read_survey(text.as_bytes(), Encoding::Auto).unwrap();
    assert_eq!(f.source, SurveySource::Implementer);
    assert_eq!(f.detected, Detected::Utf8);
    let keys: Vec<&str> = f.scales.iter().map(|s| s.key.as_str()).collect();
    assert_eq!(keys, ["engagement", "supervisor_support", "職場の一体感"]);
    assert_eq!(f.groups[0].org_code, "0102");
    assert_eq!(f.groups[0].scores, [Some(3.25), None, Some(2.0)]);
    assert_eq!((f.groups[1].respondents, f.groups[1].line), (8, 3));
    assert_eq!(f.groups[1].scores, [None, Some(2.5), None]);
    assert!(
        f.ignored.is_empty(),
        "the name column is expected, not reported"
    );
}

#[test]
fn answers_fold_into_one_result_per_workplace() {
    let text = "回答者ID,組織コード,Q1,Q2,Q3,Q4,Q5,Q6,Q7,Q8,Q9\n\
                r1,0102,6,6,0,0,6,3,0,3,3\n\
                r2,0201,1,1,1,1,1,1,1,1,1\n\
                r3,0102,4,4,2,2,4,1,2,1,1\n";
    let f = read_survey(text.as_bytes(), Encoding::Auto).unwrap();
    assert_eq!(f.source, SurveySource::ItemLevel);
    assert_eq!(f.rows, 3);
    assert_eq!(f.ignored, ["回答者ID"]);
    let g = &f.groups[0];
    assert_eq!(
        (g.org_code.as_str(), g.respondents, g.rows, g.line),
        ("0102", 2, 2, 2)
    );
    assert_eq!(g.scores[1..], [Some(5.0), Some(1.0), Some(2.0)]);
    assert_eq!(f.groups[1].scores, [Some(1.0); 4]);
}

#[test]
fn every_bad_cell_is_named_by_line_and_column() {
    let text = "組織コード,項目1,項目2,項目3,項目4,項目5,項目6,項目7,項目8,項目9\n\
                0102,0,1,2,3,4,5,6,0,1\n\
                0102,0,1,7,3,4,5,6,0,1\n\
                ,0,1,2,3,4,5,6,0,x\n\
                0102,1,2\n";
    let err = read_survey(text.as_bytes(), Encoding::Auto).unwrap_err();
    assert_eq!(
        err,
        [
            issue(3, Some("項目3"), SurveyProblem::Answer("7".into())),
            issue(4, Some("組織コード"), SurveyProblem::File(Problem::Empty)),
            issue(4, Some("項目9"), SurveyProblem::Answer("x".into())),
            issue(
                5,
                None,
                SurveyProblem::File(Problem::Ragged {
                    found: 3,
                    expected: 10
                })
            ),
        ]
    );
}

#[test]
fn headers_that_fit_no_layout_are_refused() {
    let err = |t: &str| read_survey(t.as_bytes(), Encoding::Auto).unwrap_err();
    assert_eq!(
        err("名前,点数\nx,1\n")[0].problem,
        SurveyProblem::NoOrgColumn
    );
    assert_eq!(
        err("組織コード,備考\n01,x\n")[0].problem,
        SurveyProblem::UnknownLayout
    );
    assert_eq!(
        err("組織コード,Q1,Q2,Q3\n01,1,1,1\n")[0].problem,
        SurveyProblem::MissingItems(vec![4, 5, 6, 7, 8, 9])
    );
    assert_eq!(
        err("組織コード,回答者数,組織名\n01,3,x\n")[0].problem,
        SurveyProblem::NoScales
    );
    let dup = err("組織コード,回答者数,活力\n01,12,3\n01,10,2\n");
    assert_eq!(
        dup[0],
        issue(
            3,
            Some("組織コード"),
            SurveyProblem::DuplicateOrg {
                code: "01".into(),
                first_line: 2
            }
        )
    );
    let bad = err("組織コード,回答者数,活力\n01,0,3\n02,10,高い\n");
    assert_eq!(
        bad[0],
        issue(2, Some("回答者数"), SurveyProblem::Respondents("0".into()))
    );
    assert_eq!(
        bad[1],
        issue(3, Some("活力"), SurveyProblem::NotANumber("高い".into()))
    );
    assert_eq!(err("")[0].problem, SurveyProblem::File(Problem::NoHeader));
}

#[test]
fn cp932_files_read_the_same() {
    let text = "組織コード,回答者数,ワーク・エンゲイジメント,仕事の意義\n0102,11,3.5,2.5\n";
    let (bytes, _, unmappable) = encoding_rs::SHIFT_JIS.encode(text);
    assert!(!unmappable);
    let f = read_survey(&bytes, Encoding::Auto).unwrap();
    assert_eq!(f.detected, Detected::Cp932);
    assert_eq!(f.scales[1].name, "仕事の意義");
    assert_eq!(f.groups[0].scores, [Some(3.5), Some(2.5)]);
}
