//! The employee form: fields typed by keyboard only, checked as the user's language
//! says, turned into a record or into messages beside the fields.

use crate::domain::{
    Assignment, AssignmentKind, Date, Employee, EmploymentType, Leaving, Status, TitleMap,
};
use crate::i18n::{Lang, Term, tui};
use crate::tui::widgets::input::{TextInput, fold};

/// The fields, in the order Tab visits them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FieldId {
    StaffNo,
    Name,
    Reading,
    FormerName,
    Alias,
    Birth,
    Hired,
    Unit,
    Title,
    Effective,
    Employment,
    Status,
    Leaving,
}

impl FieldId {
    pub const ALL: [FieldId; 13] = [
        FieldId::StaffNo,
        FieldId::Name,
        FieldId::Reading,
        FieldId::FormerName,
        FieldId::Alias,
        FieldId::Birth,
        FieldId::Hired,
        FieldId::Unit,
        FieldId::Title,
        FieldId::Effective,
        FieldId::Employment,
        FieldId::Status,
        FieldId::Leaving,
    ];

    /// The message-catalogue key of its label.
    pub fn label_key(self) -> &'static str {
        match self {
            FieldId::StaffNo => "field.staff_no",
            FieldId::Name => "field.name",
            FieldId::Reading => "field.reading",
            FieldId::FormerName => "field.former_name",
            FieldId::Alias => "field.alias",
            FieldId::Birth => "field.birth",
            FieldId::Hired => "field.hired",
            FieldId::Unit => "field.unit",
            FieldId::Title => "field.title",
            FieldId::Effective => "field.effective",
            FieldId::Employment => "field.employment",
            FieldId::Status => "field.status",
            FieldId::Leaving => "field.leaving",
        }
    }

    /// The field a service fault names (see `EmployeeFault::field`).
    pub fn from_name(name: &str) -> FieldId {
        match name {
            "staff_no" => FieldId::StaffNo,
            "name" => FieldId::Name,
            "reading" => FieldId::Reading,
            "hired" => FieldId::Hired,
            "unit" => FieldId::Unit,
            "title" => FieldId::Title,
            "leaving" => FieldId::Leaving,
            _ => FieldId::Effective,
        }
    }
}

/// New person, or a change to an existing one.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormMode {
    New,
    Edit(Box<Employee>),
}

#[derive(Clone, Debug)]
pub struct Form {
    pub mode: FormMode,
    pub values: Vec<TextInput>,
    pub errors: Vec<Option<String>>,
    pub focused: usize,
    pub dirty: bool,
    /// After saving a new person, keep the form open with the unit and dates.
    pub continuous: bool,
    /// The unit and title the edit form opened with, to tell a new post from none.
    pub post_shown: Option<(String, String)>,
    /// The revision of the record the edit started from (0 for a new person): the save
    /// passes it back, and is refused if someone else saved since.
    pub opened: u64,
}

fn blank() -> Vec<TextInput> {
    FieldId::ALL.iter().map(|_| TextInput::default()).collect()
}

impl Form {
    pub fn new(today: Date, lang: Lang) -> Form {
        let mut form = Form {
            mode: FormMode::New,
            values: blank(),
            errors: vec![None; FieldId::ALL.len()],
            focused: 0,
            dirty: false,
            continuous: false,
            post_shown: None,
            opened: 0,
        };
        form.set(FieldId::Employment, EmploymentType::Regular.term(lang));
        form.set(FieldId::Status, Status::Active.term(lang));
        form.set(FieldId::Effective, &today.to_string());
        form
    }

    /// The form over a stored record read at revision `opened`.
    pub fn edit(e: &Employee, opened: u64, today: Date, lang: Lang) -> Form {
        let mut form = Form {
            mode: FormMode::Edit(Box::new(e.clone())),
            values: blank(),
            errors: vec![None; FieldId::ALL.len()],
            focused: 1,
            dirty: false,
            continuous: false,
            post_shown: e
                .assignment_on(today)
                .map(|a| (a.unit.clone(), a.title.clone())),
            opened,
        };
        let current = e.assignment_on(today);
        form.set(FieldId::StaffNo, &e.staff_no);
        form.set(FieldId::Name, &e.name);
        form.set(FieldId::Reading, &e.reading);
        form.set(FieldId::FormerName, e.former_name.as_deref().unwrap_or(""));
        form.set(FieldId::Alias, e.alias.as_deref().unwrap_or(""));
        form.set(FieldId::Birth, &e.birth.to_string());
        form.set(FieldId::Hired, &e.hired.to_string());
        form.set(FieldId::Unit, current.map_or("", |a| a.unit.as_str()));
        form.set(FieldId::Title, current.map_or("", |a| a.title.as_str()));
        form.set(FieldId::Effective, &today.to_string());
        form.set(FieldId::Employment, e.employment.term(lang));
        form.set(FieldId::Status, e.status.term(lang));
        form.set(
            FieldId::Leaving,
            &e.leaving
                .as_ref()
                .map(|l| l.date.to_string())
                .unwrap_or_default(),
        );
        form
    }

    /// The same edit over `theirs`, the record someone else saved at `revision`: the
    /// fields the user changed keep what they typed, every other field shows theirs,
    /// and what the form does not show (a post they added, the career track) stays
    /// theirs. A new person's form has nothing to rebase.
    pub fn rebase(&self, theirs: &Employee, revision: u64, today: Date, lang: Lang) -> Form {
        let FormMode::Edit(original) = &self.mode else {
            return self.clone();
        };
        let opened = Form::edit(original, self.opened, today, lang);
        let mut out = Form::edit(theirs, revision, today, lang);
        for (i, mine) in self.values.iter().enumerate() {
            if mine.text() != opened.values[i].text() {
                out.values[i] = mine.clone();
            }
        }
        out.focused = self.focused;
        out.dirty = self.dirty;
        out
    }

    fn slot(id: FieldId) -> usize {
        FieldId::ALL.iter().position(|f| *f == id).unwrap_or(0)
    }

    pub fn set(&mut self, id: FieldId, text: &str) {
        self.values[Self::slot(id)] = TextInput::with(text);
    }

    pub fn value(&self, id: FieldId) -> &str {
        self.values[Self::slot(id)].text().trim()
    }

    pub fn error(&self, id: FieldId) -> Option<&str> {
        self.errors[Self::slot(id)].as_deref()
    }

    pub fn set_error(&mut self, id: FieldId, message: String) {
        let slot = Self::slot(id);
        if self.errors[slot].is_none() {
            self.errors[slot] = Some(message);
        }
    }

    pub fn has_errors(&self) -> bool {
        self.errors.iter().any(Option::is_some)
    }

    pub fn focused_id(&self) -> FieldId {
        FieldId::ALL[self.focused]
    }

    pub fn current(&self) -> &TextInput {
        &self.values[self.focused]
    }

    /// Edits the focused field; its old message goes, since the user is fixing it.
    pub fn edit_current(&mut self, change: impl FnOnce(&mut TextInput)) {
        let before = self.values[self.focused].clone();
        change(&mut self.values[self.focused]);
        if self.values[self.focused].text() != before.text() {
            self.dirty = true;
            self.errors[self.focused] = None;
        }
    }

    fn editable(&self, i: usize) -> bool {
        !(matches!(self.mode, FormMode::Edit(_)) && FieldId::ALL[i] == FieldId::StaffNo)
    }

    pub fn next(&mut self) {
        let n = self.values.len();
        let mut i = (self.focused + 1) % n;
        while !self.editable(i) {
            i = (i + 1) % n;
        }
        self.focused = i;
    }

    pub fn prev(&mut self) {
        let n = self.values.len();
        let mut i = (self.focused + n - 1) % n;
        while !self.editable(i) {
            i = (i + n - 1) % n;
        }
        self.focused = i;
    }

    pub fn on_last(&self) -> bool {
        self.focused + 1 == self.values.len()
    }

    /// For the next person of a year-start batch: the unit, title, dates and types
    /// stay, the person's own fields empty.
    pub fn next_person(&mut self) {
        self.mode = FormMode::New;
        for id in [
            FieldId::StaffNo,
            FieldId::Name,
            FieldId::Reading,
            FieldId::FormerName,
            FieldId::Alias,
            FieldId::Birth,
            FieldId::Leaving,
        ] {
            self.set(id, "");
        }
        self.errors = vec![None; FieldId::ALL.len()];
        self.focused = 0;
        self.dirty = false;
    }

    fn date(&mut self, id: FieldId, required: bool, lang: Lang) -> Option<Date> {
        let text = fold(self.value(id));
        if text.is_empty() {
            if required {
                self.set_error(id, tui("error.required", lang).to_string());
            }
            return None;
        }
        match Date::parse(&text) {
            Ok(d) => Some(d),
            Err(_) => {
                self.set_error(id, tui("error.date", lang).to_string());
                None
            }
        }
    }

    fn text(&mut self, id: FieldId, required: bool, lang: Lang) -> Option<String> {
        // Codes typed with the IME on arrive full width; names stay exactly as typed.
        let text = match id {
            FieldId::StaffNo | FieldId::Unit => fold(self.value(id)),
            _ => self.value(id).to_string(),
        };
        if text.is_empty() && required {
            self.set_error(id, tui("error.required", lang).to_string());
        }
        (!text.is_empty()).then_some(text)
    }

    /// The record the form describes, or messages beside the fields. Service checks
    /// (unknown unit or title, a taken staff number) come back after saving.
    pub fn build(&mut self, titles: &TitleMap, lang: Lang) -> Option<Employee> {
        self.errors = vec![None; FieldId::ALL.len()];
        let staff_no = self.text(FieldId::StaffNo, true, lang);
        let name = self.text(FieldId::Name, true, lang);
        let reading = self.text(FieldId::Reading, true, lang);
        let former_name = self.text(FieldId::FormerName, false, lang);
        let alias = self.text(FieldId::Alias, false, lang);
        let birth = self.date(FieldId::Birth, true, lang);
        let hired = self.date(FieldId::Hired, true, lang);
        let unit = self.text(FieldId::Unit, true, lang);
        let title = self.text(FieldId::Title, true, lang);
        let effective = self.date(FieldId::Effective, false, lang);
        let leaving = self.date(FieldId::Leaving, false, lang);
        let employment = EmploymentType::parse(self.value(FieldId::Employment));
        if employment.is_none() {
            self.set_error(
                FieldId::Employment,
                choices(EmploymentType::ALL.iter().map(|e| e.term(lang)), lang),
            );
        }
        let status = Status::parse(self.value(FieldId::Status));
        if status.is_none() {
            self.set_error(
                FieldId::Status,
                choices(Status::ALL.iter().map(|s| s.term(lang)), lang),
            );
        }
        if self.has_errors() {
            return None;
        }
        let (staff_no, name, reading, birth, hired, unit, title, employment, status) = (
            staff_no?,
            name?,
            reading?,
            birth?,
            hired?,
            unit?,
            title?,
            employment?,
            status?,
        );
        let reading = crate::domain::kana::to_hiragana(&reading);
        let leaving = leaving.map(|date| Leaving {
            date,
            reason: String::new(),
        });
        match &self.mode {
            FormMode::New => Some(Employee {
                staff_no,
                name,
                reading,
                former_name,
                alias,
                employment,
                birth,
                hired,
                leaving,
                track: Default::default(),
                digital: Default::default(),
                status,
                comeback: false,
                history: vec![Assignment {
                    effective: effective.unwrap_or(hired).max(hired),
                    unit,
                    title,
                    kind: AssignmentKind::Hire,
                }],
            }),
            FormMode::Edit(original) => {
                let mut e = (**original).clone();
                e.name = name;
                e.reading = reading;
                e.former_name = former_name;
                e.alias = alias;
                e.birth = birth;
                e.hired = hired;
                e.employment = employment;
                e.status = status;
                e.leaving = match (leaving, &original.leaving) {
                    (Some(mut l), Some(old)) => {
                        l.reason = old.reason.clone();
                        Some(l)
                    }
                    (l, _) => l,
                };
                let moved = self
                    .post_shown
                    .as_ref()
                    .is_none_or(|(u, t)| *u != unit || *t != title);
                if moved {
                    // A new post needs the date it takes effect; guessing one would
                    // write a wrong history.
                    let Some(on) = effective else {
                        self.set_error(FieldId::Effective, tui("error.required", lang).to_string());
                        return None;
                    };
                    let current = original.assignment_on(on).cloned();
                    let rises = match (
                        current.as_ref().and_then(|c| titles.band_of(&c.title)),
                        titles.band_of(&title),
                    ) {
                        (Some(old), Some(new)) => new > old,
                        _ => false,
                    };
                    let kind = if rises {
                        AssignmentKind::Promotion
                    } else {
                        AssignmentKind::Transfer
                    };
                    if let Err(rule) = e.set_post(Assignment {
                        effective: on,
                        unit,
                        title,
                        kind,
                    }) {
                        self.set_error(FieldId::Effective, crate::i18n::employee_rule(&rule, lang));
                        return None;
                    }
                }
                Some(e)
            }
        }
    }
}

fn choices<'a>(options: impl Iterator<Item = &'a str>, lang: Lang) -> String {
    format!(
        "{}: {}",
        tui("error.choice", lang),
        options.collect::<Vec<_>>().join(" / ")
    )
}
