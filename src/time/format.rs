//! RFC 3339 timestamps from the system clock, without a date-time dependency.

use std::time::{SystemTime, UNIX_EPOCH};

/// The current UTC time as `YYYY-MM-DDTHH:MM:SS.mmmZ` (milliseconds keep the
/// creation order of projects made in the same second).
pub fn now_rfc3339() -> String {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap_or_default();
    write_rfc3339(now.as_secs(), Some(now.subsec_millis()))
}

/// Formats seconds since the Unix epoch (UTC).
pub fn rfc3339(secs: u64) -> String {
    write_rfc3339(secs, None)
}

/// Formats milliseconds since the Unix epoch (UTC) with milliseconds; times
/// before the epoch are shown as the epoch.
pub fn rfc3339_millis(ms: i64) -> String {
    let ms = u64::try_from(ms).unwrap_or_default();
    let (secs, millis) = (ms / 1000, (ms % 1000) as u32);
    write_rfc3339(secs, Some(millis))
}

/// Serialises milliseconds since the epoch as [`rfc3339_millis`] text, for
/// `#[serde(serialize_with)]`: records keep numbers and format only on output.
pub fn serialize_millis<S: serde::Serializer>(ms: &i64, serializer: S) -> Result<S::Ok, S::Error> {
    serializer.serialize_str(&rfc3339_millis(*ms))
}

/// Writes the fields digit by digit: the engine stamps about thirty times per
/// flow, and `format!` with padded fields cost ten times as many instructions.
fn write_rfc3339(secs: u64, millis: Option<u32>) -> String {
    let days = i64::try_from(secs / 86_400).unwrap_or(i64::MAX / 2);
    let rem = secs % 86_400;
    let (year, month, day) = civil_from_days(days);
    let mut out = String::with_capacity(24);
    match u64::try_from(year) {
        Ok(year) if year <= 9999 => push_padded(&mut out, year, 4),
        _ => out.push_str(&format!("{year:04}")),
    }
    out.push('-');
    push_padded(&mut out, u64::from(month), 2);
    out.push('-');
    push_padded(&mut out, u64::from(day), 2);
    out.push('T');
    push_padded(&mut out, rem / 3600, 2);
    out.push(':');
    push_padded(&mut out, rem % 3600 / 60, 2);
    out.push(':');
    push_padded(&mut out, rem % 60, 2);
    if let Some(millis) = millis {
        out.push('.');
        push_padded(&mut out, u64::from(millis), 3);
    }
    out.push('Z');
    out
}

/// Appends the last `width` decimal digits of `n`, zero-padded.
fn push_padded(out: &mut String, n: u64, width: u32) {
    for place in (0..width).rev() {
        let digit = n / 10u64.pow(place) % 10;
        out.push(char::from(b'0' + digit as u8));
    }
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(days: i64) -> (i64, u32, u32) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let month = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn known_dates_format() {
        assert_eq!(rfc3339(0), "1970-01-01T00:00:00Z");
        assert_eq!(rfc3339(951_782_400), "2000-02-29T00:00:00Z");
        assert_eq!(rfc3339(1_795_000_000), "2026-11-18T11:06:40Z");
        assert_eq!(rfc3339(253_402_300_799), "9999-12-31T23:59:59Z");
        assert_eq!(rfc3339(253_402_300_800), "10000-01-01T00:00:00Z");
    }

    #[test]
    fn milliseconds_are_padded_and_times_before_the_epoch_are_the_epoch() {
        assert_eq!(
            rfc3339_millis(1_795_000_000_007),
            "2026-11-18T11:06:40.007Z"
        );
        assert_eq!(rfc3339_millis(999), "1970-01-01T00:00:00.999Z");
        assert_eq!(rfc3339_millis(-5), "1970-01-01T00:00:00.000Z");
        assert!(now_rfc3339().ends_with('Z') && now_rfc3339().len() == 24);
    }
}
