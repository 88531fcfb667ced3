//! The JSON Schemas otpctl ships, the identity-schema model, and checks of
//! documents against them. This file only declares and re-exports: no file of
//! `schema/` imports from it, so the files' imports cannot run in a circle.

pub mod config;
pub mod diagnostics;
pub mod identity;
pub mod identity_model;
pub mod identity_schema;
pub mod phone;
pub mod shipped;
pub mod sms;

use std::sync::atomic::{AtomicUsize, Ordering};

pub use diagnostics::SchemaKind;
pub use shipped::{CONFIG_SCHEMA, config_schema};
pub use sms::turns_sms_on;

/// Maps `f` over `items` on every core, keeping the order of the results; `done`
/// is called after each item (for a progress bar).
pub fn par_map<T: Sync, R: Send>(
    items: &[T],
    f: impl Fn(&T) -> R + Sync,
    done: impl Fn() + Sync,
) -> Vec<R> {
    let workers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(items.len())
        .max(1);
    if workers == 1 {
        return items
            .iter()
            .map(|item| {
                let result = f(item);
                done();
                result
            })
            .collect();
    }
    let next = AtomicUsize::new(0);
    let mut results: Vec<(usize, R)> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..workers)
            .map(|_| {
                scope.spawn(|| {
                    let mut mine = Vec::new();
                    loop {
                        let i = next.fetch_add(1, Ordering::Relaxed);
                        let Some(item) = items.get(i) else { break };
                        mine.push((i, f(item)));
                        done();
                    }
                    mine
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().unwrap_or_default())
            .collect()
    });
    results.sort_by_key(|(i, _)| *i);
    results.into_iter().map(|(_, r)| r).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn par_map_keeps_order() {
        let items: Vec<usize> = (0..100).collect();
        assert_eq!(
            par_map(&items, |i| i * 2, || {}),
            items.iter().map(|i| i * 2).collect::<Vec<_>>()
        );
    }
}
