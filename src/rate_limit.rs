//! A per-client limit on writes: creating plans, and every other POST. Reads are never limited.

use std::{net::IpAddr, num::NonZeroU32, sync::Arc, time::Duration};

use axum::{
    extract::{ConnectInfo, Request, State},
    http::{HeaderValue, Method, StatusCode, header},
    middleware::Next,
    response::Response,
};
use governor::{
    DefaultKeyedRateLimiter, Quota, RateLimiter,
    clock::{Clock, DefaultClock},
};

use crate::error::ErrorPage;

/// The two buckets each client address gets.
#[derive(Debug)]
pub struct Limits {
    creates: DefaultKeyedRateLimiter<IpAddr>,
    writes: DefaultKeyedRateLimiter<IpAddr>,
}

/// Keys kept before idle clients are forgotten, so the table cannot grow without bound.
const MAX_TRACKED: usize = 100_000;

impl Limits {
    /// Thirty new plans at once, then one every six seconds; two hundred other writes at once,
    /// then five a second. Generous for a person, tight for a script filling the database.
    pub fn new() -> Limits {
        let per = |period: Duration, burst: u32| {
            Quota::with_period(period)
                .expect("non-zero period")
                .allow_burst(NonZeroU32::new(burst).expect("non-zero burst"))
        };
        Limits {
            creates: RateLimiter::keyed(per(Duration::from_secs(6), 30)),
            writes: RateLimiter::keyed(per(Duration::from_millis(200), 200)),
        }
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::new()
    }
}

/// Answers 429 with `Retry-After` when the client's bucket for this kind of write is empty. With
/// `--rate-limit off` the layer is not added at all.
pub async fn limit_writes(
    State(limits): State<Arc<Limits>>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() != Method::POST {
        return next.run(request).await;
    }
    // Without a peer address (a server built without connect info) all clients share one key.
    let client = request
        .extensions()
        .get::<ConnectInfo<std::net::SocketAddr>>()
        .map_or(IpAddr::from([0, 0, 0, 0]), |info| info.0.ip());
    let limiter = if request.uri().path() == "/plans" {
        &limits.creates
    } else {
        &limits.writes
    };
    if limiter.len() > MAX_TRACKED {
        limiter.retain_recent();
    }
    match limiter.check_key(&client) {
        Ok(()) => next.run(request).await,
        Err(not_until) => {
            let wait = not_until.wait_time_from(DefaultClock::default().now());
            too_many_requests(wait.as_secs().max(1))
        }
    }
}

fn too_many_requests(retry_after: u64) -> Response {
    let mut response =
        ErrorPage::for_status(StatusCode::TOO_MANY_REQUESTS).into_response_with_status();
    if let Ok(value) = HeaderValue::from_str(&retry_after.to_string()) {
        response.headers_mut().insert(header::RETRY_AFTER, value);
    }
    response
}
