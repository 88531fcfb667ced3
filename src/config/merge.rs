//! Merging several config documents into one, for `update identity-config`.

use serde_json::Value;

/// Merges documents in order into one: mappings merge key by key, and for
/// everything else, arrays included, the later document's value wins. Arrays are
/// replaced, not appended (the Ory CLI appends; its docs say replace).
pub fn merge_documents(documents: impl IntoIterator<Item = Value>) -> Value {
    documents
        .into_iter()
        .reduce(|mut merged, next| {
            merge_into(&mut merged, next);
            merged
        })
        .unwrap_or(Value::Object(Default::default()))
}

fn merge_into(target: &mut Value, next: Value) {
    match (target, next) {
        (Value::Object(into), Value::Object(from)) => {
            for (key, value) in from {
                match into.get_mut(&key) {
                    Some(existing) => merge_into(existing, value),
                    None => {
                        into.insert(key, value);
                    }
                }
            }
        }
        (slot, value) => *slot = value,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn later_documents_win_and_arrays_are_replaced() {
        let merged = merge_documents([
            json!({"a": {"x": 1, "y": [1, 2]}, "b": true}),
            json!({"a": {"y": [3], "z": null}, "b": false}),
        ]);
        assert_eq!(
            merged,
            json!({"a": {"x": 1, "y": [3], "z": null}, "b": false})
        );
    }
}
