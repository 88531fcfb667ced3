//! Go duration strings (`1h30m`, `500ms`, `1.5h`) as Kratos' config uses them,
//! parsed with the rules of Go's `time.ParseDuration`.

use std::time::Duration;

/// Go's `time.Duration` is an `int64` of nanoseconds; longer spans do not exist
/// in Kratos, so they are refused here too.
const MAX_NANOS: u64 = i64::MAX as u64;

/// Why a duration string was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DurationError {
    /// Not of the shape `[+-]?(<number><unit>)+`.
    #[error("invalid duration {0:?}")]
    Invalid(String),
    /// A number without a unit, such as `10`.
    #[error("missing unit in duration {0:?}")]
    MissingUnit(String),
    /// A unit other than ns, us, µs, ms, s, m and h.
    #[error("unknown unit {unit:?} in duration {input:?}")]
    UnknownUnit {
        /// The unit as written.
        unit: String,
        /// The whole duration.
        input: String,
    },
    /// Longer than Go's largest duration (about 292 years).
    #[error("duration {0:?} is longer than the largest Go duration (about 292 years)")]
    Overflow(String),
    /// Below zero, which no lifespan or wait can be.
    #[error("duration {0:?} is negative")]
    Negative(String),
}

/// Parses a Go duration: what Kratos' config schema allows
/// (`^([0-9]+(ns|us|ms|s|m|h))+$`) and the rest of `time.ParseDuration`'s
/// language: a leading `+`, decimals (`1.5h`, `.5s`), `µs`/`μs`, and a bare `0`.
/// A negative non-zero duration is an error, since `Duration` cannot hold it.
pub fn parse_duration(s: &str) -> Result<Duration, DurationError> {
    let invalid = || DurationError::Invalid(s.to_string());
    let (negative, mut rest) = match s.as_bytes().first() {
        Some(b'-') => (true, &s[1..]),
        Some(b'+') => (false, &s[1..]),
        _ => (false, s),
    };
    if rest == "0" {
        return Ok(Duration::ZERO);
    }
    if rest.is_empty() {
        return Err(invalid());
    }
    let mut total: u64 = 0;
    while !rest.is_empty() {
        let (nanos, after) = component(rest, s)?;
        total = total
            .checked_add(nanos)
            .filter(|t| *t <= MAX_NANOS)
            .ok_or_else(|| DurationError::Overflow(s.to_string()))?;
        rest = after;
    }
    if negative && total > 0 {
        return Err(DurationError::Negative(s.to_string()));
    }
    Ok(Duration::from_nanos(total))
}

/// One `<number><unit>` at the start of `rest`: its length in nanoseconds and
/// what follows it. `input` is the whole string, for errors.
fn component<'a>(rest: &'a str, input: &str) -> Result<(u64, &'a str), DurationError> {
    let invalid = || DurationError::Invalid(input.to_string());
    let overflow = || DurationError::Overflow(input.to_string());
    if !rest.starts_with(|c: char| c == '.' || c.is_ascii_digit()) {
        return Err(invalid());
    }
    let (whole, rest) = split_digits(rest);
    let (fraction, rest) = match rest.strip_prefix('.') {
        Some(after_dot) => {
            let (fraction, rest) = split_digits(after_dot);
            (Some(fraction), rest)
        }
        None => (None, rest),
    };
    if whole.is_empty() && fraction.is_none_or(str::is_empty) {
        return Err(invalid());
    }
    let unit_len = rest
        .find(|c: char| c == '.' || c.is_ascii_digit())
        .unwrap_or(rest.len());
    if unit_len == 0 {
        return Err(DurationError::MissingUnit(input.to_string()));
    }
    let (unit, rest) = rest.split_at(unit_len);
    let per_unit = unit_nanos(unit).ok_or_else(|| DurationError::UnknownUnit {
        unit: unit.to_string(),
        input: input.to_string(),
    })?;
    let whole_value: u64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| overflow())?
    };
    let nanos = whole_value
        .checked_mul(per_unit)
        .and_then(|n| n.checked_add(fraction_nanos(fraction.unwrap_or(""), per_unit)))
        .filter(|n| *n <= MAX_NANOS)
        .ok_or_else(overflow)?;
    Ok((nanos, rest))
}

/// The leading ASCII digits of `s`, and the rest.
fn split_digits(s: &str) -> (&str, &str) {
    s.split_at(s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len()))
}

/// Nanoseconds in one of Go's duration units.
fn unit_nanos(unit: &str) -> Option<u64> {
    Some(match unit {
        "ns" => 1,
        // Go accepts the micro sign (U+00B5) and the Greek mu (U+03BC).
        "us" | "\u{b5}s" | "\u{3bc}s" => 1_000,
        "ms" => 1_000_000,
        "s" => 1_000_000_000,
        "m" => 60_000_000_000,
        "h" => 3_600_000_000_000,
        _ => return None,
    })
}

/// The nanoseconds that the digits after the point add, truncated. Go computes
/// this through a float64; exact integer arithmetic agrees with it on every
/// duration a config would hold and never rounds up past a nanosecond.
fn fraction_nanos(digits: &str, per_unit: u64) -> u64 {
    // Nineteen digits keep the numerator in u128 and are far below a nanosecond
    // of the longest unit; Go, too, ignores digits once its scale would overflow.
    let digits = &digits[..digits.len().min(19)];
    let Ok(numerator) = digits.parse::<u128>() else {
        return 0;
    };
    let scale = 10u128.pow(u32::try_from(digits.len()).unwrap_or(0));
    u64::try_from(numerator * u128::from(per_unit) / scale).unwrap_or(u64::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    const UNITS: [(&str, u64); 8] = [
        ("ns", 1),
        ("us", 1_000),
        ("\u{b5}s", 1_000),
        ("\u{3bc}s", 1_000),
        ("ms", 1_000_000),
        ("s", 1_000_000_000),
        ("m", 60_000_000_000),
        ("h", 3_600_000_000_000),
    ];

    /// A small deterministic generator (xorshift64*), so the property tests need
    /// no extra dependency and every failure reproduces.
    struct Rng(u64);

    impl Rng {
        fn next(&mut self) -> u64 {
            self.0 ^= self.0 >> 12;
            self.0 ^= self.0 << 25;
            self.0 ^= self.0 >> 27;
            self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
        }

        fn below(&mut self, n: u64) -> u64 {
            self.next() % n
        }
    }

    fn nanos(s: &str) -> Result<u64, DurationError> {
        parse_duration(s).map(|d| u64::try_from(d.as_nanos()).expect("fits"))
    }

    #[test]
    fn config_examples() {
        assert_eq!(nanos("1h"), Ok(3_600_000_000_000));
        assert_eq!(parse_duration("15m"), Ok(Duration::from_secs(900)));
        assert_eq!(parse_duration("1h30m"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration("500ms"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("24h"), Ok(Duration::from_secs(86_400)));
        assert_eq!(parse_duration("1s"), Ok(Duration::from_secs(1)));
        assert_eq!(parse_duration("0s"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("10us"), Ok(Duration::from_micros(10)));
    }

    #[test]
    fn what_go_accepts_beyond_the_config_schema() {
        assert_eq!(parse_duration("1.5h"), Ok(Duration::from_secs(5400)));
        assert_eq!(parse_duration(".5s"), Ok(Duration::from_millis(500)));
        assert_eq!(parse_duration("1.s"), Ok(Duration::from_secs(1)));
        assert_eq!(parse_duration("+5m"), Ok(Duration::from_secs(300)));
        assert_eq!(parse_duration("-0"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("-0s"), Ok(Duration::ZERO));
        assert_eq!(parse_duration("3µs"), Ok(Duration::from_micros(3)));
        assert_eq!(parse_duration("3μs"), Ok(Duration::from_micros(3)));
        assert_eq!(parse_duration("1h1h"), Ok(Duration::from_secs(7200)));
        assert_eq!(nanos("0.000000001s"), Ok(1));
        assert_eq!(nanos("0.0000000009s"), Ok(0));
        assert_eq!(nanos("1.0000000000000000000001h"), Ok(3_600_000_000_000));
    }

    #[test]
    fn refusals_name_the_problem() {
        let invalid = |s: &str| DurationError::Invalid(s.to_string());
        assert_eq!(parse_duration(""), Err(invalid("")));
        assert_eq!(parse_duration("+"), Err(invalid("+")));
        assert_eq!(parse_duration("."), Err(invalid(".")));
        assert_eq!(parse_duration(".s"), Err(invalid(".s")));
        assert_eq!(parse_duration("h"), Err(invalid("h")));
        assert_eq!(parse_duration(" 1h"), Err(invalid(" 1h")));
        // As in Go, everything up to the next digit or point is the unit.
        assert_eq!(
            parse_duration("1h "),
            Err(DurationError::UnknownUnit {
                unit: "h ".into(),
                input: "1h ".into()
            })
        );
        assert_eq!(
            parse_duration("10"),
            Err(DurationError::MissingUnit("10".into()))
        );
        assert_eq!(
            parse_duration("1d"),
            Err(DurationError::UnknownUnit {
                unit: "d".into(),
                input: "1d".into()
            })
        );
        assert_eq!(
            parse_duration("1hr"),
            Err(DurationError::UnknownUnit {
                unit: "hr".into(),
                input: "1hr".into()
            })
        );
        assert_eq!(
            parse_duration("-1h"),
            Err(DurationError::Negative("-1h".into()))
        );
        assert_eq!(
            DurationError::UnknownUnit {
                unit: "d".into(),
                input: "1d".into()
            }
            .to_string(),
            "unknown unit \"d\" in duration \"1d\""
        );
    }

    #[test]
    fn overflow_is_an_error_at_go_s_limit() {
        let overflow = |s: &str| Err(DurationError::Overflow(s.to_string()));
        assert_eq!(nanos("9223372036854775807ns"), Ok(MAX_NANOS));
        assert_eq!(nanos("2562047h"), Ok(2_562_047 * 3_600_000_000_000));
        for s in [
            "9223372036854775808ns",
            "2562048h",
            "99999999999999999999999h",
            "9223372036854775807ns1ns",
            "2562047h47m16.854775808s",
            "153722867m1h",
        ] {
            assert_eq!(nanos(s), overflow(s), "{s}");
        }
        assert_eq!(nanos("2562047h47m16.854775807s"), Ok(MAX_NANOS));
    }

    /// Every string the config schema's pattern admits parses, to the sum of its
    /// parts, and concatenating two durations adds them.
    #[test]
    fn property_schema_shaped_strings_sum_their_parts() {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..5_000 {
            let mut text = String::new();
            let mut expected: u64 = 0;
            for _ in 0..=rng.below(4) {
                let (unit, per) = UNITS[usize::try_from(rng.below(8)).expect("small")];
                let value = rng.below(100_000);
                let digits = if rng.below(5) == 0 {
                    format!("{value:07}")
                } else {
                    value.to_string()
                };
                text.push_str(&digits);
                text.push_str(unit);
                expected += value * per;
            }
            assert_eq!(nanos(&text), Ok(expected), "{text}");
            let (head, tail) = text.split_at(text.floor_char_boundary(text.len() / 2));
            if let (Ok(a), Ok(b)) = (nanos(head), nanos(tail)) {
                assert_eq!(a + b, expected, "{head} + {tail}");
            }
        }
    }

    /// A decimal and the same span in a smaller unit agree (`1.5h` = `90m`).
    #[test]
    fn property_decimals_agree_with_smaller_units() {
        let mut rng = Rng(42);
        for _ in 0..2_000 {
            let whole = rng.below(1_000);
            let tenths = rng.below(10);
            assert_eq!(
                nanos(&format!("{whole}.{tenths}h")),
                nanos(&format!("{}m", whole * 60 + tenths * 6)),
                "{whole}.{tenths}h"
            );
            let millis = rng.below(1_000);
            assert_eq!(
                nanos(&format!("{whole}.{millis:03}s")),
                nanos(&format!("{}ms", whole * 1_000 + millis))
            );
        }
    }

    /// Arbitrary strings over the duration alphabet never panic, and whatever
    /// parses stays within Go's range.
    #[test]
    fn property_arbitrary_input_never_panics() {
        let alphabet: Vec<char> = "0123456789999.hmsunµμ+- d".chars().collect();
        let mut rng = Rng(7);
        let mut parsed = 0;
        for _ in 0..20_000 {
            let len = rng.below(24);
            let text: String = (0..len)
                .map(|_| {
                    alphabet[usize::try_from(rng.below(alphabet.len() as u64)).expect("small")]
                })
                .collect();
            if let Ok(d) = parse_duration(&text) {
                parsed += 1;
                assert!(d.as_nanos() <= u128::from(MAX_NANOS), "{text}");
            }
        }
        assert!(parsed > 0, "some random strings are durations");
    }
}
