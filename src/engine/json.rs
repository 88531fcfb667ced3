//! Building the engine's JSON answers without copying what goes into them.
//! `json!` passes every interpolated expression through `serde_json::to_value`,
//! which serialises a `Value` into a fresh deep copy: a UI container or an
//! identity embedded that way was copied whole, and such copies were a third
//! of a code login's instructions. Small leaves (strings, numbers) are cheap
//! either way; nested values go through [`object`].

use serde_json::{Map, Value};

/// A JSON object of `members`, in order, each value moved in.
pub(super) fn object<const N: usize>(members: [(&str, Value); N]) -> Value {
    let mut map = Map::with_capacity(N);
    for (key, value) in members {
        map.insert(key.to_string(), value);
    }
    Value::Object(map)
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn members_keep_their_order_and_values() {
        let nested = json!({ "b": [1, 2], "a": { "c": null } });
        let built = object([("z", "last first".into()), ("nested", nested.clone())]);
        assert_eq!(built, json!({ "z": "last first", "nested": nested }));
        let keys: Vec<&String> = built
            .as_object()
            .map(|m| m.keys().collect())
            .unwrap_or_default();
        assert_eq!(keys, ["z", "nested"]);
    }
}
