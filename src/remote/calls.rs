//! The `calls!` macro: one line per service method gives its request, its reply, the
//! code the server runs for it, and the [`Api`](super::Api) method the screens call.
//!
//! ```text
//! calls! {
//!     Staff: StaffRequest => StaffReply;
//!     /// The interview card.
//!     fn employee(staff_no: &str => String) -> EmployeeView | ServiceError
//!         = |s, p, _conn| s.employee(p, &staff_no);
//! }
//! ```
//!
//! Each argument is written as the service takes it, then the type the request carries
//! (see [`Own`](super::own::Own)). The body runs on the server, or in this process when
//! no server is configured, with the service, the caller and the connection's state.

macro_rules! calls {
    (
        $area:ident : $req:ident => $reply:ident;
        $(
            $(#[doc = $doc:literal])*
            fn $name:ident ( $( $arg:ident : $aty:ty => $oty:ty ),* $(,)? ) -> $ret:ty | $err:ty
                = |$svc:ident, $p:ident, $conn:ident| $body:expr ;
        )*
    ) => {
        /// The requests of this part of the service.
        #[allow(non_camel_case_types)]
        #[derive(Debug, serde::Serialize, serde::Deserialize)]
        pub enum $req {
            $( $name { $( $arg: $oty ),* } ),*
        }

        /// The replies, one per request, each with the method's own error.
        #[allow(non_camel_case_types)]
        #[derive(Debug, serde::Serialize, serde::Deserialize)]
        pub enum $reply {
            $( $name(Result<$ret, $err>) ),*
        }

        impl $req {
            /// The request's name, for logs.
            pub fn name(&self) -> &'static str {
                match self {
                    $( $req::$name { .. } => stringify!($name) ),*
                }
            }

            /// Runs the request against the service.
            #[allow(unused_variables)]
            pub fn run(
                self,
                service: &$crate::service::Service,
                caller: &$crate::service::Principal,
                state: &mut $crate::remote::Conn,
            ) -> $reply {
                match self {
                    $( $req::$name { $( $arg ),* } => {
                        let $svc = service;
                        let $p = caller;
                        let $conn = &mut *state;
                        $reply::$name($body)
                    } ),*
                }
            }
        }

        impl $reply {
            /// Replaces what cannot cross the socket by its message in `lang`.
            pub fn for_wire(self, lang: $crate::i18n::Lang) -> $reply {
                match self {
                    $( $reply::$name(r) => $reply::$name(
                        r.map_err(|e| $crate::remote::Fault::for_wire(e, lang)),
                    ) ),*
                }
            }
        }

        impl $crate::remote::Api {
            $(
                $(#[doc = $doc])*
                #[allow(clippy::too_many_arguments)]
                pub fn $name(
                    &self,
                    p: &$crate::service::Principal,
                    $( $arg: $aty ),*
                ) -> Result<$ret, $err> {
                    let request = $crate::remote::Request::$area($req::$name {
                        $( $arg: <$aty as $crate::remote::own::Own<$oty>>::own($arg) ),*
                    });
                    match self.call(p, request) {
                        Ok($crate::remote::Reply::$area($reply::$name(r))) => r,
                        Ok(_) => Err(<$err>::from($crate::service::ServiceError::Link(
                            $crate::service::LinkFault::Protocol(
                                concat!("unexpected reply to ", stringify!($name)).to_string(),
                            ),
                        ))),
                        Err(e) => Err(<$err>::from(e)),
                    }
                }
            )*
        }
    };
}

pub(crate) use calls;
