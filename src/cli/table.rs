//! The TSV and JSON the report commands print: a header line, then one row per item,
//! tab-separated; or pretty JSON with a final newline.

use serde_json::Value;

use super::CliError;

/// Tabs and line breaks inside a cell would break the row; they become spaces.
fn cell(text: &str) -> String {
    text.replace(['\t', '\n', '\r'], " ")
}

/// Appends one row.
pub(super) fn line(out: &mut String, cells: impl IntoIterator<Item = String>) {
    let cells: Vec<String> = cells.into_iter().map(|c| cell(&c)).collect();
    out.push_str(&cells.join("\t"));
    out.push('\n');
}

pub(super) fn json_text(v: &Value) -> Result<String, CliError> {
    Ok(serde_json::to_string_pretty(v)? + "\n")
}
