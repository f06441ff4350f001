//! The lender's receiving accounts, one per country, for customers who pay by transfer from
//! another bank (seed 002: "по реквизитам", the contract number as the reference). A contract's
//! currency tells its country. Each account is read from configuration (`REMIT_US`, `REMIT_CA`,
//! `REMIT_RU` as `key=value;key=value`), every field checked the way the country's banks check it,
//! so a mistyped routing number or BIK stops start-up instead of sending money astray.

use super::bank::{self, AccountNumber, Bik, RoutingNumber};
use super::Issue;
use serde::{Deserialize, Serialize};

/// Business days a transfer from another bank takes to reach the lender (seed 002: "3 дня").
pub const TRANSFER_DAYS: u32 = 3;

/// Demo receiving accounts: every number passes its country's checks (ABA 3-7-1 checksum, ИНН
/// check digit, 385-P control keys).
pub const DEFAULT_US: &str = "payee=Northstar Auto Finance LLC;bank=First Prairie Bank, N.A.;\
    routing=114000925;account=4410023387;type=checking";
pub const DEFAULT_CA: &str =
    "payee=Northstar Auto Finance Canada Inc.;bank=Northern Dominion Bank;\
    institution=352;transit=10071;account=5012846";
pub const DEFAULT_RU: &str = "payee=ООО «Нордстар Авто Финанс»;inn=7705842136;kpp=770501001;\
    bank=АО «Демо Банк», г. Москва;bik=044525318;corr=30101810100000000318;account=40702810700000041785";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AccountType {
    Checking,
    Savings,
}

/// A US account: ACH or wire to an ABA routing number.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UsAccount {
    pub payee: String,
    pub bank: String,
    pub routing: RoutingNumber,
    pub account: AccountNumber,
    pub account_type: AccountType,
}

/// A Canadian account: institution (3 digits), branch transit (5 digits), account (7–12 digits).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CaAccount {
    pub payee: String,
    pub bank: String,
    pub institution: String,
    pub transit: String,
    pub account: AccountNumber,
}

/// Russian payment details (реквизиты): the payee's ИНН and КПП, the bank's БИК and корр. счёт,
/// and the payee's расчётный счёт.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RuAccount {
    pub payee: String,
    pub inn: String,
    pub kpp: String,
    pub bank: String,
    pub bik: Bik,
    pub corr_account: AccountNumber,
    pub account: AccountNumber,
}

/// The account a contract's customer pays into, in its country's terms.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum TransferDetails {
    Us(UsAccount),
    Ca(CaAccount),
    Ru(RuAccount),
}

/// The lender's receiving account in each country.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Remittance {
    pub us: UsAccount,
    pub ca: CaAccount,
    pub ru: RuAccount,
}

impl Default for Remittance {
    fn default() -> Self {
        Remittance {
            us: UsAccount::parse(DEFAULT_US).expect("DEFAULT_US is valid"),
            ca: CaAccount::parse(DEFAULT_CA).expect("DEFAULT_CA is valid"),
            ru: RuAccount::parse(DEFAULT_RU).expect("DEFAULT_RU is valid"),
        }
    }
}

impl Remittance {
    /// The defaults, each replaced by its variable when set. A bad value is `(variable, why)`.
    pub fn from_vars(
        get: impl Fn(&str) -> Option<String>,
    ) -> Result<Remittance, (&'static str, String)> {
        let mut r = Remittance::default();
        if let Some(text) = get("REMIT_US") {
            r.us = UsAccount::parse(&text).map_err(|m| ("REMIT_US", m))?;
        }
        if let Some(text) = get("REMIT_CA") {
            r.ca = CaAccount::parse(&text).map_err(|m| ("REMIT_CA", m))?;
        }
        if let Some(text) = get("REMIT_RU") {
            r.ru = RuAccount::parse(&text).map_err(|m| ("REMIT_RU", m))?;
        }
        Ok(r)
    }

    /// The account for a contract in `currency` (USD, CAD, RUB); none for another currency.
    pub fn for_currency(&self, currency: &str) -> Option<TransferDetails> {
        match currency {
            "USD" => Some(TransferDetails::Us(self.us.clone())),
            "CAD" => Some(TransferDetails::Ca(self.ca.clone())),
            "RUB" => Some(TransferDetails::Ru(self.ru.clone())),
            _ => None,
        }
    }
}

impl UsAccount {
    /// `payee=…;bank=…;routing=…;account=…;type=checking|savings`
    pub fn parse(text: &str) -> Result<UsAccount, String> {
        let f = Fields::read(text, &["payee", "bank", "routing", "account", "type"])?;
        Ok(UsAccount {
            payee: f.name("payee")?,
            bank: f.name("bank")?,
            routing: f.checked("routing", RoutingNumber::parse)?,
            account: f.checked("account", |v| AccountNumber::parse(v, 4, 17))?,
            account_type: match f.get("type")? {
                "checking" => AccountType::Checking,
                "savings" => AccountType::Savings,
                other => return Err(format!("type: `{other}` is not checking or savings")),
            },
        })
    }
}

impl CaAccount {
    /// `payee=…;bank=…;institution=…;transit=…;account=…`
    pub fn parse(text: &str) -> Result<CaAccount, String> {
        let f = Fields::read(
            text,
            &["payee", "bank", "institution", "transit", "account"],
        )?;
        Ok(CaAccount {
            payee: f.name("payee")?,
            bank: f.name("bank")?,
            institution: f.checked("institution", bank::ca_institution)?,
            transit: f.checked("transit", bank::ca_transit)?,
            account: f.checked("account", |v| AccountNumber::parse(v, 7, 12))?,
        })
    }
}

impl RuAccount {
    /// `payee=…;inn=…;kpp=…;bank=…;bik=…;corr=…;account=…`
    pub fn parse(text: &str) -> Result<RuAccount, String> {
        let f = Fields::read(
            text,
            &["payee", "inn", "kpp", "bank", "bik", "corr", "account"],
        )?;
        let bik = f.checked("bik", Bik::parse)?;
        Ok(RuAccount {
            payee: f.name("payee")?,
            inn: f.with("inn", inn)?,
            kpp: f.with("kpp", kpp)?,
            bank: f.name("bank")?,
            corr_account: f.checked("corr", |v| bank::ru_corr_account(v, &bik))?,
            account: f.checked("account", |v| bank::ru_account(v, &bik))?,
            bik,
        })
    }
}

/// An organisation's ИНН: 10 digits, the last a check digit (weights 2 4 10 3 5 9 4 6 8, mod 11,
/// mod 10).
pub fn inn(input: &str) -> Result<String, &'static str> {
    let d = exact_digits(input, 10).ok_or("must be 10 digits")?;
    let v: Vec<u32> = d.bytes().map(|b| u32::from(b - b'0')).collect();
    let sum: u32 = [2, 4, 10, 3, 5, 9, 4, 6, 8]
        .iter()
        .zip(&v)
        .map(|(w, x)| w * x)
        .sum();
    (sum % 11 % 10 == v[9])
        .then_some(d)
        .ok_or("fails the INN check digit")
}

/// A КПП (reason-for-registration code): 9 digits.
pub fn kpp(input: &str) -> Result<String, &'static str> {
    exact_digits(input, 9).ok_or("must be 9 digits")
}

fn exact_digits(input: &str, len: usize) -> Option<String> {
    let d = input.trim();
    (d.len() == len && d.bytes().all(|b| b.is_ascii_digit())).then(|| d.to_string())
}

/// The `key=value` pairs of one variable: every expected key once, no other.
struct Fields<'a>(Vec<(&'a str, &'a str)>);

impl<'a> Fields<'a> {
    fn read(text: &'a str, keys: &[&str]) -> Result<Fields<'a>, String> {
        let mut pairs = Vec::new();
        for part in text.split(';').map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = part
                .split_once('=')
                .ok_or_else(|| format!("`{part}` is not key=value"))?;
            let (k, v) = (k.trim(), v.trim());
            if !keys.contains(&k) {
                return Err(format!("unknown key `{k}` (expected {})", keys.join(", ")));
            }
            if pairs.iter().any(|(seen, _)| *seen == k) {
                return Err(format!("`{k}` is given twice"));
            }
            pairs.push((k, v));
        }
        match keys.iter().find(|k| !pairs.iter().any(|(p, _)| p == *k)) {
            Some(missing) => Err(format!("`{missing}` is missing ({})", keys.join(", "))),
            None => Ok(Fields(pairs)),
        }
    }

    fn get(&self, key: &str) -> Result<&'a str, String> {
        self.0
            .iter()
            .find(|(k, _)| *k == key)
            .map(|(_, v)| *v)
            .ok_or_else(|| format!("`{key}` is missing"))
    }

    fn name(&self, key: &str) -> Result<String, String> {
        let v = self.get(key)?;
        (!v.is_empty() && v.chars().count() <= 200)
            .then(|| v.to_string())
            .ok_or_else(|| format!("{key}: must be 1–200 characters"))
    }

    /// A value checked by a domain parser (its `Issue` told in words).
    fn checked<T>(&self, key: &str, parse: impl Fn(&str) -> Result<T, Issue>) -> Result<T, String> {
        self.with(key, |v| parse(v).map_err(|issue| why(key, issue)))
    }

    fn with<T, E: std::fmt::Display>(
        &self,
        key: &str,
        parse: impl Fn(&str) -> Result<T, E>,
    ) -> Result<T, String> {
        let v = self.get(key)?;
        parse(v).map_err(|m| format!("{key}: `{v}` {m}"))
    }
}

/// What is wrong, for the operator reading the start-up error.
fn why(key: &str, issue: Issue) -> String {
    match (key, issue) {
        (_, Issue::Required) => "is empty".into(),
        (_, Issue::RoutingNumberCheck) => "fails the ABA 3-7-1 checksum".into(),
        ("corr", Issue::RuAccountKey) => {
            "must end with the BIK's last three digits and pass the control key".into()
        }
        ("corr", _) => "must be 20 digits starting 30101".into(),
        (_, Issue::RuAccountKey) => "fails the control key against the BIK".into(),
        (_, Issue::AccountNumberFormat { min, max }) => format!("must be {min}–{max} digits"),
        (_, Issue::BikFormat) => "must be 9 digits starting 04".into(),
        (_, Issue::RuAccountFormat) => "must be 20 digits".into(),
        (_, Issue::RoutingNumberFormat) => "must be 9 digits".into(),
        (_, Issue::InstitutionNumberFormat) => "must be 3 digits".into(),
        (_, Issue::TransitNumberFormat) => "must be 5 digits".into(),
        _ => "is not valid".into(),
    }
}

#[cfg(test)]
#[path = "remittance_tests.rs"]
mod tests;
