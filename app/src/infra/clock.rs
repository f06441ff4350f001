//! The clock every rule reads (`now`), so tests can move time instead of sleeping.
//!
//! Three clocks: `SystemClock` (production), `ManualClock` (integration tests: time moves only when
//! told) and `OffsetClock` (demo mode with `PORTAL_CLOCK`: wall-clock time shifted to start at a
//! pinned instant, and movable through `/dev/clock`), so the end-to-end suite sees the same demo
//! book on every calendar day.

use std::sync::atomic::{AtomicI64, Ordering};
use std::sync::Mutex;
use time::OffsetDateTime;

pub trait Clock: Send + Sync + 'static {
    fn now(&self) -> OffsetDateTime;

    /// Unix seconds, the form timestamps take in the database.
    fn unix(&self) -> i64 {
        self.now().unix_timestamp()
    }

    /// Moves this clock forward, where it can be moved (not the system clock). Returns whether
    /// it moved.
    fn advance(&self, _by: time::Duration) -> bool {
        false
    }
}

/// Wall-clock time.
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
    }
}

/// A clock that only moves when told to (tests).
pub struct ManualClock(Mutex<OffsetDateTime>);

impl ManualClock {
    pub fn new(start: OffsetDateTime) -> Self {
        ManualClock(Mutex::new(start))
    }

    pub fn advance(&self, by: time::Duration) {
        let mut now = self.0.lock().expect("clock poisoned");
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> OffsetDateTime {
        *self.0.lock().expect("clock poisoned")
    }

    fn advance(&self, by: time::Duration) -> bool {
        ManualClock::advance(self, by);
        true
    }
}

/// Wall-clock time shifted by a fixed offset: it starts at a pinned instant and then runs at the
/// normal speed (sessions and codes still expire), and can be moved forward (demo and tests only).
pub struct OffsetClock {
    offset_nanos: AtomicI64,
}

impl OffsetClock {
    /// A clock that reads `start` now.
    pub fn starting_at(start: OffsetDateTime) -> Self {
        let offset = start - OffsetDateTime::now_utc();
        OffsetClock {
            offset_nanos: AtomicI64::new(offset.whole_nanoseconds() as i64),
        }
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> OffsetDateTime {
        OffsetDateTime::now_utc()
            + time::Duration::nanoseconds(self.offset_nanos.load(Ordering::SeqCst))
    }

    fn advance(&self, by: time::Duration) -> bool {
        self.offset_nanos
            .fetch_add(by.whole_nanoseconds() as i64, Ordering::SeqCst);
        true
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use time::macros::datetime;

    #[test]
    fn offset_clock_starts_at_the_pinned_instant_and_moves_forward() {
        let c = OffsetClock::starting_at(datetime!(2024-02-29 12:00 UTC));
        let first = c.now();
        assert!(first >= datetime!(2024-02-29 12:00 UTC));
        assert!(first < datetime!(2024-02-29 12:01 UTC));
        assert!(c.advance(time::Duration::days(1)));
        let later = c.now();
        assert_eq!(later.date(), time::macros::date!(2024 - 03 - 01));
        assert!(later - first >= time::Duration::days(1));
        assert!(!SystemClock.advance(time::Duration::days(1)));
    }
}
