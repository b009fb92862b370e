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

/// Reads an amount of money written in pounds, as people write it: an optional "£",
/// commas between thousands, and up to two decimal places. The answer is whole
/// pence, never negative.
pub fn pounds_to_pence(s: &str) -> Result<i64, Problem> {
    let not_money = || Problem::NotMoney(s.trim().to_string());
    let t = s.trim();
    let t = t.strip_prefix('£').unwrap_or(t).trim();
    if t.is_empty() || t.starts_with('-') {
        return Err(not_money());
    }
    let (whole, fraction) = match t.split_once('.') {
        Some((w, f)) => (w, f),
        None => (t, ""),
    };
    // Commas only between groups of three digits.
    let groups: Vec<&str> = whole.split(',').collect();
    let well_grouped = groups.len() == 1
        || (!groups[0].is_empty()
            && groups[0].len() <= 3
            && groups[1..].iter().all(|g| g.len() == 3));
    let digits: String = groups.concat();
    if !well_grouped
        || digits.is_empty()
        || !digits.bytes().all(|b| b.is_ascii_digit())
        || fraction.len() > 2
        || !fraction.bytes().all(|b| b.is_ascii_digit())
        || (t.contains('.') && fraction.is_empty())
    {
        return Err(not_money());
    }
    let pounds: i64 = digits.parse().map_err(|_| not_money())?;
    let pence: i64 = match fraction.len() {
        0 => 0,
        1 => fraction.parse::<i64>().map_err(|_| not_money())? * 10,
        _ => fraction.parse().map_err(|_| not_money())?,
    };
    let total = pounds
        .checked_mul(100)
        .and_then(|p| p.checked_add(pence))
        .ok_or_else(not_money)?;
    if total > MAX_PENCE {
        return Err(Problem::OutOfRange {
            min: 0,
            max: MAX_PENCE / 100,
            given: pounds,
        });
    }
    Ok(total)
}

/// An amount in pence as people read pounds: "£1,250.50", or "£300" for whole pounds.
pub fn show_pounds(pence: i64) -> String {
    let pounds = pence / 100;
    let rest = pence % 100;
    let digits = pounds.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            grouped.push(',');
        }
        grouped.push(c);
    }
    if rest == 0 {
        format!("£{grouped}")
    } else {
        format!("£{grouped}.{rest:02}")
    }
}

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
