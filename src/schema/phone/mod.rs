//! Kratos' `format: tel`: an international number (`+` and country code) that
//! libphonenumber considers valid.
//!
//! The `phonenumber` crate's default database compiles the patterns of every
//! territory on first use (about 0.3 s); a validator that checks a handful of
//! numbers pays that on every run. Here the metadata of one country calling code
//! at a time is cut out of libphonenumber's XML (vendored beside this file,
//! Apache-2.0) and loaded on demand, which takes a few milliseconds.

use std::cell::RefCell;
use std::collections::HashMap;
use std::io::Cursor;
use std::sync::{Arc, Mutex, OnceLock};

use phonenumber::metadata::{Database, loader};
use regex::Regex;

const METADATA: &str = include_str!("PhoneNumberMetadata.xml");

/// Whether `value` is a valid international phone number.
pub fn is_valid(value: &str) -> bool {
    to_e164(value).is_some()
}

/// A valid international phone number in E.164 form (`+4915112345678`), as Kratos
/// stores phone identifiers; `None` when it is not valid.
pub fn to_e164(value: &str) -> Option<String> {
    let rest = value.trim_start().strip_prefix('+')?;
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .take(3)
        .collect();
    // Calling codes are prefix-free, so at most one prefix of 1–3 digits is a code.
    (1..=digits.len().min(3))
        .filter_map(|len| digits.get(..len)?.parse::<u16>().ok())
        .find_map(|code| Some((code, region(code)?)))
        .and_then(|(code, region)| region.e164(value, code))
}

/// The metadata of one calling code, loaded once and shared by every thread. The
/// patterns are matched as text by our own anchored regexes; the `phonenumber`
/// database (whose construction compiles every pattern) is built only when a
/// number needs its parser.
struct Region {
    territories: Vec<loader::Metadata>,
    parser: OnceLock<Option<Database>>,
}

impl Region {
    /// libphonenumber's `isValidNumber`: find the territory the national number
    /// belongs to, and require it to match one of its number types; the number in
    /// E.164 form if it does.
    fn e164(&self, value: &str, code: u16) -> Option<String> {
        // The common case, `+<code><digits>` with formatting at most, needs no
        // parser: what follows the code is the national number, unless it starts
        // with a national prefix, which libphonenumber may strip.
        if let Some(national) = self.plain_national_number(value, code)
            && self.valid_national(&national)
        {
            return Some(format!("+{code}{national}"));
        }
        let db = self
            .parser
            .get_or_init(|| Database::from(self.territories.clone()).ok())
            .as_ref()?;
        let number = phonenumber::parse_with(db, None, value).ok()?;
        let national = number.national().to_string();
        (number.code().value() == code && self.valid_national(&national))
            .then(|| format!("+{code}{national}"))
    }

    /// The digits after the calling code of `+<code><digits>` written with at most
    /// spaces, dashes, dots and parentheses, when they do not start with a national
    /// prefix; `None` otherwise (the parser decides then).
    fn plain_national_number(&self, value: &str, code: u16) -> Option<String> {
        let rest = value.trim().strip_prefix('+')?;
        let digits: String = rest
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')'))
            .collect();
        if !digits.bytes().all(|b| b.is_ascii_digit()) {
            return None;
        }
        let national = digits.strip_prefix(&code.to_string())?;
        let prefixed = self.territories.iter().any(|meta| {
            meta.national_prefix_for_parsing
                .as_deref()
                .or(meta.national_prefix.as_deref())
                .is_some_and(|prefix| compiled(prefix, false).is_none_or(|r| r.is_match(national)))
        });
        (!prefixed).then(|| national.to_string())
    }

    /// Whether a national number is valid in the territory it belongs to.
    fn valid_national(&self, national: &str) -> bool {
        let territory = match self.territories.as_slice() {
            [only] => Some(only),
            many => many.iter().find(|meta| match &meta.leading_digits {
                Some(leading) => compiled(leading, false).is_some_and(|r| r.is_match(national)),
                None => has_type(meta, national),
            }),
        };
        territory.is_some_and(|meta| has_type(meta, national))
    }
}

/// Whether the national number is of a known type (fixed line, mobile, …).
fn has_type(meta: &loader::Metadata, national: &str) -> bool {
    describes(meta.general.as_ref(), national)
        && [
            &meta.premium_rate,
            &meta.toll_free,
            &meta.shared_cost,
            &meta.voip,
            &meta.personal_number,
            &meta.pager,
            &meta.uan,
            &meta.voicemail,
            &meta.fixed_line,
            &meta.mobile,
        ]
        .into_iter()
        .any(|desc| describes(desc.as_ref(), national))
}

/// A descriptor matches: possible length, then the whole number against its
/// pattern. (The `phonenumber` crate searches unanchored and checks the match
/// start, which accepts numbers libphonenumber rejects and makes its lazy DFA
/// build new states for every new number.)
fn describes(desc: Option<&loader::Descriptor>, national: &str) -> bool {
    desc.is_some_and(|desc| {
        let lengths = &desc.possible_length;
        (lengths.is_empty() || u16::try_from(national.len()).is_ok_and(|n| lengths.contains(&n)))
            && desc
                .national_number
                .as_deref()
                .and_then(|pattern| compiled(pattern, true))
                .is_some_and(|r| r.is_match(national))
    })
}

/// A pattern compiled once per process; each thread keeps its own map of the
/// ones it has used, so looking one up takes no lock.
fn compiled(pattern: &str, full: bool) -> Option<Arc<Regex>> {
    type Patterns = HashMap<(bool, String), Option<Arc<Regex>>>;
    static SHARED: OnceLock<Mutex<Patterns>> = OnceLock::new();
    thread_local! {
        static LOCAL: RefCell<Patterns> = RefCell::new(HashMap::new());
    }
    let key = (full, pattern.to_string());
    if let Some(found) = LOCAL.with(|local| local.borrow().get(&key).cloned()) {
        return found;
    }
    let regex = SHARED
        .get_or_init(Default::default)
        .lock()
        .ok()?
        .entry(key.clone())
        .or_insert_with(|| {
            let anchored = if full {
                format!("^(?:{pattern})$")
            } else {
                format!("^(?:{pattern})")
            };
            // libphonenumber's patterns are written across lines, as the crate reads
            // them; they match ASCII digits only, and a byte-oriented \d compiles far
            // smaller than Unicode's.
            regex::RegexBuilder::new(&anchored)
                .ignore_whitespace(true)
                .unicode(false)
                .build()
                .ok()
                .map(Arc::new)
        })
        .clone();
    LOCAL.with(|local| local.borrow_mut().insert(key, regex.clone()));
    regex
}

/// The byte ranges of the `<territory>` elements of each calling code.
fn territories() -> &'static HashMap<u16, Vec<(usize, usize)>> {
    static INDEX: OnceLock<HashMap<u16, Vec<(usize, usize)>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<u16, Vec<(usize, usize)>> = HashMap::new();
        let mut from = 0;
        while let Some(start) = METADATA[from..].find("<territory ").map(|i| i + from) {
            let Some(end) = METADATA[start..]
                .find("</territory>")
                .map(|i| i + start + "</territory>".len())
            else {
                break;
            };
            let head = &METADATA[start..METADATA[start..].find('>').map_or(end, |i| i + start)];
            if let Some(code) = attribute(head, "countryCode").and_then(|c| c.parse().ok()) {
                index.entry(code).or_default().push((start, end));
            }
            from = end;
        }
        index
    })
}

fn attribute<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let start = tag.find(&format!(" {name}=\""))? + name.len() + 3;
    let len = tag[start..].find('"')?;
    Some(&tag[start..start + len])
}

/// The metadata of one calling code, loaded on first use by whichever thread
/// needs it first; `None` for codes that do not exist.
fn region(code: u16) -> Option<Arc<Region>> {
    type Regions = HashMap<u16, Option<Arc<Region>>>;
    static SHARED: OnceLock<Mutex<Regions>> = OnceLock::new();
    thread_local! {
        static LOCAL: RefCell<Regions> = RefCell::new(HashMap::new());
    }
    if let Some(found) = LOCAL.with(|local| local.borrow().get(&code).cloned()) {
        return found;
    }
    let region = SHARED
        .get_or_init(Default::default)
        .lock()
        .ok()?
        .entry(code)
        .or_insert_with(|| {
            load(code).map(|territories| {
                Arc::new(Region {
                    territories,
                    parser: OnceLock::new(),
                })
            })
        })
        .clone();
    LOCAL.with(|local| local.borrow_mut().insert(code, region.clone()));
    region
}

fn load(code: u16) -> Option<Vec<loader::Metadata>> {
    let ranges = territories().get(&code)?;
    let mut xml = String::from("<phoneNumberMetadata><territories>");
    for (start, end) in ranges {
        xml.push_str(&METADATA[*start..*end]);
    }
    xml.push_str("</territories></phoneNumberMetadata>");
    loader::load(Cursor::new(xml)).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_libphonenumber() {
        for valid in [
            "+4915112345678",
            "+16453331111",
            "+442071838750",
            "+33612345678",
            "+1 (645) 333-1111",
            "+12025550123",
            "+61412345678",
            "+819012345678",
            "+5511987654321",
            "+393123456789",
        ] {
            assert!(is_valid(valid), "{valid}");
            let full = phonenumber::parse(None, valid).is_ok_and(|n| phonenumber::is_valid(&n));
            assert!(full, "the full database agrees on {valid}");
        }
        for invalid in [
            "12345",
            "+1 555",
            "0151 1234567",
            "n/a",
            "+999123456",
            "+49",
            "",
        ] {
            assert!(!is_valid(invalid), "{invalid}");
        }
    }

    #[test]
    fn numbers_are_written_in_e164() {
        assert_eq!(
            to_e164("+1 (645) 333-1111").as_deref(),
            Some("+16453331111")
        );
        assert_eq!(
            to_e164(" +49 151 1234 5678").as_deref(),
            Some("+4915112345678")
        );
        assert_eq!(to_e164("+1 555"), None);
    }

    #[test]
    fn every_territory_is_indexed() {
        let count: usize = territories().values().map(Vec::len).sum();
        assert_eq!(count, METADATA.matches("<territory ").count());
    }
}

#[cfg(test)]
mod agreement {
    use super::is_valid;

    /// Random numbers with libphonenumber's verdict (`scripts/gen-phone-fixture`).
    const REFERENCE: &str = include_str!("../../../tests/fixtures/phone/numbers.tsv");

    /// Where the `phonenumber` crate's parser (which we reuse) differs from
    /// libphonenumber's: a national prefix right after the country code (`+46 0…`)
    /// is stripped, where libphonenumber keeps it and finds the number invalid.
    const KNOWN_PARSER_DIFFERENCES: &[&str] = &["+460084460573"];

    #[test]
    fn agrees_with_libphonenumber() {
        let mut disagreements = Vec::new();
        let mut valid = 0;
        for line in REFERENCE.lines().filter(|l| !l.starts_with('#')) {
            let Some((number, verdict)) = line.split_once('\t') else {
                continue;
            };
            let expected = verdict == "valid";
            valid += usize::from(expected);
            if is_valid(number) != expected && !KNOWN_PARSER_DIFFERENCES.contains(&number) {
                disagreements.push(format!("{number}: libphonenumber says {verdict}"));
            }
        }
        assert!(valid > 100, "the sample has valid numbers too ({valid})");
        assert!(
            disagreements.is_empty(),
            "{} disagreements:\n{}",
            disagreements.len(),
            disagreements.join("\n")
        );
    }
}
