//! Japanese help for the command line: clap's texts replaced, command by command.

use clap::{Arg, ArgAction, Command};

/// `(path, text)`: a subcommand path (`user add`) or an argument (`demo --staff`).
const JA: &[(&str, &str)] = &[
    (
        "",
        "kizuna (絆): 職員・スキル・研修・相談記録・R8-R12 ロードマップを扱う人事課のためのツール",
    ),
    (
        "--db",
        "データベースのファイル (省略時: KIZUNA_DB、/etc/kizuna/config.toml、XDG のデータディレクトリの順)",
    ),
    ("--demo", "kizuna demo で作ったデモ用データベースを使う"),
    (
        "--socket",
        "kizuna serve のソケット (省略時: KIZUNA_SOCKET、設定ファイルの socket)。serve では待ち受けるソケット",
    ),
    (
        "serve",
        "データベースを持ち、Unix ソケットで複数の人事担当者に提供する (アカウントはソケットから。SIGTERM で正しく停止)",
    ),
    (
        "--lang",
        "メッセージの言語: ja または en (省略時は LANG から。未設定・C・POSIX なら日本語)",
    ),
    (
        "--ascii",
        "罫線を ASCII 文字で描く (罫線が2文字幅になる端末向け)",
    ),
    (
        "init",
        "方針カタログ入りの新しいデータベースを作る (実行したアカウントが admin と hr になる)",
    ),
    ("demo", "デモ用データベース (架空の職員) を作り、開く"),
    ("demo --staff", "架空の職員の人数"),
    ("demo --seed", "生成の種: 同じ種なら同じ職員"),
    ("demo --create-only", "作るだけで開かない"),
    ("check", "全ての記録を読み、索引と監査ログの連鎖を確かめる"),
    (
        "backup",
        "データベースの一貫したコピーを DEST に書き、確かめる",
    ),
    ("backup dest", "新しいファイル (既存でないこと)"),
    ("restore", "確かめたバックアップでデータベースを置き換える"),
    ("restore src", "バックアップのファイル"),
    ("restore --force", "既存のデータベースを置き換える"),
    (
        "show",
        "記録を表示する: 職員番号なら職員、1-3 のような番号なら取組",
    ),
    ("show id", "職員番号または取組の番号"),
    ("show --format", "出力形式"),
    (
        "search",
        "職員の画面と同じ順位で職員を検索する (氏名・フリガナ・ローマ字・職員番号・所属)",
    ),
    ("search query", "検索する語 (複数なら全てを含む職員)"),
    ("search --limit", "表示する最大件数"),
    ("search --format", "出力形式"),
    (
        "search --unit",
        "この組織とその下の組織だけ (01 や 0102 のようなコード)",
    ),
    ("search --band", "この職層だけ (1-4)"),
    (
        "search --employment",
        "この雇用区分だけ (正規、再任用、任期付、会計年度任用)",
    ),
    ("search --status", "この状態だけ (在職、休職、退職)"),
    (
        "search --digital",
        "このデジタル人材区分だけ (スターター、リーダー、アーキテクト)",
    ),
    ("search --all", "退職者も含める"),
    ("user", "アカウントとロール"),
    ("user list", "アカウントとロールの一覧"),
    ("user add", "OS のアカウントを登録する (ロールなし)"),
    ("user add account", "OS のログイン名"),
    ("user add --employee", "アカウントの持ち主の職員番号"),
    (
        "user grant",
        "ロールを付与する (admin, hr, auditor, viewer。相談記録のロールは cases grant で)",
    ),
    ("user grant account", "OS のログイン名"),
    ("user grant role", "ロール"),
    ("user revoke", "ロールを取り消す"),
    ("user revoke account", "OS のログイン名"),
    ("user revoke role", "ロール"),
    (
        "catalogue",
        "保存されている方針カタログ: スキルマップ、ロードマップ、KPI",
    ),
    ("catalogue table", "どの表か"),
    ("catalogue --format", "出力形式"),
    ("stats", "種類ごとの記録数"),
    ("completions", "シェル補完のスクリプトを出力する"),
    ("completions shell", "bash, zsh, fish, elvish, powershell"),
];

/// Every Japanese entry: this table, then those of the import, skill, settings and
/// training commands.
fn entries() -> impl Iterator<Item = &'static (&'static str, &'static str)> {
    JA.iter()
        .chain(crate::i18n::IMPORT_HELP_JA)
        .chain(crate::i18n::SKILLS_HELP_JA)
        .chain(crate::i18n::SETTINGS_HELP_JA)
        .chain(crate::i18n::TRAINING_HELP_JA)
        .chain(crate::i18n::CASES_HELP_JA)
        .chain(crate::i18n::AUDIT_HELP_JA)
        .chain(crate::i18n::ROADMAP_HELP_JA)
        .chain(crate::i18n::DASHBOARD_HELP_JA)
        .chain(crate::i18n::SURVEY_HELP_JA)
        .chain(crate::i18n::TARGET_HELP_JA.iter().flatten())
}

fn localize_args(mut cmd: Command, prefix: &str) -> Command {
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        let is_positional = cmd
            .get_arguments()
            .find(|a| a.get_id() == id.as_str())
            .is_some_and(|a| a.is_positional());
        let name = if is_positional {
            id.clone()
        } else {
            format!("--{}", id.replace('_', "-"))
        };
        let key = if prefix.is_empty() {
            name
        } else {
            format!("{prefix} {name}")
        };
        if let Some((_, text)) = entries().find(|(k, _)| *k == key) {
            cmd = cmd.mut_arg(id, |a| a.help(*text));
        }
    }
    cmd
}

fn localize(mut cmd: Command, prefix: &str) -> Command {
    if let Some((_, text)) = entries().find(|(k, _)| *k == prefix) {
        cmd = cmd.about(*text);
    }
    cmd = localize_args(cmd, prefix)
        .disable_help_flag(true)
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("ヘルプを表示する"),
        )
        .subcommand_help_heading("コマンド")
        .disable_help_subcommand(true)
        .help_template("{about-with-newline}\n使い方: {usage}\n\n{all-args}{after-help}");
    let ids: Vec<String> = cmd
        .get_arguments()
        .map(|a| a.get_id().to_string())
        .collect();
    for id in ids {
        cmd = cmd.mut_arg(id, |a| {
            let heading = if a.is_positional() {
                "引数"
            } else {
                "オプション"
            };
            let takes_value = a.get_action().takes_values();
            a.help_heading(heading).hide_possible_values(takes_value)
        });
    }
    let names: Vec<String> = cmd
        .get_subcommands()
        .map(|s| s.get_name().to_string())
        .collect();
    for name in names {
        let path = if prefix.is_empty() {
            name.clone()
        } else {
            format!("{prefix} {name}")
        };
        cmd = cmd.mut_subcommand(name, |sub| localize(sub, &path));
    }
    cmd
}

/// The command with Japanese help texts.
pub fn japanese(cmd: Command) -> Command {
    localize(cmd, "").disable_version_flag(true).arg(
        Arg::new("version")
            .short('V')
            .long("version")
            .action(ArgAction::Version)
            .help("版を表示する")
            .help_heading("オプション"),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn both_languages_pass_clap_checks() {
        crate::cli::command(crate::i18n::Lang::Ja).debug_assert();
        crate::cli::command(crate::i18n::Lang::En).debug_assert();
    }

    #[test]
    fn every_japanese_entry_finds_its_target() {
        // Each key names a real subcommand or argument: a renamed one would leave
        // English help behind silently.
        let cmd = crate::cli::args::Cli::command();
        for (key, _) in entries().filter(|(k, _)| !k.is_empty()) {
            let mut words: Vec<&str> = key.split(' ').collect();
            let last = words.pop().unwrap_or_default();
            let mut c = &cmd;
            for w in &words {
                c = c.find_subcommand(w).unwrap_or_else(|| panic!("{key}"));
            }
            let found = c.find_subcommand(last).is_some()
                || c.get_arguments().any(|a| {
                    a.get_id() == last.trim_start_matches("--").replace('-', "_").as_str()
                        || a.get_id() == last
                });
            assert!(found, "{key}");
        }
    }

    #[test]
    fn every_skill_and_training_command_and_argument_speaks_japanese() {
        let cmd = crate::cli::args::Cli::command();
        let mut missing = Vec::new();
        let mut visit = |path: String, c: &Command| {
            if !entries().any(|(k, _)| *k == path) {
                missing.push(path.clone());
            }
            for a in c.get_arguments().filter(|a| !a.is_global_set()) {
                let id = a.get_id().as_str();
                let name = if a.is_positional() {
                    id.to_string()
                } else {
                    format!("--{}", id.replace('_', "-"))
                };
                let key = format!("{path} {name}");
                if !entries().any(|(k, _)| *k == key) {
                    missing.push(key);
                }
            }
        };
        for top in [
            "skills",
            "digital",
            "training",
            "subsidy",
            "keys",
            "cases",
            "kpi",
            "dashboard",
            "roadmap",
            "survey",
        ] {
            let c = cmd.find_subcommand(top).unwrap();
            visit(top.to_string(), c);
            for sub in c.get_subcommands() {
                visit(format!("{top} {}", sub.get_name()), sub);
            }
        }
        for path in ["import skills", "export skills", "import enrollments"] {
            let mut words = path.split(' ');
            let top = cmd.find_subcommand(words.next().unwrap()).unwrap();
            let sub = top.find_subcommand(words.next().unwrap()).unwrap();
            visit(path.to_string(), sub);
        }
        assert!(missing.is_empty(), "no Japanese help for {missing:?}");
    }
}
