//! The pieces forms are made of, as the templates `field.html`, `textarea.html`,
//! `radios.html` and `select.html` show them: each keeps what the person typed or
//! chose, and the error on it.

use coproduce_domain::Vocabulary;
use coproduce_domain::text::{FieldError, Problem};

use crate::i18n::Tr;

/// One text input, as `field.html` shows it.
pub struct FormField {
    pub id: &'static str,
    pub label: String,
    pub hint: Option<String>,
    pub value: String,
    pub error: Option<String>,
    pub kind: &'static str,
    pub autocomplete: &'static str,
    pub width: Option<&'static str>,
    pub spellcheck_off: bool,
    pub inputmode: &'static str,
}

impl FormField {
    pub fn new(id: &'static str, label: impl Into<String>, kind: &'static str) -> Self {
        FormField {
            id,
            label: label.into(),
            hint: None,
            value: String::new(),
            error: None,
            kind,
            autocomplete: "",
            width: None,
            spellcheck_off: false,
            inputmode: "",
        }
    }

    /// A short code typed from a phone: digits keyboard, no spelling check.
    pub fn numeric_code(mut self) -> Self {
        self.inputmode = "numeric";
        self.spellcheck_off = true;
        self.width = Some("nhsuk-input--width-10");
        self
    }

    pub fn autocomplete(mut self, a: &'static str) -> Self {
        self.autocomplete = a;
        self
    }

    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }

    pub fn value(mut self, v: impl Into<String>) -> Self {
        self.value = v.into();
        self
    }

    /// Shows the first error recorded for this field, if any.
    pub fn errors(mut self, errors: &[FieldError]) -> Self {
        self.error = errors
            .iter()
            .find(|e| e.field == self.id)
            .map(|e| e.message.clone());
        self
    }
}

/// The first error recorded for a field.
pub fn error_of(errors: &[FieldError], id: &str) -> Option<String> {
    errors
        .iter()
        .find(|e| e.field == id)
        .map(|e| e.message.clone())
}

/// One choice among radios or in a select.
#[derive(Clone)]
pub struct Choice {
    pub value: String,
    pub label: String,
    pub hint: Option<String>,
}

/// A set of radios, one of which may be chosen.
pub struct Radios {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<String>,
    pub options: Vec<Choice>,
    pub selected: String,
    pub error: Option<String>,
}

impl Radios {
    /// Radios for every value of a vocabulary, with an optional hint for each.
    pub fn of<V: Vocabulary>(
        id: &'static str,
        legend: &'static str,
        selected: &str,
        errors: &[FieldError],
        hint: impl Fn(V) -> Option<String>,
    ) -> Self {
        Radios {
            id,
            legend,
            hint: None,
            options: V::ALL
                .iter()
                .map(|v| Choice {
                    value: v.slug().into(),
                    label: v.label().into(),
                    hint: hint(*v),
                })
                .collect(),
            selected: selected.into(),
            error: error_of(errors, id),
        }
    }

    pub fn hint(mut self, h: impl Into<String>) -> Self {
        self.hint = Some(h.into());
        self
    }
}

/// A set of checkboxes, any number of which may be ticked. The form sends one value
/// per ticked box under the same name: read it with [`HtmlForm`].
pub struct Checkboxes {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: Option<&'static str>,
    pub options: Vec<Choice>,
    pub checked: Vec<String>,
    pub error: Option<String>,
}

impl Checkboxes {
    /// Checkboxes for every value of a vocabulary.
    pub fn of<V: Vocabulary>(
        id: &'static str,
        legend: &'static str,
        checked: &[String],
        errors: &[FieldError],
    ) -> Self {
        Checkboxes {
            id,
            legend,
            hint: None,
            options: V::ALL
                .iter()
                .map(|v| Choice {
                    value: v.slug().into(),
                    label: v.label().into(),
                    hint: None,
                })
                .collect(),
            checked: checked.to_vec(),
            error: error_of(errors, id),
        }
    }

    pub fn hint(mut self, key: &'static str) -> Self {
        self.hint = Some(key);
        self
    }
}

/// A form body read with repeated names kept (`roles=carer&roles=patient` gives a
/// list), as checkboxes send them. A body that cannot be read is refused with a page
/// that says so.
pub struct HtmlForm<T>(pub T);

impl<T, S> axum::extract::FromRequest<S> for HtmlForm<T>
where
    T: serde::de::DeserializeOwned,
    S: Send + Sync,
{
    type Rejection = axum::response::Response;

    async fn from_request(req: axum::extract::Request, state: &S) -> Result<Self, Self::Rejection> {
        let viewer = req
            .extensions()
            .get::<crate::auth::Viewer>()
            .cloned()
            .unwrap_or_default();
        let refuse = |viewer: &crate::auth::Viewer| {
            super::refusal(
                viewer,
                axum::http::StatusCode::BAD_REQUEST,
                &viewer.tr.t("form-unreadable"),
            )
        };
        let bytes = axum::body::Bytes::from_request(req, state)
            .await
            .map_err(|_| refuse(&viewer))?;
        serde_html_form::from_bytes(&bytes)
            .map(HtmlForm)
            .map_err(|_| refuse(&viewer))
    }
}

/// Reports a problem with one value of a list (`roles[2]`) against the list's field
/// (`roles`), where the page shows the whole list.
pub fn on_lists(errors: Vec<FieldError>) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            if let Some((base, _)) = e.field.split_once('[') {
                e.field = base.to_string();
            }
            e
        })
        .collect()
}

/// A list's choices after a first, empty one ("Choose one", "Not set").
pub fn after_none(label: String, mut options: Vec<Choice>) -> Vec<Choice> {
    options.insert(
        0,
        Choice {
            value: String::new(),
            label,
            hint: None,
        },
    );
    options
}

/// A drop-down list.
pub struct Select {
    pub id: &'static str,
    pub label: String,
    pub options: Vec<Choice>,
    pub selected: String,
    pub error: Option<String>,
}

impl Select {
    pub fn of<V: Vocabulary>(
        id: &'static str,
        label: &'static str,
        selected: &str,
        errors: &[FieldError],
    ) -> Self {
        Select {
            id,
            label: label.into(),
            options: V::ALL
                .iter()
                .map(|v| Choice {
                    value: v.slug().into(),
                    label: v.label().into(),
                    hint: None,
                })
                .collect(),
            selected: selected.into(),
            error: error_of(errors, id),
        }
    }
}

/// One date typed as day, month and year (the NHS date input).
pub struct DateField {
    pub id: &'static str,
    pub legend: &'static str,
    pub hint: &'static str,
    pub day: String,
    pub month: String,
    pub year: String,
    pub error: Option<String>,
}

impl DateField {
    pub fn typed(
        id: &'static str,
        legend: &'static str,
        hint: &'static str,
        d: &str,
        m: &str,
        y: &str,
    ) -> Self {
        DateField {
            id,
            legend,
            hint,
            day: d.trim().to_string(),
            month: m.trim().to_string(),
            year: y.trim().to_string(),
            error: None,
        }
    }

    pub fn show(&mut self, date: chrono::NaiveDate) {
        use chrono::Datelike;
        self.day = date.day().to_string();
        self.month = date.month().to_string();
        self.year = date.year().to_string();
    }

    /// Reads the date typed: `Ok(None)` when all three parts are empty.
    pub fn read(&self) -> Result<Option<chrono::NaiveDate>, Problem> {
        coproduce_domain::time::date_from_parts(&self.day, &self.month, &self.year)
    }
}

/// One part of a form page (`form_page.html`).
pub enum Part {
    Field(FormField),
    Text(FormField),
    Choose(Radios),
    Pick(Select),
    Date(DateField),
    Checks(Checkboxes),
    /// A heading that starts a group of parts.
    Heading(&'static str),
    /// A value sent back with the form unseen: the version of the record it changes.
    Hidden(&'static str, String),
    /// A warning to read before answering: a heading key and what it warns of, each
    /// item already in words.
    Warnings(&'static str, Vec<String>),
}

/// A page holding one form.
#[derive(askama::Template)]
#[template(path = "form_page.html")]
pub struct FormPage {
    pub chrome: super::Chrome,
    pub errors: Vec<FieldError>,
    pub back: Option<(String, String)>,
    pub caption: Option<String>,
    pub heading: String,
    pub intro: Vec<String>,
    pub action: String,
    pub parts: Vec<Part>,
    pub button: &'static str,
}

impl Part {
    /// The id the error summary links to for this part.
    fn anchor(&self) -> String {
        match self {
            Part::Field(f) | Part::Text(f) => f.id.to_string(),
            Part::Choose(r) => r.id.to_string(),
            Part::Pick(s) => s.id.to_string(),
            Part::Date(d) => format!("{}-day", d.id),
            Part::Checks(c) => c.id.to_string(),
            Part::Heading(h) | Part::Hidden(h, _) | Part::Warnings(h, _) => h.to_string(),
        }
    }
}

impl FormPage {
    /// Puts the error summary in the order of the form, as people read it.
    pub fn ordered(mut self) -> Self {
        let anchors: Vec<String> = self.parts.iter().map(Part::anchor).collect();
        self.errors.sort_by_key(|e| {
            anchors
                .iter()
                .position(|a| *a == e.field)
                .unwrap_or(usize::MAX)
        });
        self
    }
}

/// Turns an API error into what a page shows: field errors stay, a missing or hidden
/// record becomes "not found", anything else is a fault.
pub fn field_errors(e: impl Into<crate::ApiError>) -> Result<Vec<FieldError>, super::PageError> {
    match e.into() {
        crate::ApiError::Invalid(fields) => Ok(fields),
        crate::ApiError::NotFound(_) => Err(super::PageError::NotFound),
        other => Err(super::PageError::Internal(other.reference())),
    }
}

/// How a page names a field in its messages.
#[derive(Debug, Clone, Copy)]
pub enum Named {
    /// `(field, key)`: the message with key `key` is the field's name, put into the
    /// message for whatever problem the field has ("Project name must not be empty").
    As(&'static str, &'static str),
    /// `(field, key)`: the message with key `key` says what to do, whatever the
    /// problem ("Choose an organisation"): for choices, where the problem's own words
    /// would speak of ids and values.
    Always(&'static str, &'static str),
}

/// Words every problem a check found in the reader's language, naming each field as
/// the page does; a field the page does not name is "This answer". Messages a page
/// wrote itself are kept.
pub fn worded(tr: &Tr, errors: Vec<FieldError>, names: &[Named]) -> Vec<FieldError> {
    errors
        .into_iter()
        .map(|mut e| {
            let Some(problem) = &e.problem else {
                return e;
            };
            let named = names.iter().find(|n| match n {
                Named::As(f, _) | Named::Always(f, _) => *f == e.field,
            });
            e.message = match named {
                Some(Named::Always(_, key)) => tr.t(key),
                Some(Named::As(_, key)) => tr.why(problem, &tr.t(key)),
                None => tr.why(problem, &tr.t("why-this-answer")),
            };
            e
        })
        .collect()
}

/// Reads a date typed into the three boxes of the date input `id`. A date that is not
/// real, or none when `required`, is added to `errs` as a problem of `{id}-day`, the
/// box the error summary links to.
pub fn typed_date(
    errs: &mut coproduce_domain::text::FieldErrors,
    id: &str,
    (day, month, year): (&str, &str, &str),
    required: bool,
) -> Option<chrono::NaiveDate> {
    match coproduce_domain::time::date_from_parts(day, month, year) {
        Ok(Some(d)) => Some(d),
        Ok(None) => {
            if required {
                errs.add(format!("{id}-day"), Problem::Empty);
            }
            None
        }
        Err(p) => {
            errs.add(format!("{id}-day"), p);
            None
        }
    }
}
