//! Equality monitoring: voluntary questions, each with "prefer not to say", in the
//! categories of the 2021 Census for England and Wales, and the rule for showing
//! answers only as totals with small numbers suppressed.
//!
//! Answers are special category personal data. They are stored apart from the
//! profile; a person can read their own; anyone else sees only [`suppress`]ed totals.
//! This module must never offer a way to pick out a person by an answer.

use crate::text::Problem;
use crate::{Vocabulary, vocabulary};

vocabulary! {
    /// Ethnic group, as the 2021 Census asked it: 19 categories in 5 groups.
    pub enum EthnicGroup ("ethnic group") {
        Bangladeshi => ("asian-bangladeshi", "Bangladeshi", ["Asian Bangladeshi", "Bangladeshi British"]),
        Chinese => ("asian-chinese", "Chinese", ["Asian Chinese", "Chinese British"]),
        Indian => ("asian-indian", "Indian", ["Asian Indian", "Indian British"]),
        Pakistani => ("asian-pakistani", "Pakistani", ["Asian Pakistani", "Pakistani British"]),
        OtherAsian => ("asian-other", "Any other Asian background", ["Other Asian", "Asian other", "Any other Asian"]),
        African => ("black-african", "African", ["Black African"]),
        Caribbean => ("black-caribbean", "Caribbean", ["Black Caribbean"]),
        OtherBlack => ("black-other", "Any other Black, Black British or Caribbean background", ["Other Black", "Black other", "Any other Black background", "Any other Black/African/Caribbean background", "Any other Black, African or Caribbean background"]),
        WhiteAndAsian => ("mixed-white-asian", "White and Asian", ["Mixed White and Asian"]),
        WhiteAndBlackAfrican => ("mixed-white-black-african", "White and Black African", ["Mixed White and Black African"]),
        WhiteAndBlackCaribbean => ("mixed-white-black-caribbean", "White and Black Caribbean", ["Mixed White and Black Caribbean"]),
        OtherMixed => ("mixed-other", "Any other Mixed or Multiple ethnic background", ["Other mixed", "Mixed other", "Any other mixed background", "Any other Mixed/multiple ethnic background", "Any other Mixed/Multiple background"]),
        WhiteBritish => ("white-british", "English, Welsh, Scottish, Northern Irish or British", ["White British", "British", "English/Welsh/Scottish/Northern Irish/British", "English", "Welsh", "Scottish", "Northern Irish"]),
        WhiteIrish => ("white-irish", "Irish", ["White Irish"]),
        GypsyTraveller => ("white-gypsy-traveller", "Gypsy or Irish Traveller", ["Gypsy", "Irish Traveller", "Traveller", "Gypsy/Traveller", "Gypsy or Traveller"]),
        Roma => ("white-roma", "Roma", ["White Roma"]),
        OtherWhite => ("white-other", "Any other White background", ["Other White", "White other", "Any other White"]),
        Arab => ("other-arab", "Arab", ["Other Arab", "Arab British"]),
        AnyOther => ("other-any", "Any other ethnic group", ["Other ethnic group", "Any other"]),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say", ["Not stated", "Declined", "Prefer not to answer", "Rather not say", "Refused"]),
    }
}

vocabulary! {
    /// The five groups of the 2021 Census ethnic group question.
    pub enum EthnicGroupHeading ("ethnic group heading") {
        Asian => ("asian", "Asian, Asian British or Asian Welsh"),
        Black => ("black", "Black, Black British, Black Welsh, Caribbean or African"),
        Mixed => ("mixed", "Mixed or Multiple ethnic groups"),
        White => ("white", "White"),
        Other => ("other", "Other ethnic group"),
    }
}

impl EthnicGroup {
    /// The group a category sits in; `None` for "prefer not to say".
    pub fn heading(self) -> Option<EthnicGroupHeading> {
        use EthnicGroup::*;
        use EthnicGroupHeading as H;
        Some(match self {
            Bangladeshi | Chinese | Indian | Pakistani | OtherAsian => H::Asian,
            African | Caribbean | OtherBlack => H::Black,
            WhiteAndAsian | WhiteAndBlackAfrican | WhiteAndBlackCaribbean | OtherMixed => H::Mixed,
            WhiteBritish | WhiteIrish | GypsyTraveller | Roma | OtherWhite => H::White,
            Arab | AnyOther => H::Other,
            PreferNotToSay => return None,
        })
    }

    /// The NHS Data Dictionary "ethnic category" code (the 2001 Census list NHS
    /// systems still report in). Census 2021 categories with no 2001 equivalent map to
    /// the "any other" code of their group: Gypsy or Irish Traveller and Roma to C,
    /// Arab to S. Chinese is R, as the NHS list has it. "Prefer not to say" is Z,
    /// "not stated".
    pub fn nhs_code(self) -> &'static str {
        use EthnicGroup::*;
        match self {
            WhiteBritish => "A",
            WhiteIrish => "B",
            GypsyTraveller | Roma | OtherWhite => "C",
            WhiteAndBlackCaribbean => "D",
            WhiteAndBlackAfrican => "E",
            WhiteAndAsian => "F",
            OtherMixed => "G",
            Indian => "H",
            Pakistani => "J",
            Bangladeshi => "K",
            OtherAsian => "L",
            Caribbean => "M",
            African => "N",
            OtherBlack => "P",
            Chinese => "R",
            Arab | AnyOther => "S",
            PreferNotToSay => "Z",
        }
    }

    /// Reads a category as registers write it: its NHS code (where one category has
    /// it), its slug, its label or a common spelling, or the 2021 or 2011 Census
    /// wording with its group before a colon ("Black, Black British, Caribbean or
    /// African: African", "White: English/Welsh/Scottish/Northern Irish/British").
    pub fn read_any(s: &str) -> Result<EthnicGroup, Problem> {
        let t = s.trim();
        let by_code: Vec<EthnicGroup> = EthnicGroup::ALL
            .iter()
            .copied()
            .filter(|g| g.nhs_code().eq_ignore_ascii_case(t))
            .collect();
        if let [only] = by_code.as_slice() {
            return Ok(*only);
        }
        if let Ok(g) = <EthnicGroup as Vocabulary>::read(t) {
            return Ok(g);
        }
        // The Census wording: the group, a colon (or a dash), the category.
        t.rsplit_once(':')
            .or_else(|| t.rsplit_once(" - "))
            .and_then(|(_, category)| <EthnicGroup as Vocabulary>::read(category).ok())
            .ok_or_else(|| crate::unknown::<EthnicGroup>(t))
    }
}

vocabulary! {
    /// Age band.
    pub enum AgeBand ("age band") {
        Under16 => ("under-16", "Under 16"),
        From16To17 => ("16-17", "16 to 17"),
        From18To24 => ("18-24", "18 to 24"),
        From25To34 => ("25-34", "25 to 34"),
        From35To44 => ("35-44", "35 to 44"),
        From45To54 => ("45-54", "45 to 54"),
        From55To64 => ("55-64", "55 to 64"),
        From65To74 => ("65-74", "65 to 74"),
        From75To84 => ("75-84", "75 to 84"),
        From85 => ("85-plus", "85 or over"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Sex, as the 2021 Census asked it.
    pub enum Sex ("sex") {
        Female => ("female", "Female"),
        Male => ("male", "Male"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Whether the gender a person identifies with is the same as their sex
    /// registered at birth (the 2021 Census question).
    pub enum GenderIdentity ("gender identity") {
        Same => ("same", "Yes, the same"),
        Different => ("different", "No, different"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Sexual orientation (the 2021 Census categories).
    pub enum SexualOrientation ("sexual orientation") {
        Straight => ("straight", "Straight or heterosexual"),
        GayOrLesbian => ("gay-lesbian", "Gay or lesbian"),
        Bisexual => ("bisexual", "Bisexual"),
        Other => ("other", "Another sexual orientation"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Whether a health condition or illness limits day-to-day activities (the 2021
    /// Census disability question).
    pub enum Disability ("disability") {
        LimitedALot => ("limited-a-lot", "Yes, limited a lot"),
        LimitedALittle => ("limited-a-little", "Yes, limited a little"),
        NotLimited => ("not-limited", "No"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Religion or belief (the 2021 Census categories).
    pub enum Religion ("religion") {
        NoReligion => ("no-religion", "No religion"),
        Christian => ("christian", "Christian"),
        Buddhist => ("buddhist", "Buddhist"),
        Hindu => ("hindu", "Hindu"),
        Jewish => ("jewish", "Jewish"),
        Muslim => ("muslim", "Muslim"),
        Sikh => ("sikh", "Sikh"),
        Other => ("other", "Any other religion"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Unpaid care given each week (the 2021 Census bands).
    pub enum CarerStatus ("carer status") {
        No => ("no", "No"),
        UpTo19Hours => ("up-to-19", "Yes, 19 hours a week or less"),
        From20To49Hours => ("20-49", "Yes, 20 to 49 hours a week"),
        From50Hours => ("50-plus", "Yes, 50 or more hours a week"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Pregnancy and maternity.
    pub enum Pregnancy ("pregnancy and maternity") {
        Yes => ("yes", "Pregnant, or had a baby in the last 26 weeks"),
        No => ("no", "No"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

vocabulary! {
    /// Marriage and civil partnership (the 2021 Census legal partnership status).
    pub enum Partnership ("marriage and civil partnership") {
        NeverMarried => ("never", "Never married and never in a civil partnership"),
        Married => ("married", "Married"),
        CivilPartnership => ("civil-partnership", "In a civil partnership"),
        Separated => ("separated", "Separated, but still married or in a civil partnership"),
        Divorced => ("divorced", "Divorced or civil partnership dissolved"),
        Widowed => ("widowed", "Widowed or surviving civil partner"),
        PreferNotToSay => ("prefer-not-to-say", "Prefer not to say"),
    }
}

/// The questions, in the order they are asked. Each answer is stored under the
/// question's key.
pub const QUESTIONS: [(&str, &str); 11] = [
    ("ethnic_group", "Ethnic group"),
    ("age_band", "Age"),
    ("sex", "Sex"),
    ("gender_identity", "Gender identity"),
    ("sexual_orientation", "Sexual orientation"),
    ("disability", "Disability"),
    ("religion", "Religion or belief"),
    ("carer", "Unpaid carer"),
    ("pregnancy", "Pregnancy and maternity"),
    ("partnership", "Marriage and civil partnership"),
    ("postcode_district", "Postcode district"),
];

/// The answers to every question a person chose to answer. `None`: not answered.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Answers {
    pub ethnic_group: Option<EthnicGroup>,
    pub age_band: Option<AgeBand>,
    pub sex: Option<Sex>,
    pub gender_identity: Option<GenderIdentity>,
    pub sexual_orientation: Option<SexualOrientation>,
    pub disability: Option<Disability>,
    pub religion: Option<Religion>,
    pub carer: Option<CarerStatus>,
    pub pregnancy: Option<Pregnancy>,
    pub partnership: Option<Partnership>,
    /// The first half of a postcode (`LE1`), or `None`.
    pub postcode_district: Option<String>,
}

impl Answers {
    /// The answers as `(question key, slug)` pairs, in question order, unanswered
    /// questions left out.
    pub fn pairs(&self) -> Vec<(&'static str, String)> {
        let s = |v: Option<&'static str>| v.map(str::to_string);
        [
            ("ethnic_group", s(self.ethnic_group.map(Vocabulary::slug))),
            ("age_band", s(self.age_band.map(Vocabulary::slug))),
            ("sex", s(self.sex.map(Vocabulary::slug))),
            (
                "gender_identity",
                s(self.gender_identity.map(Vocabulary::slug)),
            ),
            (
                "sexual_orientation",
                s(self.sexual_orientation.map(Vocabulary::slug)),
            ),
            ("disability", s(self.disability.map(Vocabulary::slug))),
            ("religion", s(self.religion.map(Vocabulary::slug))),
            ("carer", s(self.carer.map(Vocabulary::slug))),
            ("pregnancy", s(self.pregnancy.map(Vocabulary::slug))),
            ("partnership", s(self.partnership.map(Vocabulary::slug))),
            ("postcode_district", self.postcode_district.clone()),
        ]
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect()
    }

    /// Whether nothing was answered.
    pub fn is_empty(&self) -> bool {
        self.pairs().is_empty()
    }
}

/// The smallest count shown: counts from 1 to `SMALLEST - 1` are hidden.
pub const SMALLEST: i64 = 5;

/// A count as it may be shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shown {
    Count(i64),
    /// Hidden, because it is small or because it would reveal a small one.
    Suppressed,
}

/// Hides what could identify someone in one question's totals. A count from 1 to 4
/// is hidden. If exactly one count is hidden, the next smallest count is hidden too,
/// so the hidden one cannot be worked out from the total. Zeros are shown: they say
/// nothing about anyone.
pub fn suppress(counts: &[i64]) -> Vec<Shown> {
    let mut shown: Vec<Shown> = counts
        .iter()
        .map(|&n| {
            if n > 0 && n < SMALLEST {
                Shown::Suppressed
            } else {
                Shown::Count(n)
            }
        })
        .collect();
    let hidden = shown.iter().filter(|s| **s == Shown::Suppressed).count();
    if hidden == 1 {
        let next = counts
            .iter()
            .enumerate()
            .filter(|(i, n)| **n > 0 && shown[*i] != Shown::Suppressed)
            .min_by_key(|(_, n)| **n)
            .map(|(i, _)| i);
        if let Some(i) = next {
            shown[i] = Shown::Suppressed;
        }
    }
    shown
}

/// The fewest answers for which any totals are shown: below this, even the spread of
/// answers could point at someone.
pub const FEWEST_ANSWERS: i64 = 10;

/// One question's totals, ready to show.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionTotals {
    /// The question's key, as in [`QUESTIONS`].
    pub question: &'static str,
    /// Each answer (slug, English label) and its count as it may be shown.
    pub rows: Vec<(String, String, Shown)>,
}

/// Every question's totals for one organisation, suppressed. `counts` are
/// `(question, answer slug, count)` as counted in the database. With fewer than
/// [`FEWEST_ANSWERS`] people answering, nothing is shown but that number.
pub fn totals(answered: i64, counts: &[(String, String, i64)]) -> Option<Vec<QuestionTotals>> {
    if answered < FEWEST_ANSWERS {
        return None;
    }
    fn of<V: Vocabulary>(
        question: &'static str,
        counts: &[(String, String, i64)],
    ) -> QuestionTotals {
        let raw: Vec<i64> = V::ALL
            .iter()
            .map(|v| {
                counts
                    .iter()
                    .filter(|(q, a, _)| q == question && a == v.slug())
                    .map(|(_, _, n)| *n)
                    .sum()
            })
            .collect();
        QuestionTotals {
            question,
            rows: V::ALL
                .iter()
                .zip(suppress(&raw))
                .map(|(v, shown)| (v.slug().to_string(), v.label().to_string(), shown))
                .collect(),
        }
    }
    let mut districts: Vec<(String, i64)> = counts
        .iter()
        .filter(|(q, _, _)| q == "postcode_district")
        .map(|(_, a, n)| (a.clone(), *n))
        .collect();
    districts.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let district_counts: Vec<i64> = districts.iter().map(|(_, n)| *n).collect();
    let district_rows = districts
        .into_iter()
        .zip(suppress(&district_counts))
        .map(|((d, _), shown)| (d.clone(), d, shown))
        .collect();
    Some(vec![
        of::<EthnicGroup>("ethnic_group", counts),
        of::<AgeBand>("age_band", counts),
        of::<Sex>("sex", counts),
        of::<GenderIdentity>("gender_identity", counts),
        of::<SexualOrientation>("sexual_orientation", counts),
        of::<Disability>("disability", counts),
        of::<Religion>("religion", counts),
        of::<CarerStatus>("carer", counts),
        of::<Pregnancy>("pregnancy", counts),
        of::<Partnership>("partnership", counts),
        QuestionTotals {
            question: "postcode_district",
            rows: district_rows,
        },
    ])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_census_list_has_19_categories_in_5_groups() {
        let answered: Vec<_> = EthnicGroup::ALL
            .iter()
            .filter(|g| g.heading().is_some())
            .collect();
        assert_eq!(answered.len(), 19);
        for h in EthnicGroupHeading::ALL {
            assert!(answered.iter().any(|g| g.heading() == Some(*h)), "{h:?}");
        }
        assert_eq!(EthnicGroup::WhiteBritish.nhs_code(), "A");
        assert_eq!(EthnicGroup::Chinese.nhs_code(), "R");
        assert_eq!(EthnicGroup::read_any("N"), Ok(EthnicGroup::African));
        assert_eq!(EthnicGroup::read_any("Irish"), Ok(EthnicGroup::WhiteIrish));
        assert!(EthnicGroup::read_any("C").is_err(), "C is three categories");
        assert!(EthnicGroup::read_any("Martian").is_err());
        for (given, group) in [
            (
                "Black, Black British, Caribbean or African: African",
                EthnicGroup::African,
            ),
            (
                "Black, Black British, Black Welsh, Caribbean or African: Caribbean",
                EthnicGroup::Caribbean,
            ),
            (
                "White: English, Welsh, Scottish, Northern Irish or British",
                EthnicGroup::WhiteBritish,
            ),
            (
                "White: English/Welsh/Scottish/Northern Irish/British",
                EthnicGroup::WhiteBritish,
            ),
            (
                "Mixed/multiple ethnic groups: Any other Mixed/multiple ethnic background",
                EthnicGroup::OtherMixed,
            ),
            (
                "Black/African/Caribbean/Black British: Any other Black/African/Caribbean background",
                EthnicGroup::OtherBlack,
            ),
            (
                "Asian, Asian British or Asian Welsh: Bangladeshi",
                EthnicGroup::Bangladeshi,
            ),
            ("Other ethnic group: Arab", EthnicGroup::Arab),
            ("White - Irish", EthnicGroup::WhiteIrish),
            ("white british", EthnicGroup::WhiteBritish),
            ("Black African", EthnicGroup::African),
            ("Not stated", EthnicGroup::PreferNotToSay),
            ("Z", EthnicGroup::PreferNotToSay),
            ("a", EthnicGroup::WhiteBritish),
        ] {
            assert_eq!(EthnicGroup::read_any(given), Ok(group), "{given}");
        }
    }

    #[test]
    fn totals_need_enough_answers_and_hide_small_counts() {
        let c = |q: &str, a: &str, n: i64| (q.to_string(), a.to_string(), n);
        assert_eq!(totals(9, &[c("sex", "female", 9)]), None);
        let t = totals(
            12,
            &[
                c("sex", "female", 7),
                c("sex", "male", 3),
                c("sex", "prefer-not-to-say", 2),
                c("postcode_district", "LE1", 8),
                c("postcode_district", "LE2", 4),
            ],
        )
        .unwrap();
        let sex = t.iter().find(|q| q.question == "sex").unwrap();
        assert_eq!(
            sex.rows.iter().map(|r| r.2).collect::<Vec<_>>(),
            [Shown::Count(7), Shown::Suppressed, Shown::Suppressed]
        );
        let districts = t
            .iter()
            .find(|q| q.question == "postcode_district")
            .unwrap();
        assert_eq!(districts.rows[0].0, "LE1");
        assert_eq!(
            districts.rows[0].2,
            Shown::Suppressed,
            "LE2 alone would be worked out"
        );
        assert_eq!(t.len(), QUESTIONS.len());
    }

    #[test]
    fn small_numbers_are_suppressed() {
        use Shown::{Count as C, Suppressed as S};
        assert_eq!(suppress(&[12, 3, 0, 8]), vec![C(12), S, C(0), S]);
        assert_eq!(suppress(&[12, 3, 2, 8]), vec![C(12), S, S, C(8)]);
        assert_eq!(suppress(&[12, 9]), vec![C(12), C(9)]);
        assert_eq!(suppress(&[4]), vec![S]);
        assert_eq!(suppress(&[0, 0]), vec![C(0), C(0)]);
    }
}
