//! The messages of protocol 1. A client opens with [`Hello`]; the server answers
//! [`Welcome`] or [`Refused`](ServerFrame::Refused) and closes. Then the client sends
//! calls one at a time, and the server sends their replies, and, at any time, news of
//! commits made by others and of its own shutdown.

use std::path::PathBuf;

use super::{Reply, Request};
use crate::i18n::Lang;

/// The protocol this build speaks; frames of any other are refused.
pub const PROTOCOL: u16 = 1;

/// What a client says first.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Hello {
    /// The kizuna version of the client: the server serves only its own.
    pub version: String,
    /// The language the server words its messages in for this client.
    pub lang: Lang,
}

/// The server's answer to a [`Hello`] it accepts.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub struct Welcome {
    /// The account the server found at the other end of the socket.
    pub account: String,
    pub uid: u32,
    /// The database the server has open, for the status line.
    pub database: PathBuf,
    /// Commits so far, the base for [`ServerFrame::Changed`].
    pub commits: u64,
}

/// A frame from the client.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum ClientFrame {
    Hello(Hello),
    /// A call, numbered by the client.
    Call {
        id: u64,
        request: Request,
    },
}

/// A frame from the server.
#[derive(Debug, serde::Serialize, serde::Deserialize)]
pub enum ServerFrame {
    Welcome(Welcome),
    /// The connection is refused; the reason is worded in the client's language.
    Refused(String),
    /// The answer to call `id`.
    Reply {
        id: u64,
        reply: Box<Reply>,
    },
    /// Call `id` could not be answered; the reason is worded in the client's language.
    Failed {
        id: u64,
        reason: String,
    },
    /// Someone committed a change; `commits` is the new count.
    Changed {
        commits: u64,
    },
    /// The server is stopping; no more calls will be answered.
    Stopping,
}

/// The kizuna version, as both sides compare it.
pub fn version() -> String {
    env!("CARGO_PKG_VERSION").to_string()
}
