//! Event times: RFC 3339 (and the space-separated, zone-less form some
//! exports write, read as UTC) or Unix seconds or milliseconds, all held as
//! milliseconds since 1970 UTC; and back to RFC 3339 for output.
//!
//! Hand-written rather than a date crate because it runs once per event on
//! inputs of millions of rows, and the formats are fixed-width.

/// Milliseconds in a day.
pub const DAY_MS: i64 = 86_400_000;

/// Unix numbers at or above this are milliseconds, below it seconds:
/// 10^11 seconds is the year 5138, 10^11 milliseconds is March 1973.
const MS_FROM: f64 = 1e11;

/// Reads one event time; `None` when it is none of the accepted forms or out
/// of range (years 1970 to 9999).
pub fn parse(text: &[u8]) -> Option<i64> {
    let text = text.trim_ascii();
    let first = *text.first()?;
    if first.is_ascii_digit() && text.len() >= 10 && text[4] == b'-' {
        return rfc3339(text);
    }
    unix(text)
}

/// The newest time [`parse`] accepts: the last millisecond of 9999.
pub const LATEST: i64 = 253_402_300_799_999;

fn unix(text: &[u8]) -> Option<i64> {
    let s = std::str::from_utf8(text).ok()?;
    if !s.bytes().all(|b| b.is_ascii_digit() || b == b'.') || s.is_empty() {
        return None;
    }
    let ms = if let Some((whole, frac)) = s.split_once('.') {
        let n: f64 = s.parse().ok()?;
        if whole.is_empty() || frac.contains('.') {
            return None;
        }
        if n >= MS_FROM { n } else { n * 1000.0 }.floor()
    } else {
        let n: i64 = s.parse().ok()?;
        return Some(if (n as f64) >= MS_FROM {
            n
        } else {
            n.checked_mul(1000)?
        })
        .filter(|ms| *ms <= LATEST);
    };
    (ms <= LATEST as f64).then_some(ms as i64)
}

fn digits(text: &[u8], at: usize, len: usize) -> Option<i64> {
    let part = text.get(at..at + len)?;
    let mut n = 0i64;
    for &b in part {
        if !b.is_ascii_digit() {
            return None;
        }
        n = n * 10 + i64::from(b - b'0');
    }
    Some(n)
}

/// `YYYY-MM-DD`, then optionally `T` or a space, `hh:mm[:ss[.fff...]]` and
/// `Z`, `z`, `±hh:mm`, `±hhmm` or nothing (UTC).
fn rfc3339(t: &[u8]) -> Option<i64> {
    let (year, month, day) = (digits(t, 0, 4)?, digits(t, 5, 2)?, digits(t, 8, 2)?);
    if t[7] != b'-' || !(1..=12).contains(&month) || day < 1 || day > days_in_month(year, month) {
        return None;
    }
    let mut ms = days_from_civil(year, month, day) * DAY_MS;
    if t.len() == 10 {
        return (ms >= 0).then_some(ms);
    }
    if !matches!(t[10], b'T' | b't' | b' ') {
        return None;
    }
    let (hour, minute) = (digits(t, 11, 2)?, digits(t, 14, 2)?);
    if t.get(13) != Some(&b':') || hour > 23 || minute > 59 {
        return None;
    }
    ms += (hour * 60 + minute) * 60_000;
    let mut at = 16;
    if t.get(at) == Some(&b':') {
        // 60 is a leap second, counted as the next second's start.
        let second = digits(t, at + 1, 2).filter(|s| *s <= 60)?;
        ms += second * 1000;
        at += 3;
        if t.get(at) == Some(&b'.') || t.get(at) == Some(&b',') {
            at += 1;
            let start = at;
            let mut frac = 0i64;
            while let Some(b) = t.get(at).filter(|b| b.is_ascii_digit()) {
                if at - start < 3 {
                    frac = frac * 10 + i64::from(b - b'0');
                }
                at += 1;
            }
            if at == start {
                return None;
            }
            for _ in (at - start)..3 {
                frac *= 10;
            }
            ms += frac;
        }
    }
    let offset = match t.get(at..)? {
        [] | [b'Z'] | [b'z'] => 0,
        [sign @ (b'+' | b'-'), rest @ ..] => {
            let (h, m) = match rest {
                [_, _, b':', _, _] => (digits(rest, 0, 2)?, digits(rest, 3, 2)?),
                [_, _, _, _] => (digits(rest, 0, 2)?, digits(rest, 2, 2)?),
                [_, _] => (digits(rest, 0, 2)?, 0),
                _ => return None,
            };
            if h > 23 || m > 59 {
                return None;
            }
            let minutes = h * 60 + m;
            if *sign == b'+' { minutes } else { -minutes }
        }
        _ => return None,
    };
    let ms = ms - offset * 60_000;
    (0..=LATEST).contains(&ms).then_some(ms)
}

fn is_leap(year: i64) -> bool {
    year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)
}

fn days_in_month(year: i64, month: i64) -> i64 {
    match month {
        2 if is_leap(year) => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// `days_from_civil`).
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let y = if month <= 2 { year - 1 } else { year };
    let era = y.div_euclid(400);
    let yoe = y - era * 400;
    let mp = (month + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    era * 146_097 + doe - 719_468
}

fn civil_from_days(z: i64) -> (i64, i64, i64) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

/// `ms` as RFC 3339 in UTC, to the second (with milliseconds when it has them).
pub fn format(ms: i64) -> String {
    let (days, rest) = (ms.div_euclid(DAY_MS), ms.rem_euclid(DAY_MS));
    let (y, mo, d) = civil_from_days(days);
    let (secs, milli) = (rest / 1000, rest % 1000);
    let (h, mi, s) = (secs / 3600, secs / 60 % 60, secs % 60);
    if milli == 0 {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}Z")
    } else {
        format!("{y:04}-{mo:02}-{d:02}T{h:02}:{mi:02}:{s:02}.{milli:03}Z")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const T: i64 = 1_795_255_320_000; // 2026-11-21T10:02:00Z

    #[test]
    fn every_accepted_form_reads_the_same_instant() {
        for text in [
            "2026-11-21T10:02:00Z",
            "2026-11-21t10:02:00z",
            "2026-11-21 10:02:00",
            "2026-11-21T10:02",
            "2026-11-21T11:02:00+01:00",
            "2026-11-21T11:02:00+0100",
            "2026-11-21T11:02:00+01",
            "2026-11-21T05:02:00-05:00",
            "2026-11-21T10:02:00.000Z",
            "2026-11-21 10:02:00.000000",
            "1795255320",
            "1795255320.0",
            "1795255320000",
            " 1795255320 ",
        ] {
            assert_eq!(parse(text.as_bytes()), Some(T), "{text}");
        }
        assert_eq!(parse(b"2026-11-21T10:02:00.1234Z"), Some(T + 123));
        assert_eq!(parse(b"1795255320.5"), Some(T + 500));
        assert_eq!(parse(b"2026-11-21"), Some(T - (10 * 60 + 2) * 60_000));
    }

    #[test]
    fn nonsense_and_impossible_dates_are_refused() {
        for text in [
            "",
            "yesterday",
            "2026-13-01",
            "2026-02-29",
            "2026-11-31T00:00:00Z",
            "2026-11-21T24:00:00Z",
            "2026-11-21T10:60:00Z",
            "2026-11-21T10:02:00+25:00",
            "2026-11-21X10:02",
            "-5",
            "1.2.3",
            "2026-11-21T10:02:00.Z",
            "99999999999999999999",
            "0x10",
            "1e9",
        ] {
            assert_eq!(parse(text.as_bytes()), None, "{text}");
        }
        assert_eq!(
            parse(b"2024-02-29"),
            Some(days_from_civil(2024, 2, 29) * DAY_MS)
        );
    }

    #[test]
    fn formatting_round_trips_over_four_centuries() {
        let mut ms = 0;
        while ms < LATEST {
            let text = format(ms);
            assert_eq!(parse(text.as_bytes()), Some(ms), "{text}");
            ms += 7_654_321_987;
        }
        assert_eq!(format(T), "2026-11-21T10:02:00Z");
        assert_eq!(format(T + 5), "2026-11-21T10:02:00.005Z");
        assert_eq!(format(0), "1970-01-01T00:00:00Z");
    }
}
