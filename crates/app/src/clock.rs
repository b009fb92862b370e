//! The clock: the one place the application learns what time it is.
//!
//! Everything that needs "now" (deadlines, reminders, expiry, when a job runs) asks
//! the [`Context`](crate::Context)'s clock, never the system directly, so a test can
//! set the time, move it across a clock change, or let a lease run out without
//! waiting.

use std::sync::{Arc, Mutex};

use chrono::{DateTime, Duration, Utc};

/// What time it is: the system's, or one a test sets.
#[derive(Debug, Clone, Default)]
pub enum Clock {
    /// The system clock.
    #[default]
    System,
    /// A time set by hand, shared by every clone, moved only when told.
    Set(Arc<Mutex<DateTime<Utc>>>),
}

impl Clock {
    /// A clock stopped at `at`.
    pub fn set(at: DateTime<Utc>) -> Clock {
        Clock::Set(Arc::new(Mutex::new(at)))
    }

    /// Now, to the whole second (the one form times are stored in).
    pub fn now(&self) -> DateTime<Utc> {
        let t = match self {
            Clock::System => Utc::now(),
            Clock::Set(t) => *t.lock().unwrap_or_else(|p| p.into_inner()),
        };
        coproduce_domain::time::truncate(t)
    }

    /// Moves a set clock to `at`; the system clock cannot be moved.
    pub fn move_to(&self, at: DateTime<Utc>) {
        if let Clock::Set(t) = self {
            *t.lock().unwrap_or_else(|p| p.into_inner()) = at;
        }
    }

    /// Moves a set clock on by `by`.
    pub fn advance(&self, by: Duration) {
        if let Clock::Set(t) = self {
            let mut t = t.lock().unwrap_or_else(|p| p.into_inner());
            *t += by;
        }
    }
}
