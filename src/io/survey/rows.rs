//! The data rows of a survey file: cells read into group results, or answers folded
//! into one tally per organisation.

use std::collections::HashMap;

use super::{Col, GroupLine, Layout, SurveyFile, SurveyIssue, SurveyProblem, layout};
use crate::domain::survey::SurveySource;
use crate::domain::survey::uwes::{ITEMS, MAX_ANSWER, UwesTally};
use crate::io::csv::{Detected, Problem};

/// Full-width ASCII folded, for codes and numbers.
fn fold(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return text.into();
    }
    text.chars()
        .map(|c| match c {
            '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
            '\u{3000}' => ' ',
            _ => c,
        })
        .collect::<String>()
        .into()
}

/// A scale cell: a number, or none when blank or marked as withheld.
fn score(cell: &str) -> Result<Option<f64>, SurveyProblem> {
    let t = fold(cell.trim()).trim().to_string();
    if matches!(
        t.as_str(),
        "" | "-" | "*" | "—" | "―" | "‐" | "ー" | "na" | "NA" | "n/a" | "N/A"
    ) {
        return Ok(None);
    }
    match t.parse::<f64>() {
        Ok(v) if v.is_finite() => Ok(Some(v)),
        _ => Err(SurveyProblem::NotANumber(cell.trim().to_string())),
    }
}

/// More respondents than any city has staff: a typing slip, and sums of such figures
/// would overflow.
const MAX_RESPONDENTS: u32 = 1_000_000;

fn respondents(cell: &str) -> Result<u32, SurveyProblem> {
    match fold(cell.trim()).trim().parse::<u32>() {
        Ok(n) if (1..=MAX_RESPONDENTS).contains(&n) => Ok(n),
        _ => Err(SurveyProblem::Respondents(cell.trim().to_string())),
    }
}

fn answer(cell: &str) -> Result<u8, SurveyProblem> {
    match fold(cell.trim()).trim().as_bytes() {
        [d @ b'0'..=b'9'] if *d - b'0' <= MAX_ANSWER => Ok(*d - b'0'),
        _ => Err(SurveyProblem::Answer(cell.trim().to_string())),
    }
}

/// Reads decoded text: the header's layout, then every row.
pub(super) fn read(text: &str, detected: Detected) -> Result<SurveyFile, Vec<SurveyIssue>> {
    let mut reader = csv::ReaderBuilder::new()
        .has_headers(false)
        .flexible(true)
        .from_reader(text.as_bytes());
    let mut record = csv::StringRecord::new();
    let csv_issue = |e: csv::Error| SurveyIssue {
        line: e.position().map_or(0, |p| p.line()),
        column: None,
        problem: SurveyProblem::File(Problem::Csv(e.to_string())),
    };
    let header: Vec<String> = loop {
        match reader.read_record(&mut record) {
            Ok(false) => {
                let problem = SurveyProblem::File(Problem::NoHeader);
                return Err(vec![SurveyIssue {
                    line: 1,
                    column: None,
                    problem,
                }]);
            }
            Ok(true) if record.iter().all(|c| c.trim().is_empty()) => continue,
            Ok(true) => break record.iter().map(str::to_string).collect(),
            Err(e) => return Err(vec![csv_issue(e)]),
        }
    };
    let lay = layout(&header)?;
    let mut state = State {
        lay: &lay,
        header: &header,
        issues: Vec::new(),
        index: HashMap::new(),
        groups: Vec::new(),
        tallies: Vec::new(),
        rows: 0,
    };
    loop {
        match reader.read_record(&mut record) {
            Ok(false) => break,
            Ok(true) => state.row(&record),
            Err(e) => state.issues.push(csv_issue(e)),
        }
    }
    state.finish(detected)
}

struct State<'a> {
    lay: &'a Layout,
    header: &'a [String],
    issues: Vec<SurveyIssue>,
    /// Organisation code to its place in `groups`.
    index: HashMap<String, usize>,
    groups: Vec<GroupLine>,
    /// Item-level: each group's answers so far, in step with `groups`.
    tallies: Vec<UwesTally>,
    rows: usize,
}

impl State<'_> {
    fn fail(&mut self, line: u64, col: usize, problem: SurveyProblem) {
        let column = self.header.get(col).map(|h| h.trim().to_string());
        self.issues.push(SurveyIssue {
            line,
            column,
            problem,
        });
    }

    fn row(&mut self, record: &csv::StringRecord) {
        let line = record.position().map_or(0, |p| p.line());
        if record.iter().all(|c| c.trim().is_empty()) {
            return;
        }
        let expected = self.header.len();
        if record.len() < expected || record.iter().skip(expected).any(|c| !c.trim().is_empty()) {
            let problem = Problem::Ragged {
                found: record.len(),
                expected,
            };
            self.issues.push(SurveyIssue {
                line,
                column: None,
                problem: SurveyProblem::File(problem),
            });
            return;
        }
        self.rows += 1;
        let mut org = String::new();
        let mut n = None;
        let mut scores = vec![None; self.lay.scales.len()];
        let mut answers = [0u8; ITEMS];
        let mut bad = false;
        for (i, cell) in record.iter().take(expected).enumerate() {
            let read = match self.lay.cols[i] {
                Col::Org => {
                    org = fold(cell.trim()).trim().to_string();
                    if org.is_empty() {
                        Err(SurveyProblem::File(Problem::Empty))
                    } else {
                        Ok(())
                    }
                }
                Col::Respondents => respondents(cell).map(|v| n = Some(v)),
                Col::Scale(s) => score(cell).map(|v| scores[s] = v),
                Col::Item(k) => answer(cell).map(|v| answers[k - 1] = v),
                Col::Unread => Ok(()),
            };
            if let Err(problem) = read {
                bad = true;
                self.fail(line, i, problem);
            }
        }
        if bad {
            return;
        }
        match self.lay.source {
            SurveySource::Implementer => self.group(line, org, n.unwrap_or(1), scores),
            SurveySource::ItemLevel => self.answers(line, org, &answers),
        }
    }

    fn group(&mut self, line: u64, org: String, respondents: u32, scores: Vec<Option<f64>>) {
        if let Some(&at) = self.index.get(&org) {
            let first_line = self.groups[at].line;
            let col = self
                .lay
                .cols
                .iter()
                .position(|c| *c == Col::Org)
                .unwrap_or(0);
            self.fail(
                line,
                col,
                SurveyProblem::DuplicateOrg {
                    code: org,
                    first_line,
                },
            );
            return;
        }
        self.index.insert(org.clone(), self.groups.len());
        self.groups.push(GroupLine {
            line,
            rows: 1,
            org_code: org,
            respondents,
            scores,
        });
    }

    fn answers(&mut self, line: u64, org: String, answers: &[u8; ITEMS]) {
        let at = match self.index.get(&org) {
            Some(&at) => at,
            None => {
                self.index.insert(org.clone(), self.groups.len());
                self.groups.push(GroupLine {
                    line,
                    rows: 0,
                    org_code: org,
                    respondents: 0,
                    scores: Vec::new(),
                });
                self.tallies.push(UwesTally::default());
                self.groups.len() - 1
            }
        };
        self.groups[at].rows += 1;
        self.tallies[at].add(answers);
    }

    fn finish(mut self, detected: Detected) -> Result<SurveyFile, Vec<SurveyIssue>> {
        if !self.issues.is_empty() {
            self.issues.sort_by_key(|i| i.line);
            return Err(self.issues);
        }
        for (g, t) in self.groups.iter_mut().zip(&self.tallies) {
            g.respondents = t.respondents;
            g.scores = t
                .means()
                .map_or_else(Vec::new, |m| m.into_iter().map(Some).collect());
        }
        Ok(SurveyFile {
            detected,
            source: self.lay.source,
            scales: self.lay.scales.clone(),
            org_column: self.lay.org_column.clone(),
            groups: self.groups,
            rows: self.rows,
            ignored: self.lay.ignored.clone(),
        })
    }
}

#[cfg(test)]
mod tests;
