//! Every request and reply of the service API, by part.

mod people;

/// Joins the parts into one request enum and one reply enum.
macro_rules! parts {
    ($($part:ident ($req:ty, $reply:ty)),* $(,)?) => {
        /// One call of the service API.
        #[derive(Debug, serde::Serialize, serde::Deserialize)]
        pub enum Request {
            $( $part($req) ),*
        }

        /// The answer to one [`Request`].
        #[derive(Debug, serde::Serialize, serde::Deserialize)]
        pub enum Reply {
            $( $part($reply) ),*
        }

        impl Request {
            /// The call's name, for logs.
            pub fn name(&self) -> &'static str {
                match self {
                    $( Request::$part(r) => r.name() ),*
                }
            }

            /// Runs the call against the service for `caller`, with the state of the
            /// caller's connection.
            pub fn run(
                self,
                service: &crate::service::Service,
                caller: &crate::service::Principal,
                conn: &mut super::Conn,
            ) -> Reply {
                match self {
                    $( Request::$part(r) => Reply::$part(r.run(service, caller, conn)) ),*
                }
            }
        }

        impl Reply {
            /// Replaces what cannot cross the socket by its message in `lang`.
            pub fn for_wire(self, lang: crate::i18n::Lang) -> Reply {
                match self {
                    $( Reply::$part(r) => Reply::$part(r.for_wire(lang)) ),*
                }
            }
        }
    };
}

parts!(People(people::PeopleRequest, people::PeopleReply),);
