//! Numbers as the app computes and writes them, in one place: rounding,
//! percentages, signed scores and balances, means in hundredths, tenths
//! with a language's decimal separator, file sizes in megabytes.
//!
//! Integer arithmetic throughout, so the same answers give the same text on
//! every machine, and the program needs no floating-point formatting code
//! (about 15 KB of WebAssembly). What people read carries a real minus sign
//! ([`MINUS`], U+2212); what goes into a file for a spreadsheet keeps the
//! ASCII hyphen-minus ([`hundredths`]), which spreadsheets read as a number.
//!
//! ```
//! use hr_assessment::numbers::{hundredths, percent, signed, signed_hundredths};
//!
//! assert_eq!(signed(-83), "\u{2212}83");
//! assert_eq!(signed_hundredths(150), "+1.50");
//! assert_eq!(hundredths(-33), "-0.33");
//! assert_eq!(percent(1, 8), 13);
//! ```

use crate::lang::Lang;

/// The minus sign people read: U+2212, not the hyphen-minus.
pub const MINUS: char = '\u{2212}';

/// `num / den` rounded to the nearest integer, halves away from zero.
/// Integer arithmetic so results are exact and the same on every machine.
pub fn div_round(num: i64, den: i64) -> i64 {
    debug_assert!(den > 0);
    let sign = if num < 0 { -1 } else { 1 };
    (2 * num + sign * den) / (2 * den)
}

/// `count` as a whole percentage of `total`, rounded half away from zero
/// (so 1 of 8 is 13%); 0 when `total` is 0. The one place the team view's
/// percentages are computed.
pub fn percent(count: u32, total: u32) -> u32 {
    if total == 0 {
        return 0;
    }
    div_round(100 * i64::from(count), i64::from(total)) as u32
}

/// A signed whole number with a real minus sign: "+50", "−83", "0".
pub fn signed(n: i32) -> String {
    match n {
        0 => "0".to_owned(),
        n if n > 0 => format!("+{n}"),
        n => format!("{MINUS}{}", n.unsigned_abs()),
    }
}

/// Hundredths as a decimal with two places and a hyphen-minus, for files:
/// 150 → "1.50", −33 → "-0.33".
pub fn hundredths(value: i32) -> String {
    let sign = if value < 0 { "-" } else { "" };
    let v = value.unsigned_abs();
    format!("{sign}{}.{:02}", v / 100, v % 100)
}

/// A mean in hundredths with its sign, as people read it: "+1.50",
/// "−0.33", "0.00".
pub fn signed_hundredths(value: i32) -> String {
    let digits = hundredths(value.abs());
    match value {
        0 => digits,
        v if v > 0 => format!("+{digits}"),
        _ => format!("{MINUS}{digits}"),
    }
}

/// A count of tenths written as a number with one decimal, with the
/// language's decimal separator: 96 → "9.6" in English, "9,6" in Spanish.
pub fn tenths(tenths: u64, lang: Lang) -> String {
    format!("{}{}{}", tenths / 10, lang.pick('.', ','), tenths % 10)
}

/// A non-negative number with one decimal, rounded (halves away from zero),
/// with the language's decimal separator: 9.64 → "9.6", "9,6". Negative
/// numbers (negative zero included) are written as "0.0".
pub fn one_decimal(x: f64, lang: Lang) -> String {
    tenths((x.max(0.0) * 10.0).round() as u64, lang)
}

/// "1.1 MB" ("1,1 MB" in Spanish) without the unit: bytes as megabytes,
/// rounded up to a tenth so that a file just over a limit never reads as
/// equal to it.
pub fn megabytes(bytes: usize, lang: Lang) -> String {
    tenths(bytes.div_ceil(100_000) as u64, lang)
}

/// A limit in megabytes, rounded down to a tenth, without a needless ".0":
/// 5,000,000 → "5", 2,500,000 → "2.5".
pub fn limit_megabytes(bytes: usize, lang: Lang) -> String {
    let tenths_of = bytes / 100_000;
    if tenths_of.is_multiple_of(10) {
        (tenths_of / 10).to_string()
    } else {
        tenths(tenths_of as u64, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_takes_halves_away_from_zero() {
        let cases: &[(i64, i64, i64)] = &[
            (0, 3, 0),
            (1, 2, 1),
            (-1, 2, -1),
            (3, 2, 2),
            (-3, 2, -2),
            (1, 3, 0),
            (-1, 3, 0),
            (2, 3, 1),
            (-2, 3, -1),
            (250, 100, 3),
            (-250, 100, -3),
            (249, 100, 2),
            (-249, 100, -2),
        ];
        for (num, den, expected) in cases {
            assert_eq!(div_round(*num, *den), *expected, "{num} / {den}");
        }
    }

    #[test]
    fn percentages_are_whole_and_rounded_half_away_from_zero() {
        let cases: &[(u32, u32, u32)] = &[
            (0, 0, 0),
            (3, 0, 0),
            (0, 7, 0),
            (7, 7, 100),
            (1, 8, 13),  // 12.5
            (3, 8, 38),  // 37.5
            (1, 200, 1), // 0.5
            (1, 201, 0),
            (199, 200, 100), // 99.5
            (1, 3, 33),
            (2, 3, 67),
        ];
        for (count, total, expected) in cases {
            assert_eq!(percent(*count, *total), *expected, "{count} of {total}");
        }
    }

    #[test]
    fn signed_numbers_carry_a_real_minus_sign_and_zero_none() {
        let cases: &[(i32, &str)] = &[
            (-100, "\u{2212}100"),
            (-83, "\u{2212}83"),
            (-1, "\u{2212}1"),
            (0, "0"),
            (-0, "0"),
            (1, "+1"),
            (50, "+50"),
            (100, "+100"),
            (i32::MIN, "\u{2212}2147483648"),
        ];
        for (n, text) in cases {
            assert_eq!(signed(*n), *text, "{n}");
        }
        assert!(!signed(-5).contains('-'), "no hyphen-minus for people");
    }

    #[test]
    fn hundredths_have_two_places_and_a_hyphen_minus_for_files() {
        let cases: &[(i32, &str)] = &[
            (0, "0.00"),
            (-0, "0.00"),
            (5, "0.05"),
            (-5, "-0.05"),
            (100, "1.00"),
            (-33, "-0.33"),
            (150, "1.50"),
            (-200, "-2.00"),
            (200, "2.00"),
            (10_000, "100.00"),
            (-10_000, "-100.00"),
        ];
        for (v, text) in cases {
            assert_eq!(hundredths(*v), *text, "{v}");
        }
    }

    #[test]
    fn signed_hundredths_read_like_signed_numbers() {
        let cases: &[(i32, &str)] = &[
            (0, "0.00"),
            (-0, "0.00"),
            (1, "+0.01"),
            (-1, "\u{2212}0.01"),
            (150, "+1.50"),
            (-33, "\u{2212}0.33"),
            (200, "+2.00"),
            (-200, "\u{2212}2.00"),
            (10_000, "+100.00"),
            (-10_000, "\u{2212}100.00"),
        ];
        for (v, text) in cases {
            assert_eq!(signed_hundredths(*v), *text, "{v}");
        }
    }

    #[test]
    fn tenths_use_each_languages_separator() {
        assert_eq!(tenths(0, Lang::En), "0.0");
        assert_eq!(tenths(96, Lang::En), "9.6");
        assert_eq!(tenths(96, Lang::Es), "9,6");
        assert_eq!(tenths(1000, Lang::Es), "100,0");
    }

    #[test]
    fn one_decimal_rounds_and_uses_each_languages_separator() {
        assert_eq!(one_decimal(9.64, Lang::En), "9.6");
        assert_eq!(one_decimal(9.65, Lang::Es), "9,7");
        assert_eq!(one_decimal(0.25, Lang::En), "0.3", "a half rounds up");
        assert_eq!(one_decimal(0.04, Lang::En), "0.0");
        assert_eq!(one_decimal(10.0, Lang::En), "10.0");
        assert_eq!(one_decimal(1234.55, Lang::Es), "1234,6");
        assert_eq!(one_decimal(-3.0, Lang::En), "0.0");
        assert_eq!(one_decimal(-0.0, Lang::En), "0.0", "negative zero");
        assert_eq!(one_decimal(-0.04, Lang::Es), "0,0", "no \"-0,0\"");
    }

    #[test]
    fn megabytes_round_up_and_limits_round_down() {
        assert_eq!(megabytes(0, Lang::En), "0.0");
        assert_eq!(megabytes(1, Lang::En), "0.1");
        assert_eq!(megabytes(100_000, Lang::En), "0.1");
        assert_eq!(megabytes(5_000_000, Lang::En), "5.0");
        assert_eq!(
            megabytes(5_000_001, Lang::En),
            "5.1",
            "just over a limit never reads as equal"
        );
        assert_eq!(megabytes(1_050_000, Lang::Es), "1,1");
        assert_eq!(limit_megabytes(5_000_000, Lang::En), "5");
        assert_eq!(limit_megabytes(2_500_000, Lang::En), "2.5");
        assert_eq!(limit_megabytes(2_500_000, Lang::Es), "2,5");
        assert_eq!(limit_megabytes(2_599_999, Lang::En), "2.5");
    }
}
