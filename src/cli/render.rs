//! `render template`: previews a courier template of a project's config.

use std::path::{Path, PathBuf};

use clap::builder::{PossibleValuesParser, TypedValueParser};
use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use serde_json::Value;

use super::output::{self, Failure, emit, emit_line};
use super::{ProjectArg, target};
use crate::config::Document;
use crate::courier::template::{
    Channel, RenderedEmail, TemplateError, TemplateType, Templates, sample_data,
};

#[derive(Debug, Subcommand)]
#[command(defer = true)]
pub(super) enum RenderCommand {
    /// Preview a courier template of the project's config with sample or given data.
    Template(TemplateArgs),
}

/// `--via` values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
enum Via {
    /// The email: subject, plaintext and HTML bodies.
    #[default]
    Email,
    /// The SMS text (only types that have one).
    Sms,
}

impl Via {
    fn channel(self) -> Channel {
        match self {
            Via::Email => Channel::Email,
            Via::Sms => Channel::Sms,
        }
    }
}

/// `--format` values.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
enum RenderFormat {
    /// The rendered texts for people.
    #[default]
    Text,
    /// Versioned JSON for scripts.
    Json,
}

#[derive(Debug, Args)]
#[command(after_long_help = TEMPLATE_HELP)]
pub(super) struct TemplateArgs {
    /// The template type, as Kratos names it.
    #[arg(value_name = "TYPE", value_parser = template_type())]
    template_type: TemplateType,
    #[command(flatten)]
    project: ProjectArg,
    /// The channel to render.
    #[arg(long, value_enum, default_value_t)]
    via: Via,
    /// Render with this template_data (a JSON object; `-` for stdin) instead of sample data.
    #[arg(long, value_name = "FILE")]
    data: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t)]
    format: RenderFormat,
}

const TEMPLATE_HELP: &str = "\
The template is resolved as the engine resolves it: the courier.templates override
(file:// or base64://), then courier.template_override_path, then the built-in.
The sample data has an identity with email and phone traits and the code 123456.

Examples:
  otpctl render template login_code_valid
  otpctl render template login_code_valid --via sms --format json
  otpctl render template verification_code_valid --data template-data.json";

/// Accepts the 13 type names, and lists them when given anything else.
fn template_type() -> impl TypedValueParser<Value = TemplateType> {
    PossibleValuesParser::new(TemplateType::ALL.map(TemplateType::as_str))
        .try_map(|name| TemplateType::parse(&name).ok_or("unknown template type"))
}

/// `{"version":1,…}`: the email parts or the SMS body, and the data they were rendered with.
#[derive(Debug, Serialize)]
struct RenderOut<'a> {
    version: u32,
    template_type: &'static str,
    channel: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    subject: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    plaintext: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    html: Option<&'a str>,
    #[serde(skip_serializing_if = "Option::is_none")]
    body: Option<&'a str>,
    template_data: &'a Value,
}

/// Runs a `render` subcommand.
pub(super) fn run(command: RenderCommand) -> Result<(), Failure> {
    match command {
        RenderCommand::Template(args) => template(args),
    }
}

fn template(args: TemplateArgs) -> Result<(), Failure> {
    let ty = args.template_type;
    let channel = args.via.channel();
    if channel == Channel::Sms && !ty.has_sms() {
        return Err(Failure::usage(TemplateError::NoSms { ty }));
    }
    let data = match &args.data {
        Some(file) => read_data(file)?,
        None => sample_data(ty, channel),
    };
    let path = target::config_path(&args.project)?;
    let doc = Document::load(&path).map_err(Failure::op)?;
    // Template errors name a key or file; the config they come from goes first.
    let failure = |e: TemplateError| Failure::op(format!("`{}`: {e}", path.display()));
    let courier: crate::config::model::Courier =
        crate::config::model::section(&doc.value, "courier")
            .map_err(|e| Failure::op(format!("`{}`: {e}", path.display())))?;
    let templates = Templates::from_config(&courier, &doc.base_dir()).map_err(failure)?;
    let mut out = RenderOut {
        version: 1,
        template_type: ty.as_str(),
        channel: channel.as_str(),
        subject: None,
        plaintext: None,
        html: None,
        body: None,
        template_data: &data,
    };
    match channel {
        Channel::Email => {
            let email = templates.email(ty, &data).map_err(failure)?;
            match args.format {
                RenderFormat::Text => emit(&email_text(&email)),
                RenderFormat::Json => {
                    out.subject = Some(&email.subject);
                    out.plaintext = Some(&email.plaintext);
                    out.html = Some(&email.html);
                    output::emit_json(&out)
                }
            }
        }
        Channel::Sms => {
            let body = templates.sms(ty, &data).map_err(failure)?;
            match args.format {
                RenderFormat::Text => emit_line(&body),
                RenderFormat::Json => {
                    out.body = Some(&body);
                    output::emit_json(&out)
                }
            }
        }
    }
}

/// The three parts of an email under headings.
fn email_text(email: &RenderedEmail) -> String {
    let ending = |text: &str| if text.ends_with('\n') { "" } else { "\n" };
    format!(
        "Subject: {}\n\n--- plaintext ---\n{}{}--- html ---\n{}{}",
        email.subject,
        email.plaintext,
        ending(&email.plaintext),
        email.html,
        ending(&email.html),
    )
}

/// Reads `--data`: a JSON object from a file or stdin.
fn read_data(file: &Path) -> Result<Value, Failure> {
    let name = crate::config::display(file);
    // `read_text` reads stdin for `-`, bounded like any file.
    let text = crate::config::read_text(file).map_err(Failure::op)?;
    let value: Value = serde_json::from_str(&text)
        .map_err(|e| Failure::op(format!("`{name}` is not valid JSON: {e}")))?;
    if !value.is_object() {
        return Err(Failure::op(format!(
            "`{name}` must hold a JSON object (the template_data)"
        )));
    }
    Ok(value)
}
