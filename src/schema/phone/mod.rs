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
use std::rc::Rc;
use std::sync::OnceLock;

use phonenumber::metadata::{Database, Descriptor, Metadata, loader};
use regex::Regex;

const METADATA: &str = include_str!("PhoneNumberMetadata.xml");

/// Whether `value` is a valid international phone number.
pub fn is_valid(value: &str) -> bool {
    let Some(rest) = value.trim_start().strip_prefix('+') else {
        return false;
    };
    let digits: String = rest
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '.' | '(' | ')' | '\u{a0}'))
        .take(3)
        .collect();
    // Calling codes are prefix-free, so at most one prefix of 1–3 digits is a code.
    (1..=digits.len().min(3))
        .filter_map(|len| digits.get(..len)?.parse::<u16>().ok())
        .find_map(region)
        .is_some_and(|region| region.is_valid(value))
}

/// The metadata of one calling code, with its patterns compiled for full matches.
struct Region {
    db: Database,
    patterns: RefCell<HashMap<String, Option<Regex>>>,
}

impl Region {
    /// libphonenumber's `isValidNumber`: parse, find the territory the national
    /// number belongs to, and require it to match one of its number types.
    fn is_valid(&self, value: &str) -> bool {
        let Ok(number) = phonenumber::parse_with(&self.db, None, value) else {
            return false;
        };
        let national = number.national().to_string();
        let Some(territories) = self.db.by_code(&number.code().value()) else {
            return false;
        };
        let territory = match territories.as_slice() {
            [only] => Some(*only),
            many => many
                .iter()
                .copied()
                .find(|meta| match meta.leading_digits() {
                    Some(leading) => self.matches(leading.as_str(), &national, false),
                    None => self.has_type(meta, &national),
                }),
        };
        territory.is_some_and(|meta| self.has_type(meta, &national))
    }

    /// Whether the national number is of a known type (fixed line, mobile, …).
    fn has_type(&self, meta: &Metadata, national: &str) -> bool {
        let d = meta.descriptors();
        self.describes(Some(d.general()), national)
            && [
                d.premium_rate(),
                d.toll_free(),
                d.shared_cost(),
                d.voip(),
                d.personal_number(),
                d.pager(),
                d.uan(),
                d.voicemail(),
                d.fixed_line(),
                d.mobile(),
            ]
            .into_iter()
            .any(|desc| self.describes(desc, national))
    }

    fn describes(&self, desc: Option<&Descriptor>, national: &str) -> bool {
        desc.is_some_and(|desc| {
            let lengths = desc.possible_length();
            (lengths.is_empty()
                || u16::try_from(national.len()).is_ok_and(|n| lengths.contains(&n)))
                && self.matches(desc.national_number().as_str(), national, true)
        })
    }

    /// Anchored matching, compiled once per pattern: the whole number (`full`) or a
    /// prefix of it. (The `phonenumber` crate searches unanchored and checks the
    /// match start, which makes its lazy DFA rebuild states for every new number.)
    fn matches(&self, pattern: &str, text: &str, full: bool) -> bool {
        let key = format!("{}{pattern}", if full { 'F' } else { 'P' });
        let mut patterns = self.patterns.borrow_mut();
        let regex = patterns.entry(key).or_insert_with(|| {
            let anchored = if full {
                format!("^(?:{pattern})$")
            } else {
                format!("^(?:{pattern})")
            };
            // libphonenumber's patterns are written across lines, as the crate reads them.
            regex::RegexBuilder::new(&anchored)
                .ignore_whitespace(true)
                .build()
                .ok()
        });
        regex.as_ref().is_some_and(|r| r.is_match(text))
    }
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

/// The metadata of one calling code, loaded on first use; `None` for codes that
/// do not exist. Each thread keeps its own: compiled patterns are then never
/// shared, so threads validating side by side do not contend for them.
fn region(code: u16) -> Option<Rc<Region>> {
    thread_local! {
        static LOADED: RefCell<HashMap<u16, Option<Rc<Region>>>> = RefCell::new(HashMap::new());
    }
    LOADED.with(|loaded| {
        loaded
            .borrow_mut()
            .entry(code)
            .or_insert_with(|| {
                load(code).map(|db| {
                    Rc::new(Region {
                        db,
                        patterns: RefCell::default(),
                    })
                })
            })
            .clone()
    })
}

fn load(code: u16) -> Option<Database> {
    let ranges = territories().get(&code)?;
    let mut xml = String::from("<phoneNumberMetadata><territories>");
    for (start, end) in ranges {
        xml.push_str(&METADATA[*start..*end]);
    }
    xml.push_str("</territories></phoneNumberMetadata>");
    Database::from(loader::load(Cursor::new(xml)).ok()?).ok()
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
