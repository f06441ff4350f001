//! Receiving accounts: the demo defaults pass every check; a wrong number in any field is refused
//! with the field named.
use super::*;

fn with(default: &str, key: &str, value: &str) -> String {
    default
        .split(';')
        .map(|p| match p.split_once('=') {
            Some((k, _)) if k.trim() == key => format!("{key}={value}"),
            _ => p.to_string(),
        })
        .collect::<Vec<_>>()
        .join(";")
}

#[test]
fn every_default_passes_every_check() {
    let r = Remittance::default();
    assert_eq!(r.us.routing.as_str(), "114000925");
    assert!(RoutingNumber::parse(r.us.routing.as_str()).is_ok());
    assert_eq!(r.us.account_type, AccountType::Checking);
    assert_eq!(
        (r.ca.institution.as_str(), r.ca.transit.as_str()),
        ("352", "10071")
    );
    assert_eq!(inn(&r.ru.inn).as_deref(), Ok("7705842136"));
    assert_eq!(r.ru.kpp, "770501001");
    assert!(r.ru.corr_account.as_str().starts_with("30101"));
    assert!(r
        .ru
        .corr_account
        .as_str()
        .ends_with(&r.ru.bik.as_str()[6..]));
    assert!(bank::ru_corr_account(r.ru.corr_account.as_str(), &r.ru.bik).is_ok());
    assert!(bank::ru_account(r.ru.account.as_str(), &r.ru.bik).is_ok());
    assert_eq!(r.ru.payee, "ООО «Нордстар Авто Финанс»");
}

#[test]
fn a_contract_finds_its_country_by_currency() {
    let r = Remittance::default();
    assert!(matches!(
        r.for_currency("USD"),
        Some(TransferDetails::Us(_))
    ));
    assert!(matches!(
        r.for_currency("CAD"),
        Some(TransferDetails::Ca(_))
    ));
    assert!(matches!(
        r.for_currency("RUB"),
        Some(TransferDetails::Ru(_))
    ));
    assert_eq!(r.for_currency("EUR"), None);
}

#[test]
fn a_wrong_number_is_refused_naming_the_field() {
    let refused = |text: String, parse: fn(&str) -> Result<(), String>, field: &str| {
        let m = parse(&text).unwrap_err();
        assert!(m.starts_with(field), "{m}");
    };
    let us = |t: &str| UsAccount::parse(t).map(|_| ());
    let ca = |t: &str| CaAccount::parse(t).map(|_| ());
    let ru = |t: &str| RuAccount::parse(t).map(|_| ());
    // ABA: one digit off fails the 3-7-1 checksum.
    refused(with(DEFAULT_US, "routing", "114000926"), us, "routing");
    refused(with(DEFAULT_US, "account", "123"), us, "account");
    refused(with(DEFAULT_US, "type", "brokerage"), us, "type");
    refused(with(DEFAULT_CA, "transit", "1007"), ca, "transit");
    refused(with(DEFAULT_CA, "institution", "35"), ca, "institution");
    // BIK: not 04…; the accounts then no longer match it either, but the BIK is named first.
    refused(with(DEFAULT_RU, "bik", "144525318"), ru, "bik");
    // Another bank's BIK: the корр. счёт and the расчётный счёт no longer fit it.
    let other_bik = with(DEFAULT_RU, "bik", "044525225");
    refused(other_bik, ru, "corr");
    refused(with(DEFAULT_RU, "corr", "30101810200000000318"), ru, "corr");
    refused(with(DEFAULT_RU, "corr", "40101810100000000318"), ru, "corr");
    refused(
        with(DEFAULT_RU, "account", "40702810800000041785"),
        ru,
        "account",
    );
    refused(with(DEFAULT_RU, "inn", "7705842137"), ru, "inn");
    refused(with(DEFAULT_RU, "kpp", "77050100"), ru, "kpp");
    // Shape of the variable itself.
    assert!(UsAccount::parse("payee=X").unwrap_err().contains("missing"));
    assert!(UsAccount::parse(&format!("{DEFAULT_US};swift=X"))
        .unwrap_err()
        .contains("unknown key `swift`"));
    assert!(UsAccount::parse(&format!("{DEFAULT_US};bank=Y"))
        .unwrap_err()
        .contains("twice"));
    assert!(CaAccount::parse("nonsense")
        .unwrap_err()
        .contains("key=value"));
}

#[test]
fn variables_replace_the_defaults() {
    let ru = "payee=ПАО Сбербанк;inn=7707083893;kpp=773601001;bank=ПАО Сбербанк;bik=044525225;\
              corr=30101810400000000225;account=40702810938000000001";
    let r = Remittance::from_vars(|k| (k == "REMIT_RU").then(|| ru.to_string())).unwrap();
    assert_eq!(r.ru.bik.as_str(), "044525225");
    assert_eq!(r.us, Remittance::default().us);
    let bad = |var: &'static str| {
        Remittance::from_vars(|k| (k == var).then(|| "payee=X".to_string()))
            .unwrap_err()
            .0
    };
    assert_eq!(bad("REMIT_US"), "REMIT_US");
    assert_eq!(bad("REMIT_CA"), "REMIT_CA");
    assert_eq!(bad("REMIT_RU"), "REMIT_RU");
}
