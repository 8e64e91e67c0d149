//! For tests: requests and replies as they cross the server's socket, through the real
//! frame codec.

use crate::i18n::Lang;
use crate::remote::{Conn, Reply, Request, wire};
use crate::service::{Principal, Service};

/// `t` encoded into a frame and read back.
pub fn cross<T: serde::Serialize + serde::de::DeserializeOwned>(t: &T) -> T {
    let frame = wire::encode(t).unwrap();
    wire::read(&mut frame.as_slice()).unwrap()
}

/// The request run on a fresh connection, both ways across the socket.
pub fn through(s: &Service, p: &Principal, request: Request) -> Reply {
    let request = cross(&request);
    let reply = request.run(s, p, &mut Conn::new()).for_wire(Lang::Ja);
    cross(&reply)
}
