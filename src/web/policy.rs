//! When to ask a page again: pure rules with the time passed in, so they are tested without a
//! clock. Every 60 s by default or `--every`; never before `Cache-Control: max-age` runs out
//! (capped at the backoff ceiling, so a page served with a year's max-age is still followed);
//! `Retry-After` honoured on 429/503; errors back off exponentially up to 15 minutes; and one
//! host is never asked more often than every 10 s unless `--every` asks for less. Loopback
//! hosts are exempt from that floor.

use super::http::RetryAfter;
use chrono::{DateTime, Utc};
use std::collections::HashMap;
use std::time::{Duration, Instant};

pub const DEFAULT_EVERY: Duration = Duration::from_secs(60);
pub const MAX_BACKOFF: Duration = Duration::from_secs(15 * 60);
pub const HOST_FLOOR: Duration = Duration::from_secs(10);
/// A `Retry-After` further away than this is taken as this: a typo must not silence a story.
pub const MAX_RETRY_AFTER: Duration = Duration::from_secs(24 * 3600);

/// What one poll gave, as far as timing goes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Outcome {
    /// 200 or 304, with the response's `max-age`.
    Ok { max_age: Option<Duration> },
    /// Any failure, with the server's `Retry-After` when it sent one (429/503).
    Failed { retry_after: Option<RetryAfter> },
}

/// The polling rules of one run.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Policy {
    /// `--every`, when given.
    pub every: Option<Duration>,
}

impl Policy {
    /// The regular interval.
    pub fn interval(&self) -> Duration {
        self.every.unwrap_or(DEFAULT_EVERY)
    }

    /// How long to wait after a poll whose outcome is `outcome`, `failures` being the number
    /// of failures in a row including this one (0 after a success). `now` resolves a
    /// `Retry-After` date.
    pub fn delay(&self, outcome: Outcome, failures: u32, now: DateTime<Utc>) -> Duration {
        let base = self.interval();
        match outcome {
            Outcome::Ok { max_age } => max_age.map_or(base, |age| base.max(age.min(MAX_BACKOFF))),
            Outcome::Failed { retry_after } => {
                let ceiling = MAX_BACKOFF.max(base);
                let backoff = base.saturating_mul(1u32 << failures.clamp(1, 16)).min(ceiling);
                match retry_after.map(|r| resolve(r, now)) {
                    Some(wait) => backoff.max(wait.min(MAX_RETRY_AFTER)),
                    None => backoff,
                }
            }
        }
    }

    /// The least time between two requests to one host.
    pub fn host_floor(&self, host: &str) -> Duration {
        if super::is_loopback(host) {
            return Duration::ZERO;
        }
        match self.every {
            Some(every) => every.min(HOST_FLOOR),
            None => HOST_FLOOR,
        }
    }
}

/// How long a `Retry-After` asks to wait from `now`.
pub fn resolve(retry: RetryAfter, now: DateTime<Utc>) -> Duration {
    match retry {
        RetryAfter::Seconds(s) => Duration::from_secs(s),
        RetryAfter::Date(at) => (at - now).to_std().unwrap_or(Duration::ZERO),
    }
}

/// When each host was last asked, so that requests to one host keep their distance.
#[derive(Debug, Default)]
pub struct HostGate {
    last: HashMap<String, Instant>,
}

impl HostGate {
    /// The earliest instant `host` may be asked again.
    pub fn earliest(&self, host: &str, policy: &Policy, now: Instant) -> Instant {
        match self.last.get(host) {
            Some(last) => (*last + policy.host_floor(host)).max(now),
            None => now,
        }
    }

    pub fn asked(&mut self, host: &str, at: Instant) {
        self.last.insert(host.to_string(), at);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn now() -> DateTime<Utc> {
        "2025-03-14T09:56:00Z".parse().unwrap()
    }
    const S: fn(u64) -> Duration = Duration::from_secs;

    #[test]
    fn default_and_every() {
        let p = Policy { every: None };
        assert_eq!(p.delay(Outcome::Ok { max_age: None }, 0, now()), S(60));
        let p = Policy { every: Some(S(30)) };
        assert_eq!(p.delay(Outcome::Ok { max_age: None }, 0, now()), S(30));
    }

    #[test]
    fn max_age_delays_but_is_capped() {
        let p = Policy { every: Some(S(30)) };
        assert_eq!(p.delay(Outcome::Ok { max_age: Some(S(120)) }, 0, now()), S(120));
        assert_eq!(p.delay(Outcome::Ok { max_age: Some(S(10)) }, 0, now()), S(30));
        assert_eq!(p.delay(Outcome::Ok { max_age: Some(S(31_536_000)) }, 0, now()), MAX_BACKOFF);
    }

    #[test]
    fn errors_back_off_exponentially_up_to_fifteen_minutes() {
        let p = Policy { every: None };
        let failed = Outcome::Failed { retry_after: None };
        assert_eq!(p.delay(failed, 1, now()), S(120));
        assert_eq!(p.delay(failed, 2, now()), S(240));
        assert_eq!(p.delay(failed, 3, now()), S(480));
        assert_eq!(p.delay(failed, 4, now()), MAX_BACKOFF);
        assert_eq!(p.delay(failed, 40, now()), MAX_BACKOFF);
        // A slower --every than the ceiling is neither hastened nor slowed by an error.
        let hourly = Policy { every: Some(S(3600)) };
        assert_eq!(hourly.delay(failed, 1, now()), S(3600));
    }

    #[test]
    fn retry_after_in_seconds_or_as_a_date() {
        let p = Policy { every: None };
        let secs = Outcome::Failed { retry_after: Some(RetryAfter::Seconds(600)) };
        assert_eq!(p.delay(secs, 1, now()), S(600));
        let date = Outcome::Failed { retry_after: Some(RetryAfter::Date("2025-03-14T10:26:00Z".parse().unwrap())) };
        assert_eq!(p.delay(date, 1, now()), S(1800));
        // A date in the past: the backoff alone.
        let past = Outcome::Failed { retry_after: Some(RetryAfter::Date("2025-03-14T09:00:00Z".parse().unwrap())) };
        assert_eq!(p.delay(past, 1, now()), S(120));
        let absurd = Outcome::Failed { retry_after: Some(RetryAfter::Seconds(10_000_000)) };
        assert_eq!(p.delay(absurd, 1, now()), MAX_RETRY_AFTER);
    }

    #[test]
    fn one_host_keeps_its_distance_except_on_loopback() {
        let p = Policy { every: None };
        let mut gate = HostGate::default();
        let t0 = Instant::now();
        assert_eq!(gate.earliest("example.org", &p, t0), t0);
        gate.asked("example.org", t0);
        assert_eq!(gate.earliest("example.org", &p, t0 + S(3)), t0 + S(10));
        assert_eq!(gate.earliest("example.org", &p, t0 + S(12)), t0 + S(12));
        assert_eq!(gate.earliest("other.org", &p, t0 + S(1)), t0 + S(1));
        gate.asked("127.0.0.1", t0);
        assert_eq!(gate.earliest("127.0.0.1", &p, t0), t0);
        // --every below the floor is what the user asked for.
        let fast = Policy { every: Some(S(2)) };
        assert_eq!(gate.earliest("example.org", &fast, t0), t0 + S(2));
    }
}
