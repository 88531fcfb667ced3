//! The texts the code flows show, by Kratos' message id (reference B.11, Kratos'
//! `text/` package).

/// A login code was sent.
pub const LOGIN_CODE_SENT: (u32, &str) = (
    1010014,
    "A code was sent to the address you provided. If you didn't receive it, please check the spelling of the address and try again.",
);
/// Button: send a login code.
pub const SEND_SIGN_IN_CODE: (u32, &str) = (1010015, "Send sign in code");
/// A registration code was sent.
pub const REGISTRATION_CODE_SENT: (u32, &str) = (
    1040005,
    "A code has been sent to the address(es) you provided. If you have not received a message, check the spelling of the address and retry the registration.",
);
/// Button: send a registration code.
pub const SEND_SIGN_UP_CODE: (u32, &str) = (1040006, "Send sign up code");
/// Label: the generic identifier.
pub const ID: (u32, &str) = (1070004, "ID");
/// Label: email.
pub const EMAIL: (u32, &str) = (1070007, "Email");
/// Button: resend a code.
pub const RESEND_CODE: (u32, &str) = (1070008, "Resend code");
/// Button: continue.
pub const CONTINUE: (u32, &str) = (1070009, "Continue");
/// Label: verification code.
pub const VERIFICATION_CODE: (u32, &str) = (1070011, "Verification code");
/// Label: registration code.
pub const REGISTRATION_CODE: (u32, &str) = (1070012, "Registration code");
/// Label: login code.
pub const LOGIN_CODE: (u32, &str) = (1070013, "Login code");
/// Label: email or phone.
pub const EMAIL_OR_PHONE: (u32, &str) = (1070018, "Email or phone number");
/// An email address was verified.
pub const EMAIL_VERIFIED: (u32, &str) = (1080002, "You successfully verified your email address.");
/// A verification email was sent.
pub const VERIFICATION_EMAIL_SENT: (u32, &str) = (
    1080003,
    "An email containing a verification code has been sent to the email address you provided. If you have not received an email, check the spelling of the address and make sure to use the address you registered with.",
);
/// A verification text message was sent.
pub const VERIFICATION_SMS_SENT: (u32, &str) = (
    1080004,
    "A text message containing a verification code has been sent to the phone number you provided. If you have not received a text message, check the spelling of the number and make sure to use the number you registered with.",
);
/// A phone number was verified.
pub const PHONE_VERIFIED: (u32, &str) = (1080005, "You successfully verified your phone number.");
/// Generic error id; the text is the reason.
pub const GENERIC: u32 = 4000001;
/// A right code that another submission used first (`ErrCodeAlreadyUsed`).
pub const CODE_ALREADY_USED: &str = "The code was already used. Please request another code.";
/// Too many code submissions.
pub const TOO_MANY_ATTEMPTS: &str =
    "The request was submitted too often. Please request another code.";
/// A required property is missing (format `{name}`).
pub const MISSING: u32 = 4000002;
/// Duplicate account.
pub const DUPLICATE: (u32, &str) = (
    4000007,
    "An account with the same identifier (email, phone, username, ...) exists already.",
);
/// No code identifiers in the traits.
pub const NO_IDENTIFIERS: (u32, &str) = (
    4000009,
    "Could not find any login identifiers. Did you forget to set them? This could also be caused by a server misconfiguration.",
);
/// Unknown account for code login.
pub const NO_CODE_ACCOUNT: (u32, &str) = (
    4000035,
    "This account does not exist or has not setup sign in with code.",
);
/// Traits changed between the two registration steps.
pub const TRAITS_MISMATCH: (u32, &str) = (
    4000036,
    "The provided traits do not match the traits previously associated with this flow.",
);
/// Login flow expired (format minutes).
pub const LOGIN_EXPIRED: u32 = 4010001;
/// No strategy can log in (the code method is off).
pub const NO_LOGIN_STRATEGY: (u32, &str) = (
    4010002,
    "Could not find a strategy to log you in with. Did you fill out the form correctly?",
);
/// Wrong or expired login code.
pub const LOGIN_CODE_INVALID: (u32, &str) = (
    4010008,
    "The login code is invalid or has already been used. Please try again.",
);
/// Registration flow expired (format minutes).
pub const REGISTRATION_EXPIRED: u32 = 4040001;
/// No strategy can register (the code method is off, or the flow is done).
/// Kratos numbers it in the login block (`ErrorValidationRegistrationNoStrategyFound`).
pub const NO_REGISTRATION_STRATEGY: (u32, &str) = (
    4010003,
    "Could not find a strategy to sign you up with. Did you fill out the form correctly?",
);
/// Wrong or expired registration code.
pub const REGISTRATION_CODE_INVALID: (u32, &str) = (
    4040003,
    "The registration code is invalid or has already been used. Please try again.",
);
/// The verification flow was completed already.
pub const VERIFICATION_DONE: (u32, &str) = (
    4070002,
    "The request was already completed successfully and can not be retried.",
);
/// Verification flow expired (format minutes).
pub const VERIFICATION_EXPIRED: u32 = 4070005;
/// Wrong or expired verification code.
pub const VERIFICATION_CODE_INVALID: (u32, &str) = (
    4070006,
    "The verification code is invalid or has already been used. Please try again.",
);
