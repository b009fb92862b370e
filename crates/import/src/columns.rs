//! The fields a column can be read as, the headers each is known by, and finding the
//! header row.

use coproduce_domain::fold;

use crate::sheet::Sheet;

/// A field of the register a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
    /// Joined with the surname into the name.
    FirstName,
    Surname,
    PreferredName,
    Pronouns,
    Email,
    Phone,
    Address,
    Postcode,
    PreferredContact,
    Roles,
    Affiliations,
    Interests,
    Availability,
    AvoidRushHour,
    Languages,
    BornOn,
    Needs,
    Guardian,
    EthnicGroup,
    /// The day the person joined, for an import into a network.
    JoinedOn,
}

impl Field {
    pub const ALL: [Field; 21] = [
        Field::Name,
        Field::FirstName,
        Field::Surname,
        Field::PreferredName,
        Field::Pronouns,
        Field::Email,
        Field::Phone,
        Field::Address,
        Field::Postcode,
        Field::PreferredContact,
        Field::Roles,
        Field::Affiliations,
        Field::Interests,
        Field::Availability,
        Field::AvoidRushHour,
        Field::Languages,
        Field::BornOn,
        Field::Needs,
        Field::Guardian,
        Field::EthnicGroup,
        Field::JoinedOn,
    ];

    /// The field's name in overrides (`Header=email`) and in the person's draft.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::Surname => "surname",
            Field::PreferredName => "preferred_name",
            Field::Pronouns => "pronouns",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Address => "address",
            Field::Postcode => "postcode",
            Field::PreferredContact => "preferred_contact",
            Field::Roles => "roles",
            Field::Affiliations => "affiliations",
            Field::Interests => "interests",
            Field::Availability => "availability",
            Field::AvoidRushHour => "avoid_rush_hour",
            Field::Languages => "languages",
            Field::BornOn => "born_on",
            Field::Needs => "needs",
            Field::Guardian => "guardian",
            Field::EthnicGroup => "ethnic_group",
            Field::JoinedOn => "joined_on",
        }
    }

    /// The field with this key, if there is one.
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(s.trim()))
    }

    /// Headers people give this column in UK NHS, council and charity registers,
    /// compared as [`fold`] folds them (without case, spaces or punctuation).
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "name",
                "full name",
                "participant",
                "participant name",
                "person name",
                "member name",
                "member",
                "client name",
                "patient name",
                "contact name",
                "name of person",
            ],
            Field::FirstName => &[
                "first name",
                "firstname",
                "forename",
                "forenames",
                "given name",
                "given names",
                "first",
            ],
            Field::Surname => &["surname", "last name", "family name", "last", "second name"],
            Field::PreferredName => &[
                "preferred name",
                "known as",
                "nickname",
                "preferred first name",
                "also known as",
                "aka",
                "what they like to be called",
            ],
            Field::Pronouns => &["pronouns", "pronoun", "preferred pronouns"],
            Field::Email => &[
                "email",
                "email address",
                "e-mail",
                "e-mail address",
                "personal email",
                "contact email",
            ],
            Field::Phone => &[
                "phone",
                "phone number",
                "phone no",
                "telephone",
                "telephone number",
                "tel",
                "tel no",
                "mobile",
                "mobile number",
                "mobile no",
                "mobile phone",
                "contact number",
                "home phone",
                "landline",
            ],
            Field::Address => &[
                "address",
                "home address",
                "postal address",
                "address line 1",
                "street address",
            ],
            Field::Postcode => &["postcode", "post code", "postal code", "zip"],
            Field::PreferredContact => &[
                "preferred contact",
                "contact method",
                "how to contact",
                "preferred contact method",
                "contact preference",
                "preferred method of contact",
            ],
            Field::Roles => &[
                "role",
                "roles",
                "type",
                "category",
                "involvement",
                "how they take part",
                "participant type",
                "member type",
                "role type",
                "involvement type",
            ],
            Field::Affiliations => &[
                "organisation",
                "organisations",
                "organization",
                "affiliation",
                "affiliations",
                "group",
                "groups",
            ],
            Field::Interests => &[
                "interests",
                "interest",
                "service areas",
                "areas of interest",
                "topics",
            ],
            Field::Availability => &["availability", "available", "when available"],
            Field::AvoidRushHour => &["avoid rush hour", "no rush hour"],
            Field::Languages => &[
                "languages",
                "language",
                "languages spoken",
                "first language",
                "main language",
                "preferred language",
                "spoken language",
                "interpreter",
                "interpreter language",
            ],
            Field::BornOn => &[
                "date of birth",
                "dob",
                "d.o.b.",
                "birth date",
                "born",
                "birthday",
            ],
            Field::Needs => &[
                "needs",
                "access needs",
                "accessibility needs",
                "communication needs",
                "reasonable adjustments",
                "adjustments",
                "support needs",
                "access requirements",
                "additional needs",
                "accessible information needs",
                "special requirements",
            ],
            Field::Guardian => &[
                "guardian",
                "parent or guardian",
                "guardian consent",
                "parent/guardian",
                "parent guardian",
            ],
            Field::EthnicGroup => &[
                "ethnic group",
                "ethnicity",
                "ethnic origin",
                "ethnic background",
                "ethnic category",
                "ethnicity code",
            ],
            Field::JoinedOn => &[
                "joined",
                "date joined",
                "join date",
                "joining date",
                "date of joining",
                "start date",
                "member since",
                "member from",
            ],
        }
    }

    /// The field a header names, if any.
    pub fn from_header(header: &str) -> Option<Field> {
        let key = fold(header);
        Field::ALL
            .into_iter()
            .find(|f| f.headers().iter().any(|h| fold(h) == key))
    }

    /// Whether the column gives (part of) the person's name.
    pub fn names(self) -> bool {
        matches!(self, Field::Name | Field::FirstName | Field::Surname)
    }
}

/// Each column's header, and the field it is read as (`None`: ignored).
pub type Columns = Vec<(String, Option<Field>)>;

/// The first row, among the first twenty, that names at least two known columns
/// (after overrides), and each column's header and field. A column matched twice is
/// read once, by its first match.
pub fn find_header(
    sheet: &Sheet,
    overrides: &[(String, Option<Field>)],
) -> Option<(usize, Columns)> {
    for (index, row) in sheet.rows.iter().enumerate().take(20) {
        let mut taken = Vec::new();
        let columns: Vec<(String, Option<Field>)> = row
            .cells
            .iter()
            .map(|c| {
                let header = crate::text(c);
                let field = overrides
                    .iter()
                    .find(|(h, _)| h.eq_ignore_ascii_case(&header))
                    .map(|(_, f)| *f)
                    .unwrap_or_else(|| Field::from_header(&header));
                let field = field.filter(|f| !taken.contains(f));
                if let Some(f) = field {
                    taken.push(f);
                }
                (header, field)
            })
            .collect();
        if taken.len() >= 2 || taken.contains(&Field::Name) && row.cells.len() == 1 {
            return Some((index, columns));
        }
    }
    None
}
