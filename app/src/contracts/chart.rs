//! A small SVG chart of a contract's balance over its term: the paid part filled, the rest as an
//! outline. Described in words for screen readers.

use crate::components::format;
use crate::domain::Money;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use time::Date;

/// The chart's width and height, in tenths of a unit of its view box (300 × 80).
const W10: i64 = 3_000;
const H10: i64 = 800;
/// The line's top, in tenths below the upper edge (the start balance).
const TOP10: i64 = 40;

/// `a / b` rounded half up, for non-negative `a` and positive `b`.
fn rounded_div(a: i64, b: i64) -> i64 {
    (2 * a + b) / (2 * b)
}

/// Writes `v` tenths as the SVG reads it: "12.3".
fn push_tenths(out: &mut String, v: i64) {
    use std::fmt::Write;
    let _ = write!(out, "{}.{}", v / 10, v % 10);
}

/// The point of instalment `i` of `n` with `cents` left of `max_cents` ("x,y", in the view
/// box's units). Integer arithmetic throughout: a card draws a point per instalment, and float
/// formatting showed in the dashboard's profile.
fn push_point(out: &mut String, i: usize, n: usize, cents: i64, max_cents: i64) {
    let x = rounded_div((i as i64 + 1) * W10, n as i64);
    let y = H10 - rounded_div(cents.clamp(0, max_cents) * (H10 - TOP10), max_cents);
    out.push(' ');
    push_tenths(out, x);
    out.push(',');
    push_tenths(out, y);
}

/// The balance line and the paid area's outline (empty when nothing is paid yet), as SVG points.
fn outlines(balances: &[(Money, bool)], start: Money) -> (String, String) {
    let n = balances.len();
    let max = start.cents().max(100);
    let mut line = String::from("0,4.0");
    for (i, (m, _)) in balances.iter().enumerate() {
        push_point(&mut line, i, n, m.cents(), max);
    }
    let paid_count = balances.iter().filter(|p| p.1).count();
    let mut paid = String::new();
    if paid_count > 0 {
        paid.push_str("0,80 0,4.0");
        for (i, (m, _)) in balances.iter().take(paid_count).enumerate() {
            push_point(&mut paid, i, n, m.cents(), max);
        }
        paid.push(' ');
        push_tenths(&mut paid, rounded_div(paid_count as i64 * W10, n as i64));
        paid.push_str(",80");
    }
    (line, paid)
}

#[component]
pub fn BalanceChart(
    points: Vec<(Date, Money, bool)>,
    #[prop(into)] currency: String,
    #[prop(into)] start: Money,
) -> impl IntoView {
    let l = crate::i18n::current();
    if points.is_empty() {
        return ().into_any();
    }
    let balances: Vec<(Money, bool)> = points.iter().map(|p| (p.1, p.2)).collect();
    let (line, paid_area) = outlines(&balances, start);
    let paid_count = points.iter().filter(|p| p.2).count();
    let current = paid_count
        .checked_sub(1)
        .and_then(|i| points.get(i))
        .map(|p| p.1)
        .unwrap_or(start);
    let end = points.last().map(|p| p.0);
    let financed = format::money(start, &currency);
    let left = format::money(current, &currency);
    let label = match end {
        Some(d) => tf(
            l,
            "chart-label-ending",
            &[
                ("financed", financed.into()),
                ("left", left.into()),
                ("paid", paid_count.into()),
                ("total", points.len().into()),
                ("end", format::date(d).into()),
            ],
        ),
        None => tf(
            l,
            "chart-label",
            &[
                ("financed", financed.into()),
                ("left", left.into()),
                ("paid", paid_count.into()),
                ("total", points.len().into()),
            ],
        ),
    };
    view! {
        <figure class="balance-chart">
            <svg viewBox="0 0 300 80" role="img" aria-label=label.clone() preserveAspectRatio="none">
                <polygon points=paid_area class="chart-paid"></polygon>
                <polyline points=line class="chart-line" fill="none"></polyline>
            </svg>
            <figcaption class="chart-legend" aria-hidden="true">
                <span class="key key-paid"></span>{t(l, "chart-paid")} <span class="key key-left"></span>{t(l, "chart-scheduled-balance")}
            </figcaption>
        </figure>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn points_are_written_in_tenths_rounded_half_up() {
        let start = Money::from_cents(1_000_000);
        // Three instalments: 7,500.00 then 2,500.00 left (both paid), then nothing.
        let balances = [
            (Money::from_cents(750_000), true),
            (Money::from_cents(250_000), true),
            (Money::ZERO, false),
        ];
        let (line, paid) = outlines(&balances, start);
        // x: 100, 200, 300; y: 80 − share × 76 → 23.0, 61.0, 80.0.
        assert_eq!(line, "0,4.0 100.0,23.0 200.0,61.0 300.0,80.0");
        assert_eq!(paid, "0,80 0,4.0 100.0,23.0 200.0,61.0 200.0,80");
        // Seven instalments: x = 300/7 = 42.857… → 42.9; a balance of 1/3 → y = 80 − 25.33… = 54.7.
        let (line, paid) = outlines(&[(Money::from_cents(333_333), false); 7], start);
        assert!(line.starts_with("0,4.0 42.9,54.7 85.7,54.7"), "{line}");
        assert_eq!(paid, "", "nothing paid, no area");
        // Half a tenth rounds up: the first of 80 instalments sits at 300 / 80 = 3.75 → 3.8.
        let (line, _) = outlines(&vec![(start, false); 80], start);
        assert!(line.starts_with("0,4.0 3.8,4.0 7.5,4.0"), "{line}");
    }

    #[test]
    fn a_balance_above_the_start_or_below_zero_stays_inside_the_chart() {
        let start = Money::from_cents(10_000);
        let (line, _) = outlines(
            &[
                (Money::from_cents(20_000), false),
                (Money::from_cents(-5), false),
            ],
            start,
        );
        assert_eq!(line, "0,4.0 150.0,4.0 300.0,80.0");
    }
}
