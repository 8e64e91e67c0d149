//! CSV files in and out: employees, organisation units, titles, skill levels and
//! enrollments. A file's bytes travel in the request, and so does everything needed to
//! read it (the gaiji table too), so an import runs the same in this process and on a
//! server. In this process a long import tells its progress as it goes; through a
//! server it reports when it is done.

use crate::domain::Date;
use crate::i18n::Lang;
use crate::io::csv::{Encoding, Gaiji, OutEncoding};
use crate::remote::own::Own;
use crate::remote::{Api, Fault};
use crate::service::{
    CsvError, EmployeeImport, EnrollmentImport, EnrollmentImportError, EnrollmentSummary,
    ImportSummary, Principal, Progress, Service, SkillImport,
};

use super::super::calls::calls;

/// An employee file as it travels to the service: its bytes and how to read them.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct EmployeeUpload {
    pub bytes: Vec<u8>,
    pub encoding: Encoding,
    /// The date of a changed post when the row has no 発令日 (else today).
    pub effective: Option<Date>,
    pub dry_run: bool,
    /// The admin's table of 外字, as data.
    pub gaiji: Gaiji,
}

impl EmployeeUpload {
    /// The file's bytes and the options of the import, owned.
    pub fn new(bytes: &[u8], opts: &EmployeeImport<'_>) -> EmployeeUpload {
        EmployeeUpload {
            bytes: bytes.to_vec(),
            encoding: opts.encoding,
            effective: opts.effective,
            dry_run: opts.dry_run,
            gaiji: opts.gaiji.clone(),
        }
    }

    fn run(
        &self,
        s: &Service,
        p: &Principal,
        progress: Progress<'_>,
    ) -> Result<ImportSummary, CsvError> {
        let opts = EmployeeImport {
            encoding: self.encoding,
            effective: self.effective,
            dry_run: self.dry_run,
            gaiji: &self.gaiji,
        };
        s.import_employees(p, &self.bytes, &opts, progress)
    }
}

/// A skill level file as it travels to the service: its bytes and how to read them.
#[derive(Clone, Debug, serde::Serialize, serde::Deserialize)]
pub struct SkillUpload {
    pub bytes: Vec<u8>,
    pub opts: SkillImport,
}

/// An upload travels as it is.
macro_rules! by_value {
    ($($t:ty),*) => {
        $(impl Own<$t> for $t {
            fn own(self) -> $t {
                self
            }
        })*
    };
}

by_value!(EmployeeUpload, SkillUpload);

calls! {
    Imports: ImportsRequest => ImportsReply;

    /// Organisation units from a CSV file, all or nothing.
    fn import_orgs(bytes: &[u8] => Vec<u8>, encoding: Encoding => Encoding, dry_run: bool => bool)
        -> ImportSummary | CsvError
        = |s, p, _c| s.import_orgs(p, &bytes, encoding, dry_run);
    /// Job titles and their bands from a CSV file, all or nothing.
    fn import_titles(bytes: &[u8] => Vec<u8>, encoding: Encoding => Encoding, dry_run: bool => bool)
        -> ImportSummary | CsvError
        = |s, p, _c| s.import_titles(p, &bytes, encoding, dry_run);
    /// Staff from a CSV file, all or nothing, telling nothing until it is done: what
    /// [`Api::import_employees`] sends where the service is not in this process.
    fn upload_employees(upload: EmployeeUpload => EmployeeUpload) -> ImportSummary | CsvError
        = |s, p, _c| upload.run(s, p, &mut |_, _, _| {});
    /// Skill levels from a CSV file, all or nothing, telling nothing until it is done:
    /// what [`Api::import_skills`] sends where the service is not in this process.
    fn upload_skills(upload: SkillUpload => SkillUpload) -> ImportSummary | CsvError
        = |s, p, _c| s.import_skills(p, &upload.bytes, &upload.opts, &mut |_, _, _| {});
    /// People into training sessions from a CSV file, all or nothing.
    fn import_enrollments(bytes: &[u8] => Vec<u8>, opts: &EnrollmentImport => EnrollmentImport)
        -> EnrollmentSummary | EnrollmentImportError
        = |s, p, _c| s.import_enrollments(p, &bytes, &opts);
    /// Everyone with the post held today, as CSV bytes, with the number of people.
    fn export_employees(encoding: OutEncoding => OutEncoding) -> (Vec<u8>, usize) | CsvError
        = |s, p, _c| s.export_employees(p, encoding);
}

impl Api {
    /// Adds and updates staff from a CSV file, all or nothing. `progress` is told
    /// `(stage, rows done, rows in all)` as the file goes through when the service is in
    /// this process; through a server the answer comes when the import is done.
    pub fn import_employees(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &EmployeeImport<'_>,
        progress: Progress<'_>,
    ) -> Result<ImportSummary, CsvError> {
        match self {
            Api::Local(l) => l.service.import_employees(p, bytes, opts, progress),
            Api::Remote(_) => self.upload_employees(p, EmployeeUpload::new(bytes, opts)),
        }
    }

    /// Dated skill levels from a CSV file, all or nothing, with progress as
    /// [`Api::import_employees`] gives it.
    pub fn import_skills(
        &self,
        p: &Principal,
        bytes: &[u8],
        opts: &SkillImport,
        progress: Progress<'_>,
    ) -> Result<ImportSummary, CsvError> {
        match self {
            Api::Local(l) => l.service.import_skills(p, bytes, opts, progress),
            Api::Remote(_) => self.upload_skills(
                p,
                SkillUpload {
                    bytes: bytes.to_vec(),
                    opts: *opts,
                },
            ),
        }
    }
}

impl Fault for CsvError {
    fn for_wire(self, lang: Lang) -> CsvError {
        match self {
            CsvError::Service(e) => CsvError::Service(e.for_wire(lang)),
            rejected @ CsvError::Rejected(_) => rejected,
        }
    }
}

impl Fault for EnrollmentImportError {
    fn for_wire(self, lang: Lang) -> EnrollmentImportError {
        match self {
            EnrollmentImportError::Service(e) => EnrollmentImportError::Service(e.for_wire(lang)),
            rejected @ EnrollmentImportError::Rejected(_) => rejected,
        }
    }
}
