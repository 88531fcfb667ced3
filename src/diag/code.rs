//! The diagnostic codes: stable, kebab-case, each documented in `docs/diagnostics.md`.

use super::{Severity, Target};

macro_rules! codes {
    ($($variant:ident = $name:literal, $severity:ident, $target:ident, $summary:literal;)*) => {
        /// Every diagnostic code otpctl reports.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Code {
            $(
                #[doc = $summary]
                $variant,
            )*
        }

        impl Code {
            /// Every code, in documentation order.
            pub const ALL: &'static [Code] = &[$(Code::$variant),*];

            /// The stable kebab-case name.
            pub fn as_str(self) -> &'static str {
                match self { $(Code::$variant => $name),* }
            }

            /// The severity it is reported with.
            pub fn severity(self) -> Severity {
                match self { $(Code::$variant => Severity::$severity),* }
            }

            /// Whether it points at the key or at the value of its pointer.
            pub fn target(self) -> Target {
                match self { $(Code::$variant => Target::$target),* }
            }

            /// A one-line description, as in `docs/diagnostics.md`.
            pub fn summary(self) -> &'static str {
                match self { $(Code::$variant => $summary),* }
            }
        }
    };
}

codes! {
    FileUnreadable = "file-unreadable", Error, Value, "A file cannot be read: missing, not UTF-8 text, or over the size limit.";
    ConfigSyntax = "config-syntax", Error, Value, "The config is not valid YAML or JSON, or is not a mapping.";
    ConfigUnknownKey = "config-unknown-key", Error, Key, "A key that Kratos does not know (Kratos refuses to start).";
    ConfigWrongType = "config-wrong-type", Error, Value, "A value of the wrong type (a string where a boolean belongs, …).";
    ConfigInvalidValue = "config-invalid-value", Error, Value, "A value outside the allowed set (an enum or constant).";
    ConfigInvalidDuration = "config-invalid-duration", Error, Value, "A duration that is not like `1h30m` (integers with ns, us, ms, s, m or h).";
    ConfigInvalidUri = "config-invalid-uri", Error, Value, "A URL with a scheme that is not allowed there.";
    ConfigMissingKey = "config-missing-key", Error, Key, "A required key is missing.";
    ConfigOutOfRange = "config-out-of-range", Error, Value, "A number, string or list outside its allowed size or range.";
    ConfigSchemaViolation = "config-schema-violation", Error, Value, "Any other violation of the config schema.";
    DuplicateKey = "duplicate-key", Error, Key, "A key given twice in one mapping (Kratos' YAML parser refuses the file); reported at both places.";
    ConfigIgnoredKey = "config-ignored-key", Warning, Key, "A key Kratos accepts but ignores (removed or without effect).";
    PasswordlessWithoutCodeIdentifier = "passwordless-without-code-identifier", Error, Value, "Passwordless code login is on, but no trait of the default identity schema is a code identifier.";
    SmsWithoutChannel = "sms-without-channel", Error, Value, "An identity schema sends codes by SMS, but `courier.channels` has no `sms` channel.";
    ChannelWithoutHttpType = "channel-without-http-type", Warning, Key, "A courier channel without `type: http`: Kratos fails when it sends through it.";
    VerificationWithoutCourier = "verification-without-courier", Error, Value, "Verification or recovery is on, but there is no `courier`.";
    DefaultSchemaNotFound = "default-schema-not-found", Error, Value, "`identity.default_schema_id` is not the id of any entry of `identity.schemas`.";
    ReferencedFileMissing = "referenced-file-missing", Error, Value, "A `file://` identity schema, template or Jsonnet body does not exist, is not a regular file, or cannot be read.";
    ReferenceOutsideTree = "reference-outside-tree", Error, Value, "A `file://` reference leads outside the config's directory (or git repository) and `--allow-outside`; it is not read.";
    PasswordlessAndMfa = "passwordless-and-mfa", Error, Value, "`passwordless_enabled` and `mfa_enabled` of the code method are both true.";
    FlowMethodDisabled = "flow-method-disabled", Error, Value, "A verification or recovery flow uses a method that is not enabled.";
    LinkMethodDeprecated = "link-method-deprecated", Warning, Value, "Verification or recovery by magic link: deprecated in favour of codes.";
    TemplateSyntax = "template-syntax", Error, Value, "A courier template is not valid Go template syntax, or nests deeper than 64 levels.";
    TemplateUnknownFunction = "template-unknown-function", Error, Value, "A courier template calls a function otpctl's templates do not have.";
    JsonnetSyntax = "jsonnet-syntax", Error, Value, "A Jsonnet body (a courier request body, an OIDC claims mapper) does not parse, or nests deeper than 500 levels.";
    SchemaSyntax = "schema-syntax", Error, Value, "The identity schema is not valid JSON or YAML.";
    SchemaMetaInvalid = "schema-meta-invalid", Error, Value, "The identity schema is not a valid JSON Schema (draft-07).";
    SchemaRefUnresolved = "schema-ref-unresolved", Error, Value, "A local `$ref` in the identity schema points at nothing in the document.";
    SchemaRefCycle = "schema-ref-cycle", Error, Value, "A `$ref` in the identity schema leads back into itself (recursive traits).";
    SchemaTooDeep = "schema-too-deep", Error, Value, "The traits nest, or their `$ref`s chain, deeper than 32 levels.";
    TraitsMissing = "traits-missing", Error, Value, "The identity schema has no `properties.traits`.";
    TraitsNotObject = "traits-not-object", Error, Value, "`traits` is not of `type: object`.";
    TraitsWithoutProperties = "traits-without-properties", Error, Value, "`traits` has no properties.";
    NoIdentifier = "no-identifier", Error, Value, "No trait is an identifier of any credential, so nobody can log in.";
    CodeIdentifierMissingVia = "code-identifier-missing-via", Error, Key, "A code identifier without `via` (email or sms): Kratos fails at registration.";
    ExtensionInvalidVia = "extension-invalid-via", Error, Value, "A `via` that is neither `email` nor `sms`.";
    FormatViaMismatch = "format-via-mismatch", Error, Value, "`format: email` with `via: sms`, or `format: tel` with `via: email`.";
    VerificationFormatInvalid = "verification-format-invalid", Error, Value, "A verifiable trait whose `format` Kratos cannot verify.";
    ExtensionUnknownKey = "extension-unknown-key", Error, Key, "An unknown key under `ory.sh/kratos`.";
    ExtensionWrongType = "extension-wrong-type", Error, Value, "A key under `ory.sh/kratos` with a value of the wrong type.";
    IdentitySyntax = "identity-syntax", Error, Value, "The identity document is not valid JSON or YAML, or not a mapping.";
    IdentityMissingSchemaId = "identity-missing-schema-id", Error, Key, "The identity has no `schema_id`.";
    IdentityUnknownSchema = "identity-unknown-schema", Error, Value, "The identity's `schema_id` is not a schema of the config.";
    IdentityUnknownKey = "identity-unknown-key", Error, Key, "A top-level key that is not part of an identity.";
    IdentityInvalidTraits = "identity-invalid-traits", Error, Value, "The traits do not match the identity schema.";
    IdentityInvalidEmail = "identity-invalid-email", Error, Value, "A `format: email` trait that is not an email address.";
    IdentityInvalidPhone = "identity-invalid-phone", Error, Value, "A `format: tel` trait that is not an international phone number (E.164 with country code).";
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_unique_kebab_case() {
        let mut seen = std::collections::HashSet::new();
        for code in Code::ALL {
            let name = code.as_str();
            assert!(seen.insert(name), "duplicate code {name}");
            assert!(
                name.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
                    && !name.starts_with('-')
                    && !name.ends_with('-'),
                "{name} is not kebab-case"
            );
        }
    }

    #[test]
    fn every_code_is_documented() {
        let docs = include_str!("../../docs/diagnostics.md");
        for code in Code::ALL {
            assert!(
                docs.contains(&format!("`{}`", code.as_str())),
                "{code} is not in docs/diagnostics.md"
            );
        }
    }
}
