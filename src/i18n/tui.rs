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
        "card.trainings" => ("最近の研修 ({}: 申込)", "Recent training ({}: enroll)"),
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
        "card.trainings_all" => ("研修の記録", "Trainings"),
        "card.trainings_foot" => (
            "{}-{} / {}件  {}: 研修に申し込む",
            "{}-{} of {}  {}: enroll in a session",
        ),
        "card.trainings_more" => ("+{} 件 ({} で全体)", "+{} more ({} for all)"),
        "card.trainings_unread" => (
            "研修の記録を読み込めませんでした",
            "Trainings could not be read",
        ),
        "key.trainings" => ("研修の全体", "all trainings"),
        "key.enroll_in_session" => ("研修に申し込む", "enroll in a session"),
        "skills.view.proposals" => ("提案", "Proposals"),
        "key.view_proposals" => (
            "研修修了によるレベルの提案",
            "level proposals of completed courses",
        ),
        "key.accept_proposal" => ("採用 (レベルを記録)", "accept (record the level)"),
        "key.reject_proposal" => ("不採用", "reject"),
        "proposals.accepted" => ("採用しました", "Accepted"),
        "proposals.rejected" => ("不採用にしました", "Rejected"),
        "proposals.count" => ("未確認 {}件", "{} pending"),
        "proposals.empty" => ("提案はまだ読み込まれていません", "No proposals read yet"),
        "proposals.none" => ("未確認の提案はありません", "No pending proposals"),
        "proposals.focus" => (
            "{}: {} をレベル {} に ({} から)",
            "{}: {} to level {} (from {})",
        ),
        "proposals.legend" => (
            "研修の修了で作られた提案です。y で採用 (研修修了としてレベルを記録)、n で不採用",
            "Made when a course is completed. y records the level (source: training), n rejects it",
        ),
        "training.view.catalogue" => ("カタログ", "Catalogue"),
        "training.view.sessions" => ("研修の回", "Sessions"),
        "training.view.roster" => ("名簿", "Roster"),
        "training.view.bulk" => ("一括申込", "Bulk"),
        "training.view.owed" => ("未修了", "Owed"),
        "training.view.subsidy" => ("助成", "Subsidy"),
        "key.view_catalogue" => ("研修のカタログ", "course catalogue"),
        "key.view_sessions" => ("研修の回 (年度の計画)", "sessions of the year"),
        "key.view_roster" => (
            "名簿 (名簿の中では別の回を番号で開く)",
            "roster (in a roster: another session by id)",
        ),
        "key.view_bulk" => ("一括申込", "bulk enrollment"),
        "key.view_owed" => ("未修了の必修研修", "mandatory courses owed"),
        "key.view_subsidy" => ("自主研修の助成", "self-study subsidy"),
        "key.list_first" => ("先頭へ", "first"),
        "key.list_last" => ("末尾へ", "last"),
        "key.course_sessions" => ("この研修の回", "sessions of the course"),
        "key.open_roster" => ("名簿", "roster"),
        "key.prev_year" => ("前の年度", "previous year"),
        "key.next_year" => ("次の年度", "next year"),
        "key.session_status" => (
            "回の状況を進める (計画→募集中→締切→実施済)",
            "move the session on (planned, open, closed, held)",
        ),
        "sessions.status_set" => ("{} を{}にしました", "{} is now {}"),
        "key.copy_plan" => ("計画を写す", "copy the plan"),
        "key.mark_attended" => ("出席", "attended"),
        "key.mark_absent" => ("欠席", "absent"),
        "key.mark_completed" => ("修了 (提案を作る)", "completed (proposes levels)"),
        "key.mark_cancelled" => ("取消", "cancel"),
        "key.enroll_person" => ("申込", "enroll"),
        "key.bulk_next" => (
            "次の項目 (最後ならプレビュー)",
            "next field (preview on the last)",
        ),
        "key.bulk_preview" => ("プレビュー", "preview"),
        "key.bulk_cancel" => ("やめる", "cancel"),
        "key.bulk_enroll" => ("全員を登録 (一度だけ)", "enroll them all (once)"),
        "key.bulk_back" => ("条件に戻る", "back to the conditions"),
        "key.approve" => ("承認", "approve"),
        "key.reject" => ("却下", "reject"),
        "key.report" => ("修了報告", "reported"),
        "key.pay" => ("支給", "paid"),
        "col.amount" => ("助成額", "Subsidy"),
        "col.application" => ("申請", "No."),
        "col.audience" => ("対象", "Audience"),
        "col.booked" => ("人数", "Booked"),
        "col.class" => ("区分", "Class"),
        "col.completed_on" => ("修了日", "Completed"),
        "col.cost" => ("費用", "Cost"),
        "col.course" => ("研修", "Course"),
        "col.first_day" => ("初日", "First day"),
        "col.kind" => ("種類", "Kind"),
        "col.level" => ("提案", "Level"),
        "col.name" => ("氏名", "Name"),
        "col.outcome" => ("結果", "Outcome"),
        "col.owed" => ("未修了の必修研修", "Mandatory courses not completed"),
        "col.place" => ("会場", "Place"),
        "col.prerequisite" => ("前提", "Before"),
        "col.section" => ("所属", "Section"),
        "col.session" => ("回", "Session"),
        "col.since" => ("更新日", "Since"),
        "col.skill" => ("スキル", "Skill"),
        "col.skills" => ("スキル", "Skills"),
        "col.staff_no" => ("番号", "No."),
        "col.status" => ("状況", "Status"),
        "col.subject" => ("講座・資格", "Course or qualification"),
        "col.title" => ("職名", "Title"),
        "col.unit" => ("所属", "Unit"),
        "col.waiting" => ("待機", "Wait"),
        "audience.everyone" => ("全職員", "everyone"),
        "audience.bands" => ("職層{}", "band {}"),
        "audience.tiers" => ("デジタル人材 {}", "digital tier {}"),
        "audience.new_hires" => ("新規採用職員", "new hires"),
        "audience.senior" => ("{}歳以上", "aged {}+"),
        "audience.sep" => ("・", ", "),
        "audience.or" => ("、", "; "),
        "catalogue.count" => ("研修 {}件", "{} courses"),
        "catalogue.empty" => (
            "研修のカタログはまだ読み込まれていません",
            "No catalogue read yet",
        ),
        "catalogue.none" => ("なし", "none"),
        "sessions.empty" => ("研修の回はまだ読み込まれていません", "No sessions read yet"),
        "sessions.none" => (
            "{}の研修の回はありません。{} で{}の計画を写せます",
            "{} has no sessions. {} copies the plan of {}",
        ),
        "sessions.none_here" => ("研修の回がありません", "No session here"),
        "sessions.days" => ("{} から{}日間", "{}, {} days"),
        "sessions.summary" => (
            "{}/{}  募集中 {}  計画 {}  実施済 {}",
            "{}/{}  open {}  planned {}  held {}",
        ),
        "sessions.copied" => (
            "{}の計画 {}回を{}に写しました (すべて計画)",
            "{}: {} sessions copied into {} (all planned)",
        ),
        "confirm.copy_plan" => (
            "{}の研修計画{}を{}に写しますか? 写した回はすべて「計画」になり、申込は写りません",
            "Copy the plan of {}{} into {}? The copies are all planned, with nobody enrolled",
        ),
        "confirm.copy_count" => (" ({}回)", " ({} sessions)"),
        "roster.empty" => (
            "研修の回が選ばれていません。{} の一覧で回を選んで Enter、または {} で回の番号を入力します",
            "No session chosen. Choose one in the list ({}) and press Enter, or press {} and type its id",
        ),
        "roster.nobody" => (
            "この回にはまだ申込がありません",
            "Nobody is enrolled in this session yet",
        ),
        "roster.counts" => (
            "受講枠 {}/{}  待機 {}  出席 {}  修了 {}  欠席 {}  取消 {}",
            "places {}/{}  waiting {}  attended {}  completed {}  absent {}  cancelled {}",
        ),
        "roster.cancelled" => ("{} の申込を取り消しました", "Cancelled: {}"),
        "roster.promoted" => (
            "{} の申込を取り消しました。待機の {} が受講予定に繰り上がりました",
            "Cancelled: {}. {} moves up from the waiting list",
        ),
        "confirm.cancel" => (
            "{} ({}) の {} の申込を取り消しますか? 席があった場合、待機の1番目が繰り上がります",
            "Cancel {} ({}) in {}? If they had a place, the first on the waiting list gets it",
        ),
        "enroll.done" => (
            "{} ({}) を {} に申し込みました: {}",
            "{} ({}) enrolled in {}: {}",
        ),
        "ask.session" => ("名簿を開く研修の回", "Session to open"),
        "ask.session_hint" => ("研修の回の番号 (例: R8-012)", "A session id (e.g. R8-012)"),
        "ask.session_empty" => (
            "研修の回の番号を入力してください (例: R8-012)",
            "Type a session id (e.g. R8-012)",
        ),
        "ask.session_for" => ("{} ({}) を申し込む研修の回", "Session to enroll {} ({}) in"),
        "ask.session_for_hint" => (
            "研修の回の番号 (例: R8-012)。番号は研修の画面 (F3) の一覧にあります",
            "A session id (e.g. R8-012), as listed in the training pane (F3)",
        ),
        "ask.person" => ("{} に申し込む職員", "Enroll a person in {}"),
        "ask.person_hint" => (
            "職員番号 (例: 230001) か氏名・フリガナ",
            "A staff number (e.g. 230001), or a name or reading",
        ),
        "ask.person_empty" => (
            "職員番号か氏名を入力してください",
            "Type a staff number or a name",
        ),
        "ask.person_none" => ("「{}」に当たる職員はいません", "Nobody matches \"{}\""),
        "ask.person_many" => (
            "{}人が当たります: {}。職員番号で指定してください",
            "{} people match: {}. Please give the staff number",
        ),
        "ask.reason" => (
            "対象外で申し込む理由: {} ({}) → {}",
            "Reason to enroll anyway: {} ({}) in {}",
        ),
        "ask.reason_hint" => (
            "Enter で対象外のまま申し込みます (理由は記録に残ります)",
            "Enter enrolls them anyway (the reason is kept on record)",
        ),
        "ask.reason_empty" => ("理由を入力してください", "Please give the reason"),
        "bulk.form_title" => ("一括申込: {}", "Bulk enrollment: {}"),
        "bulk.unit" => ("所属", "Unit"),
        "bulk.unit_hint" => (
            "コードか名称。その下の課・係も含む",
            "a code or a name; units under it included",
        ),
        "bulk.title" => ("職名", "Title"),
        "bulk.title_hint" => (
            "例: 係長 (研修の初日の職名)",
            "e.g. 係長 (on the first day)",
        ),
        "bulk.posted_on" => ("発令日", "Posted on"),
        "bulk.posted_on_hint" => (
            "この日付の発令がある人 (例: R8.4.1)",
            "with a post from this day (e.g. 2026-04-01)",
        ),
        "bulk.new_hires" => ("新規採用者のみ", "New hires only"),
        "bulk.new_hires_hint" => (
            "Space で切替。その年度に採用された人",
            "Space toggles: hired in the session's year",
        ),
        "bulk.form_about" => (
            "空欄の項目は条件にしません。すべての条件に当たる在職者が対象です",
            "Empty fields are not used; staff in post meeting every condition are taken",
        ),
        "bulk.form_keys" => (
            "Enter: 次の項目・最後でプレビュー  Ctrl-S: プレビュー  Esc: やめる",
            "Enter: next, preview on the last  Ctrl-S: preview  Esc: cancel",
        ),
        "bulk.no_session" => (
            "研修の回が選ばれていません。{} の一覧で回を選んでから一括申込にしてください",
            "No session chosen: choose one in the sessions list ({}) first",
        ),
        "bulk.counts" => (
            "受講予定 {}人  待機 {}人  申込済 {}人  対象外など {}人",
            "booked {}  waiting {}  already in {}  refused {}",
        ),
        "bulk.total" => ("(計 {}人)", "({} in all)"),
        "bulk.already" => ("申込済 ({})", "already in ({})"),
        "bulk.refused" => ("不可: {}", "refused: {}"),
        "bulk.not_eligible" => ("研修の対象外", "not in the audience"),
        "bulk.same_day" => ("同じ日に {} を受講", "in {} that day"),
        "bulk.prerequisite" => ("前提の {} が未修了", "{} not completed first"),
        "bulk.left" => ("退職", "left"),
        "bulk.none_match" => ("条件に当たる職員はいません", "Nobody meets the conditions"),
        "bulk.nobody" => (
            "登録できる人がいません (全員が申込済か対象外です)",
            "Nobody to enroll (everyone is already in or refused)",
        ),
        "bulk.confirm_hint" => (
            "Enter または y で {}人を一度に登録します (一度の操作として記録)",
            "Enter or y enrolls {} people at once (one recorded change)",
        ),
        "bulk.done" => (
            "{} に一括で申し込みました: 受講予定 {}人、待機 {}人",
            "Enrolled in {}: {} booked, {} waiting",
        ),
        "owed.empty" => ("未修了の一覧はまだ読み込まれていません", "Nothing read yet"),
        "owed.none" => (
            "未修了の必修研修はありません",
            "No mandatory course is owed",
        ),
        "owed.duty_met" => (
            "{} (年{}回以上) 充足: 実施済 {}",
            "{} (at least {} a year) met: held {}",
        ),
        "owed.duty_unmet" => (
            "{} (年{}回以上) 未充足: {}",
            "{} (at least {} a year) not met: {}",
        ),
        "owed.no_section" => ("(課に属さない職)", "(no section)"),
        "owed.held_none" => ("この年度は未実施", "none held this year"),
        "owed.summary" => (
            "未修了 {}人 (延べ {}件)  {}所属  対象: {}",
            "{} people owe {} courses in {} sections  scope: {}",
        ),
        "subsidy.empty" => (
            "助成の申請はまだ読み込まれていません",
            "No applications read yet",
        ),
        "subsidy.none" => ("この年度の申請はありません", "No applications this year"),
        "subsidy.budget" => ("予算 {}", "Budget {}"),
        "subsidy.committed" => ("承認済 {}", "committed {}"),
        "subsidy.remaining" => ("残り {}", "remaining {}"),
        "subsidy.rate" => ("助成率 {}%", "rate {}%"),
        "subsidy.reason" => ("理由: {}", "reason: {}"),
        "subsidy.cannot" => (
            "{} は{}のため{}にはできません",
            "{} is {} and cannot become {}",
        ),
        "subsidy.approved" => (
            "{} を承認しました: 助成額 {}円 ({}%)",
            "{} approved: {} yen ({}%)",
        ),
        "confirm.reject" => (
            "申請 {} ({}) を却下しますか? 却下した申請は元に戻せません",
            "Reject application {} ({})? A rejection is final",
        ),
        "subsidy.moved" => ("{} を{}にしました", "{}: {}"),
        "yen" => ("{}円", "¥{}"),
        "admin.view.accounts" => ("アカウント", "Accounts"),
        "admin.view.log" => ("監査ログ", "Audit log"),
        "admin.no_role" => (
            "この画面には admin (管理者) または auditor (監査) のロールが必要です",
            "This pane needs the admin or the auditor role",
        ),
        "admin.view_needs" => (
            "この表示には {} のロールが必要です",
            "This view needs the {} role",
        ),
        "admin.empty" => ("まだ読み込まれていません", "Nothing read yet"),
        "admin.accounts.count" => ("アカウント {} 件", "{} accounts"),
        "admin.accounts.hint" => (
            "ロールの付与と取消は kizuna user grant / revoke で行います",
            "Roles are granted and revoked with kizuna user grant / revoke",
        ),
        "admin.log.count" => ("{} 件 (新しい順)", "{} entries, newest first"),
        "admin.log.none" => ("監査ログは空です", "The audit log is empty"),
        "admin.log.detail" => ("記録 {}  {}", "entry {}  {}"),
        "admin.log.redacted" => ("(削除済)", "(redacted)"),
        "admin.col.account" => ("アカウント", "Account"),
        "admin.col.roles" => ("ロール", "Roles"),
        "admin.col.staff_no" => ("職員番号", "Staff no."),
        "admin.col.created" => ("登録日", "Added"),
        "admin.col.seq" => ("番号", "No."),
        "admin.col.time" => ("日時", "Time"),
        "admin.col.action" => ("操作", "Action"),
        "admin.col.ids" => ("ID", "Ids"),
        "admin.col.hash" => ("ハッシュ", "Hash"),
        "key.view_accounts" => ("アカウント", "accounts"),
        "key.view_log" => ("監査ログ", "audit log"),
        "key.verify_audit" => ("連鎖を検証", "verify the chain"),
        "cases.no_role" => (
            "この画面は health (メンタルヘルス) または counselor (ハラスメント) の担当だけが使えます。",
            "This pane is for holders of the health or counselor role only.",
        ),
        "cases.state_locked" => ("ロック中", "locked"),
        "cases.state_open" => ("解錠中", "unlocked"),
        "cases.locked" => ("ロックされています", "Locked"),
        "cases.unlock_hint" => (
            "相談記録を見るには {} でパスフレーズを入力してください。",
            "Press {} and type your passphrase to open the case logs.",
        ),
        "cases.sealed_note" => (
            "記録は暗号化されています。鍵は解錠中だけ保持し、Ctrl-L か一定時間の無操作で消去します。",
            "The records are sealed; keys are held only while unlocked and wiped on Ctrl-L or when idle.",
        ),
        "cases.demo_passphrase" => (
            "デモ用データベースのパスフレーズ: {}",
            "Demo database passphrase: {}",
        ),
        "cases.locked_now" => (
            "ロックしました。鍵は消去されました",
            "Locked; the keys are wiped",
        ),
        "cases.locked_idle" => (
            "操作がなかったためケースの画面をロックしました",
            "The case pane locked after being idle",
        ),
        "cases.ask_passphrase" => ("パスフレーズ", "Passphrase"),
        "cases.demo_status" => ("パスフレーズ {}", "passphrase {}"),
        "cases.unlocking" => (
            "解錠しています… (パスフレーズから鍵を導いています)",
            "Unlocking… (deriving the key from the passphrase)",
        ),
        "cases.ask_passphrase_hint" => (
            "入力は表示されません。Enter で解錠、Esc で取り消し",
            "Typing is not shown. Enter unlocks, Esc cancels",
        ),
        "cases.ask_note" => ("記録を追加", "Add an entry"),
        "cases.ask_note_hint" => ("今日の日付で記録します", "Recorded under today's date"),
        "cases.ask_field_hint" => (
            "次の段階に進むには、この項目が必要です",
            "The next stage needs this first",
        ),
        "key.unlock" => ("解錠", "unlock"),
        "key.lock" => ("ロック", "lock"),
        "key.next_domain" => ("分野の切替", "other domain"),
        "key.open_case" => ("ケースを開く", "open case"),
        "key.add_note" => ("記録を追加", "add entry"),
        "key.advance_stage" => ("次の段階へ", "next stage"),
        "key.back_to_list" => ("一覧に戻る", "back to list"),
        other if other.starts_with("dash.") => return super::dashboard::dash(other, lang),
        other if other.starts_with("conflict.") => {
            return super::conflict::conflict_text(other, lang);
        }
        word if word.starts_with("roadmap.") => {
            return super::roadmap::roadmap_text(word, lang);
        }
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
