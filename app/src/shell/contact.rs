//! How to reach the lender's people, per country: the phone line and its hours. Shown on the
//! Contact page, at the foot of every portal page and on every statement and letter, and pointed
//! to by every message that says "contact us" — so no message is a dead end.

/// One country's service desk.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ServiceDesk {
    /// Catalogue key of the country's name.
    pub country_key: &'static str,
    /// The currency of that country's contracts (how a contract finds its desk).
    pub currency: &'static str,
    /// The number as people read it.
    pub phone: &'static str,
    /// The number as a `tel:` link.
    pub tel: &'static str,
    /// Catalogue key of the opening hours.
    pub hours_key: &'static str,
}

pub const DESKS: [ServiceDesk; 3] = [
    ServiceDesk {
        country_key: "contact-country-us",
        currency: "USD",
        phone: "1-800-555-0142",
        tel: "+18005550142",
        hours_key: "contact-hours-us",
    },
    ServiceDesk {
        country_key: "contact-country-ca",
        currency: "CAD",
        phone: "1-888-555-0199",
        tel: "+18885550199",
        hours_key: "contact-hours-ca",
    },
    ServiceDesk {
        country_key: "contact-country-ru",
        currency: "RUB",
        phone: "8-800-555-01-42",
        tel: "+78005550142",
        hours_key: "contact-hours-ru",
    },
];

/// The desk for a contract in `currency` (the United States desk for any other).
pub fn desk_for(currency: &str) -> &'static ServiceDesk {
    DESKS
        .iter()
        .find(|d| d.currency == currency)
        .unwrap_or(&DESKS[0])
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_contract_currency_has_a_desk_with_its_texts() {
        assert_eq!(desk_for("CAD").phone, "1-888-555-0199");
        assert_eq!(desk_for("RUB").tel, "+78005550142");
        assert_eq!(desk_for("EUR"), &DESKS[0]);
        for l in crate::i18n::Locale::ALL {
            for d in &DESKS {
                for key in [d.country_key, d.hours_key] {
                    assert_ne!(crate::i18n::t(l, key), key, "{key} in {l:?}");
                }
            }
        }
    }
}
