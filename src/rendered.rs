//! Pages that are the same bytes for every visitor, rendered once at start-up and answered from
//! memory with an ETag, so a repeat visit costs a 304 and no rendering at all.

use askama::Template;
use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use bytes::Bytes;

/// A rendered HTML page and its validator.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    html: Bytes,
    etag: HeaderValue,
}

impl RenderedPage {
    /// Renders a template once. Fails only on a template bug, which should stop the start.
    pub fn render(template: &impl Template) -> anyhow::Result<RenderedPage> {
        let html = template.render()?;
        let hash = html.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        Ok(RenderedPage {
            html: Bytes::from(html),
            etag: HeaderValue::from_str(&format!("\"{hash:016x}\""))?,
        })
    }

    pub fn html(&self) -> &Bytes {
        &self.html
    }

    /// The page, or `304 Not Modified` when the browser already holds these bytes.
    pub fn respond(&self, request_headers: &HeaderMap) -> Response {
        let fresh = request_headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| etag_matches(tags.as_bytes(), self.etag.as_bytes()));
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut response = Response::new(Body::from(self.html.clone()));
            response.headers_mut().insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            response
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, self.etag.clone());
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        response
    }
}

/// Whether an `If-None-Match` list names `etag` (or is `*`). Weak tags compare equal, as the
/// weak comparison that RFC 9110 prescribes for `If-None-Match`.
fn etag_matches(list: &[u8], etag: &[u8]) -> bool {
    let Ok(list) = std::str::from_utf8(list) else {
        return false;
    };
    let etag = std::str::from_utf8(etag).unwrap_or_default();
    list.split(',').map(str::trim).any(|tag| {
        let tag = tag.strip_prefix("W/").unwrap_or(tag);
        tag == "*" || tag == etag
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        assert!(etag_matches(b"\"a\"", b"\"a\""));
        assert!(etag_matches(b"\"x\", W/\"a\"", b"\"a\""));
        assert!(etag_matches(b"*", b"\"a\""));
        assert!(!etag_matches(b"\"b\"", b"\"a\""));
        assert!(!etag_matches(&[0xff, 0xfe], b"\"a\""));
    }
}
