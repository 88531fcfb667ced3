//! Time for everything above: an injectable clock, RFC 3339 formatting without a
//! date-time dependency, and Go duration strings as Kratos' config writes them.

pub mod clock;
pub mod duration;
pub mod format;

pub use clock::{Clock, ManualClock, SystemClock};
pub use duration::{DurationError, parse_duration};
pub use format::{now_rfc3339, rfc3339, rfc3339_millis};
