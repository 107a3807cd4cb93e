//! Calendar dates and timestamps, written once: which `YYYY-MM-DD` dates
//! exist, which ISO 8601 timestamps are accepted, and a timestamp as
//! milliseconds since 1970 (offsets applied). Used by records (action due
//! dates), files (`created`, `updated`, `exported`) and backups.

/// The number written in ASCII digits, or `None` if any byte is not one.
fn number(part: &[u8]) -> Option<u32> {
    part.iter()
        .try_fold(0u32, |n, &d| d.is_ascii_digit().then(|| n * 10 + u32::from(d - b'0')))
}

/// How many days the month has in that year (leap years honoured), or
/// `None` if `month` is not 1–12.
fn days_in_month(year: u32, month: u32) -> Option<u32> {
    let leap = (year.is_multiple_of(4) && !year.is_multiple_of(100)) || year.is_multiple_of(400);
    Some(match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return None,
    })
}

/// Whether `s` is a calendar date written `YYYY-MM-DD` that exists (leap
/// years honoured; year 0001 to 9999).
pub fn is_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let (Some(year), Some(month), Some(day)) = (number(&b[0..4]), number(&b[5..7]), number(&b[8..10])) else {
        return false;
    };
    let Some(days) = days_in_month(year, month) else {
        return false;
    };
    year >= 1 && (1..=days).contains(&day)
}

/// Whether `s` is an ISO 8601 date and time as browsers write it:
/// `YYYY-MM-DDTHH:MM:SS`, optional fraction of 1–9 digits, then `Z` or an
/// offset `±HH:MM`. Every part is range-checked (months, days of the month
/// with leap years, hours, minutes, seconds 00–59); nothing else is accepted
/// (no lowercase `t`, no space, no week dates, no leap second).
pub fn is_timestamp(s: &str) -> bool {
    let b = s.as_bytes();
    let digits = |from: usize, len: usize| b.get(from..from + len).and_then(number);
    let at = |i: usize, c: u8| b.get(i) == Some(&c);
    let (Some(year), Some(month), Some(day), Some(hour), Some(minute), Some(second)) = (
        digits(0, 4),
        digits(5, 2),
        digits(8, 2),
        digits(11, 2),
        digits(14, 2),
        digits(17, 2),
    ) else {
        return false;
    };
    if !(at(4, b'-') && at(7, b'-') && at(10, b'T') && at(13, b':') && at(16, b':')) {
        return false;
    }
    let Some(days) = days_in_month(year, month) else {
        return false;
    };
    if day == 0 || day > days || hour > 23 || minute > 59 || second > 59 {
        return false;
    }
    let mut i = 19;
    if at(i, b'.') {
        let fraction = b[i + 1..].iter().take_while(|d| d.is_ascii_digit()).count();
        if !(1..=9).contains(&fraction) {
            return false;
        }
        i += 1 + fraction;
    }
    match b.get(i) {
        Some(b'Z') => i + 1 == b.len(),
        Some(b'+' | b'-') => {
            let (Some(h), Some(m)) = (digits(i + 1, 2), digits(i + 4, 2)) else {
                return false;
            };
            at(i + 3, b':') && h <= 23 && m <= 59 && i + 6 == b.len()
        }
        _ => false,
    }
}

/// Milliseconds since 1970 of a timestamp as [`is_timestamp`] accepts it
/// (the offset applied), so that times written in different zones compare.
/// `None` when it is not one.
pub fn timestamp_ms(s: &str) -> Option<i64> {
    if !is_timestamp(s) {
        return None;
    }
    let b = s.as_bytes();
    let n =
        |from: usize, len: usize| -> i64 { b[from..from + len].iter().fold(0, |n, d| n * 10 + i64::from(d - b'0')) };
    let (y, m, d) = (n(0, 4), n(5, 2), n(8, 2));
    // Days from 1970-01-01 to the date (Howard Hinnant's days_from_civil).
    let y = if m <= 2 { y - 1 } else { y };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let doy = (153 * (if m > 2 { m - 3 } else { m + 9 }) + 2) / 5 + d - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    let mut ms = ((days * 24 + n(11, 2)) * 60 + n(14, 2)) * 60_000 + n(17, 2) * 1000;
    let mut i = 19;
    if b.get(i) == Some(&b'.') {
        let digits = b[i + 1..].iter().take_while(|c| c.is_ascii_digit()).count();
        let first3: i64 = (0..3)
            .map(|k| if k < digits { i64::from(b[i + 1 + k] - b'0') } else { 0 })
            .fold(0, |n, d| n * 10 + d);
        ms += first3;
        i += 1 + digits;
    }
    if let Some(&sign) = b.get(i).filter(|c| matches!(c, b'+' | b'-')) {
        let offset = (n(i + 1, 2) * 60 + n(i + 4, 2)) * 60_000;
        ms += if sign == b'+' { -offset } else { offset };
    }
    Some(ms)
}
