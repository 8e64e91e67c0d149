//! Messages of the server and of the link to it.

use std::path::Path;

use super::Lang;
use crate::service::LinkFault;

/// Why a call through the server failed, in the user's language.
pub fn link_fault(f: &LinkFault, lang: Lang) -> String {
    match (f, lang) {
        (LinkFault::Unreachable { socket, detail }, Lang::Ja) => format!(
            "{}: kizuna のサーバーが応答しません（{detail}）。サーバーの管理者に連絡するか、\
             設定の socket を見直してください。",
            socket.display()
        ),
        (LinkFault::Unreachable { socket, detail }, Lang::En) => format!(
            "{}: no kizuna server answers ({detail}). Ask the server's administrator, or \
             check the socket setting.",
            socket.display()
        ),
        (LinkFault::Closed, Lang::Ja) => {
            "サーバーとの接続が切れました。もう一度開いてください。".to_string()
        }
        (LinkFault::Closed, Lang::En) => {
            "The server closed the connection. Open kizuna again.".to_string()
        }
        (LinkFault::Stopping, Lang::Ja) => {
            "サーバーが停止しています。しばらくしてから開き直してください。".to_string()
        }
        (LinkFault::Stopping, Lang::En) => {
            "The server is stopping. Open kizuna again in a while.".to_string()
        }
        (LinkFault::Version { server, client }, Lang::Ja) => format!(
            "サーバーは kizuna {server}、この端末は {client} です。版をそろえてください \
             （更新後はサーバーの再起動が必要です）。"
        ),
        (LinkFault::Version { server, client }, Lang::En) => format!(
            "The server runs kizuna {server}, this is {client}. Use the same version \
             (restart the server after an upgrade)."
        ),
        (LinkFault::Protocol(detail), Lang::Ja) => {
            format!("サーバーとの通信で異常がありました: {detail}")
        }
        (LinkFault::Protocol(detail), Lang::En) => {
            format!("Something went wrong talking to the server: {detail}")
        }
        (LinkFault::Refused(detail), Lang::Ja) => format!("サーバーが接続を断りました: {detail}"),
        (LinkFault::Refused(detail), Lang::En) => format!("The server refused: {detail}"),
        (
            LinkFault::NotOwner {
                socket,
                owner,
                server,
            },
            Lang::Ja,
        ) => format!(
            "{}: ソケットの持ち主 (uid {owner}) ではないアカウント (uid {server}) が応答しています。\
             パスフレーズを送らないよう、接続をやめました。管理者に連絡してください。",
            socket.display()
        ),
        (
            LinkFault::NotOwner {
                socket,
                owner,
                server,
            },
            Lang::En,
        ) => format!(
            "{}: answered by uid {server}, not by the socket's owner (uid {owner}); kizuna did \
             not go on, so no passphrase was sent. Tell the administrator.",
            socket.display()
        ),
        (LinkFault::FileOnly(what), Lang::Ja) => format!(
            "{what} はサーバー経由ではできません。サーバーを止め、データベースのファイルに対して\
             サービスアカウントで実行してください。"
        ),
        (LinkFault::FileOnly(what), Lang::En) => format!(
            "{what} cannot go through the server. Stop the server and run it on the database \
             file as the service account."
        ),
    }
}

/// The server's start line.
pub fn serving(socket: &Path, db: &Path, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "kizuna サーバー: {} で待ち受け中（データベース {}）",
            socket.display(),
            db.display()
        ),
        Lang::En => format!(
            "kizuna server: listening on {} (database {})",
            socket.display(),
            db.display()
        ),
    }
}

/// A connection accepted, in the server's log.
pub fn conn_opened(account: &str, uid: u32, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("接続: {account}（uid {uid}）"),
        Lang::En => format!("connected: {account} (uid {uid})"),
    }
}

/// A connection ended, and why if it was not the client's own choice.
pub fn conn_closed(account: &str, uid: u32, reason: Option<&str>, lang: Lang) -> String {
    match (reason, lang) {
        (None, Lang::Ja) => format!("切断: {account}（uid {uid}）"),
        (None, Lang::En) => format!("disconnected: {account} (uid {uid})"),
        (Some(r), Lang::Ja) => format!("接続を閉じました: {account}（uid {uid}）: {r}"),
        (Some(r), Lang::En) => format!("closed the connection of {account} (uid {uid}): {r}"),
    }
}

/// Case keys dropped after the idle time.
pub fn keys_forgotten(account: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("{account} のケースの鍵を、操作がないため破棄しました"),
        Lang::En => format!("forgot the case keys of {account} after the idle time"),
    }
}

/// Something went wrong outside any one call.
pub fn serve_trouble(detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("サーバーの異常: {detail}"),
        Lang::En => format!("server trouble: {detail}"),
    }
}

/// Shutdown begins.
pub fn serve_stopping(lang: Lang) -> String {
    lang.pick(
        "停止します: 処理中の操作を終えてから接続を閉じます",
        "stopping: finishing the calls under way, then closing every connection",
    )
    .to_string()
}

/// Shutdown done.
pub fn serve_stopped(lang: Lang) -> String {
    lang.pick(
        "停止しました。データベースを閉じました",
        "stopped; the database is closed",
    )
    .to_string()
}

/// `serve` without a socket to listen on.
pub fn serve_no_socket(lang: Lang) -> String {
    lang.pick(
        "待ち受けるソケットがありません。--socket、KIZUNA_SOCKET、または /etc/kizuna/config.toml の socket で指定してください。",
        "No socket to listen on: give --socket, KIZUNA_SOCKET, or socket in /etc/kizuna/config.toml.",
    )
    .to_string()
}

/// Why the server could not start.
pub fn serve_error(e: &crate::remote::server::ServeError, lang: Lang) -> String {
    use crate::remote::server::ServeError;
    match (e, lang) {
        (ServeError::InUse(p), Lang::Ja) => {
            format!("{}: 別の kizuna サーバーが待ち受けています", p.display())
        }
        (ServeError::InUse(p), Lang::En) => {
            format!("{}: another kizuna server is listening here", p.display())
        }
        (ServeError::NotASocket(p), Lang::Ja) => format!(
            "{}: ソケットではないファイルがあります。場所を変えるか、ファイルを確かめてください",
            p.display()
        ),
        (ServeError::NotASocket(p), Lang::En) => format!(
            "{}: a file that is not a socket is in the way; choose another path or look at the file",
            p.display()
        ),
        (ServeError::Io { path, source }, _) => format!("{}: {source}", path.display()),
    }
}

/// A connection refused because the server is full.
pub fn serve_full(limit: usize, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!("接続を断りました: 同時接続の上限 {limit} に達しています"),
        Lang::En => format!("refused a connection: the limit of {limit} at once is reached"),
    }
}

/// A call that failed on the server by a fault of kizuna itself.
pub fn call_failed(call: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => format!(
            "サーバーで {call} の処理中に内部エラーが起きました。何も書き込まれていません。管理者に連絡してください。"
        ),
        Lang::En => format!(
            "An internal error stopped {call} on the server; nothing was written. Tell the administrator."
        ),
    }
}

/// A reply too large to send.
pub fn reply_too_large(call: &str, detail: &str, lang: Lang) -> String {
    match lang {
        Lang::Ja => {
            format!("{call} の結果が大きすぎて送れません（{detail}）。範囲を絞ってください。")
        }
        Lang::En => {
            format!("The answer to {call} is too large to send ({detail}); narrow it down.")
        }
    }
}
