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
