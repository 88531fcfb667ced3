//! Value types of the config model that serde has no rule for: Go durations and
//! the integers Kratos bounds or casts.

use std::fmt;
use std::time::Duration;

use serde::Deserialize;
use serde::de::{self, Deserializer, Unexpected, Visitor};

use crate::time::duration::parse_duration;

/// A Go duration string (`1h`, `250ms`, `1h30m`), parsed as Go's
/// `time.ParseDuration` does.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct GoDuration(pub Duration);

impl GoDuration {
    /// `secs` seconds.
    pub const fn from_secs(secs: u64) -> GoDuration {
        GoDuration(Duration::from_secs(secs))
    }

    /// The duration.
    pub const fn get(self) -> Duration {
        self.0
    }
}

impl From<GoDuration> for Duration {
    fn from(d: GoDuration) -> Duration {
        d.0
    }
}

impl<'de> Deserialize<'de> for GoDuration {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct GoDurationVisitor;
        impl Visitor<'_> for GoDurationVisitor {
            type Value = GoDuration;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a Go duration string such as \"1h30m\"")
            }
            fn visit_str<E: de::Error>(self, text: &str) -> Result<GoDuration, E> {
                parse_duration(text).map(GoDuration).map_err(E::custom)
            }
        }
        deserializer.deserialize_str(GoDurationVisitor)
    }
}

/// An integer in `min..=max`; anything else names the bounds.
fn bounded<'de, D: Deserializer<'de>>(
    deserializer: D,
    min: i64,
    max: i64,
) -> Result<i64, D::Error> {
    struct Bounded {
        min: i64,
        max: i64,
    }
    impl Visitor<'_> for Bounded {
        type Value = i64;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "an integer between {} and {}", self.min, self.max)
        }
        fn visit_i64<E: de::Error>(self, n: i64) -> Result<i64, E> {
            if (self.min..=self.max).contains(&n) {
                Ok(n)
            } else {
                Err(E::custom(format!(
                    "{n} is not between {} and {}",
                    self.min, self.max
                )))
            }
        }
        fn visit_u64<E: de::Error>(self, n: u64) -> Result<i64, E> {
            match i64::try_from(n) {
                Ok(n) => self.visit_i64(n),
                Err(_) => Err(E::custom(format!(
                    "{n} is not between {} and {}",
                    self.min, self.max
                ))),
            }
        }
        fn visit_f64<E: de::Error>(self, n: f64) -> Result<i64, E> {
            Err(E::invalid_type(Unexpected::Float(n), &"an integer"))
        }
    }
    deserializer.deserialize_i64(Bounded { min, max })
}

/// `config.max_submissions`: 1 to 255, as Kratos' schema has it.
pub(super) fn submissions<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u8, D::Error> {
    let n = bounded(deserializer, 1, 255)?;
    u8::try_from(n).map_err(|_| de::Error::custom(format!("{n} is not between 1 and 255")))
}

/// `courier.message_retries`: a count of attempts, never negative.
pub(super) fn retries<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let n = bounded(deserializer, 0, i64::from(u32::MAX))?;
    u32::try_from(n).map_err(|_| de::Error::custom(format!("{n} is out of range")))
}

/// `courier.worker.pull_count`: Kratos casts it to `uint8`; larger values are
/// capped at 255 here rather than wrapped.
pub(super) fn pull_count<'de, D: Deserializer<'de>>(deserializer: D) -> Result<u32, D::Error> {
    let n = bounded(deserializer, 0, i64::MAX)?;
    Ok(u32::try_from(n.min(i64::from(u8::MAX))).unwrap_or(u32::from(u8::MAX)))
}

/// A flag Kratos' schema types as a string (`session.cookie.secure`) and Go
/// reads as a boolean: both spellings are taken.
pub(super) fn loose_bool<'de, D: Deserializer<'de>>(
    deserializer: D,
) -> Result<Option<bool>, D::Error> {
    struct LooseBool;
    impl Visitor<'_> for LooseBool {
        type Value = Option<bool>;
        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("a boolean or \"true\"/\"false\"")
        }
        fn visit_bool<E: de::Error>(self, b: bool) -> Result<Option<bool>, E> {
            Ok(Some(b))
        }
        fn visit_str<E: de::Error>(self, text: &str) -> Result<Option<bool>, E> {
            match text {
                "true" => Ok(Some(true)),
                "false" => Ok(Some(false)),
                "" => Ok(None),
                other => Err(E::invalid_value(Unexpected::Str(other), &self)),
            }
        }
    }
    deserializer.deserialize_any(LooseBool)
}
