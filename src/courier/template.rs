//! Kratos courier templates in Go text/template syntax: the built-ins, overrides
//! from `courier.templates` and `courier.template_override_path`, parsed once and
//! rendered per message.

mod builtin;
mod funcs;
mod model;

pub use model::escape_html;

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use gtmpl_ng::{Context, ExecError, Limits, ParseError, Template};
use serde_json::Value;

use crate::config::model::Courier;
use crate::config::source::{SourceError, read_source};
use crate::diag::{Code, Diagnostic};
use crate::jsonnet::eval_timeout;

pub use model::sample_data;

/// The 13 kinds of message Kratos sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TemplateType {
    /// Recovery link requested for an unknown address.
    RecoveryInvalid,
    /// Recovery link.
    RecoveryValid,
    /// Recovery code requested for an unknown address.
    RecoveryCodeInvalid,
    /// Recovery code.
    RecoveryCodeValid,
    /// Verification link requested for an unknown address.
    VerificationInvalid,
    /// Verification link.
    VerificationValid,
    /// Verification code requested for an unknown address.
    VerificationCodeInvalid,
    /// Verification code.
    VerificationCodeValid,
    /// A test message (`to`, `subject`, `body`).
    Stub,
    /// Login code.
    LoginCodeValid,
    /// Registration code.
    RegistrationCodeValid,
    /// Notice that an address of the account changed.
    VerifiableAddressChanged,
    /// Notice that a sign-in method was added.
    AuthenticatorKeyAdded,
}

impl TemplateType {
    /// Every type, in Kratos' order.
    pub const ALL: [TemplateType; 13] = [
        TemplateType::RecoveryInvalid,
        TemplateType::RecoveryValid,
        TemplateType::RecoveryCodeInvalid,
        TemplateType::RecoveryCodeValid,
        TemplateType::VerificationInvalid,
        TemplateType::VerificationValid,
        TemplateType::VerificationCodeInvalid,
        TemplateType::VerificationCodeValid,
        TemplateType::Stub,
        TemplateType::LoginCodeValid,
        TemplateType::RegistrationCodeValid,
        TemplateType::VerifiableAddressChanged,
        TemplateType::AuthenticatorKeyAdded,
    ];

    /// The name Kratos uses (`login_code_valid`), as in a message's `template_type`.
    pub fn as_str(self) -> &'static str {
        match self {
            TemplateType::RecoveryInvalid => "recovery_invalid",
            TemplateType::RecoveryValid => "recovery_valid",
            TemplateType::RecoveryCodeInvalid => "recovery_code_invalid",
            TemplateType::RecoveryCodeValid => "recovery_code_valid",
            TemplateType::VerificationInvalid => "verification_invalid",
            TemplateType::VerificationValid => "verification_valid",
            TemplateType::VerificationCodeInvalid => "verification_code_invalid",
            TemplateType::VerificationCodeValid => "verification_code_valid",
            TemplateType::Stub => "stub",
            TemplateType::LoginCodeValid => "login_code_valid",
            TemplateType::RegistrationCodeValid => "registration_code_valid",
            TemplateType::VerifiableAddressChanged => "verifiable_address_changed",
            TemplateType::AuthenticatorKeyAdded => "authenticator_key_added",
        }
    }

    /// The type with this name.
    pub fn parse(name: &str) -> Option<TemplateType> {
        TemplateType::ALL.into_iter().find(|t| t.as_str() == name)
    }

    /// Whether Kratos has an SMS template of this type.
    pub fn has_sms(self) -> bool {
        matches!(
            self,
            TemplateType::VerificationCodeValid
                | TemplateType::RecoveryCodeValid
                | TemplateType::LoginCodeValid
                | TemplateType::RegistrationCodeValid
                | TemplateType::VerifiableAddressChanged
                | TemplateType::AuthenticatorKeyAdded
                | TemplateType::Stub
        )
    }

    /// The directory of its files under a templates root.
    fn dir(self, channel: Channel) -> &'static str {
        match (self, channel) {
            (TemplateType::Stub, Channel::Sms) => "otp/test_stub",
            (TemplateType::Stub, Channel::Email) => "test_stub",
            (TemplateType::VerifiableAddressChanged, _) => "verifiable_address_changed",
            (TemplateType::AuthenticatorKeyAdded, _) => "authenticator_key_added",
            _ => self.config_key().unwrap_or_default(),
        }
    }

    /// Where its overrides sit under `courier.templates` (`login_code.valid`);
    /// the stub has none.
    fn config_key(self) -> Option<&'static str> {
        Some(match self {
            TemplateType::RecoveryInvalid => "recovery/invalid",
            TemplateType::RecoveryValid => "recovery/valid",
            TemplateType::RecoveryCodeInvalid => "recovery_code/invalid",
            TemplateType::RecoveryCodeValid => "recovery_code/valid",
            TemplateType::VerificationInvalid => "verification/invalid",
            TemplateType::VerificationValid => "verification/valid",
            TemplateType::VerificationCodeInvalid => "verification_code/invalid",
            TemplateType::VerificationCodeValid => "verification_code/valid",
            TemplateType::LoginCodeValid => "login_code/valid",
            TemplateType::RegistrationCodeValid => "registration_code/valid",
            TemplateType::VerifiableAddressChanged => "verifiable_address_changed",
            TemplateType::AuthenticatorKeyAdded => "authenticator_key_added",
            TemplateType::Stub => return None,
        })
    }

    /// The names of the types that have an SMS template, for messages.
    fn with_sms() -> String {
        let names: Vec<&str> = TemplateType::ALL
            .into_iter()
            .filter(|t| t.has_sms())
            .map(TemplateType::as_str)
            .collect();
        names.join(", ")
    }
}

impl fmt::Display for TemplateType {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// How a message is delivered.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Channel {
    /// Email (SMTP, or HTTP with `delivery_strategy: http`).
    Email,
    /// SMS through the courier channel with id `sms`.
    Sms,
}

impl Channel {
    /// `email` or `sms`, as in a message's `channel`.
    pub fn as_str(self) -> &'static str {
        match self {
            Channel::Email => "email",
            Channel::Sms => "sms",
        }
    }

    /// The channel with this name.
    pub fn parse(name: &str) -> Option<Channel> {
        match name {
            "email" => Some(Channel::Email),
            "sms" => Some(Channel::Sms),
            _ => None,
        }
    }
}

/// One template of a type: what it renders and where its files and keys are.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Part {
    Subject,
    Plaintext,
    Html,
    Sms,
}

impl Part {
    const EMAIL: [Part; 3] = [Part::Subject, Part::Plaintext, Part::Html];

    /// The file name under the type's directory.
    fn file(self) -> &'static str {
        match self {
            Part::Subject => "email.subject.gotmpl",
            Part::Plaintext => "email.body.plaintext.gotmpl",
            Part::Html => "email.body.gotmpl",
            Part::Sms => "sms.body.gotmpl",
        }
    }

    /// The prefix of the files parsed with it (for `{{ define }}` blocks, as Kratos'
    /// `<dir>/<stem>*` glob).
    fn stem(self) -> &'static str {
        match self {
            Part::Subject => "email.subject",
            Part::Plaintext => "email.body.plaintext",
            Part::Html => "email.body",
            Part::Sms => "sms.body",
        }
    }

    /// The key path under `courier.templates.<type>`.
    fn config_suffix(self) -> &'static str {
        match self {
            Part::Subject => "email/subject",
            Part::Plaintext => "email/body/plaintext",
            Part::Html => "email/body/html",
            Part::Sms => "sms/body/plaintext",
        }
    }

    fn channel(self) -> Channel {
        match self {
            Part::Sms => Channel::Sms,
            _ => Channel::Email,
        }
    }

    /// How errors name it.
    fn label(self) -> &'static str {
        match self {
            Part::Subject => "email subject",
            Part::Plaintext => "email plaintext body",
            Part::Html => "email html body",
            Part::Sms => "sms body",
        }
    }
}

/// Why templates could not be loaded or rendered.
#[derive(Debug, thiserror::Error)]
pub enum TemplateError {
    /// A `courier.templates` override could not be read.
    #[error("{key}: {source}")]
    Read {
        /// The config key (`courier.templates.login_code.valid.email.subject`).
        key: String,
        /// Why.
        source: SourceError,
    },
    /// A `courier.templates` override is an `http(s)://` URL.
    #[error("{key}: remote templates are not fetched (`{url}`); use a file:// or base64:// source")]
    Remote {
        /// The config key.
        key: String,
        /// The URL.
        url: String,
    },
    /// A file or directory under `courier.template_override_path` could not be read.
    #[error("cannot read `{path}`: {source}")]
    Io {
        /// The file or directory.
        path: PathBuf,
        /// The I/O error.
        source: std::io::Error,
    },
    /// A template is not valid Go template syntax.
    #[error("cannot parse the {ty} {part} template ({origin}): {message}")]
    Parse {
        /// The template type.
        ty: TemplateType,
        /// Which template of it (`email subject`).
        part: &'static str,
        /// Where it came from (config key, file, or `built-in …`).
        origin: String,
        /// What is wrong, with line:col.
        message: String,
    },
    /// A template failed while rendering (an unknown field, a bad function call).
    #[error("cannot render the {ty} {part} template ({origin}): {message}")]
    Render {
        /// The template type.
        ty: TemplateType,
        /// Which template of it.
        part: &'static str,
        /// Where it came from.
        origin: String,
        /// What went wrong, with line:col.
        message: String,
    },
    /// An SMS was asked for a type that has none.
    #[error(
        "{ty} has no SMS template (SMS exists for: {})",
        TemplateType::with_sms()
    )]
    NoSms {
        /// The template type.
        ty: TemplateType,
    },
    /// `template_data` is not a JSON object.
    #[error("template data must be a JSON object")]
    DataNotObject,
}

/// A rendered email.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RenderedEmail {
    /// The subject, trimmed of surrounding white space.
    pub subject: String,
    /// The `text/plain` body.
    pub plaintext: String,
    /// The `text/html` body; inserted data is HTML-escaped.
    pub html: String,
}

/// Where a template's text came from.
#[derive(Debug, Clone)]
enum Origin {
    Config(String),
    File(PathBuf),
    Builtin(String),
}

impl fmt::Display for Origin {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Origin::Config(key) => f.write_str(key),
            Origin::File(path) => write!(f, "`{}`", path.display()),
            Origin::Builtin(path) => write!(f, "built-in {path}"),
        }
    }
}

/// A parsed template and where it came from.
struct Compiled {
    template: Template,
    origin: Origin,
}

impl fmt::Debug for Compiled {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Compiled")
            .field("origin", &self.origin)
            .finish_non_exhaustive()
    }
}

/// The templates of one type.
#[derive(Debug)]
struct TypeTemplates {
    subject: Compiled,
    plaintext: Compiled,
    html: Compiled,
    sms: Option<Compiled>,
}

/// Every template of a config, parsed once; rendering does not parse again.
#[derive(Debug)]
pub struct Templates {
    /// Indexed by `TemplateType as usize`, in `TemplateType::ALL` order.
    types: Vec<TypeTemplates>,
}

/// What one render may take: gtmpl's default iteration and output bounds, plus the
/// evaluation deadline Jsonnet has (2 s unless `OTPCTL_EVAL_TIMEOUT` says otherwise;
/// Kratos' templates have none: this keeps one slow override from stalling the
/// courier). gtmpl bounds action nesting (64) and value depth itself.
fn limits() -> Limits {
    Limits::default().with_deadline(eval_timeout())
}

/// How deeply parentheses may nest inside one action. gtmpl's parser recurses once
/// per level with no bound of its own (5,000 levels overflowed the stack); real
/// templates use two or three.
const MAX_EXPR_NESTING: usize = 32;

/// Refuses parentheses nested deeper than [`MAX_EXPR_NESTING`] inside an action,
/// before gtmpl's recursive parser sees them: `line:col: message` of the first
/// one too deep.
fn check_expr_nesting(text: &str) -> Result<(), String> {
    let bytes = text.as_bytes();
    let mut i = 0;
    let mut in_action = false;
    let mut depth = 0usize;
    while i < bytes.len() {
        let b = bytes[i];
        if !in_action {
            if bytes[i..].starts_with(b"{{") {
                in_action = true;
                depth = 0;
                i += 2;
                continue;
            }
        } else {
            match b {
                b'"' | b'\'' | b'`' => {
                    // Skip the literal: `\` escapes in "…" and '…', none in raw `…`.
                    let quote = b;
                    i += 1;
                    while i < bytes.len() && bytes[i] != quote {
                        if quote != b'`' && bytes[i] == b'\\' {
                            i += 1;
                        }
                        i += 1;
                    }
                }
                b'(' => {
                    depth += 1;
                    if depth > MAX_EXPR_NESTING {
                        let before = &text[..i];
                        let line = before.matches('\n').count() + 1;
                        let col = before[before.rfind('\n').map_or(0, |n| n + 1)..]
                            .chars()
                            .count()
                            + 1;
                        return Err(format!(
                            "{line}:{col}: parentheses nested deeper than {MAX_EXPR_NESTING} levels"
                        ));
                    }
                }
                b')' => depth = depth.saturating_sub(1),
                b'}' if bytes[i..].starts_with(b"}}") => {
                    in_action = false;
                    i += 2;
                    continue;
                }
                _ => {}
            }
        }
        i += 1;
    }
    Ok(())
}

impl Templates {
    /// Loads and parses every template. For each one the first that exists wins:
    /// the `courier.templates.…` override (`file://` relative to `base_dir`, or
    /// `base64://`; `http(s)://` is refused), then
    /// `<courier.template_override_path>/<dir>/<file>.gotmpl` (relative to
    /// `base_dir`), then the built-in.
    pub fn from_config(courier: &Courier, base_dir: &Path) -> Result<Templates, TemplateError> {
        let loader = Loader::new(courier, base_dir);
        let types = TemplateType::ALL
            .into_iter()
            .map(|ty| loader.load_type(ty))
            .collect::<Result<_, _>>()?;
        Ok(Templates { types })
    }

    fn of(&self, ty: TemplateType) -> &TypeTemplates {
        &self.types[ty as usize]
    }

    /// Renders an email of this type from snake_case `template_data`.
    pub fn email(&self, ty: TemplateType, data: &Value) -> Result<RenderedEmail, TemplateError> {
        let (subject, plaintext) = self.email_text(ty, data)?;
        Ok(RenderedEmail {
            subject,
            plaintext,
            html: self.email_html(ty, data)?,
        })
    }

    /// The HTML body of an email, with what it inserts escaped: rendered when a
    /// queued message is sent (its subject and text were stored when it was queued).
    pub fn email_html(&self, ty: TemplateType, data: &Value) -> Result<String, TemplateError> {
        let data = data.as_object().ok_or(TemplateError::DataNotObject)?;
        let html = Context::from(model::context(
            model::fields(ty, Channel::Email),
            data,
            true,
        ));
        render(&self.of(ty).html, ty, Part::Html, &html)
    }

    /// The subject and plain-text body of an email: what a queued message stores
    /// (as Kratos does); the HTML body is rendered when the message is sent.
    pub fn email_text(
        &self,
        ty: TemplateType,
        data: &Value,
    ) -> Result<(String, String), TemplateError> {
        let data = data.as_object().ok_or(TemplateError::DataNotObject)?;
        let text = Context::from(model::context(
            model::fields(ty, Channel::Email),
            data,
            false,
        ));
        let set = self.of(ty);
        let subject = render(&set.subject, ty, Part::Subject, &text)?;
        let plaintext = render(&set.plaintext, ty, Part::Plaintext, &text)?;
        Ok((subject.trim().to_string(), plaintext))
    }

    /// Renders the SMS text of this type; an error for a type without SMS.
    pub fn sms(&self, ty: TemplateType, data: &Value) -> Result<String, TemplateError> {
        let compiled = self
            .of(ty)
            .sms
            .as_ref()
            .ok_or(TemplateError::NoSms { ty })?;
        let data = data.as_object().ok_or(TemplateError::DataNotObject)?;
        let context = Context::from(model::context(model::fields(ty, Channel::Sms), data, false));
        render(compiled, ty, Part::Sms, &context)
    }
}

/// Parses every template a config overrides (its `courier.templates` values and
/// the files under `courier.template_override_path`) and reports each one that
/// does not parse as a diagnostic at the key it comes from; `name` is the config's
/// file name. Sources that cannot be read are left to the config's own checks.
pub fn check_config(config: &Value, base_dir: &Path, name: &str) -> Vec<Diagnostic> {
    // A courier section of the wrong shape is the schema check's to report.
    let Ok(courier) = crate::config::model::section::<Courier>(config, "courier") else {
        return Vec::new();
    };
    let loader = Loader::new(&courier, base_dir);
    let mut seen = BTreeSet::new();
    let mut diags = Vec::new();
    for ty in TemplateType::ALL {
        let parts = Part::EMAIL
            .into_iter()
            .chain(ty.has_sms().then_some(Part::Sms));
        for part in parts {
            // The built-ins are shipped and tested: only the config's own parse here.
            let Err(TemplateError::Parse {
                origin, message, ..
            }) = loader.load_override(ty, part)
            else {
                continue;
            };
            if !seen.insert((origin.clone(), message.clone())) {
                continue;
            }
            let pointer = match ty.config_key() {
                Some(key) if origin.starts_with("courier.templates.") => {
                    format!("/courier/templates/{key}/{}", part.config_suffix())
                }
                _ => "/courier/template_override_path".to_string(),
            };
            let code = if message.contains("function ") && message.contains(" not defined") {
                Code::TemplateUnknownFunction
            } else {
                Code::TemplateSyntax
            };
            let mut diag = Diagnostic::new(
                code,
                name,
                pointer,
                format!("the {ty} {} template ({origin}): {message}", part.label()),
            );
            if code == Code::TemplateUnknownFunction {
                diag = diag.with_help(
                    "templates have Go's built-in functions and upper, lower, trim and default",
                );
            }
            diags.push(diag);
        }
    }
    diags
}

fn render(
    compiled: &Compiled,
    ty: TemplateType,
    part: Part,
    context: &Context,
) -> Result<String, TemplateError> {
    compiled
        .template
        .render(context)
        .map_err(|e| TemplateError::Render {
            ty,
            part: part.label(),
            origin: compiled.origin.to_string(),
            message: exec_message(&e, ty, part),
        })
}

/// The config and override directory templates are loaded from.
struct Loader<'a> {
    courier: &'a Courier,
    base_dir: &'a Path,
    override_dir: Option<PathBuf>,
}

impl<'a> Loader<'a> {
    fn new(courier: &'a Courier, base_dir: &'a Path) -> Loader<'a> {
        let override_dir = courier
            .template_override_path
            .as_deref()
            .filter(|dir| !dir.is_empty())
            .map(|dir| base_dir.join(dir));
        Loader {
            courier,
            base_dir,
            override_dir,
        }
    }

    fn load_type(&self, ty: TemplateType) -> Result<TypeTemplates, TemplateError> {
        let [subject, plaintext, html] = Part::EMAIL.map(|part| self.load(ty, part));
        Ok(TypeTemplates {
            subject: subject?,
            plaintext: plaintext?,
            html: html?,
            sms: if ty.has_sms() {
                Some(self.load(ty, Part::Sms)?)
            } else {
                None
            },
        })
    }

    fn load(&self, ty: TemplateType, part: Part) -> Result<Compiled, TemplateError> {
        if let Some(compiled) = self.load_override(ty, part)? {
            return Ok(compiled);
        }
        let path = format!("{}/{}", ty.dir(part.channel()), part.file());
        // Every type and part has a built-in (a unit test checks it).
        let text = builtin::get(&path).unwrap_or_default();
        compile(ty, part, Origin::Builtin(path), text, Vec::new())
    }

    /// The config's own template for this part (a `courier.templates` value or a
    /// file under `template_override_path`), or None where the built-in serves.
    fn load_override(
        &self,
        ty: TemplateType,
        part: Part,
    ) -> Result<Option<Compiled>, TemplateError> {
        if let Some((key, url)) = self.config_override(ty, part)? {
            let text = read_source(url, self.base_dir).map_err(|source| match source {
                SourceError::Remote { url } => TemplateError::Remote {
                    key: key.clone(),
                    url,
                },
                source => TemplateError::Read {
                    key: key.clone(),
                    source,
                },
            })?;
            return compile(ty, part, Origin::Config(key), &text, Vec::new()).map(Some);
        }
        self.in_override_dir(ty, part)
    }

    /// The non-empty `courier.templates.…` value for this template, with its key.
    fn config_override(
        &self,
        ty: TemplateType,
        part: Part,
    ) -> Result<Option<(String, &'a str)>, TemplateError> {
        let Some(type_key) = ty.config_key() else {
            return Ok(None);
        };
        let key = format!(
            "courier.templates.{}.{}",
            type_key.replace('/', "."),
            part.config_suffix().replace('/', ".")
        );
        let Some(template) = self.courier.templates.at(type_key) else {
            return Ok(None);
        };
        let url = match part {
            Part::Subject => &template.email.subject,
            Part::Plaintext => &template.email.body.plaintext,
            Part::Html => &template.email.body.html,
            Part::Sms => &template.sms.body.plaintext,
        };
        Ok(url
            .as_deref()
            .filter(|url| !url.is_empty())
            .map(|url| (key, url)))
    }

    /// `<override dir>/<dir>/<file>` if it exists, parsed with its siblings that
    /// share the part's stem (they may hold `{{ define }}` blocks it uses).
    fn in_override_dir(
        &self,
        ty: TemplateType,
        part: Part,
    ) -> Result<Option<Compiled>, TemplateError> {
        let Some(root) = &self.override_dir else {
            return Ok(None);
        };
        let dir = root.join(ty.dir(part.channel()));
        let main = dir.join(part.file());
        if !main.is_file() {
            return Ok(None);
        }
        let text = read_file(&main, self.base_dir)?;
        let siblings = siblings(&dir, part, self.base_dir)?;
        compile(ty, part, Origin::File(main), &text, siblings).map(Some)
    }
}

/// A file under `template_override_path`, read as every `file://` reference is:
/// inside the config's tree (or an `--allow-outside` one), a regular file, bounded.
fn read_file(path: &Path, base_dir: &Path) -> Result<String, TemplateError> {
    read_source(&format!("file://{}", path.display()), base_dir).map_err(|source| {
        TemplateError::Read {
            key: "courier.template_override_path".to_string(),
            source,
        }
    })
}

/// The other files of `dir` whose names start with the part's stem, in name order
/// (Go's glob order), with their texts.
fn siblings(
    dir: &Path,
    part: Part,
    base_dir: &Path,
) -> Result<Vec<(PathBuf, String)>, TemplateError> {
    let io = |source| TemplateError::Io {
        path: dir.to_path_buf(),
        source,
    };
    let mut paths = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(io)? {
        let path = entry.map_err(io)?.path();
        let name = path
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        if name.starts_with(part.stem()) && name != part.file() && path.is_file() {
            paths.push(path);
        }
    }
    paths.sort();
    paths
        .into_iter()
        .map(|path| read_file(&path, base_dir).map(|text| (path, text)))
        .collect()
}

/// Parses a template (and the sibling files that contribute `{{ define }}` blocks)
/// with our functions and limits.
fn compile(
    ty: TemplateType,
    part: Part,
    origin: Origin,
    text: &str,
    siblings: Vec<(PathBuf, String)>,
) -> Result<Compiled, TemplateError> {
    let parse_error = |origin: &Origin, message: String| TemplateError::Parse {
        ty,
        part: part.label(),
        origin: origin.to_string(),
        message,
    };
    let mut template = Template::with_limits(limits());
    template.name = part.file().to_string();
    funcs::register(&mut template);
    check_expr_nesting(text).map_err(|message| parse_error(&origin, message))?;
    template
        .parse(text)
        .map_err(|e| parse_error(&origin, parse_message(&e)))?;
    for (path, text) in siblings {
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        check_expr_nesting(&text)
            .map_err(|message| parse_error(&Origin::File(path.clone()), message))?;
        template.add_template(name, text).map_err(|e| {
            let message = match e {
                gtmpl_ng::TemplateError::ParseError(e) => parse_message(&e),
                e => one_line(&e.to_string()),
            };
            parse_error(&Origin::File(path), message)
        })?;
    }
    Ok(Compiled { template, origin })
}

/// `line:col: message` from a parse error.
fn parse_message(error: &ParseError) -> String {
    match error {
        ParseError::WithContext(at, message) => {
            format!("{}:{}: {}", at.line, at.col, one_line(message))
        }
        other => one_line(&other.to_string()),
    }
}

/// `line:col: message` from a render error. An unknown top-level field is reported
/// with the fields the type has, instead of the whole data the engine would print.
fn exec_message(error: &ExecError, ty: TemplateType, part: Part) -> String {
    let ExecError::Structured(inner) = error else {
        return one_line(&error.to_string());
    };
    let message = match unknown_field(&inner.message) {
        Some(name) => {
            let known: Vec<&str> = model::fields(ty, part.channel())
                .iter()
                .map(|f| f.go)
                .collect();
            format!(
                "no field `{name}` in the template data (fields: {})",
                known.join(", ")
            )
        }
        None => one_line(&inner.message),
    };
    format!("{}:{}: {message}", inner.context.line, inner.context.col)
}

/// The field name of gtmpl's "no field `X` in <value>" error.
fn unknown_field(message: &str) -> Option<&str> {
    let rest = message.strip_prefix("no field `")?;
    rest.split_once('`').map(|(name, _)| name)
}

fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::config::source::encode_base64;

    fn courier(config: &Value) -> Courier {
        crate::config::model::section(config, "courier").expect("a courier section")
    }

    fn builtin() -> Templates {
        Templates::from_config(&Courier::default(), Path::new(".")).expect("built-ins parse")
    }

    fn with_overrides(overrides: Value) -> Result<Templates, TemplateError> {
        Templates::from_config(
            &courier(&json!({ "courier": { "templates": overrides } })),
            Path::new("."),
        )
    }

    #[test]
    fn names_round_trip() {
        for (i, ty) in TemplateType::ALL.into_iter().enumerate() {
            assert_eq!(TemplateType::parse(ty.as_str()), Some(ty));
            // `Templates` indexes its table by discriminant.
            assert_eq!(ty as usize, i);
        }
        assert_eq!(TemplateType::parse("login_code"), None);
        assert_eq!(TemplateType::ALL.iter().filter(|t| t.has_sms()).count(), 7);
        assert_eq!(Channel::parse("sms"), Some(Channel::Sms));
        assert_eq!(
            Channel::parse(Channel::Email.as_str()),
            Some(Channel::Email)
        );
        assert_eq!(Channel::parse("phone"), None);
    }

    #[test]
    fn templates_can_be_shared_between_threads() {
        fn shared<T: Send + Sync>() {}
        shared::<Templates>();
    }

    #[test]
    fn every_built_in_renders_its_sample_data() {
        let templates = builtin();
        for ty in TemplateType::ALL {
            let email = templates
                .email(ty, &sample_data(ty, Channel::Email))
                .expect("renders");
            assert!(
                !email.subject.is_empty() && email.subject.trim() == email.subject,
                "{ty}"
            );
            let mut texts = vec![email.subject, email.plaintext, email.html];
            if ty.has_sms() {
                texts.push(
                    templates
                        .sms(ty, &sample_data(ty, Channel::Sms))
                        .expect("sms"),
                );
            }
            for text in texts {
                assert!(
                    !text.contains("<no value>") && !text.contains("<nil>"),
                    "{ty}: {text}"
                );
            }
        }
    }

    #[test]
    fn login_code_texts() {
        let templates = builtin();
        let ty = TemplateType::LoginCodeValid;
        let email = templates
            .email(ty, &sample_data(ty, Channel::Email))
            .expect("email");
        assert_eq!(email.subject, "Use code 123456 to log in");
        assert!(
            email.plaintext.contains("\n123456\n"),
            "{}",
            email.plaintext
        );
        assert!(email.plaintext.contains("expires in 60 minutes"));
        assert!(email.html.contains(">123456</p>"));
        let sms = templates
            .sms(ty, &sample_data(ty, Channel::Sms))
            .expect("sms");
        assert_eq!(
            sms,
            "Your login code is: 123456\nIt expires in 60 minutes.\n\n@auth.example.com #123456\n"
        );
        let mut data = sample_data(ty, Channel::Sms);
        data["request_url_domain"] = json!("");
        let sms = templates.sms(ty, &data).expect("sms");
        assert_eq!(
            sms,
            "Your login code is: 123456\nIt expires in 60 minutes.\n"
        );
    }

    #[test]
    fn verification_texts() {
        let templates = builtin();
        let ty = TemplateType::VerificationCodeValid;
        let email = templates
            .email(ty, &sample_data(ty, Channel::Email))
            .expect("email");
        assert_eq!(email.subject, "Use code 123456 to verify your account");
        let url = sample_data(ty, Channel::Email)["verification_url"]
            .as_str()
            .map(str::to_string);
        let url = url.expect("url");
        assert!(email.plaintext.contains("123456") && email.plaintext.contains(&url));
        // The link's `&` is escaped in the attribute.
        assert!(
            email.html.contains(&url.replace('&', "&amp;")),
            "{}",
            email.html
        );
        let invalid = TemplateType::VerificationCodeInvalid;
        let email = templates
            .email(invalid, &sample_data(invalid, Channel::Email))
            .expect("email");
        assert_eq!(email.subject, "Someone tried to verify this email address");
        let registration = TemplateType::RegistrationCodeValid;
        let email = templates
            .email(registration, &sample_data(registration, Channel::Email))
            .expect("email");
        assert_eq!(
            email.subject,
            "Use code 123456 to complete your account registration"
        );
    }

    #[test]
    fn html_escapes_inserted_data_and_plaintext_does_not() {
        let templates = with_overrides(json!({
            "login_code": { "valid": { "email": {
                "body": {
                    "plaintext": encode_base64("Hi {{ .Identity.traits.name }}"),
                    "html": encode_base64("<p title='{{ .Identity.traits.name }}'>Hi {{ .Identity.traits.name }}</p>")
                }
            } } }
        }))
        .expect("loads");
        let ty = TemplateType::LoginCodeValid;
        let mut data = sample_data(ty, Channel::Email);
        data["identity"]["traits"]["name"] = json!("<script>alert('x')</script>");
        let email = templates.email(ty, &data).expect("renders");
        assert_eq!(email.plaintext, "Hi <script>alert('x')</script>");
        assert_eq!(
            email.html,
            "<p title='&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;'>Hi &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</p>"
        );
        // The subject is text: not escaped.
        data["login_code"] = json!("<b>");
        assert_eq!(
            templates.email(ty, &data).expect("renders").subject,
            "Use code <b> to log in"
        );
    }

    #[test]
    fn config_override_beats_directory_beats_built_in() {
        let dir = tempfile::tempdir().expect("tempdir");
        let login = dir.path().join("overrides/login_code/valid");
        std::fs::create_dir_all(&login).expect("mkdir");
        std::fs::write(
            login.join("email.subject.gotmpl"),
            "dir subject {{ .LoginCode }}",
        )
        .expect("write");
        std::fs::write(login.join("email.body.plaintext.gotmpl"), "dir plaintext").expect("write");
        std::fs::write(dir.path().join("plain.gotmpl"), "file plaintext {{ .To }}").expect("write");
        let config = json!({ "courier": {
            "template_override_path": "overrides",
            "templates": { "login_code": { "valid": { "email": {
                "body": { "plaintext": "file://plain.gotmpl", "html": "" }
            } } } }
        } });
        let templates = Templates::from_config(&courier(&config), dir.path()).expect("loads");
        let ty = TemplateType::LoginCodeValid;
        let email = templates
            .email(ty, &sample_data(ty, Channel::Email))
            .expect("renders");
        assert_eq!(email.subject, "dir subject 123456");
        assert_eq!(email.plaintext, "file plaintext jane.doe@example.com");
        // An empty override falls through to the built-in.
        assert!(email.html.contains("<!DOCTYPE html>"));
        let sms = templates
            .sms(ty, &sample_data(ty, Channel::Sms))
            .expect("sms");
        assert!(sms.starts_with("Your login code is: 123456"));
    }

    /// Issue 14: `template_override_path` is read under the same tree rule as
    /// every `file://` reference, so a config cannot have another tree's files
    /// read (and sent) as templates.
    #[test]
    fn an_override_directory_outside_the_config_tree_is_not_read() {
        let outside = tempfile::tempdir().expect("tempdir");
        let login = outside.path().join("login_code/valid");
        std::fs::create_dir_all(&login).expect("mkdir");
        std::fs::write(login.join("email.subject.gotmpl"), "DB_PASSWORD=hunter2").expect("write");
        let project = tempfile::tempdir().expect("tempdir");
        let config = json!({ "courier": { "template_override_path": outside.path() } });
        let err = Templates::from_config(&courier(&config), project.path())
            .expect_err("outside the tree");
        let text = err.to_string();
        assert!(
            text.starts_with("courier.template_override_path: "),
            "{text}"
        );
        assert!(text.contains("outside"), "{text}");
        assert!(!text.contains("hunter2"), "{text}");
    }

    #[test]
    fn directory_templates_use_define_blocks_of_their_siblings() {
        let dir = tempfile::tempdir().expect("tempdir");
        let login = dir.path().join("login_code/valid");
        std::fs::create_dir_all(&login).expect("mkdir");
        std::fs::write(
            login.join("email.body.gotmpl"),
            r#"{{ template "greeting" . }} {{ .LoginCode }}"#,
        )
        .expect("write");
        std::fs::write(
            login.join("email.body.html.en_US.gotmpl"),
            r#"{{ define "greeting" }}Hello {{ .To }}{{ end }}"#,
        )
        .expect("write");
        let config = json!({ "courier": { "template_override_path": dir.path() } });
        let templates = Templates::from_config(&courier(&config), Path::new("/")).expect("loads");
        let ty = TemplateType::LoginCodeValid;
        let email = templates
            .email(ty, &sample_data(ty, Channel::Email))
            .expect("renders");
        assert_eq!(email.html, "Hello jane.doe@example.com 123456");
    }

    /// The input the fuzzer (fuzz/, `go_template`) stopped on (a false leak report
    /// of glibc's, fuzz/lsan.supp): stray closing delimiters outside an action are
    /// text, and render as written.
    #[test]
    fn stray_closing_delimiters_are_text() {
        let templates = with_overrides(json!({ "login_code": { "valid": { "email": {
            "subject": encode_base64(") }} }]")
        } } } }))
        .expect("parses");
        let ty = TemplateType::LoginCodeValid;
        let email = templates
            .email(ty, &sample_data(ty, Channel::Email))
            .expect("renders");
        assert_eq!(email.subject, ") }} }]");
    }

    #[test]
    fn a_syntax_error_names_the_key_and_position() {
        let err = with_overrides(json!({ "login_code": { "valid": { "email": {
            "subject": encode_base64("Code:\n{{ .LoginCode ")
        } } } }))
        .expect_err("syntax error");
        let text = err.to_string();
        assert!(
            text.starts_with("cannot parse the login_code_valid email subject template (courier.templates.login_code.valid.email.subject): 2:"),
            "{text}"
        );
        assert!(!text.contains('\n'), "{text}");
    }

    #[test]
    fn an_unknown_field_fails_at_render_with_the_known_ones() {
        let templates = with_overrides(json!({ "recovery_code": { "valid": { "sms": { "body": {
            "plaintext": encode_base64("{{ .LoginCode }}")
        } } } } }))
        .expect("loads");
        let ty = TemplateType::RecoveryCodeValid;
        let err = templates
            .sms(ty, &sample_data(ty, Channel::Sms))
            .expect_err("unknown field");
        assert_eq!(
            err.to_string(),
            "cannot render the recovery_code_valid sms body template (courier.templates.recovery_code.valid.sms.body.plaintext): 1:4: no field `LoginCode` in the template data (fields: To, RecoveryCode, Identity, RequestURL, RequestURLDomain, TransientPayload, ExpiresInMinutes)"
        );
        // Missing keys of nested maps are Go's `<no value>`, not errors.
        let templates = with_overrides(json!({ "recovery_code": { "valid": { "sms": { "body": {
            "plaintext": encode_base64("{{ .RecoveryCode }} {{ .Identity.traits.nickname }}")
        } } } } }))
        .expect("loads");
        let sms = templates
            .sms(ty, &sample_data(ty, Channel::Sms))
            .expect("renders");
        assert_eq!(sms, "123456 <no value>");
    }

    #[test]
    fn sources_that_cannot_be_read() {
        let key = |url: &str| json!({ "login_code": { "valid": { "email": { "subject": url } } } });
        let err = with_overrides(key("https://example.com/subject.gotmpl")).expect_err("remote");
        assert_eq!(
            err.to_string(),
            "courier.templates.login_code.valid.email.subject: remote templates are not fetched (`https://example.com/subject.gotmpl`); use a file:// or base64:// source"
        );
        let err = with_overrides(key("file://missing.gotmpl")).expect_err("missing");
        assert!(err.to_string().starts_with("courier.templates.login_code.valid.email.subject: cannot read `file://missing.gotmpl`"), "{err}");
        let err = crate::config::model::section::<Courier>(
            &json!({ "courier": { "templates": { "login_code": { "valid": { "email": { "subject": 3 } } } } } }),
            "courier",
        )
        .expect_err("not a string");
        assert_eq!(
            err.to_string(),
            "courier.templates.login_code.valid.email.subject: invalid type: integer `3`, expected a string"
        );
    }

    #[test]
    fn sms_only_for_the_types_that_have_it() {
        let templates = builtin();
        let ty = TemplateType::VerificationCodeInvalid;
        let err = templates
            .sms(ty, &sample_data(ty, Channel::Sms))
            .expect_err("no sms");
        assert!(
            err.to_string()
                .starts_with("verification_code_invalid has no SMS template (SMS exists for: "),
            "{err}"
        );
        let err = templates
            .email(TemplateType::Stub, &json!([1]))
            .expect_err("not an object");
        assert_eq!(err.to_string(), "template data must be a JSON object");
    }
}
