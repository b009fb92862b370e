//! Money: always whole pence in an `i64`, in pounds sterling, never a floating-point
//! number. Read as people write pounds ("£1,250.50", "12.5", "£300"), shown as they
//! read them ("£1,250.50", "£300").
//!
//! Rounding happens in one place, [`share`]: an amount times a fraction is worked
//! out in whole numbers and rounded to the nearest penny, half a penny rounding up
//! (so 2.5p is 3p and 2.4p is 2p). Mileage, part attendance paid pro rata and any
//! other share of a rate all go through it, so a figure never differs by a penny
//! between the page, the export and the statement.

use crate::text::Problem;

/// Reads an amount of money written in pounds, as people write it: an optional "£",
/// commas between thousands, and up to two decimal places. The answer is whole
/// pence from 0 to `max`. A minus sign, a third decimal place (a fraction of a
/// penny) or anything else is not money.
pub fn read_pounds(s: &str, max: i64) -> Result<i64, Problem> {
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
    if total > max {
        return Err(Problem::OutOfRange {
            min: 0,
            max: max / 100,
            given: pounds,
        });
    }
    Ok(total)
}

/// An amount in pence as people read pounds: "£1,250.50", or "£300" for whole
/// pounds; "-£5" for a reversal.
pub fn show_pounds(pence: i64) -> String {
    let sign = if pence < 0 { "-" } else { "" };
    let pence = pence.unsigned_abs();
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
        format!("{sign}£{grouped}")
    } else {
        format!("{sign}£{grouped}.{rest:02}")
    }
}

/// `amount` times `part / whole`, to the nearest penny, half a penny rounding up.
/// `whole` must be above 0 and neither may be negative; the answer saturates
/// rather than overflow.
pub fn share(amount: i64, part: i64, whole: i64) -> i64 {
    if whole <= 0 || amount <= 0 || part <= 0 {
        return 0;
    }
    let product = i128::from(amount) * i128::from(part);
    let whole = i128::from(whole);
    let rounded = (2 * product + whole) / (2 * whole);
    i64::try_from(rounded).unwrap_or(i64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pounds_are_read_as_people_write_them() {
        assert_eq!(read_pounds("£1,250.50", i64::MAX), Ok(125_050));
        assert_eq!(read_pounds("12.5", i64::MAX), Ok(1_250));
        assert_eq!(read_pounds(" £300 ", i64::MAX), Ok(30_000));
        assert_eq!(read_pounds("0", i64::MAX), Ok(0));
        for bad in [
            "-5", "£-5", "12.345", "1,2345", "12.", "twelve", "", "£", "1e3", "0x10",
        ] {
            assert!(
                matches!(read_pounds(bad, i64::MAX), Err(Problem::NotMoney(_))),
                "{bad:?}"
            );
        }
        assert!(matches!(
            read_pounds("£10,000.01", 1_000_000),
            Err(Problem::OutOfRange { .. })
        ));
        assert!(matches!(
            read_pounds("99999999999999999999", i64::MAX),
            Err(Problem::NotMoney(_))
        ));
    }

    #[test]
    fn pence_are_shown_as_pounds() {
        assert_eq!(show_pounds(125_050), "£1,250.50");
        assert_eq!(show_pounds(30_000), "£300");
        assert_eq!(show_pounds(7), "£0.07");
        assert_eq!(show_pounds(-2_550), "-£25.50");
        assert_eq!(show_pounds(123_456_789), "£1,234,567.89");
    }

    #[test]
    fn a_share_rounds_to_the_nearest_penny_half_a_penny_up() {
        // 45p a mile for 12.3 miles (123 tenths): 553.5p, paid as 554p.
        assert_eq!(share(45, 123, 10), 554);
        // 45p a mile for 12.2 miles: 549p exactly.
        assert_eq!(share(45, 122, 10), 549);
        // £12.50 an hour for 50 minutes: 1041.66p, paid as 1042p.
        assert_eq!(share(1_250, 50, 60), 1_042);
        // 2.4p rounds down.
        assert_eq!(share(12, 1, 5), 2);
        // Nothing of nothing, and nothing for a whole of none.
        assert_eq!(share(1_250, 0, 60), 0);
        assert_eq!(share(1_250, 30, 0), 0);
        assert_eq!(share(i64::MAX, i64::MAX, 1), i64::MAX);
    }
}
