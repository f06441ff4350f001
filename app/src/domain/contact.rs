//! Contact details: a mobile number (E.164) and a mailing address that knows the rules of the
//! three countries the lender mails to — US (state + ZIP), Canada (province + postal code) and
//! Russia (region + 6-digit index). The same checks run in the browser and on the server.

use super::regions::{CA_PROVINCES, US_STATES};
use super::Issue;
use serde::{Deserialize, Serialize};

/// "+14165550123".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Phone(String);

impl Phone {
    /// Accepts spaces, dashes, dots and brackets. Without a country code, 10 digits are taken as a
    /// North American number (+1) and 11 digits starting with 8 as a Russian one (+7).
    pub fn parse(input: &str) -> Result<Phone, Issue> {
        let t = input.trim();
        if t.is_empty() {
            return Err(Issue::Required);
        }
        if !t
            .chars()
            .all(|c| c.is_ascii_digit() || " -.()+".contains(c))
            || t.chars().skip(1).any(|c| c == '+')
        {
            return Err(Issue::PhoneFormat);
        }
        let digits: String = t.chars().filter(char::is_ascii_digit).collect();
        let e164 = if t.starts_with('+') {
            digits
        } else if digits.len() == 10 {
            format!("1{digits}")
        } else if digits.len() == 11 && digits.starts_with('8') {
            format!("7{}", &digits[1..])
        } else if digits.len() == 11 && digits.starts_with('1') {
            digits
        } else {
            return Err(Issue::PhoneFormat);
        };
        if !(8..=15).contains(&e164.len()) || e164.starts_with('0') {
            return Err(Issue::PhoneFormat);
        }
        Ok(Phone(format!("+{e164}")))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum Country {
    Us,
    Ca,
    Ru,
}

impl Country {
    pub fn parse(code: &str) -> Result<Country, Issue> {
        match code.trim().to_uppercase().as_str() {
            "US" => Ok(Country::Us),
            "CA" => Ok(Country::Ca),
            "RU" => Ok(Country::Ru),
            "" => Err(Issue::Required),
            _ => Err(Issue::CountryUnsupported),
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Country::Us => "US",
            Country::Ca => "CA",
            Country::Ru => "RU",
        }
    }

    /// The regions to choose from (US states + DC, Canadian provinces and territories); Russia's
    /// region is typed (oblast, krai, republic or federal city).
    pub fn regions(self) -> &'static [(&'static str, &'static str)] {
        match self {
            Country::Us => US_STATES,
            Country::Ca => CA_PROVINCES,
            Country::Ru => &[],
        }
    }
}

/// A mailing address as typed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AddressInput {
    pub country: String,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal: String,
}

/// A checked address, normalised (upper-case codes, "M5V 2T6", "48201-1234").
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Address {
    pub country: Country,
    pub line1: String,
    pub line2: String,
    pub city: String,
    pub region: String,
    pub postal: String,
}

fn text(value: &str, max: usize, required: bool) -> Result<String, Issue> {
    let t = value.trim();
    if t.is_empty() && required {
        return Err(Issue::Required);
    }
    if t.chars().count() > max {
        return Err(Issue::TooLong { max });
    }
    if t.chars().any(char::is_control) {
        return Err(Issue::NameCharacters);
    }
    Ok(t.to_string())
}

fn postal(country: Country, input: &str) -> Result<String, Issue> {
    let t = input.trim().to_uppercase();
    if t.is_empty() {
        return Err(Issue::Required);
    }
    match country {
        Country::Us => {
            let digits: String = t.chars().filter(char::is_ascii_digit).collect();
            let shape_ok = t.chars().all(|c| c.is_ascii_digit() || c == '-');
            match (shape_ok, digits.len()) {
                (true, 5) if t.len() == 5 => Ok(digits),
                (true, 9) => Ok(format!("{}-{}", &digits[..5], &digits[5..])),
                _ => Err(Issue::PostalCodeUs),
            }
        }
        Country::Ca => {
            let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
            let b = compact.as_bytes();
            let letter = |c: u8| c.is_ascii_uppercase() && !b"DFIOQU".contains(&c);
            let ok = b.len() == 6
                && letter(b[0])
                && !b"WZ".contains(&b[0])
                && b[1].is_ascii_digit()
                && letter(b[2])
                && b[3].is_ascii_digit()
                && letter(b[4])
                && b[5].is_ascii_digit();
            if ok {
                Ok(format!("{} {}", &compact[..3], &compact[3..]))
            } else {
                Err(Issue::PostalCodeCa)
            }
        }
        Country::Ru => {
            if t.len() == 6 && t.chars().all(|c| c.is_ascii_digit()) {
                Ok(t)
            } else {
                Err(Issue::PostalCodeRu)
            }
        }
    }
}

impl AddressInput {
    /// Every problem, by field name, so the form can show them all at once.
    pub fn parse(&self) -> Result<Address, Vec<(&'static str, Issue)>> {
        let mut issues = Vec::new();
        let country = Country::parse(&self.country)
            .map_err(|i| issues.push(("country", i)))
            .ok();
        let line1 = text(&self.line1, 100, true)
            .map_err(|i| issues.push(("line1", i)))
            .ok();
        let line2 = text(&self.line2, 100, false)
            .map_err(|i| issues.push(("line2", i)))
            .ok();
        let city = text(&self.city, 60, true)
            .map_err(|i| issues.push(("city", i)))
            .ok();
        let (region, postal_code) = match country {
            Some(c) => {
                let region = if c.regions().is_empty() {
                    text(&self.region, 60, true)
                } else {
                    let code = self.region.trim().to_uppercase();
                    if code.is_empty() {
                        Err(Issue::Required)
                    } else if c.regions().iter().any(|(k, _)| *k == code) {
                        Ok(code)
                    } else {
                        Err(Issue::RegionUnknown)
                    }
                };
                (
                    region.map_err(|i| issues.push(("region", i))).ok(),
                    postal(c, &self.postal)
                        .map_err(|i| issues.push(("postal", i)))
                        .ok(),
                )
            }
            None => (None, None),
        };
        match (country, line1, line2, city, region, postal_code) {
            (Some(country), Some(line1), Some(line2), Some(city), Some(region), Some(postal))
                if issues.is_empty() =>
            {
                Ok(Address {
                    country,
                    line1,
                    line2,
                    city,
                    region,
                    postal,
                })
            }
            _ => Err(issues),
        }
    }
}

/// Languages of the portal: English, French (Canada), Russian.
pub const LANGUAGES: &[(&str, &str)] = &[
    ("en", "English"),
    ("fr-CA", "Français (Canada)"),
    ("ru", "Русский"),
];

pub fn parse_language(code: &str) -> Result<&'static str, Issue> {
    LANGUAGES
        .iter()
        .find(|(c, _)| c.eq_ignore_ascii_case(code.trim()))
        .map(|(c, _)| *c)
        .ok_or(Issue::OneOf)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addr(country: &str, region: &str, postal: &str) -> AddressInput {
        AddressInput {
            country: country.into(),
            line1: "100 Main St".into(),
            line2: String::new(),
            city: "Springfield".into(),
            region: region.into(),
            postal: postal.into(),
        }
    }

    #[test]
    fn phones_are_normalised_to_e164() {
        assert_eq!(
            Phone::parse("(416) 555-0123").unwrap().as_str(),
            "+14165550123"
        );
        assert_eq!(
            Phone::parse("+7 912 345-67-89").unwrap().as_str(),
            "+79123456789"
        );
        assert_eq!(
            Phone::parse("8 912 345 67 89").unwrap().as_str(),
            "+79123456789"
        );
        assert_eq!(
            Phone::parse("+33 1 23 45 67 89").unwrap().as_str(),
            "+33123456789"
        );
        assert_eq!(Phone::parse("555-0123"), Err(Issue::PhoneFormat));
        assert_eq!(
            Phone::parse("+1 416 555 0123 ext 4"),
            Err(Issue::PhoneFormat)
        );
        assert_eq!(Phone::parse("  "), Err(Issue::Required));
    }

    #[test]
    fn us_addresses_need_a_state_and_zip() {
        let a = addr("us", "mi", "48201-1234").parse().unwrap();
        assert_eq!((a.region.as_str(), a.postal.as_str()), ("MI", "48201-1234"));
        assert_eq!(
            addr("US", "MI", "482011234").parse().unwrap().postal,
            "48201-1234"
        );
        assert_eq!(
            addr("US", "ZZ", "48201").parse().unwrap_err(),
            vec![("region", Issue::RegionUnknown)]
        );
        assert_eq!(
            addr("US", "MI", "4820").parse().unwrap_err(),
            vec![("postal", Issue::PostalCodeUs)]
        );
    }

    #[test]
    fn canadian_postal_codes_follow_the_letter_digit_pattern() {
        assert_eq!(
            addr("CA", "ON", "m5v2t6").parse().unwrap().postal,
            "M5V 2T6"
        );
        assert_eq!(
            addr("CA", "ON", "D5V 2T6").parse().unwrap_err(),
            vec![("postal", Issue::PostalCodeCa)]
        );
        assert_eq!(
            addr("CA", "XX", "M5V 2T6").parse().unwrap_err(),
            vec![("region", Issue::RegionUnknown)]
        );
    }

    #[test]
    fn russian_addresses_take_a_typed_region_and_six_digit_index() {
        let a = addr("RU", "Московская область", "125009").parse().unwrap();
        assert_eq!(a.region, "Московская область");
        assert_eq!(
            addr("RU", "", "12500").parse().unwrap_err(),
            vec![("region", Issue::Required), ("postal", Issue::PostalCodeRu)]
        );
    }

    #[test]
    fn other_countries_and_empty_lines_are_reported_together() {
        let mut a = addr("DE", "", "");
        a.line1 = " ".into();
        assert_eq!(
            a.parse().unwrap_err(),
            vec![
                ("country", Issue::CountryUnsupported),
                ("line1", Issue::Required)
            ]
        );
        assert_eq!(parse_language("FR-ca"), Ok("fr-CA"));
        assert_eq!(parse_language("de"), Err(Issue::OneOf));
    }
}
