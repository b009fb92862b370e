//! The fields a column can be read as, the headers each is known by, and finding the
//! header row.

use crate::sheet::Sheet;

/// A field of the register a column can fill.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Field {
    Name,
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
}

impl Field {
    pub const ALL: [Field; 18] = [
        Field::Name,
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
    ];

    /// The field's name in overrides (`Header=email`) and in the person's draft.
    pub fn key(self) -> &'static str {
        match self {
            Field::Name => "name",
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
        }
    }

    /// The field with this key, if there is one.
    pub fn parse(s: &str) -> Option<Field> {
        Field::ALL
            .into_iter()
            .find(|f| f.key().eq_ignore_ascii_case(s.trim()))
    }

    /// Headers people give this column, compared without case, spaces or punctuation.
    fn headers(self) -> &'static [&'static str] {
        match self {
            Field::Name => &[
                "name",
                "fullname",
                "participant",
                "participantname",
                "personname",
            ],
            Field::PreferredName => &["preferredname", "knownas", "nickname"],
            Field::Pronouns => &["pronouns", "pronoun"],
            Field::Email => &["email", "emailaddress", "e-mail"],
            Field::Phone => &[
                "phone",
                "phonenumber",
                "telephone",
                "tel",
                "mobile",
                "mobilenumber",
            ],
            Field::Address => &["address", "homeaddress", "postaladdress"],
            Field::Postcode => &["postcode", "postalcode", "zip"],
            Field::PreferredContact => &[
                "preferredcontact",
                "contactmethod",
                "howtocontact",
                "preferredcontactmethod",
            ],
            Field::Roles => &["role", "roles", "type", "involvement", "howtheytakepart"],
            Field::Affiliations => &[
                "organisation",
                "organisations",
                "affiliation",
                "affiliations",
                "group",
            ],
            Field::Interests => &["interests", "interest", "serviceareas", "areasofinterest"],
            Field::Availability => &["availability", "available", "whenavailable"],
            Field::AvoidRushHour => &["avoidrushhour", "norushhour"],
            Field::Languages => &["languages", "language", "languagesspoken"],
            Field::BornOn => &["dateofbirth", "dob", "birthdate", "born"],
            Field::Needs => &[
                "needs",
                "accessneeds",
                "accessibilityneeds",
                "communicationneeds",
                "reasonableadjustments",
            ],
            Field::Guardian => &[
                "guardian",
                "parentorguardian",
                "guardianconsent",
                "parentguardian",
            ],
            Field::EthnicGroup => &["ethnicgroup", "ethnicity", "ethnicorigin"],
        }
    }

    /// The field a header names, if any.
    pub fn from_header(header: &str) -> Option<Field> {
        let key: String = header
            .chars()
            .filter(|c| c.is_alphanumeric() || *c == '-')
            .collect::<String>()
            .to_lowercase()
            .replace('-', "");
        Field::ALL
            .into_iter()
            .find(|f| f.headers().iter().any(|h| h.replace('-', "") == key))
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
