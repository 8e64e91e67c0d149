//! Messages of the audit log: `kizuna audit list|verify` and the log of pane 7. The
//! verdict's sentences are shared by both, so the screen and the shell say the same.

use super::Lang;
use crate::domain::Timestamp;
use crate::service::{Anchor, AuditFault, AuditVerdict, Hash};

/// Japanese help of `audit`, keyed as the CLI's help table is.
pub const AUDIT_HELP_JA: &[(&str, &str)] = &[
    ("audit", "監査ログ: 一覧と、改ざん・欠落の検証"),
    (
        "audit list",
        "監査ログの一覧: 番号、日時 (日本時間)、アカウント、操作、ID、ハッシュ (先頭12桁)",
    ),
    ("audit list --since", "この日 (日本時間) 以降の記録だけ"),
    ("audit list --format", "出力形式"),
    (
        "audit verify",
        "監査ログの連鎖を確かめ、最初に壊れている・欠けている記録を示す (問題があれば終了コード 4)",
    ),
    (
        "audit verify --expect",
        "backup が表示した (またはシステムログにある) 先頭ハッシュ: 末尾の書き換えや切り取りを見つける",
    ),
];

const JST_OFFSET_SECS: i64 = 9 * 3600;

/// A moment in Japan time as ISO 8601: `2026-11-25T12:00:00+09:00`.
pub fn audit_time(at: Timestamp) -> String {
    let secs = (at.0 + JST_OFFSET_SECS).rem_euclid(86_400);
    format!(
        "{}T{:02}:{:02}:{:02}+09:00",
        at.jst_date(),
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    )
}

/// The first twelve hex digits of a hash: enough to tell entries apart by eye.
pub fn short_hash(h: &Hash) -> String {
    h.to_string().chars().take(12).collect()
}

/// The column headings of `audit list`: plain codes in English, for scripts.
pub fn audit_headings(lang: Lang) -> [&'static str; 6] {
    match lang {
        Lang::Ja => ["番号", "日時", "アカウント", "操作", "ID", "ハッシュ"],
        Lang::En => ["seq", "time", "account", "action", "ids", "hash"],
    }
}

/// What is wrong at one place of the chain.
pub fn audit_fault(f: &AuditFault, lang: Lang) -> String {
    match (f, lang) {
        (AuditFault::Unreadable(s), Lang::Ja) => format!("記録 {s} を読み取れません"),
        (AuditFault::Unreadable(s), Lang::En) => format!("entry {s} does not decode"),
        (AuditFault::Body(s), Lang::Ja) => {
            format!("記録 {s} の内容がハッシュと一致しません (書き換えられています)")
        }
        (AuditFault::Body(s), Lang::En) => {
            format!("entry {s}: its body does not match its hash (it was rewritten)")
        }
        (AuditFault::Link(s), Lang::Ja) => format!("記録 {s} が前の記録とつながっていません"),
        (AuditFault::Link(s), Lang::En) => {
            format!("entry {s} does not link to the entry before it")
        }
        (AuditFault::Gap { expected, found }, lang) if found > expected => {
            let last = found - 1;
            match (lang, last == *expected) {
                (Lang::Ja, true) => format!("記録 {expected} がありません"),
                (Lang::Ja, false) => format!("記録 {expected}〜{last} がありません"),
                (Lang::En, true) => format!("entry {expected} is missing"),
                (Lang::En, false) => format!("entries {expected}-{last} are missing"),
            }
        }
        (AuditFault::Gap { expected, found }, Lang::Ja) => {
            format!("記録 {expected} の位置に番号 {found} の記録があります")
        }
        (AuditFault::Gap { expected, found }, Lang::En) => {
            format!("entry {found} stands where {expected} was expected")
        }
    }
}

/// The last entry present, or that none is.
fn last_present(v: &AuditVerdict, lang: Lang) -> String {
    match (v.last, lang) {
        (Some((seq, at)), Lang::Ja) => {
            format!("残っている最後の記録は {seq} ({}) です", audit_time(at))
        }
        (Some((seq, at)), Lang::En) => {
            format!("the last entry present is {seq} ({})", audit_time(at))
        }
        (None, Lang::Ja) => "記録は一つも残っていません".to_string(),
        (None, Lang::En) => "no entry is left".to_string(),
    }
}

/// Where the expected head was found.
fn anchor_line(want: &Hash, anchor: Anchor, v: &AuditVerdict, lang: Lang) -> String {
    let short = short_hash(want);
    match (anchor, lang) {
        (Anchor::Head, Lang::Ja) => format!(
            "指定のハッシュ {short} は最後の記録 {} のハッシュです",
            v.last.map_or(0, |l| l.0)
        ),
        (Anchor::Head, Lang::En) => format!(
            "the expected hash {short} is the head (entry {})",
            v.last.map_or(0, |l| l.0)
        ),
        (Anchor::Earlier { seq, after }, Lang::Ja) => format!(
            "指定のハッシュ {short} は記録 {seq} のハッシュです。その後に {after} 件が記録されています"
        ),
        (Anchor::Earlier { seq, after }, Lang::En) => format!(
            "the expected hash {short} is entry {seq}'s; {after} entries were added after it"
        ),
        (Anchor::Missing, Lang::Ja) => format!(
            "指定のハッシュ {short} はどの記録のハッシュでもありません。末尾が書き換えられたか切り取られています。{}",
            last_present(v, lang)
        ),
        (Anchor::Missing, Lang::En) => format!(
            "the expected hash {short} is the hash of no entry: the tail was rewritten or truncated; {}",
            last_present(v, lang)
        ),
    }
}

/// The verdict, line by line: the count and head, the first fault, where the expected
/// head is, and the result.
pub fn audit_verdict(v: &AuditVerdict, lang: Lang) -> Vec<String> {
    let mut lines = Vec::new();
    lines.push(match (v.entries, lang) {
        (0, Lang::Ja) => "監査ログは空です".to_string(),
        (0, Lang::En) => "the audit log is empty".to_string(),
        (n, Lang::Ja) => format!("監査ログ {n} 件、先頭ハッシュ {}", v.head),
        (n, Lang::En) => format!("{n} audit entries, head hash {}", v.head),
    });
    if let Some(fault) = &v.first_fault {
        let more = v.faults.saturating_sub(1);
        let fault = audit_fault(fault, lang);
        lines.push(match (more, lang) {
            (0, Lang::Ja) => format!("最初の問題: {fault}"),
            (0, Lang::En) => format!("first problem: {fault}"),
            (n, Lang::Ja) => format!("最初の問題: {fault} (ほかに {n} 件)"),
            (n, Lang::En) => format!("first problem: {fault} ({n} more)"),
        });
    }
    if let Some((want, anchor)) = &v.expected {
        lines.push(anchor_line(want, *anchor, v, lang));
    }
    lines.push(
        match (v.intact(), lang) {
            (true, Lang::Ja) => "結果: 監査ログの連鎖は完全です",
            (true, Lang::En) => "verdict: intact",
            (false, Lang::Ja) => "結果: 監査ログに問題があります",
            (false, Lang::En) => "verdict: BROKEN",
        }
        .to_string(),
    );
    lines
}

/// Said when the chain verifies and no expected head was given: a cut tail leaves a
/// shorter chain that is still whole.
pub fn audit_expect_hint(lang: Lang) -> &'static str {
    lang.pick(
        "末尾の切り取りは、backup が表示した先頭ハッシュを --expect に指定すると確かめられます",
        "a cut tail shows only against a head kept elsewhere: give --expect HASH (printed by backup)",
    )
}

/// The one-line error after a verdict that is not intact.
pub fn audit_failed(lang: Lang) -> &'static str {
    lang.pick(
        "監査ログの検証で問題が見つかりました",
        "the audit log does not verify",
    )
}

/// An expected head that is not 64 hex digits, in both languages, for clap's error.
pub fn bad_hash() -> String {
    "16進数64桁のハッシュ (a hash of 64 hex digits)".to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn times_are_japan_time_with_the_offset() {
        // 2026-03-31T15:00:00Z is already April 1st in Japan.
        let t = Timestamp::jst_midnight(crate::domain::Date::new(2026, 4, 1).unwrap());
        assert_eq!(audit_time(t), "2026-04-01T00:00:00+09:00");
        assert_eq!(
            audit_time(Timestamp(t.0 + 3723)),
            "2026-04-01T01:02:03+09:00"
        );
    }

    #[test]
    fn gaps_name_the_missing_numbers() {
        let one = AuditFault::Gap {
            expected: 5,
            found: 6,
        };
        let many = AuditFault::Gap {
            expected: 5,
            found: 9,
        };
        assert_eq!(audit_fault(&one, Lang::En), "entry 5 is missing");
        assert_eq!(audit_fault(&many, Lang::Ja), "記録 5〜8 がありません");
    }
}
