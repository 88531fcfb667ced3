//! Kratos as a client sees it: an answer read from the wire (`reply`), and
//! Kratos' public and admin HTTP APIs called over `reqwest` (`remote`), for
//! the CLI's verbs with `--endpoint` (an `otpctl serve`, or a real Kratos).
//! The embedded engine's answers are turned into the same [`Reply`], so the
//! verbs read both one way.

mod remote;
mod reply;

pub use remote::{ClientError, MessageQuery, Remote};
pub use reply::{ErrorView, FlowView, NodeView, Reply, UiView};
