//! The payments benchmark (`server bench-payments`, scripts/bench-payments.sh) at a small N on the
//! suite's database, so its code cannot rot: the same seeding, jobs, checks and raw insert as the
//! 100,000-autopay run, asserting what it counted rather than how fast it was.

use crate::common::db_kind;
use server::bench::{run, Target};

#[tokio::test]
async fn the_payments_benchmark_drafts_submits_and_posts_every_autopay_it_seeds() {
    let target = if db_kind() == "postgres" {
        Target::Postgres {
            admin_url: std::env::var("PORTAL_TEST_PG_URL")
                .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/test".into()),
        }
    } else {
        Target::Sqlite
    };
    let n = 50;
    let r = run(n, &target).await.expect("the benchmark runs");
    assert_eq!(r.n, n);
    assert_eq!(r.counts.drafts, 50, "{:?}", r.counts);
    assert_eq!(r.counts.posted, 50, "{:?}", r.counts);
    assert_eq!(r.counts.unallocated, 0, "{:?}", r.counts);
    assert_eq!(r.counts.advanced, 50, "{:?}", r.counts);
    assert_eq!(r.raw_rows, 50);
    assert!(r.drafts_per_sec() > 0.0 && r.raw_rows_per_sec() > 0.0);
    let text = r.text();
    assert!(
        text.contains("50 drafts, 50 posted, 0 without allocation"),
        "{text}"
    );
    assert!(text.contains("ratio"), "{text}");
    assert!(text.contains("peak RSS"), "{text}");
}
