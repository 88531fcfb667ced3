//! The built-in templates, embedded from `src/courier/templates/` (the same
//! `<dir>/<file>.gotmpl` layout as `courier.template_override_path`).

/// Embeds each file under its path relative to the templates root.
macro_rules! embed {
    ($($path:literal),* $(,)?) => {
        &[$(($path, include_str!(concat!("../templates/", $path)))),*]
    };
}

static FILES: &[(&str, &str)] = embed![
    "authenticator_key_added/email.body.gotmpl",
    "authenticator_key_added/email.body.plaintext.gotmpl",
    "authenticator_key_added/email.subject.gotmpl",
    "authenticator_key_added/sms.body.gotmpl",
    "login_code/valid/email.body.gotmpl",
    "login_code/valid/email.body.plaintext.gotmpl",
    "login_code/valid/email.subject.gotmpl",
    "login_code/valid/sms.body.gotmpl",
    "otp/test_stub/sms.body.gotmpl",
    "recovery/invalid/email.body.gotmpl",
    "recovery/invalid/email.body.plaintext.gotmpl",
    "recovery/invalid/email.subject.gotmpl",
    "recovery/valid/email.body.gotmpl",
    "recovery/valid/email.body.plaintext.gotmpl",
    "recovery/valid/email.subject.gotmpl",
    "recovery_code/invalid/email.body.gotmpl",
    "recovery_code/invalid/email.body.plaintext.gotmpl",
    "recovery_code/invalid/email.subject.gotmpl",
    "recovery_code/valid/email.body.gotmpl",
    "recovery_code/valid/email.body.plaintext.gotmpl",
    "recovery_code/valid/email.subject.gotmpl",
    "recovery_code/valid/sms.body.gotmpl",
    "registration_code/valid/email.body.gotmpl",
    "registration_code/valid/email.body.plaintext.gotmpl",
    "registration_code/valid/email.subject.gotmpl",
    "registration_code/valid/sms.body.gotmpl",
    "test_stub/email.body.gotmpl",
    "test_stub/email.body.plaintext.gotmpl",
    "test_stub/email.subject.gotmpl",
    "verifiable_address_changed/email.body.gotmpl",
    "verifiable_address_changed/email.body.plaintext.gotmpl",
    "verifiable_address_changed/email.subject.gotmpl",
    "verifiable_address_changed/sms.body.gotmpl",
    "verification/invalid/email.body.gotmpl",
    "verification/invalid/email.body.plaintext.gotmpl",
    "verification/invalid/email.subject.gotmpl",
    "verification/valid/email.body.gotmpl",
    "verification/valid/email.body.plaintext.gotmpl",
    "verification/valid/email.subject.gotmpl",
    "verification_code/invalid/email.body.gotmpl",
    "verification_code/invalid/email.body.plaintext.gotmpl",
    "verification_code/invalid/email.subject.gotmpl",
    "verification_code/valid/email.body.gotmpl",
    "verification_code/valid/email.body.plaintext.gotmpl",
    "verification_code/valid/email.subject.gotmpl",
    "verification_code/valid/sms.body.gotmpl",
];

/// The built-in template at `path` (e.g. `login_code/valid/email.subject.gotmpl`).
pub(super) fn get(path: &str) -> Option<&'static str> {
    FILES
        .iter()
        .find(|(file, _)| *file == path)
        .map(|(_, text)| *text)
}
