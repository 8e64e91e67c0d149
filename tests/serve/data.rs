//! The data the server tests work on: a small database as `kizuna init` makes it,
//! employee files of one or many synthetic people, and staff numbers read back.

#![allow(dead_code)]

use crate::common::Home;

/// A database as `kizuna init` makes it, with the sample organisation, titles and
/// four people (000123, 000456, 000789, 260001); this account is also an auditor, to
/// read the audit log.
pub fn home() -> Home {
    let home = Home::with_samples();
    let me = kizuna::service::Principal::current();
    home.ok(&["user", "grant", &me.account, "auditor"]);
    home
}

/// The header of an employee file.
pub const HEADER: &str = "職員番号,氏名,フリガナ,所属コード,職名,生年月日,採用日,雇用区分,状態,発令日,退職日,退職理由,旧姓,通称";

/// One row of an employee file: a clerk of the personnel section.
pub fn row(staff_no: &str, name: &str, reading: &str) -> String {
    format!(
        "{staff_no},{name},{reading},010201,主事,1990-01-01,2012-04-01,正規,在職,2024-04-01,,,,\n"
    )
}

/// Writes an employee file of `rows` under the home; returns its path.
pub fn employee_file(home: &Home, file: &str, rows: &[String]) -> String {
    let path = home.path().join(file);
    std::fs::write(&path, format!("{HEADER}\n{}", rows.concat())).unwrap();
    path.display().to_string()
}

/// A synthetic person numbered `i`: staff number 9xxxxx, a name made of the number.
pub fn person(i: u32) -> (String, String, String) {
    const KANJI: [char; 10] = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
    const KANA: [&str; 10] = [
        "れい",
        "いち",
        "に",
        "さん",
        "よん",
        "ご",
        "ろく",
        "なな",
        "はち",
        "きゅう",
    ];
    let digits: Vec<usize> = format!("{i:05}")
        .bytes()
        .map(|b| usize::from(b - b'0'))
        .collect();
    let name: String = digits.iter().map(|d| KANJI[*d]).collect();
    let reading: String = digits.iter().map(|d| KANA[*d]).collect();
    (
        format!("9{i:05}"),
        format!("試験　{name}"),
        format!("しけん　{reading}"),
    )
}

/// The staff numbers in an `export employees` output.
pub fn staff_numbers(export: &str) -> Vec<String> {
    export
        .lines()
        .skip(1)
        .filter_map(|l| l.split(',').next())
        .map(str::to_string)
        .collect()
}
