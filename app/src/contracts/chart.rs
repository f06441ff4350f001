//! A small SVG chart of a contract's balance over its term: the paid part filled, the rest as an
//! outline. Described in words for screen readers.

use crate::components::format;
use crate::domain::Money;
use crate::i18n::{t, tf};
use leptos::prelude::*;
use time::Date;

const W: f64 = 300.0;
const H: f64 = 80.0;

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
    let max = start.amount().max(rust_decimal::Decimal::ONE);
    let n = points.len() as f64;
    let xy = |i: usize, m: Money| {
        use rust_decimal::prelude::ToPrimitive;
        let x = (i as f64 + 1.0) / n * W;
        let y = H - (m.amount() / max).to_f64().unwrap_or(0.0).clamp(0.0, 1.0) * (H - 4.0);
        format!("{x:.1},{y:.1}")
    };
    let line: Vec<String> = std::iter::once(format!("0,{:.1}", 4.0))
        .chain(points.iter().enumerate().map(|(i, (_, m, _))| xy(i, *m)))
        .collect();
    let paid_count = points.iter().filter(|p| p.2).count();
    let paid_area = if paid_count > 0 {
        let mut pts = vec![format!("0,{H}"), "0,4.0".to_string()];
        pts.extend(
            points
                .iter()
                .take(paid_count)
                .enumerate()
                .map(|(i, (_, m, _))| xy(i, *m)),
        );
        pts.push(format!("{:.1},{H}", paid_count as f64 / n * W));
        pts.join(" ")
    } else {
        String::new()
    };
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
            <svg viewBox=format!("0 0 {W} {H}") role="img" aria-label=label.clone() preserveAspectRatio="none">
                <polygon points=paid_area class="chart-paid"></polygon>
                <polyline points=line.join(" ") class="chart-line" fill="none"></polyline>
            </svg>
            <figcaption class="chart-legend" aria-hidden="true">
                <span class="key key-paid"></span>{t(l, "chart-paid")} <span class="key key-left"></span>{t(l, "chart-scheduled-balance")}
            </figcaption>
        </figure>
    }
    .into_any()
}
