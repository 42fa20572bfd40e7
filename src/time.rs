//! Time on the wire: the defaults of the per-API fields of a new error (the
//! current time in RFC 3339 for AuthOS, a random request token for
//! Registration), and the HTTP-date of a received `Retry-After`.

use std::hash::{BuildHasher, Hasher};
use std::time::{SystemTime, UNIX_EPOCH};

/// `YYYY-MM-DDTHH:MM:SSZ` for now.
pub(crate) fn rfc3339_now() -> String {
    let seconds = SystemTime::now().duration_since(UNIX_EPOCH).map_or(0, |elapsed| elapsed.as_secs());
    rfc3339(seconds)
}

/// `YYYY-MM-DDTHH:MM:SSZ` for `seconds` since the Unix epoch.
pub(crate) fn rfc3339(seconds: u64) -> String {
    let (days, rest) = (seconds / 86_400, seconds % 86_400);
    // Howard Hinnant's civil_from_days, for days since 1970-01-01.
    let z = days as i64 + 719_468;
    let era = z.div_euclid(146_097);
    let day_of_era = z.rem_euclid(146_097);
    let year_of_era = (day_of_era - day_of_era / 1460 + day_of_era / 36_524 - day_of_era / 146_096) / 365;
    let day_of_year = day_of_era - (365 * year_of_era + year_of_era / 4 - year_of_era / 100);
    let month_index = (5 * day_of_year + 2) / 153;
    let day = day_of_year - (153 * month_index + 2) / 5 + 1;
    let month = if month_index < 10 { month_index + 3 } else { month_index - 9 };
    let year = year_of_era + era * 400 + i64::from(month <= 2);
    format!("{year:04}-{month:02}-{day:02}T{:02}:{:02}:{:02}Z", rest / 3600, rest % 3600 / 60, rest % 60)
}

/// Days since 1970-01-01 of a proleptic Gregorian date (Howard Hinnant's
/// days_from_civil); `month` is 1-12.
fn days_from_civil(year: i64, month: i64, day: i64) -> i64 {
    let year = if month <= 2 { year - 1 } else { year };
    let era = year.div_euclid(400);
    let year_of_era = year.rem_euclid(400);
    let day_of_year = (153 * (if month > 2 { month - 3 } else { month + 9 }) + 2) / 5 + day - 1;
    let day_of_era = year_of_era * 365 + year_of_era / 4 - year_of_era / 100 + day_of_year;
    era * 146_097 + day_of_era - 719_468
}

const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Seconds since the Unix epoch of an HTTP-date (RFC 9110 §5.6.7): the
/// preferred IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`, and the obsolete
/// RFC 850 (`Sunday, 06-Nov-94 08:49:37 GMT`) and asctime
/// (`Sun Nov  6 08:49:37 1994`) forms a recipient must accept. `None` for
/// anything else, or a date before 1970; never a panic, never an allocation.
pub(crate) fn http_date(text: &str) -> Option<u64> {
    let words: [&str; 6] = {
        let mut words = text.split_ascii_whitespace();
        let found = [
            words.next()?,
            words.next()?,
            words.next()?,
            words.next()?,
            words.next().unwrap_or(""),
            words.next().unwrap_or(""),
        ];
        if words.next().is_some() {
            return None;
        }
        found
    };
    let number = |text: &str, digits: std::ops::RangeInclusive<usize>| -> Option<i64> {
        (digits.contains(&text.len()) && text.bytes().all(|byte| byte.is_ascii_digit())).then(|| text.parse().ok())?
    };
    let month = |text: &str| MONTHS.iter().position(|month| *month == text).map(|index| index as i64 + 1);
    let (year, month, day, clock) = match words {
        // IMF-fixdate: Sun, 06 Nov 1994 08:49:37 GMT
        [weekday, day, month_name, year, clock, "GMT"] if weekday.ends_with(',') && weekday.len() == 4 => {
            (number(year, 4..=4)?, month(month_name)?, number(day, 2..=2)?, clock)
        }
        // RFC 850: Sunday, 06-Nov-94 08:49:37 GMT (a two-digit year is 19xx or 20xx, the nearer to 1970 + 50)
        [weekday, date, clock, "GMT", "", ""] if weekday.ends_with(',') => {
            let mut parts = date.split('-');
            let (day, month_name, year) = (parts.next()?, parts.next()?, parts.next()?);
            if parts.next().is_some() {
                return None;
            }
            let year = number(year, 2..=2)?;
            (if year < 70 { 2000 + year } else { 1900 + year }, month(month_name)?, number(day, 2..=2)?, clock)
        }
        // asctime: Sun Nov  6 08:49:37 1994
        [_weekday, month_name, day, clock, year, ""] => {
            (number(year, 4..=4)?, month(month_name)?, number(day, 1..=2)?, clock)
        }
        _ => return None,
    };
    let mut parts = clock.split(':');
    let (hour, minute, second) =
        (number(parts.next()?, 2..=2)?, number(parts.next()?, 2..=2)?, number(parts.next()?, 2..=2)?);
    if parts.next().is_some() || hour > 23 || minute > 59 || second > 60 || !(1..=31).contains(&day) {
        return None;
    }
    let days = days_from_civil(year, month, day);
    u64::try_from(days * 86_400 + hour * 3600 + minute * 60 + second).ok()
}

/// 16 random characters from `[a-z0-9]`, like the Registration API's tokens.
pub(crate) fn request_token() -> String {
    const ALPHABET: &[u8; 36] = b"abcdefghijklmnopqrstuvwxyz0123456789";
    // RandomState is seeded randomly per process and per instance.
    let mut bits = std::collections::hash_map::RandomState::new().build_hasher().finish();
    let mut more = std::collections::hash_map::RandomState::new().build_hasher();
    more.write_u64(bits);
    let mut token = String::with_capacity(16);
    for index in 0..16 {
        if index == 8 {
            bits = more.finish();
        }
        token.push(char::from(ALPHABET[(bits % 36) as usize]));
        bits /= 36;
    }
    token
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_instants() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(1_736_937_000), "2025-01-15T10:30:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(4_102_444_799), "2099-12-31T23:59:59Z");
    }

    #[test]
    fn http_dates_in_all_three_forms() {
        // RFC 9110 §5.6.7's own example, in each form.
        for text in ["Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"] {
            assert_eq!(http_date(text), Some(784_111_777), "{text}");
        }
        assert_eq!(http_date("Thu, 01 Jan 1970 00:00:00 GMT"), Some(0));
        assert_eq!(http_date("Wed, 15 Jan 2025 10:30:00 GMT"), Some(1_736_937_000));
        assert_eq!(http_date("Tue, 29 Feb 2000 00:00:00 GMT").map(rfc3339).as_deref(), Some("2000-02-29T00:00:00Z"));
        assert_eq!(http_date("Monday, 01-Jan-24 00:00:00 GMT").map(rfc3339).as_deref(), Some("2024-01-01T00:00:00Z"));
        for bad in [
            "",
            "120",
            "Sun, 06 Nov 1994 08:49:37 UTC",
            "Sun, 6 Nov 1994 08:49:37 GMT",
            "Sun, 06 Nov 1994 24:00:00 GMT",
            "Sun, 06 Nov 1994 08:49 GMT",
            "Sun, 06 Foo 1994 08:49:37 GMT",
            "Sun, 32 Nov 1994 08:49:37 GMT",
            "Wed, 31 Dec 1969 23:59:59 GMT",
            "Sun, 06 Nov 1994 08:49:37 GMT extra",
            "Sun, 06 Nov +994 08:49:37 GMT",
            "Sunday, 06-Nov-94-1 08:49:37 GMT",
            "Sun Nov  6 08:49:37 1994 x",
            "Sun, 06 Nov 1994 08:49:37:01 GMT",
        ] {
            assert_eq!(http_date(bad), None, "{bad:?}");
        }
    }

    #[test]
    fn tokens_are_sixteen_lowercase_alphanumerics_and_differ() {
        let (a, b) = (request_token(), request_token());
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|byte| byte.is_ascii_lowercase() || byte.is_ascii_digit()));
        assert_ne!(a, b);
    }
}
