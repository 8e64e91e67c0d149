//! Every request and reply of the service API, by part.

mod cases;
#[cfg(test)]
pub(crate) mod crossing;
mod dashboard;
mod imports;
mod people;
mod roadmap;
mod skills;
mod training;

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

impl Request {
    /// Whether the call derives a key from a passphrase (argon2): the server runs those
    /// apart from the threads that answer the others.
    pub fn derives_key(&self) -> bool {
        matches!(self, Request::Cases(r) if r.derives_key())
    }
}

parts!(
    People(people::PeopleRequest, people::PeopleReply),
    Skills(skills::SkillsRequest, skills::SkillsReply),
    Training(training::TrainingRequest, training::TrainingReply),
    Imports(imports::ImportsRequest, imports::ImportsReply),
    Roadmap(roadmap::RoadmapRequest, roadmap::RoadmapReply),
    Dashboard(dashboard::DashboardRequest, dashboard::DashboardReply),
    Cases(cases::CasesRequest, cases::CasesReply),
);
