//! Request logging that never writes a plan's secret id in full.

use std::sync::{
    Arc,
    atomic::{AtomicU64, Ordering},
};

use axum::http::{HeaderValue, Request};
use tower_http::request_id::{MakeRequestId, RequestId};
use tracing::Span;

/// How many characters of a secret id the log keeps: enough to tell requests apart, far too few
/// to open the plan.
const SHOWN: usize = 4;

/// The request path with plan and share ids cut to their first characters.
pub fn masked_path(path: &str) -> String {
    let mut segments: Vec<String> = path.split('/').map(str::to_owned).collect();
    // A path starts with `/`, so segment 0 is empty and segment 2 is the id after `plans` or `p`.
    let has_secret = match segments.get(1).map(String::as_str) {
        Some("plans") => segments.get(2).is_some_and(|s| !s.is_empty() && s != "new"),
        Some("p") => segments.get(2).is_some_and(|s| !s.is_empty()),
        _ => false,
    };
    if has_secret {
        let shown: String = segments[2].chars().take(SHOWN).collect();
        segments[2] = shown + "…";
    }
    segments.join("/")
}

/// The span each request's log lines belong to: method, masked path, and the request id.
pub fn request_span<B>(request: &Request<B>) -> Span {
    let id = request
        .headers()
        .get("x-request-id")
        .and_then(|v| v.to_str().ok())
        .unwrap_or("-");
    tracing::info_span!(
        "request",
        method = %request.method(),
        path = %masked_path(request.uri().path()),
        id = %id,
    )
}

/// Request ids: a random prefix for this process, then a count. They only need to tell requests
/// apart in the logs, so they are not secret, and a count costs nothing where a fresh UUID costs
/// a call to the system's random generator on every request.
#[derive(Clone, Debug)]
pub struct RequestIds {
    prefix: u32,
    count: Arc<AtomicU64>,
}

impl RequestIds {
    pub fn new() -> RequestIds {
        RequestIds {
            prefix: rand::random(),
            count: Arc::new(AtomicU64::new(0)),
        }
    }
}

impl Default for RequestIds {
    fn default() -> RequestIds {
        RequestIds::new()
    }
}

impl MakeRequestId for RequestIds {
    fn make_request_id<B>(&mut self, _request: &Request<B>) -> Option<RequestId> {
        let n = self.count.fetch_add(1, Ordering::Relaxed);
        let id = format!("{:08x}-{n}", self.prefix);
        HeaderValue::from_str(&id).ok().map(RequestId::new)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plan_and_share_ids_are_cut_to_four_characters() {
        assert_eq!(masked_path("/plans/abcdefghijklmnopqrstuv"), "/plans/abcd…");
        assert_eq!(
            masked_path("/plans/abcdefghijklmnopqrstuv/steps/3"),
            "/plans/abcd…/steps/3"
        );
        assert_eq!(
            masked_path("/p/zyxwvutsrqponmlkjihgfe/plan.ics"),
            "/p/zyxw…/plan.ics"
        );
    }

    #[test]
    fn other_paths_are_left_alone() {
        assert_eq!(masked_path("/plans/new"), "/plans/new");
        assert_eq!(masked_path("/plans"), "/plans");
        assert_eq!(
            masked_path("/guides/job-vs-career"),
            "/guides/job-vs-career"
        );
        assert_eq!(masked_path("/"), "/");
    }

    #[test]
    fn request_ids_differ_and_share_the_process_prefix() {
        let mut ids = RequestIds::new();
        let mut other_clone = ids.clone();
        let request = Request::new(());
        let first = ids.make_request_id(&request).unwrap();
        let second = other_clone.make_request_id(&request).unwrap();
        let (first, second) = (
            first.header_value().to_str().unwrap(),
            second.header_value().to_str().unwrap(),
        );
        assert_ne!(first, second);
        assert_eq!(first.split('-').next(), second.split('-').next());
        assert_eq!(first.split('-').next().unwrap().len(), 8);
    }
}
