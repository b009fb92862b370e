//! What a project says about itself beyond its stage and level: the organisations it
//! works with and their part, its involvement budget, and the rules for both.
//!
//! Money is held in whole pence and read as people write pounds ("£1,250.50",
//! "1250.5", "£300"); it is never a floating-point number.

use crate::text::Problem;
use crate::vocabulary;

vocabulary! {
    /// The part a partner organisation plays in a project.
    pub enum PartnerPart ("partner part") {
        VoluntarySector => ("voluntary-sector", "Voluntary sector body", ["VCSE", "charity", "voluntary sector"]),
        Healthwatch => ("healthwatch", "Healthwatch"),
        PatientsForum => ("patients-forum", "Patients' forum", ["patient forum", "patient participation group", "PPG"]),
        Commissioner => ("commissioner", "Commissioner", ["ICB", "integrated care board", "commissioners"]),
        Provider => ("provider", "Service provider", ["NHS trust", "trust"]),
        Other => ("other", "Other partner"),
    }
}

/// The largest involvement budget Coproduce holds: £100 million, in pence.
pub const MAX_PENCE: i64 = 10_000_000_000;

/// Reads an amount of money written in pounds, as people write it, up to
/// [`MAX_PENCE`] (see [`crate::money::read_pounds`]).
pub fn pounds_to_pence(s: &str) -> Result<i64, Problem> {
    crate::money::read_pounds(s, MAX_PENCE)
}

pub use crate::money::show_pounds;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Vocabulary;

    #[test]
    fn pounds_are_read_as_people_write_them() {
        assert_eq!(pounds_to_pence("£1,250.50"), Ok(125_050));
        assert_eq!(pounds_to_pence(" 1250.5 "), Ok(125_050));
        assert_eq!(pounds_to_pence("£300"), Ok(30_000));
        assert_eq!(pounds_to_pence("0.07"), Ok(7));
        assert_eq!(pounds_to_pence("£ 12"), Ok(1_200));
        for bad in [
            "", "£", "-5", "12.345", "1,25", "1,2345", "twelve", "12.", "£1.2.3", ",100",
        ] {
            assert!(
                matches!(pounds_to_pence(bad), Err(Problem::NotMoney(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            pounds_to_pence("£100,000,001"),
            Err(Problem::OutOfRange { .. })
        ));
    }

    #[test]
    fn pence_are_shown_as_pounds() {
        assert_eq!(show_pounds(125_050), "£1,250.50");
        assert_eq!(show_pounds(30_000), "£300");
        assert_eq!(show_pounds(7), "£0.07");
        assert_eq!(show_pounds(123_456_789), "£1,234,567.89");
    }

    #[test]
    fn partners_are_read_by_their_usual_names() {
        assert_eq!(PartnerPart::read("ICB"), Ok(PartnerPart::Commissioner));
        assert_eq!(PartnerPart::read("VCSE"), Ok(PartnerPart::VoluntarySector));
    }
}
