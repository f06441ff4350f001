//! Locale-aware money, numbers and dates, by hand (CLDR's patterns for the three languages; no ICU
//! data in the WASM bundle). The currency always follows the contract; the language only decides
//! where the symbol goes and how digits are grouped: `$1,234.56`, `1 234,56 $`, `1 234,56 ₽`.

use super::Locale;
use crate::domain::Money;
use time::Date;

/// No-break space: CLDR's group separator for fr-CA and ru, and the gap before a trailing symbol.
const NBSP: char = '\u{00A0}';

fn symbol(locale: Locale, currency: &str) -> &str {
    match (locale, currency) {
        (_, "RUB") => "₽",
        (Locale::FrCa, "USD") => "$ US",
        (Locale::FrCa, "CAD") => "$",
        (_, "USD") => "$",
        (_, "CAD") => "CA$",
        (_, other) => other,
    }
}

/// Groups the integer digits of a non-negative decimal string.
fn group(int: &str, sep: char) -> String {
    let mut out = String::new();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (int.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// A number with `decimals` places in the locale's style ("1,234.5" / "1 234,5").
pub fn number(locale: Locale, value: rust_decimal::Decimal, decimals: usize) -> String {
    let s = format!("{:.*}", decimals, value.abs());
    let (int, frac) = s.split_once('.').unwrap_or((&s, ""));
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "−"
    } else {
        ""
    };
    let (sep, point) = match locale {
        Locale::En => (',', '.'),
        Locale::FrCa | Locale::Ru => (NBSP, ','),
    };
    let grouped = group(int, sep);
    if frac.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{point}{frac}")
    }
}

pub fn money(locale: Locale, m: Money, currency: &str) -> String {
    amount(locale, m.amount(), 2, currency)
}

/// An amount in a currency with `decimals` places: a rate such as a per diem to four decimals
/// ("$3.2877" / "3,2877 $").
pub fn amount(
    locale: Locale,
    value: rust_decimal::Decimal,
    decimals: usize,
    currency: &str,
) -> String {
    let sign = if value.is_sign_negative() && !value.is_zero() {
        "−"
    } else {
        ""
    };
    let digits = number(locale, value.abs(), decimals);
    let sym = symbol(locale, currency);
    match locale {
        Locale::En => format!("{sign}{sym}{digits}"),
        Locale::FrCa | Locale::Ru => format!("{sign}{digits}{NBSP}{sym}"),
    }
}

const MONTHS_EN: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];
const MONTHS_FR: [&str; 12] = [
    "janv.", "févr.", "mars", "avr.", "mai", "juin", "juill.", "août", "sept.", "oct.", "nov.",
    "déc.",
];
const MONTHS_RU: [&str; 12] = [
    "янв.",
    "февр.",
    "мар.",
    "апр.",
    "мая",
    "июн.",
    "июл.",
    "авг.",
    "сент.",
    "окт.",
    "нояб.",
    "дек.",
];

/// "Dec 3, 2026" / "3 déc. 2026" / "3 дек. 2026 г."
pub fn date(locale: Locale, d: Date) -> String {
    let m = d.month() as usize - 1;
    match locale {
        Locale::En => format!("{} {}, {}", MONTHS_EN[m], d.day(), d.year()),
        Locale::FrCa => format!("{} {} {}", d.day(), MONTHS_FR[m], d.year()),
        Locale::Ru => format!("{} {} {} г.", d.day(), MONTHS_RU[m], d.year()),
    }
}

/// A date as a table cell writes it, compact and unbreakable: "11/29/2026" / "2026-11-29" (the
/// Canadian French standard) / "29.11.2026".
pub fn short_date(locale: Locale, d: Date) -> String {
    let (y, m, day) = (d.year(), d.month() as u8, d.day());
    match locale {
        Locale::En => format!("{m:02}/{day:02}/{y}"),
        Locale::FrCa => format!("{y}-{m:02}-{day:02}"),
        Locale::Ru => format!("{day:02}.{m:02}.{y}"),
    }
}

const MONTH_NAMES: [[&str; 12]; 3] = [
    [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
    [
        "janvier",
        "février",
        "mars",
        "avril",
        "mai",
        "juin",
        "juillet",
        "août",
        "septembre",
        "octobre",
        "novembre",
        "décembre",
    ],
    [
        "январь",
        "февраль",
        "март",
        "апрель",
        "май",
        "июнь",
        "июль",
        "август",
        "сентябрь",
        "октябрь",
        "ноябрь",
        "декабрь",
    ],
];

/// A month on its own (statement periods): "October 2026" / "octobre 2026" / "октябрь 2026 г."
pub fn month_year(locale: Locale, year: i32, month: u8) -> String {
    let i = (month.clamp(1, 12) - 1) as usize;
    match locale {
        Locale::En => format!("{} {year}", MONTH_NAMES[0][i]),
        Locale::FrCa => format!("{} {year}", MONTH_NAMES[1][i]),
        Locale::Ru => format!("{} {year} г.", MONTH_NAMES[2][i]),
    }
}

/// A moment at a given offset from UTC: "Nov 21, 2026, 16:53 (UTC−5)" / "21 nov. 2026, 16 h 53
/// (UTC−5)" / "21 нояб. 2026 г., 21:53 (UTC)".
pub fn date_time(locale: Locale, unix: i64, offset_seconds: i32) -> String {
    let Ok(t) = time::OffsetDateTime::from_unix_timestamp(unix + offset_seconds as i64) else {
        return String::new();
    };
    let clock = match locale {
        Locale::FrCa => format!("{} h {:02}", t.hour(), t.minute()),
        _ => format!("{:02}:{:02}", t.hour(), t.minute()),
    };
    format!(
        "{}, {clock} ({})",
        date(locale, t.date()),
        super::zone::offset_label(offset_seconds)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;
    use time::macros::date;

    #[test]
    fn money_follows_the_contract_currency_and_the_language_layout() {
        let m = Money::from_cents(123_456);
        assert_eq!(money(Locale::En, m, "USD"), "$1,234.56");
        assert_eq!(money(Locale::FrCa, m, "CAD"), "1\u{a0}234,56\u{a0}$");
        assert_eq!(money(Locale::FrCa, m, "USD"), "1\u{a0}234,56\u{a0}$ US");
        assert_eq!(money(Locale::Ru, m, "RUB"), "1\u{a0}234,56\u{a0}₽");
        assert_eq!(money(Locale::En, m, "RUB"), "₽1,234.56");
        assert_eq!(
            money(Locale::Ru, Money::from_cents(-5), "USD"),
            "−0,05\u{a0}$"
        );
        assert_eq!(
            money(Locale::En, Money::from_cents(100_000_000), "USD"),
            "$1,000,000.00"
        );
        assert_eq!(number(Locale::FrCa, dec!(5.49), 2), "5,49");
    }

    #[test]
    fn dates_in_each_language() {
        let d = date!(2026 - 12 - 03);
        assert_eq!(date(Locale::En, d), "Dec 3, 2026");
        assert_eq!(date(Locale::FrCa, d), "3 déc. 2026");
        assert_eq!(date(Locale::Ru, d), "3 дек. 2026 г.");
        assert_eq!(short_date(Locale::En, d), "12/03/2026");
        assert_eq!(short_date(Locale::FrCa, d), "2026-12-03");
        assert_eq!(short_date(Locale::Ru, d), "03.12.2026");
        assert_eq!(
            date_time(Locale::FrCa, 1_795_300_380, 0),
            "21 nov. 2026, 22 h 33 (UTC)"
        );
        // Five hours behind, the evening is still the 21st; three ahead, it is the 22nd.
        assert_eq!(
            date_time(Locale::En, 1_795_300_380, -5 * 3600),
            "Nov 21, 2026, 17:33 (UTC−5)"
        );
        assert_eq!(
            date_time(Locale::Ru, 1_795_300_380, 3 * 3600),
            "22 нояб. 2026 г., 01:33 (UTC+3)"
        );
    }

    #[test]
    fn month_and_year_stand_alone() {
        assert_eq!(month_year(Locale::En, 2026, 10), "October 2026");
        assert_eq!(month_year(Locale::FrCa, 2026, 2), "février 2026");
        assert_eq!(month_year(Locale::Ru, 2026, 12), "декабрь 2026 г.");
    }
}
