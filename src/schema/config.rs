//! Validation of an identity config: the config schema, keys Kratos ignores, the
//! cross-checks between keys, and the identity schemas the config references.

use std::path::Path;

use serde_json::Value;

use super::diagnostics::{SchemaKind, load_diagnostics, schema_error_diagnostics};
use super::identity_schema::{self, SchemaFacts};
use super::shipped::ConfigValidator;
use super::sms::has_sms_channel;
use crate::config::model::Config;
use crate::config::source::{self, SourceError, check_reference};
use crate::config::{Document, Format, ValidConfig};
use crate::diag::{Code, Diagnostic, Report, file_name};
use crate::jsonnet;

/// Keys Kratos still accepts but ignores, with why.
const IGNORED_KEYS: &[(&str, &str)] = &[
    (
        "/selfservice/methods/code/passwordless_login_fallback_enabled",
        "removed from Kratos; `config.missing_credential_fallback_enabled` does its job now",
    ),
    (
        "/selfservice/methods/link/config/base_url",
        "deprecated and without effect: Kratos builds links from the request URL",
    ),
];

/// A check a layer above adds to config validation (the courier parses its
/// templates): the diagnostics for a config value, the directory its `file://`
/// references are relative to, and the file name diagnostics carry.
pub type ConfigCheck = fn(&Value, &Path, &str) -> Vec<Diagnostic>;

/// Validates a config file and every identity schema it references.
pub fn validate_file(path: &Path) -> Report {
    validate_file_with(path, &[])
}

/// [`validate_file`], then `checks` on the config.
pub fn validate_file_with(path: &Path, checks: &[ConfigCheck]) -> Report {
    let name = file_name(path);
    let mut report = Report {
        files: vec![name.clone()],
        ..Report::default()
    };
    let doc = match crate::config::read_text(path) {
        Ok(text) => {
            report.sources.add(&name, &text);
            let format = Format::detect(path, &text);
            Document::parse(path, format, text)
        }
        Err(e) => Err(e),
    };
    match doc {
        Ok(doc) => {
            let mut found = validate_document(&doc, &name);
            for check in checks {
                found
                    .diagnostics
                    .extend(check(&doc.value, &doc.base_dir(), &name));
            }
            report.extend(found);
        }
        Err(e) => report
            .diagnostics
            .extend(load_diagnostics(&e, &name, Code::ConfigSyntax)),
    }
    report.locate_all();
    report
}

/// Validates a parsed config; `name` is the file name diagnostics carry.
pub fn validate_document(doc: &Document, name: &str) -> Report {
    validate_value(&doc.value, &doc.base_dir(), name)
}

/// Validates a config value in place (nothing is copied): `base` is the directory
/// its `file://` references are relative to, `name` the file name diagnostics carry.
pub fn validate_value(config: &Value, base: &Path, name: &str) -> Report {
    let mut report = Report::default();
    let schemas = referenced_schemas(config, base, name, &mut report);
    let diags = &mut report.diagnostics;
    diags.extend(
        ConfigValidator::iter_errors(config)
            .flat_map(|e| schema_error_diagnostics(&e, name, SchemaKind::Config)),
    );
    for (pointer, why) in IGNORED_KEYS {
        if config.pointer(pointer).is_some() {
            let key = pointer.rsplit('/').next().unwrap_or_default();
            diags.push(Diagnostic::new(
                Code::ConfigIgnoredKey,
                name,
                *pointer,
                format!("`{key}` is ignored: {why}"),
            ));
        }
    }
    diags.extend(missing_files(config, base, name));
    diags.extend(jsonnet_bodies(config, base, name));
    diags.extend(cross_checks(config, &schemas, name));
    report
}

/// Validates a config and, when it has no errors, reads it into the typed model:
/// the report (warnings too) and the [`ValidConfig`]. A value the model cannot
/// take (the schema lets through what Kratos' loader would refuse) is reported
/// as an error at its key.
pub fn validate_into(config: &Value, base: &Path, name: &str) -> (Report, Option<ValidConfig>) {
    let mut report = validate_value(config, base, name);
    if report.counts().0 > 0 {
        return (report, None);
    }
    match Config::from_value(config) {
        Ok(model) => (
            report,
            Some(ValidConfig::validated(model, base.to_path_buf())),
        ),
        Err(e) => {
            report.diagnostics.push(Diagnostic::new(
                Code::ConfigSchemaViolation,
                name,
                e.pointer.clone(),
                e.to_string(),
            ));
            (report, None)
        }
    }
}

impl ValidConfig {
    /// Validates `config` (its `file://` references relative to `base_dir`) and
    /// reads it into the typed model; on failure, every diagnostic. Warnings
    /// are not returned: use [`validate_into`] to show them.
    pub fn from_value(config: &Value, base_dir: &Path) -> Result<ValidConfig, Box<Report>> {
        let (report, valid) = validate_into(config, base_dir, "config");
        valid.ok_or_else(|| Box::new(report))
    }
}

/// One identity schema of the config, as far as it could be read.
struct ReferencedSchema {
    id: String,
    url_pointer: String,
    facts: Option<SchemaFacts>,
}

/// Reads and validates every `identity.schemas[].url`; their diagnostics go into
/// `report` (under the schema's own file name when it is a file).
fn referenced_schemas(
    config: &Value,
    base: &Path,
    name: &str,
    report: &mut Report,
) -> Vec<ReferencedSchema> {
    let Some(list) = config
        .pointer("/identity/schemas")
        .and_then(Value::as_array)
    else {
        return Vec::new();
    };
    let mut schemas = Vec::new();
    for (i, entry) in list.iter().enumerate() {
        let url_pointer = format!("/identity/schemas/{i}/url");
        let id = entry
            .get("id")
            .and_then(Value::as_str)
            .unwrap_or_default()
            .to_string();
        let Some(url) = entry.get("url").and_then(Value::as_str) else {
            continue;
        };
        let facts = if let Some(checked) = check_reference(url, base) {
            // A file that may not be read was reported by `missing_files`.
            checked.ok().and_then(|path| {
                let sub = identity_schema::validate_referenced(&path);
                let facts = sub.facts.clone();
                report.extend(sub.report);
                facts
            })
        } else if let Some(payload) = url.strip_prefix("base64://") {
            inline_schema(payload, name, &url_pointer, report)
        } else {
            None
        };
        schemas.push(ReferencedSchema {
            id,
            url_pointer,
            facts,
        });
    }
    schemas
}

/// A `base64://` schema: its problems are reported at the URL in the config.
fn inline_schema(
    payload: &str,
    name: &str,
    pointer: &str,
    report: &mut Report,
) -> Option<SchemaFacts> {
    let Some(text) = source::decode_base64(payload) else {
        report.diagnostics.push(Diagnostic::new(
            Code::SchemaSyntax,
            name,
            pointer,
            "the base64:// identity schema does not decode to text",
        ));
        return None;
    };
    let inner = identity_schema::validate_text(&text, Path::new("inline.json"), "inline");
    for mut diag in inner.report.diagnostics {
        let at = if diag.pointer.is_empty() {
            String::new()
        } else {
            format!(" at `{}`", diag.pointer)
        };
        diag.message = format!("in the base64:// identity schema{at}: {}", diag.message);
        diag.file = name.to_string();
        diag.pointer = pointer.to_string();
        diag.location = None;
        report.diagnostics.push(diag);
    }
    inner.facts
}

/// `file://` references (schemas, templates, Jsonnet bodies) that do not resolve to a
/// regular file inside the config's tree.
fn missing_files(config: &Value, base: &Path, name: &str) -> Vec<Diagnostic> {
    let mut found = Vec::new();
    walk_strings(config, &mut Vec::new(), &mut |path, text| {
        let Some(Err(error)) = check_reference(text, base) else {
            return;
        };
        let diag = match error {
            SourceError::OutsideTree { path: file, root, .. } => Diagnostic::new(
                Code::ReferenceOutsideTree,
                name,
                pointer(path),
                format!(
                    "`{text}` resolves to {}, outside the config's tree {}; it was not read",
                    file.display(),
                    root.display()
                ),
            )
            .with_help("file:// references stay in the config's directory (or its git repository); pass --allow-outside PATH to allow another"),
            SourceError::File { path: file, source, .. }
                if source.kind() == std::io::ErrorKind::NotFound =>
            {
                Diagnostic::new(
                    Code::ReferencedFileMissing,
                    name,
                    pointer(path),
                    format!("`{text}` does not exist (looked for {})", file.display()),
                )
                .with_help("file:// paths are relative to the config file")
            }
            other => Diagnostic::new(
                Code::ReferencedFileMissing,
                name,
                pointer(path),
                other.to_string(),
            ),
        };
        found.push(diag);
    });
    found
}

/// Every Jsonnet program the config references (courier request bodies, OIDC
/// mappers), parsed without being run: a syntax error is reported at its URL.
/// A source that cannot be read is left to `missing_files` (and remote ones are
/// not fetched).
fn jsonnet_bodies(config: &Value, base: &Path, name: &str) -> Vec<Diagnostic> {
    let mut urls: Vec<(String, &str)> = Vec::new();
    let mut add = |pointer: String| {
        if let Some(url) = config.pointer(&pointer).and_then(Value::as_str) {
            urls.push((pointer, url));
        }
    };
    add("/courier/http/request_config/body".to_string());
    let lists = [
        ("/courier/channels", "request_config/body"),
        ("/selfservice/methods/oidc/config/providers", "mapper_url"),
    ];
    for (list, member) in lists {
        let len = config
            .pointer(list)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for i in 0..len {
            add(format!("{list}/{i}/{member}"));
        }
    }
    let mut diags = Vec::new();
    for (pointer, url) in urls {
        if url.is_empty() {
            continue;
        }
        let Ok(code) = source::read_source(url, base) else {
            continue;
        };
        if let Err(e) = jsonnet::check_syntax(&code, url_label(url)) {
            diags.push(
                Diagnostic::new(Code::JsonnetSyntax, name, pointer, e.to_string()).with_help(
                    "the body is parsed, not run; `otpctl render` and the engine run it",
                ),
            );
        }
    }
    diags
}

/// How a Jsonnet source is named in its errors: the URL, or `base64://…` for inline
/// text (the payload says nothing to a reader).
fn url_label(url: &str) -> &str {
    if url.starts_with("base64://") {
        "base64://…"
    } else {
        url
    }
}

/// One step from a value to a member or element, borrowed from the document.
#[derive(Debug, Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
}

/// Calls `visit` with every string in `node` and the steps that lead to it. The
/// walk allocates nothing but the step stack: a pointer is written out only for a
/// string that is reported.
fn walk_strings<'a>(
    node: &'a Value,
    path: &mut Vec<Step<'a>>,
    visit: &mut dyn FnMut(&[Step<'a>], &'a str),
) {
    match node {
        Value::String(s) => visit(path, s),
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                path.push(Step::Index(i));
                walk_strings(item, path, visit);
                path.pop();
            }
        }
        Value::Object(map) => {
            for (key, value) in map {
                path.push(Step::Key(key));
                walk_strings(value, path, visit);
                path.pop();
            }
        }
        _ => {}
    }
}

/// The JSON pointer (RFC 6901) of a path.
fn pointer(path: &[Step<'_>]) -> String {
    let mut out = String::new();
    for step in path {
        out.push('/');
        match step {
            Step::Key(key) => out.push_str(&key.replace('~', "~0").replace('/', "~1")),
            Step::Index(i) => out.push_str(&i.to_string()),
        }
    }
    out
}

fn flag(config: &Value, pointer: &str) -> Option<bool> {
    config.pointer(pointer).and_then(Value::as_bool)
}

/// The checks between keys that a schema cannot express.
fn cross_checks(config: &Value, schemas: &[ReferencedSchema], name: &str) -> Vec<Diagnostic> {
    let mut diags = Vec::new();
    let code = "/selfservice/methods/code";
    let passwordless = flag(config, &format!("{code}/passwordless_enabled")) == Some(true);
    if passwordless && flag(config, &format!("{code}/mfa_enabled")) == Some(true) {
        diags.push(Diagnostic::new(
            Code::PasswordlessAndMfa,
            name,
            format!("{code}/mfa_enabled"),
            "the code method cannot be both a first factor (passwordless_enabled) and a second factor (mfa_enabled)",
        ));
    }

    let default_id = config
        .pointer("/identity/default_schema_id")
        .and_then(Value::as_str)
        .unwrap_or("default");
    let default_schema = schemas.iter().find(|s| s.id == default_id);
    // An empty list is reported by the schema (minItems); no default to look for then.
    if !schemas.is_empty() && default_schema.is_none() {
        let ids: Vec<&str> = schemas.iter().map(|s| s.id.as_str()).collect();
        let pointer = if config.pointer("/identity/default_schema_id").is_some() {
            "/identity/default_schema_id"
        } else {
            "/identity"
        };
        diags.push(
            Diagnostic::new(
                Code::DefaultSchemaNotFound,
                name,
                pointer,
                format!(
                    "the default identity schema `{default_id}` is not among `identity.schemas`"
                ),
            )
            .with_help(format!("the schema ids are: {}", ids.join(", "))),
        );
    }
    if passwordless
        && let Some(facts) = default_schema.and_then(|s| s.facts.as_ref())
        && facts.code_identifiers.is_empty()
    {
        diags.push(
            Diagnostic::new(
                Code::PasswordlessWithoutCodeIdentifier,
                name,
                format!("{code}/passwordless_enabled"),
                format!("passwordless login by code is on, but no trait of the schema `{default_id}` is a code identifier"),
            )
            .with_help("mark the email or phone trait with `\"ory.sh/kratos\": {\"credentials\": {\"code\": {\"identifier\": true, \"via\": \"email\"}}}`"),
        );
    }

    let channels = config
        .pointer("/courier/channels")
        .and_then(Value::as_array);
    let has_sms_channel = has_sms_channel(config);
    let sms_schema = schemas
        .iter()
        .find(|s| s.facts.as_ref().is_some_and(|f| f.uses_sms));
    if let Some(sms_schema) = sms_schema.filter(|_| !has_sms_channel) {
        diags.push(
            Diagnostic::new(
                Code::SmsWithoutChannel,
                name,
                &sms_schema.url_pointer,
                format!("the identity schema `{}` sends codes by SMS, but there is no courier channel `sms`", sms_schema.id),
            )
            .with_help("add one: otpctl patch identity-config --add '/courier/channels=[{\"id\":\"sms\",\"type\":\"http\",\"request_config\":{\"url\":\"https://…\",\"method\":\"POST\"}}]'"),
        );
    }
    for (i, channel) in channels.into_iter().flatten().enumerate() {
        if channel.get("type").is_none() {
            diags.push(
                Diagnostic::new(
                    Code::ChannelWithoutHttpType,
                    name,
                    format!("/courier/channels/{i}"),
                    "this courier channel has no `type`: Kratos fails with \"unknown courier channel type\" when it sends through it",
                )
                .with_help("add `\"type\": \"http\"` to the channel"),
            );
        }
    }

    for flow in ["verification", "recovery"] {
        let base = format!("/selfservice/flows/{flow}");
        if flag(config, &format!("{base}/enabled")) != Some(true) {
            continue;
        }
        if config.get("courier").is_none() {
            diags.push(Diagnostic::new(
                Code::VerificationWithoutCourier,
                name,
                format!("{base}/enabled"),
                format!("{flow} is enabled, but there is no `courier` to send its codes"),
            ));
        }
        let uses = config
            .pointer(&format!("{base}/use"))
            .and_then(Value::as_str)
            .unwrap_or("code");
        let use_pointer = if config.pointer(&format!("{base}/use")).is_some() {
            format!("{base}/use")
        } else {
            format!("{base}/enabled")
        };
        let enabled = match uses {
            // `passwordless_enabled` forces the code method on in Kratos.
            "code" => flag(config, &format!("{code}/enabled")) != Some(false) || passwordless,
            "link" => flag(config, "/selfservice/methods/link/enabled") == Some(true),
            // Any other value was reported by the schema check.
            _ => continue,
        };
        if !enabled {
            diags.push(Diagnostic::new(
                Code::FlowMethodDisabled,
                name,
                use_pointer,
                format!("{flow} uses the `{uses}` method, which is not enabled (`selfservice.methods.{uses}.enabled`)"),
            ));
        } else if uses == "link" {
            diags.push(
                Diagnostic::new(
                    Code::LinkMethodDeprecated,
                    name,
                    use_pointer,
                    format!("{flow} by magic link is deprecated in favour of one-time codes"),
                )
                .with_help(format!("set `selfservice.flows.{flow}.use: code`")),
            );
        }
    }
    diags
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn config(code: Value) -> Value {
        let schema = crate::config::source::encode_base64(
            r#"{"type": "object", "properties": {"traits": {"type": "object", "properties": {
                "email": {"type": "string", "format": "email", "ory.sh/kratos": {
                    "credentials": {"code": {"identifier": true, "via": "email"}}}}}}}}"#,
        );
        json!({
            "dsn": "sqlite://otpctl.db",
            "identity": {"default_schema_id": "default", "schemas": [{"id": "default", "url": schema}]},
            "selfservice": {
                "default_browser_return_url": "http://127.0.0.1:3000/",
                "methods": {"code": code}
            }
        })
    }

    #[test]
    fn only_a_config_without_errors_becomes_a_valid_config() {
        let valid = ValidConfig::from_value(
            &config(json!({"passwordless_enabled": true, "config": {"lifespan": "15m"}})),
            Path::new("/srv/auth"),
        )
        .expect("valid");
        let code = &valid.model().selfservice.methods.code;
        assert_eq!(code.config.lifespan.get().as_secs(), 900);
        assert_eq!(code.config.max_submissions, 5);
        assert_eq!(valid.base_dir(), Path::new("/srv/auth"));
        assert_eq!(valid.dsn(), Some("sqlite://otpctl.db"));
        let overridden = valid.with_dsn_override(Some("postgres://db/otp".into()));
        assert_eq!(overridden.dsn(), Some("postgres://db/otp"));

        let report = ValidConfig::from_value(
            &config(json!({"config": {"lifespan": "1d", "max_submissions": "5"}})),
            Path::new("."),
        )
        .expect_err("a bad duration and a wrong type");
        let found: Vec<(&str, &str)> = report
            .diagnostics
            .iter()
            .map(|d| (d.code.as_str(), d.pointer.as_str()))
            .collect();
        assert!(
            found.contains(&(
                "config-invalid-duration",
                "/selfservice/methods/code/config/lifespan"
            )),
            "{found:?}"
        );
        assert!(
            found.contains(&(
                "config-wrong-type",
                "/selfservice/methods/code/config/max_submissions"
            )),
            "{found:?}"
        );
    }
}
