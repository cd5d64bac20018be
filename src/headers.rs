//! The security headers every response carries, set in one place.

use axum::http::{HeaderName, HeaderValue, Response, header};

/// No third-party anything: styles, scripts, images and forms come from this site only, and
/// nothing inline runs or applies. The one script is an enhancement the pages work without; its
/// directive comes last, after the policy the site would have without it.
const CONTENT_SECURITY_POLICY: &str = "default-src 'none'; style-src 'self'; \
     img-src 'self' data:; form-action 'self'; base-uri 'none'; frame-ancestors 'none'; \
     script-src 'self'";

/// Adds the headers; `https` (the `--https` flag) adds Strict-Transport-Security too. A plain
/// function rather than a middleware: it has nothing to await, so it needs no boxed future.
pub fn add_security_headers<B>(mut response: Response<B>, https: bool) -> Response<B> {
    let headers = response.headers_mut();
    let mut set = |name: HeaderName, value: &'static str| {
        headers
            .entry(name)
            .or_insert(HeaderValue::from_static(value));
    };
    set(header::CONTENT_SECURITY_POLICY, CONTENT_SECURITY_POLICY);
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::REFERRER_POLICY, "no-referrer");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("cross-origin-resource-policy"),
        "same-origin",
    );
    if https {
        set(
            header::STRICT_TRANSPORT_SECURITY,
            "max-age=63072000; includeSubDomains",
        );
    }
    response
}
