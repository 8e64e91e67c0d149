//! Words of the terminal screens: pane names, key descriptions, field labels.

use super::Lang;

/// The text of a screen word by its key; the key itself if it has none (a test keeps
/// every key the screens use covered).
pub fn tui(key: &str, lang: Lang) -> &str {
    let (ja, en) = match key {
        "pane.staff" => ("職員", "Staff"),
        "pane.skills" => ("スキル", "Skills"),
        "pane.training" => ("研修", "Training"),
        "pane.cases" => ("ケース", "Cases"),
        "pane.roadmap" => ("ロードマップ", "Roadmap"),
        "pane.dashboard" => ("ダッシュボード", "Dashboard"),
        "pane.admin" => ("管理", "Admin"),
        "placeholder" => (
            "この画面は今後の版で追加されます。F1 で職員の画面に戻ります。",
            "This pane arrives in a later version. F1 returns to the staff pane.",
        ),
        "key.pane1" => ("職員の画面", "staff pane"),
        "key.pane2" => ("スキルの画面", "skills pane"),
        "key.pane3" => ("研修の画面", "training pane"),
        "key.pane4" => ("ケースの画面", "cases pane"),
        "key.pane5" => ("ロードマップの画面", "roadmap pane"),
        "key.pane6" => ("ダッシュボードの画面", "dashboard pane"),
        "key.pane7" => ("管理の画面", "admin pane"),
        "key.next_pane" => ("次の画面", "next pane"),
        "key.prev_pane" => ("前の画面", "previous pane"),
        "key.help" => ("ヘルプ", "help"),
        "key.quit" => ("終了", "quit"),
        "key.quit_now" => ("保存せずに終了", "quit without saving"),
        "key.yes" => ("はい", "yes"),
        "key.no" => ("いいえ", "no"),
        "key.close" => ("閉じる", "close"),
        "key.up" => ("上へ", "up"),
        "key.down" => ("下へ", "down"),
        "key.page_up" => ("前のページ", "page up"),
        "key.page_down" => ("次のページ", "page down"),
        "key.backspace" => ("前の文字を消す", "delete back"),
        "key.delete" => ("文字を消す", "delete"),
        "key.left" => ("カーソルを左へ", "cursor left"),
        "key.right" => ("カーソルを右へ", "cursor right"),
        "key.home" => ("行頭へ", "start of field"),
        "key.end" => ("行末へ", "end of field"),
        "key.clear" => ("入力を消す", "clear field"),
        "key.open_card" => ("面談カード", "open card"),
        "key.search_back" => ("入力を消す／一覧へ", "clear / to list"),
        "key.leavers" => ("退職者の表示", "show leavers"),
        "key.new" => ("新規登録", "new employee"),
        "key.filter" => ("絞り込み", "filter"),
        "filter.title" => ("絞り込み (空欄は条件なし)", "Filter (empty means any)"),
        "filter.hint" => (
            "Enter: 次の項目・最後で適用  Ctrl-S: 適用  Esc: やめる",
            "Enter: next, apply on the last  Ctrl-S: apply  Esc: cancel",
        ),
        "key.next_field" => ("次の項目", "next field"),
        "key.prev_field" => ("前の項目", "previous field"),
        "key.enter_field" => ("次の項目 (最後なら保存)", "next field (save on the last)"),
        "key.save" => ("保存", "save"),
        "key.continuous" => ("連続入力", "continuous entry"),
        "key.form_back" => ("入力をやめる", "discard"),
        "key.search" => ("検索", "search"),
        "key.back" => ("戻る", "back"),
        "key.edit" => ("編集", "edit"),
        "key.history" => ("配置履歴の全体", "whole history"),
        "key.prev_person" => ("前の職員", "previous person"),
        "key.next_person" => ("次の職員", "next person"),
        "help.title" => ("キー操作", "Keys"),
        "help.search_question" => ("? (入力が空のとき)", "? (when the field is empty)"),
        "too_small" => ("端末が小さすぎます", "Terminal too small"),
        "too_small.need" => ("必要な大きさ", "needs at least"),
        "confirm.quit" => (
            "保存していない入力があります。終了しますか?",
            "Unsaved changes. Quit anyway?",
        ),
        "confirm.discard" => (
            "保存していない入力を捨てますか?",
            "Discard unsaved changes?",
        ),
        "search.prompt" => ("検索", "Search"),
        "search.count" => ("件", "found"),
        "search.leavers" => ("退職者を含む", "incl. leavers"),
        "search.none" => ("該当する職員はいません", "Nobody matches"),
        "card.title" => ("面談カード", "Interview card"),
        "card.gaps" => (
            "スキルの不足 (職層の目標に対して)",
            "Skill gaps at their band",
        ),
        "card.gaps_unread" => (
            "スキルの不足を読み込めませんでした",
            "Skill gaps could not be read",
        ),
        "card.gaps_no_band" => (
            "職層のない職名のため対象外です",
            "No band for this title: nothing required",
        ),
        "card.gaps_band" => ("スキルの不足 (職層{})", "Skill gaps (band {})"),
        "card.gaps_target" => (
            "スキルの不足 (職層{}・目標{})",
            "Skill gaps (band {}, target {})",
        ),
        "card.gaps_met" => (
            "必須スキルはすべて目標に達しています",
            "Every required skill is at target",
        ),
        "card.gaps_more" => ("+{} 件 ({} で全体)", "+{} more ({} for all)"),
        "card.gaps_unassessed" => (
            "- は未評価 (0 として数えます)",
            "- means not assessed (counts as 0)",
        ),
        "key.card_gaps" => ("スキルの不足", "all skill gaps"),
        "key.view_map" => ("スキルマップ", "skill map"),
        "key.view_matrix" => ("スキルマトリクス", "skill matrix"),
        "key.view_gaps" => ("ギャップ (達成率の低い順)", "gaps (worst first)"),
        "key.view_tiers" => ("デジタル人材", "digital tiers"),
        "key.prompt_ok" => ("決定", "OK"),
        "key.prompt_cancel" => ("やめる", "cancel"),
        "key.level" => ("レベル入力", "set level"),
        "key.level_out" => ("レベルではありません (0〜4)", "not a level (0-4)"),
        "key.undo" => ("取り消し", "undo"),
        "key.source" => ("評価の種類", "source"),
        "key.cell_left" => ("左のスキルへ", "skill to the left"),
        "key.cell_right" => ("右のスキルへ", "skill to the right"),
        "key.row_start" => ("行の先頭へ", "first skill"),
        "key.row_end" => ("行の末尾へ", "last column"),
        "key.choose_unit" => ("所属を選ぶ", "choose unit"),
        "key.toggle_mark" => ("○の切替", "toggle ○"),
        "key.rename_skill" => ("名前の変更", "rename"),
        "key.add_skill" => ("スキルの追加", "add skill"),
        "key.retire_skill" => ("廃止", "retire"),
        "key.earlier_year" => ("前の年度のマップ", "previous year's map"),
        "key.later_year" => ("次の年度のマップ", "next year's map"),
        "key.band_left" => ("左の職層へ", "band to the left"),
        "key.band_right" => ("右の職層へ", "band to the right"),
        "key.gap_column" => ("マトリクスで見る", "show in matrix"),
        "key.whole_city" => ("市全体／所属", "city / unit"),
        "key.scroll_up" => ("上へ", "scroll up"),
        "key.scroll_down" => ("下へ", "scroll down"),
        "skills.view.map" => ("マップ", "Map"),
        "skills.view.matrix" => ("マトリクス", "Matrix"),
        "skills.view.gaps" => ("ギャップ", "Gaps"),
        "skills.view.tiers" => ("デジタル人材", "Digital tiers"),
        "scope.city" => ("市全体", "Whole city"),
        "source.supervisor" => ("上司評価", "supervisor"),
        "source.self" => ("本人申告", "self-report"),
        "source.training" => ("研修修了", "training"),
        "prompt.unit" => ("所属", "Unit"),
        "prompt.rename" => ("スキル名の変更", "Rename skill"),
        "prompt.add" => ("スキルの追加", "Add a skill"),
        "prompt.as_of" => ("いつ時点", "As of"),
        "as_of.suffix" => ("時点", " (as of)"),
        "prompt.as_of_hint" => (
            "日付 (例: 2026-04-01, R8.4.1)。空欄で今日。過去の日付では入力できません",
            "A date (e.g. 2026-04-01, R8.4.1); empty for today. Past days are read-only",
        ),
        "prompt.as_of_future" => (
            "今日より後の日付は指定できません",
            "A day after today cannot be shown",
        ),
        "key.as_of" => ("日付を指定 (その日時点)", "as of a date"),
        "matrix.past_readonly" => (
            "過去の日付の表示中はレベルを入力・取り消しできません (d で空欄にすると今日に戻ります)",
            "Levels are entered and undone only as of today (d, then empty, returns to today)",
        ),
        "prompt.unit_hint" => (
            "所属コードか名称 (例: 0102, 職員課)。空欄で市全体",
            "A unit code or name (e.g. 0102, 職員課); empty for the whole city",
        ),
        "prompt.name_hint" => (
            "今日から有効です (それまでの名前は履歴に残ります)",
            "From today (the earlier name stays in the history)",
        ),
        "prompt.keys" => ("Enter: 決定  Esc: やめる", "Enter: OK  Esc: cancel"),
        "prompt.name_empty" => ("名前を入力してください", "Please type a name"),
        "prompt.unit_none" => ("「{}」に当たる所属はありません", "No unit matches \"{}\""),
        "prompt.unit_many" => (
            "{} の所属が当たります: {} … コードで指定してください",
            "{} units match: {} … please give the code",
        ),
        "matrix.no_unit" => (
            "所属が選ばれていません。{} で所属を選びます。",
            "No unit chosen. Press {} to choose one.",
        ),
        "matrix.nobody" => ("該当する職員はいません", "Nobody in this unit"),
        "matrix.staff" => ("職員", "Staff"),
        "matrix.foundation" => ("基盤: ", "Foundation: "),
        "matrix.digital" => ("デジタル: ", "Digital: "),
        "matrix.unassessed" => ("未評価", "not assessed"),
        "matrix.required_target" => ("(必須・目標{})", "(required, target {})"),
        "matrix.not_required" => ("(この職層では必須外)", "(not required at this band)"),
        "matrix.source" => ("評価", "Source"),
        "matrix.legend_short" => ("必須で目標未満", "below target"),
        "matrix.legend_none" => ("未評価", "not assessed"),
        "matrix.nothing_to_undo" => ("取り消す入力はありません", "Nothing to undo"),
        "matrix.level_range" => (
            "レベルは 0〜4 です (画面の切替は F1〜F7)",
            "Levels are 0-4 (F1-F7 switch panes)",
        ),
        "matrix.undone" => ("取り消しました", "Undone"),
        "map.empty" => ("スキルマップがありません", "No skill map"),
        "map.category" => ("カテゴリ", "Category"),
        "map.skill" => ("スキル", "Skill"),
        "map.foundation" => (
            "基盤スキル (全ての職層で必須)",
            "Foundation skills (required of every band)",
        ),
        "map.foundation_short" => ("基盤スキル", "foundation skill"),
        "map.required_here" => ("特に必要", "particularly required"),
        "map.not_required_here" => ("推奨", "recommended"),
        "map.legend" => (
            "{}: その職層で特に必要  基盤スキルは全職層で必須  変更は今日から有効 (管理者)",
            "{}: particularly required at the band  foundation: every band  changes from today (admins)",
        ),
        "map.past_readonly" => (
            "過去の年度のマップは変更できません。] で今年度のマップに戻ってください",
            "an earlier year's map cannot be changed; ] returns to this year's map",
        ),
        "map.no_earlier" => (
            "これより前の年度のスキルマップはありません",
            "there is no skill map of an earlier year",
        ),
        "map.add_foundation" => (
            "基盤スキルの行では追加できません。カテゴリのスキルの行で追加してください",
            "Add from a skill of a category, not a foundation skill",
        ),
        "map.changed" => ("スキルマップを変更しました", "Skill map changed"),
        "map.retired" => ("廃止しました", "Retired"),
        "gaps.empty" => ("ギャップはまだ読み込まれていません", "No gap report yet"),
        "gaps.summary" => (
            "対象: 職層のある在職者 {}人。必須とされる人のうち目標に達した割合、低い順",
            "{} people with a band. Share of those required who are at target, lowest first",
        ),
        "gaps.col_skill" => ("スキル", "Skill"),
        "gaps.col_meeting" => ("達成/対象", "met/required"),
        "gaps.col_share" => ("割合", "share"),
        "gaps.col_bar" => ("", ""),
        "gaps.col_level" => ("現在", "now"),
        "gaps.col_target" => ("目標", "target"),
        "gaps.col_short" => ("不足", "short"),
        "gaps.none" => (
            "必須とされる人がいません",
            "Nobody is required to have a skill",
        ),
        "gaps.legend" => (
            "目標は職層ごとの設定。50% 未満は警告の色",
            "Targets are set per band. Below 50% shows as a warning",
        ),
        "tiers.empty" => ("デジタル人材の集計はまだありません", "No tier report yet"),
        "tiers.col_tier" => ("区分", "Tier"),
        "tiers.col_now" => ("現在", "now"),
        "tiers.col_target" => ("{}年度目標", "FY{} target"),
        "tiers.col_short" => ("不足", "short"),
        "tiers.col_long" => ("長期目標", "long-term"),
        "tiers.architects_in_systems" => (
            "  うちデジタル・基幹系システム所管課: {}人",
            "  of them in the digital and core-system sections: {}",
        ),
        "tiers.below" => (
            "リーダーが{}人未満の所属: {} / {}",
            "Sections with fewer than {} leaders: {} of {}",
        ),
        "tiers.leaders" => ("リーダー {}人", "{} leaders"),
        "tiers.more" => ("{}-{} / {}", "{}-{} of {}"),
        "confirm.retire" => (
            "スキル「{}」を今日で廃止しますか? (評価の履歴は残ります)",
            "Retire the skill \"{}\" from today? (its history stays)",
        ),
        "card.trainings" => ("最近の研修", "Recent training"),
        "card.trainings_none" => ("研修の記録はまだありません", "No training records yet"),
        "card.posts" => ("最近の配置", "Recent posts"),
        "card.history" => ("配置履歴", "Posts"),
        "card.more" => ("件 (h で全体)", "more (h for all)"),
        "form.new" => ("職員の新規登録", "New employee"),
        "form.edit" => ("職員の編集", "Edit employee"),
        "form.continuous" => ("連続入力", "continuous"),
        "form.saved" => ("保存しました", "Saved"),
        "form.invalid" => ("入力に誤りがあります", "Please correct the fields marked"),
        "form.effective_hint" => (
            "所属・職名を変えたときの発令日",
            "effective date of a new post",
        ),
        "field.staff_no" => ("職員番号", "Staff no."),
        "field.name" => ("氏名", "Name"),
        "field.reading" => ("フリガナ", "Reading"),
        "field.former_name" => ("旧姓", "Former name"),
        "field.alias" => ("通称", "Known as"),
        "field.birth" => ("生年月日", "Born"),
        "field.hired" => ("採用日", "Hired"),
        "field.unit" => ("所属コード", "Unit code"),
        "field.unit_name" => ("所属", "Unit"),
        "field.title" => ("職名", "Title"),
        "field.effective" => ("発令日", "Effective"),
        "field.employment" => ("雇用区分", "Employment"),
        "field.status" => ("状態", "Status"),
        "field.leaving" => ("退職日", "Left on"),
        "field.track" => ("キャリア", "Career track"),
        "field.digital" => ("デジタル人材", "Digital tier"),
        "field.age" => ("年齢", "Age"),
        "field.band" => ("職層", "Band"),
        "field.service" => ("勤続", "Service"),
        "field.in_post" => ("現所属", "In post"),
        "field.years" => ("年", "y"),
        "field.senior" => ("高齢期", "60+"),
        "error.date" => (
            "日付を読み取れません (例: 2026-04-01, 2026/4/1, R8.4.1, 令和8年4月1日)",
            "not a date (e.g. 2026-04-01, 2026/4/1, R8.4.1, 令和8年4月1日)",
        ),
        "error.required" => ("入力してください", "required"),
        "error.choice" => ("一覧の中から入力してください", "not one of the choices"),
        other => (other, other),
    };
    lang.pick(ja, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rust_files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
        for entry in std::fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                rust_files(&path, out);
            } else if path.extension().is_some_and(|e| e == "rs") {
                out.push(path);
            }
        }
    }

    /// Every `"area.word"` literal of the screens' code has words in both languages,
    /// so no screen ever shows a bare key.
    #[test]
    fn every_key_the_screens_name_has_words() {
        let mut files = Vec::new();
        rust_files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/tui"),
            &mut files,
        );
        let mut missing = Vec::new();
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            for literal in text.split('"').skip(1).step_by(2) {
                let key_like = literal.contains('.')
                    && literal
                        .chars()
                        .next()
                        .is_some_and(|c| c.is_ascii_lowercase())
                    && literal
                        .chars()
                        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._".contains(c));
                if key_like
                    && (tui(literal, Lang::Ja) == literal || tui(literal, Lang::En) == literal)
                {
                    missing.push(format!("{}: {literal}", file.display()));
                }
            }
        }
        assert!(missing.is_empty(), "no words for:\n{}", missing.join("\n"));
    }
}
