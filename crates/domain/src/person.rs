//! People known to an organisation, as the participant register holds them: who they
//! are, how they take part, how to reach them, what they are interested in, when they
//! can come, and the languages they speak.
//!
//! Access needs live in [`crate::needs`], consent in [`crate::consent`], and equality
//! monitoring, which is kept apart from the profile, in [`crate::equality`].

use std::collections::BTreeSet;

use chrono::{Datelike, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::text::{self, FieldErrors, Problem};
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// How a person takes part. A person may have several roles.
    pub enum PersonRole ("person role") {
        ServiceUser => ("service-user", "Service user", ["user", "service user representative", "person who uses services", "people who use services", "client"]),
        Patient => ("patient", "Patient", ["patient representative", "patient rep"]),
        Carer => ("carer", "Carer", ["family carer", "unpaid carer", "parent carer", "young carer"]),
        ExpertByExperience => ("expert-by-experience", "Expert by experience", ["experts by experience", "EbE", "lived experience", "lived experience expert", "peer"]),
        Resident => ("resident", "Resident", ["local resident", "member of the public", "public", "community member"]),
        YoungPerson => ("young-person", "Young person", ["young people", "youth", "young"]),
        Staff => ("staff", "Staff", ["staff member", "member of staff", "employee", "colleague"]),
        VoluntarySector => ("voluntary-sector", "Voluntary sector representative", ["voluntary sector", "VCSE", "charity", "voluntary organisation", "third sector", "community organisation"]),
        Healthwatch => ("healthwatch", "Healthwatch representative", ["Healthwatch"]),
    }
}

vocabulary! {
    /// How a person would rather be contacted.
    pub enum ContactMethod ("contact method") {
        Email => ("email", "Email", ["e-mail"]),
        Phone => ("phone", "Phone call", ["phone", "telephone", "call", "mobile"]),
        Text => ("text", "Text message", ["SMS", "text"]),
        Letter => ("letter", "Letter", ["post", "letter by post"]),
    }
}

vocabulary! {
    /// The service areas a person is interested in.
    pub enum ServiceArea ("service area") {
        MentalHealth => ("mental-health", "Mental health", ["mental health services"]),
        Maternity => ("maternity", "Maternity"),
        ChildrenYoungPeople => ("children-young-people", "Children and young people", ["children", "CYP", "children and families"]),
        UrgentEmergency => ("urgent-emergency", "Urgent and emergency care", ["A&E", "urgent care", "emergency care", "urgent and emergency"]),
        Ambulance => ("ambulance", "Ambulance services", ["ambulance"]),
        PrimaryCare => ("primary-care", "GPs and primary care", ["GP", "GPs", "primary care"]),
        CommunityHealth => ("community-health", "Community health services"),
        HospitalCare => ("hospital-care", "Hospital care"),
        AdultSocialCare => ("adult-social-care", "Adult social care"),
        LearningDisabilityAutism => ("learning-disability-autism", "Learning disability and autism", ["learning disability", "learning disabilities", "autism", "LD"]),
        OlderPeopleDementia => ("older-people-dementia", "Older people and dementia", ["dementia", "older people"]),
        LongTermConditions => ("long-term-conditions", "Long-term conditions"),
        Cancer => ("cancer", "Cancer"),
        EndOfLife => ("end-of-life", "End of life care", ["palliative care", "end of life"]),
        PublicHealth => ("public-health", "Public health"),
        Housing => ("housing", "Housing"),
        Digital => ("digital", "Digital services"),
    }
}

vocabulary! {
    /// A day of the week.
    pub enum Day ("day") {
        Monday => ("mon", "Monday"),
        Tuesday => ("tue", "Tuesday"),
        Wednesday => ("wed", "Wednesday"),
        Thursday => ("thu", "Thursday"),
        Friday => ("fri", "Friday"),
        Saturday => ("sat", "Saturday"),
        Sunday => ("sun", "Sunday"),
    }
}

vocabulary! {
    /// A part of the day.
    pub enum DayPart ("part of the day") {
        Morning => ("morning", "Morning"),
        Afternoon => ("afternoon", "Afternoon"),
        Evening => ("evening", "Evening"),
    }
}

/// A time a person can usually come: a day and a part of it. Written `mon-morning`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Slot {
    pub day: Day,
    pub part: DayPart,
}

impl Slot {
    /// Every slot, Monday morning first.
    pub fn all() -> impl Iterator<Item = Slot> {
        Day::ALL
            .iter()
            .flat_map(|d| DayPart::ALL.iter().map(move |p| Slot { day: *d, part: *p }))
    }

    pub fn slug(self) -> String {
        format!("{}-{}", self.day.slug(), self.part.slug())
    }

    pub fn parse(s: &str) -> Result<Slot, Problem> {
        let unknown = || Problem::Unknown {
            noun: "time of the week",
            given: s.to_string(),
            expected: vec!["mon-morning", "tue-evening", "..."],
        };
        let (d, p) = s.trim().split_once('-').ok_or_else(unknown)?;
        Ok(Slot {
            day: Day::parse(d).map_err(|_| unknown())?,
            part: DayPart::parse(p).map_err(|_| unknown())?,
        })
    }
}

vocabulary! {
    /// Languages a person speaks: those most spoken in London and Leicester, and
    /// British Sign Language. The slug is the ISO 639 code.
    pub enum Language ("language") {
        English => ("en", "English", ["eng"]),
        BritishSignLanguage => ("bfi", "British Sign Language", ["BSL", "sign language"]),
        Albanian => ("sq", "Albanian"),
        Amharic => ("am", "Amharic"),
        Arabic => ("ar", "Arabic"),
        Bengali => ("bn", "Bengali"),
        Bulgarian => ("bg", "Bulgarian"),
        Cantonese => ("yue", "Cantonese", ["Cantonese Chinese"]),
        Czech => ("cs", "Czech"),
        Farsi => ("fa", "Farsi (Persian)", ["Persian", "Farsi"]),
        French => ("fr", "French"),
        German => ("de", "German"),
        Greek => ("el", "Greek"),
        Gujarati => ("gu", "Gujarati"),
        Hindi => ("hi", "Hindi"),
        Hungarian => ("hu", "Hungarian"),
        Italian => ("it", "Italian"),
        Kurdish => ("ku", "Kurdish", ["Sorani", "Kurmanji"]),
        Lithuanian => ("lt", "Lithuanian"),
        Malayalam => ("ml", "Malayalam"),
        Mandarin => ("cmn", "Mandarin", ["Chinese", "Mandarin Chinese"]),
        Nepali => ("ne", "Nepali"),
        Pashto => ("ps", "Pashto"),
        Polish => ("pl", "Polish"),
        Portuguese => ("pt", "Portuguese"),
        Punjabi => ("pa", "Punjabi", ["Panjabi"]),
        Romanian => ("ro", "Romanian"),
        Russian => ("ru", "Russian"),
        Slovak => ("sk", "Slovak"),
        Somali => ("so", "Somali"),
        Spanish => ("es", "Spanish"),
        Swahili => ("sw", "Swahili"),
        Tamil => ("ta", "Tamil"),
        Telugu => ("te", "Telugu"),
        Tigrinya => ("ti", "Tigrinya"),
        Turkish => ("tr", "Turkish"),
        Twi => ("tw", "Twi"),
        Ukrainian => ("uk", "Ukrainian"),
        Urdu => ("ur", "Urdu"),
        Yoruba => ("yo", "Yoruba"),
    }
}

/// A person as sent in a form, an API body or a spreadsheet row: text, to be
/// checked by [`PersonDraft::check`].
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(deny_unknown_fields)]
pub struct PersonDraft {
    /// The organisation whose register holds them.
    pub organisation_id: i64,
    pub name: String,
    /// What they like to be called, if not their name.
    #[serde(default)]
    pub preferred_name: Option<String>,
    #[serde(default)]
    pub pronouns: Option<String>,
    #[serde(default)]
    pub email: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub address: Option<String>,
    #[serde(default)]
    pub postcode: Option<String>,
    /// A contact method slug (`email`, `phone`, `text`, `letter`).
    #[serde(default)]
    pub preferred_contact: Option<String>,
    /// Person role slugs (`service-user`, `carer`...): at least one.
    #[serde(default)]
    pub roles: Vec<String>,
    /// Organisations they belong to or speak for, in their own words.
    #[serde(default)]
    pub affiliations: Option<String>,
    /// Service area slugs.
    #[serde(default)]
    pub interests: Vec<String>,
    /// Times of the week they can usually come, like `mon-morning`.
    #[serde(default)]
    pub availability: Vec<String>,
    #[serde(default)]
    pub avoid_rush_hour: bool,
    /// Language codes (`en`, `pl`, `bfi`).
    #[serde(default)]
    pub languages: Vec<String>,
    /// Date of birth, `YYYY-MM-DD`: needed to know who is under 18.
    #[serde(default)]
    pub born_on: Option<String>,
}

/// A person's profile, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Profile {
    pub organisation_id: i64,
    pub name: String,
    pub preferred_name: Option<String>,
    pub pronouns: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub address: Option<String>,
    pub postcode: Option<String>,
    pub preferred_contact: Option<ContactMethod>,
    pub roles: BTreeSet<PersonRole>,
    pub affiliations: Option<String>,
    pub interests: BTreeSet<ServiceArea>,
    pub availability: BTreeSet<Slot>,
    pub avoid_rush_hour: bool,
    pub languages: BTreeSet<Language>,
    pub born_on: Option<NaiveDate>,
}

/// The trimmed text of an optional field, `None` when it is empty.
fn given(v: &Option<String>) -> Option<&str> {
    v.as_deref().map(str::trim).filter(|s| !s.is_empty())
}

/// Reads a list of values, naming the position of any that is wrong
/// (`roles[1]`), and dropping repeats.
fn set_of<T: Ord>(
    errs: &mut FieldErrors,
    field: &str,
    values: &[String],
    read: impl Fn(&str) -> Result<T, Problem>,
) -> BTreeSet<T> {
    let mut out = BTreeSet::new();
    for (i, v) in values.iter().enumerate() {
        if let Some(t) = errs.take(&format!("{field}[{i}]"), read(v)) {
            out.insert(t);
        }
    }
    out
}

impl PersonDraft {
    /// Checks every field, reporting each problem by field. Values of a vocabulary
    /// (roles, interests, languages, contact) are read by their slug, label or a
    /// listed spelling ([`Vocabulary::read_exact`]). A name and at least one
    /// role are needed; emails, phone numbers, postcodes and the date of birth must be
    /// real; a preferred contact method needs the detail it uses.
    pub fn check(&self, today: NaiveDate) -> Result<Profile, FieldErrors> {
        let mut errs = FieldErrors::new();
        if self.organisation_id <= 0 {
            errs.add("organisation_id", Problem::NotAnId);
        }
        let name = errs.take("name", text::required(&self.name, text::SHORT));
        let short = |errs: &mut FieldErrors, field: &str, v: &Option<String>, max| {
            errs.take(field, text::optional(v.as_deref(), max))
                .flatten()
        };
        let preferred_name = short(
            &mut errs,
            "preferred_name",
            &self.preferred_name,
            text::SHORT,
        );
        let pronouns = short(&mut errs, "pronouns", &self.pronouns, 40);
        let address = short(&mut errs, "address", &self.address, 500);
        let affiliations = short(&mut errs, "affiliations", &self.affiliations, 1000);
        let email = given(&self.email).and_then(|e| errs.take("email", text::email(e)));
        let phone = given(&self.phone).and_then(|p| errs.take("phone", phone(p)));
        let postcode = given(&self.postcode).and_then(|p| errs.take("postcode", postcode(p)));
        let preferred_contact = given(&self.preferred_contact)
            .and_then(|c| errs.take("preferred_contact", ContactMethod::read_exact(c)));
        let roles = set_of(&mut errs, "roles", &self.roles, |s| {
            PersonRole::read_exact(s).map_err(Problem::from)
        });
        if self.roles.is_empty() {
            errs.add("roles", Problem::Empty);
        }
        let interests = set_of(&mut errs, "interests", &self.interests, |s| {
            ServiceArea::read_exact(s).map_err(Problem::from)
        });
        let availability = set_of(&mut errs, "availability", &self.availability, Slot::parse);
        let languages = set_of(&mut errs, "languages", &self.languages, |s| {
            <Language as Vocabulary>::read_exact(s).map_err(Problem::from)
        });
        let born_on = given(&self.born_on).and_then(|b| {
            errs.take(
                "born_on",
                crate::time::parse_date(b).and_then(|d| check_born(d, today)),
            )
        });
        // A preferred way of contact needs the detail it uses.
        let missing = match preferred_contact {
            Some(ContactMethod::Email) if given(&self.email).is_none() => Some("email"),
            Some(ContactMethod::Phone | ContactMethod::Text) if given(&self.phone).is_none() => {
                Some("phone")
            }
            Some(ContactMethod::Letter)
                if given(&self.address).is_none() || given(&self.postcode).is_none() =>
            {
                Some("address")
            }
            _ => None,
        };
        if let Some(field) = missing {
            errs.add(field, Problem::NeededForContact);
        }
        errs.finish(|| Profile {
            organisation_id: self.organisation_id,
            name: name.unwrap_or_default(),
            preferred_name,
            pronouns,
            email,
            phone,
            address,
            postcode,
            preferred_contact,
            roles,
            affiliations,
            interests,
            availability,
            avoid_rush_hour: self.avoid_rush_hour,
            languages,
            born_on,
        })
    }
}

impl Profile {
    /// The profile as a draft again: what a form shows to be changed.
    pub fn draft(&self) -> PersonDraft {
        PersonDraft {
            organisation_id: self.organisation_id,
            name: self.name.clone(),
            preferred_name: self.preferred_name.clone(),
            pronouns: self.pronouns.clone(),
            email: self.email.clone(),
            phone: self.phone.clone(),
            address: self.address.clone(),
            postcode: self.postcode.clone(),
            preferred_contact: self.preferred_contact.map(|c| c.slug().to_string()),
            roles: self.roles.iter().map(|r| r.slug().to_string()).collect(),
            affiliations: self.affiliations.clone(),
            interests: self
                .interests
                .iter()
                .map(|r| r.slug().to_string())
                .collect(),
            availability: self.availability.iter().map(|s| s.slug()).collect(),
            avoid_rush_hour: self.avoid_rush_hour,
            languages: self
                .languages
                .iter()
                .map(|r| r.slug().to_string())
                .collect(),
            born_on: self.born_on.map(|d| d.to_string()),
        }
    }
}

vocabulary! {
    /// Whether a person came to an activity.
    pub enum AttendanceStatus ("attendance status") {
        Invited => ("invited", "Invited"),
        Attended => ("attended", "Attended"),
        Absent => ("absent", "Did not attend"),
    }
}

/// The age at which a person no longer needs a parent or guardian's consent.
pub const ADULT_AGE: u32 = 18;

/// A person's age in whole years on `today`.
pub fn age_on(born: NaiveDate, today: NaiveDate) -> u32 {
    today.years_since(born).unwrap_or(0)
}

/// Whether a person born on `born` is under 18 on `today`.
pub fn is_child(born: NaiveDate, today: NaiveDate) -> bool {
    age_on(born, today) < ADULT_AGE
}

/// Checks a date of birth: not in the future, and not more than 120 years ago.
pub fn check_born(born: NaiveDate, today: NaiveDate) -> Result<NaiveDate, Problem> {
    if born > today {
        return Err(Problem::InFuture);
    }
    if today.year() - born.year() > 120 {
        return Err(Problem::NotDate(born.to_string()));
    }
    Ok(born)
}

/// Checks a UK phone number enough to catch typing mistakes: digits, spaces, brackets
/// and hyphens, with an optional leading `+`; 10 or 11 digits for a UK number
/// (`020 7946 0000`, `07700 900123`) or 8 to 15 after `+` (`+44 20 7946 0000`).
/// Returns the number with spacing kept as typed, trimmed.
pub fn phone(s: &str) -> Result<String, Problem> {
    let t = s.trim();
    let (international, rest) = match t.strip_prefix('+') {
        Some(r) => (true, r),
        None => (false, t),
    };
    let allowed = rest
        .chars()
        .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '(' | ')'));
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    let ok = allowed
        && if international {
            (8..=15).contains(&digits)
        } else {
            rest.chars().find(char::is_ascii_digit) == Some('0') && (10..=11).contains(&digits)
        };
    if ok {
        Ok(t.to_string())
    } else {
        Err(Problem::NotPhone(t.to_string()))
    }
}

/// Checks a full UK postcode (`LE1 6WW`, `e8 1ey`) and writes it in capitals with one
/// space before the last three characters.
pub fn postcode(s: &str) -> Result<String, Problem> {
    let compact: String = s
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect::<String>()
        .to_uppercase();
    let n = compact.len();
    if !(5..=7).contains(&n) {
        return Err(Problem::NotPostcode(s.trim().to_string()));
    }
    let (outward, inward) = compact.split_at(n - 3);
    let inward_ok = {
        let b = inward.as_bytes();
        b[0].is_ascii_digit() && b[1].is_ascii_alphabetic() && b[2].is_ascii_alphabetic()
    };
    if inward_ok && postcode_district(outward).is_ok() {
        Ok(format!("{outward} {inward}"))
    } else {
        Err(Problem::NotPostcode(s.trim().to_string()))
    }
}

/// Checks a postcode district, the first half of a postcode (`LE1`, `E8`, `SW1A`),
/// and writes it in capitals.
pub fn postcode_district(s: &str) -> Result<String, Problem> {
    let t = s.trim().to_uppercase();
    let b = t.as_bytes();
    let letters = b.iter().take_while(|c| c.is_ascii_alphabetic()).count();
    let rest = &b[letters..];
    let ok = (1..=2).contains(&letters)
        && !rest.is_empty()
        && rest.len() <= 2
        && rest[0].is_ascii_digit()
        && rest[1..].iter().all(u8::is_ascii_alphanumeric);
    if ok {
        Ok(t)
    } else {
        Err(Problem::NotPostcodeDistrict(s.trim().to_string()))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn phones() {
        for good in [
            "020 7946 0000",
            "07700 900123",
            "+44 20 7946 0000",
            "(0116) 496 0000",
        ] {
            assert_eq!(phone(good), Ok(good.to_string()), "{good}");
        }
        for bad in [
            "",
            "12345",
            "0770090012345",
            "phone me",
            "+44",
            "07700 9OO123",
        ] {
            assert!(phone(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn postcodes() {
        assert_eq!(postcode("le1 6ww"), Ok("LE1 6WW".into()));
        assert_eq!(postcode("SW1A1AA"), Ok("SW1A 1AA".into()));
        assert_eq!(postcode("E8 1EY"), Ok("E8 1EY".into()));
        for bad in ["", "LE1", "12345", "LE1 6W", "LEE1 6WW", "LE1 66W"] {
            assert!(postcode(bad).is_err(), "{bad} should be refused");
        }
        assert_eq!(postcode_district("sw1a"), Ok("SW1A".into()));
        assert_eq!(postcode_district("E8"), Ok("E8".into()));
        for bad in ["", "8E", "SWW1", "LE", "LE123"] {
            assert!(postcode_district(bad).is_err(), "{bad} should be refused");
        }
    }

    #[test]
    fn ages_and_slots() {
        let d = |s: &str| NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap_or_default();
        assert!(is_child(d("2010-11-24"), d("2028-11-23")));
        assert!(!is_child(d("2010-11-23"), d("2028-11-23")));
        assert_eq!(
            check_born(d("2030-01-01"), d("2026-01-01")),
            Err(Problem::InFuture)
        );
        assert_eq!(Slot::all().count(), 21);
        let s = Slot::parse("wed-evening").unwrap();
        assert_eq!(s.slug(), "wed-evening");
        assert!(Slot::parse("someday").is_err());
        assert_eq!(Language::read("Polish"), Ok(Language::Polish));
        assert_eq!(Language::read("BSL"), Ok(Language::BritishSignLanguage));
        assert!(Language::read("Klingon").is_err());
        // Values as people write them: any case, spacing or punctuation, plurals.
        assert_eq!(
            PersonRole::read("Service Users"),
            Ok(PersonRole::ServiceUser)
        );
        assert_eq!(PersonRole::read("carers"), Ok(PersonRole::Carer));
        assert_eq!(
            PersonRole::read("Experts by Experience"),
            Ok(PersonRole::ExpertByExperience)
        );
        assert_eq!(
            PersonRole::read("young people"),
            Ok(PersonRole::YoungPerson)
        );
        assert_eq!(
            PersonRole::read("service-user"),
            Ok(PersonRole::ServiceUser)
        );
        assert!(PersonRole::read("astronaut").is_err());
        assert!(PersonRole::read("").is_err());
        assert_eq!(ServiceArea::read("A&E"), Ok(ServiceArea::UrgentEmergency));
        assert_eq!(ContactMethod::read("E-mail"), Ok(ContactMethod::Email));
        // The API and the database read slugs only.
        assert!(PersonRole::parse("Carer").is_err());
        assert_eq!(Language::ALL.len(), 40);
    }

    #[test]
    fn a_draft_is_checked_field_by_field() {
        let today = NaiveDate::from_ymd_opt(2026, 6, 1).unwrap_or_default();
        let bad = PersonDraft {
            organisation_id: 1,
            name: " ".into(),
            email: Some("amara@".into()),
            phone: Some("12".into()),
            postcode: Some("nowhere".into()),
            preferred_contact: Some("letter".into()),
            roles: vec!["carer".into(), "wizard".into()],
            languages: vec!["pl".into(), "Elvish".into()],
            availability: vec!["mon-morning".into(), "someday".into()],
            born_on: Some("2030-01-01".into()),
            ..PersonDraft::default()
        };
        let errs = bad.check(today).unwrap_err();
        let fields: Vec<&str> = errs.0.iter().map(|e| e.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "name",
                "email",
                "phone",
                "postcode",
                "roles[1]",
                "availability[1]",
                "languages[1]",
                "born_on",
                "address"
            ]
        );
        let good = PersonDraft {
            organisation_id: 1,
            name: "Amara Okafor".into(),
            email: Some("Amara@Example.org".into()),
            preferred_contact: Some("email".into()),
            roles: vec!["carer".into(), "carer".into(), "patient".into()],
            languages: vec!["English".into(), "yo".into()],
            ..PersonDraft::default()
        };
        let p = good.check(today).unwrap();
        assert_eq!(p.email.as_deref(), Some("amara@example.org"));
        assert_eq!(p.roles.len(), 2, "repeats are dropped");
        assert_eq!(
            p.draft().check(today),
            Ok(p.clone()),
            "a profile survives its draft"
        );
        let no_roles = PersonDraft {
            roles: vec![],
            ..good
        };
        assert_eq!(no_roles.check(today).unwrap_err().0[0].field, "roles");
    }
}
