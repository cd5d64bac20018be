//! What the cross-site check is shown of a request.

use axum::http::{Method, Request, header};

/// Every page is served with `Referrer-Policy: no-referrer`, so browsers send `Origin: null` on
/// the site's own form posts; those that predate `Sec-Fetch-Site` (Safari before 16.4, on phones
/// that can't update) send nothing else. Such a request says nothing about where it came from,
/// so it is judged as one with neither header: allowed. Nothing here rides on ambient
/// credentials (no cookies; a plan's address is its key), so a forged post gains nothing.
/// Requests that do carry `Sec-Fetch-Site`, or a real origin, are judged on those as before.
pub fn forget_null_origin<B>(mut request: Request<B>) -> Request<B> {
    if request.method() != Method::GET
        && request.method() != Method::HEAD
        && !request.headers().contains_key("sec-fetch-site")
        && request
            .headers()
            .get(header::ORIGIN)
            .is_some_and(|origin| origin == "null")
    {
        request.headers_mut().remove(header::ORIGIN);
    }
    request
}

#[cfg(test)]
mod tests {
    use super::*;

    fn post(headers: &[(&str, &str)]) -> Request<()> {
        let mut request = Request::post("/plans");
        for (name, value) in headers {
            request = request.header(*name, *value);
        }
        request.body(()).unwrap()
    }

    #[test]
    fn a_null_origin_alone_is_dropped() {
        let request = forget_null_origin(post(&[("origin", "null")]));
        assert!(request.headers().get(header::ORIGIN).is_none());
    }

    #[test]
    fn a_null_origin_beside_sec_fetch_site_is_kept() {
        let request = forget_null_origin(post(&[
            ("origin", "null"),
            ("sec-fetch-site", "cross-site"),
        ]));
        assert_eq!(request.headers()[header::ORIGIN], "null");
    }

    #[test]
    fn a_real_origin_is_kept() {
        let request = forget_null_origin(post(&[("origin", "https://evil.example")]));
        assert_eq!(request.headers()[header::ORIGIN], "https://evil.example");
    }
}
