//! Words of a refused save: someone else changed the record since it was opened. The
//! message of the CLI and the server, and the dialog with its keys and the fields of
//! each kind of record it compares.

use super::Lang;
use super::labels::kind_label;
use crate::service::Conflict;

/// The name of a kind of record in a refusal.
fn kind_name(kind: &str, lang: Lang) -> &str {
    match kind {
        "session" => lang.pick("研修日程", "training session"),
        "skill" => lang.pick("スキル", "skill"),
        other => kind_label(other, lang),
    }
}

/// The refusal as one message: which record, both revisions, and what to do.
pub fn conflict_message(c: &Conflict, lang: Lang) -> String {
    let kind = kind_name(c.kind, lang);
    match lang {
        Lang::Ja => format!(
            "{kind} {} は、開いた後に別の人が保存しました (開いた時の版 {}、現在の版 {})。\
             保存していません。読み込み直してから、もう一度変更してください。",
            c.id, c.opened, c.current
        ),
        Lang::En => format!(
            "{kind} {} was saved by someone else after it was opened (revision {} then, \
             {} now). Nothing was saved: reload it and make the change again.",
            c.id, c.opened, c.current
        ),
    }
}

/// The dialog's heading: which record, both revisions.
pub fn conflict_heading(c: &Conflict, lang: Lang) -> String {
    let kind = kind_name(c.kind, lang);
    match lang {
        Lang::Ja => format!(
            "{kind} {} は別の人が保存しました (版 {} → {})",
            c.id, c.opened, c.current
        ),
        Lang::En => format!(
            "{kind} {} was saved by someone else (revision {} → {})",
            c.id, c.opened, c.current
        ),
    }
}

/// A word of the dialog by its key (`conflict.…`); the key itself if it has none.
pub fn conflict_text(key: &str, lang: Lang) -> &str {
    let (ja, en) = match key {
        "conflict.title" => ("保存できません", "Not saved"),
        "conflict.note" => (
            "保存していません。違う項目は次のとおりです。",
            "Nothing was saved. These fields differ:",
        ),
        "conflict.same" => (
            "画面の項目に違いはありません (別の人の保存は残ります)。",
            "No field on the form differs (their save stays).",
        ),
        "conflict.field" => ("項目", "Field"),
        "conflict.theirs" => ("保存済み (相手)", "Saved (theirs)"),
        "conflict.yours" => ("あなたの入力", "Yours"),
        "conflict.after" => ("再適用で", "re-apply"),
        "conflict.mine" => ("自分", "mine"),
        "conflict.kept" => ("相手", "theirs"),
        "conflict.comeback" => ("カムバック採用", "Comeback hire"),
        "conflict.history" => ("異動履歴", "Post history"),
        "conflict.posts" => ("件", "posts"),
        "conflict.yes" => ("はい", "yes"),
        "conflict.no" => ("いいえ", "no"),
        "conflict.none" => ("(なし)", "(none)"),
        "conflict.key.reload" => ("読み込み直す (入力を捨てる)", "reload (drop my edit)"),
        "conflict.key.reapply" => ("再適用 (自分の入力で保存)", "re-apply (save mine)"),
        "conflict.key.back" => ("フォームに戻る", "back to form"),
        "conflict.key.reload_view" => ("読み込み直す (変更を捨てる)", "reload (drop my change)"),
        "conflict.key.drop" => ("戻る (保存しない)", "back (not saved)"),
        "conflict.nothing" => (
            "相手の保存で、すでにその内容になっています。読み込み直しました。",
            "Their save already has your change; reloaded it.",
        ),
        "conflict.reloaded_view" => (
            "相手の保存を読み込みました。自分の変更は捨てました。",
            "Reloaded their save; your change was dropped.",
        ),
        "conflict.dropped" => (
            "保存していません。変更は捨てました。",
            "Not saved; your change was dropped.",
        ),
        "conflict.f.course" => ("研修", "Course"),
        "conflict.f.days" => ("日程", "Days"),
        "conflict.f.place" => ("会場", "Place"),
        "conflict.f.instructor" => ("講師", "Instructor"),
        "conflict.f.capacity" => ("定員", "Capacity"),
        "conflict.f.status" => ("状態", "Status"),
        "conflict.f.skill_name" => ("スキル名", "Skill name"),
        "conflict.f.retired" => ("廃止", "Retired"),
        "conflict.f.plan" => ("計画", "Plan"),
        "conflict.f.owner" => ("担当課", "Owner"),
        "conflict.f.notes" => ("メモ", "Notes"),
        "conflict.mark_on" => ("○", "○"),
        "conflict.mark_off" => ("－", "-"),
        "conflict.reloaded" => (
            "相手の保存を読み込みました。自分の入力は捨てました。",
            "Reloaded their save; your edit was dropped.",
        ),
        other => (other, other),
    };
    lang.pick(ja, en)
}
