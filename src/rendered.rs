//! Pages that are the same bytes for everyone, rendered once at start-up and compressed once
//! (gzip and brotli at their best ratio), then answered from memory with an ETag: a visit costs
//! a header check and a copy of a reference-counted buffer, and a repeat visit a 304.

use std::io::Write;

use askama::Template;
use axum::{
    body::Body,
    http::{HeaderMap, HeaderValue, StatusCode, header},
    response::{IntoResponse, Response},
};
use bytes::Bytes;

/// One encoding of a page, with its own validator.
#[derive(Debug, Clone)]
struct Encoded {
    body: Bytes,
    etag: HeaderValue,
    encoding: Option<HeaderValue>,
}

/// A rendered HTML page in plain, gzip and brotli form.
#[derive(Debug, Clone)]
pub struct RenderedPage {
    plain: Encoded,
    gzip: Encoded,
    brotli: Encoded,
}

impl RenderedPage {
    /// Renders and compresses a template once. Fails only on a template bug, which should stop
    /// the start.
    pub fn render(template: &impl Template) -> anyhow::Result<RenderedPage> {
        let html = template.render()?;
        let hash = html.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        });
        let encoded = |body: Vec<u8>, suffix: &str, encoding: Option<&'static str>| {
            Ok::<_, anyhow::Error>(Encoded {
                body: Bytes::from(body),
                etag: HeaderValue::from_str(&format!("\"{hash:016x}{suffix}\""))?,
                encoding: encoding.map(HeaderValue::from_static),
            })
        };
        Ok(RenderedPage {
            gzip: encoded(gzip(html.as_bytes())?, "-gz", Some("gzip"))?,
            brotli: encoded(brotli(html.as_bytes())?, "-br", Some("br"))?,
            plain: encoded(html.into_bytes(), "", None)?,
        })
    }

    /// The HTML as rendered, uncompressed.
    pub fn html(&self) -> &Bytes {
        &self.plain.body
    }

    /// The best encoding the browser accepts, or `304 Not Modified` when it holds it already.
    pub fn respond(&self, request_headers: &HeaderMap) -> Response {
        let accepted = request_headers
            .get(header::ACCEPT_ENCODING)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default();
        let chosen = if accepts(accepted, "br") {
            &self.brotli
        } else if accepts(accepted, "gzip") {
            &self.gzip
        } else {
            &self.plain
        };
        let fresh = request_headers
            .get(header::IF_NONE_MATCH)
            .is_some_and(|tags| etag_matches(tags.as_bytes(), chosen.etag.as_bytes()));
        let mut response = if fresh {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let mut response = Response::new(Body::from(chosen.body.clone()));
            let headers = response.headers_mut();
            headers.insert(
                header::CONTENT_TYPE,
                HeaderValue::from_static("text/html; charset=utf-8"),
            );
            if let Some(encoding) = &chosen.encoding {
                headers.insert(header::CONTENT_ENCODING, encoding.clone());
            }
            response
        };
        let headers = response.headers_mut();
        headers.insert(header::ETAG, chosen.etag.clone());
        headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-cache"));
        headers.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        response
    }
}

fn gzip(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
    encoder.write_all(bytes)?;
    encoder.finish()
}

fn brotli(bytes: &[u8]) -> std::io::Result<Vec<u8>> {
    let mut out = Vec::new();
    {
        let mut encoder = brotli::CompressorWriter::new(&mut out, 4096, 11, 22);
        encoder.write_all(bytes)?;
    }
    Ok(out)
}

/// Whether an `Accept-Encoding` value accepts `coding`: named with a q above zero, or not named
/// and covered by a `*` with a q above zero (the compression layer reads `*` so too, and would
/// otherwise compress the plain page under the plain page's ETag).
fn accepts(header: &str, coding: &str) -> bool {
    let mut wildcard = None;
    for item in header.split(',') {
        let mut parts = item.split(';').map(str::trim);
        let name = parts.next().unwrap_or_default();
        let q = parts
            .find_map(|p| p.strip_prefix("q="))
            .map_or(1.0, |q| q.parse::<f32>().unwrap_or(0.0));
        if name.eq_ignore_ascii_case(coding) {
            return q > 0.0;
        }
        if name == "*" {
            wildcard = Some(q > 0.0);
        }
    }
    wildcard.unwrap_or(false)
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
    use std::io::Read;

    use super::*;

    #[derive(Template)]
    #[template(source = "<p>{{ text }}</p>", ext = "html")]
    struct Snippet<'a> {
        text: &'a str,
    }

    fn request(accept: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(
            header::ACCEPT_ENCODING,
            HeaderValue::from_str(accept).unwrap(),
        );
        headers
    }

    #[test]
    fn if_none_match_accepts_lists_weak_tags_and_star() {
        assert!(etag_matches(b"\"a\"", b"\"a\""));
        assert!(etag_matches(b"\"x\", W/\"a\"", b"\"a\""));
        assert!(etag_matches(b"*", b"\"a\""));
        assert!(!etag_matches(b"\"b\"", b"\"a\""));
        assert!(!etag_matches(&[0xff, 0xfe], b"\"a\""));
    }

    #[test]
    fn accept_encoding_honours_names_and_zero_quality() {
        assert!(accepts("gzip, deflate, br", "br"));
        assert!(accepts("GZIP;q=0.5", "gzip"));
        assert!(!accepts("br;q=0, gzip", "br"));
        assert!(accepts("*", "br"));
        assert!(!accepts("br;q=0, *", "br"));
        assert!(!accepts("*;q=0", "gzip"));
        assert!(!accepts("identity", "gzip"));
    }

    #[test]
    fn the_page_is_served_in_the_best_accepted_encoding_and_decodes_to_the_html() {
        let page = RenderedPage::render(&Snippet { text: "hello" }).unwrap();

        let brotli = page.respond(&request("gzip, br"));
        let gzip = page.respond(&request("gzip"));
        let plain = page.respond(&HeaderMap::new());

        assert_eq!(brotli.headers()[header::CONTENT_ENCODING], "br");
        assert_eq!(gzip.headers()[header::CONTENT_ENCODING], "gzip");
        assert!(plain.headers().get(header::CONTENT_ENCODING).is_none());
        assert_ne!(brotli.headers()[header::ETAG], gzip.headers()[header::ETAG]);
        let mut decoded = String::new();
        flate2::read::GzDecoder::new(&page.gzip.body[..])
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, "<p>hello</p>");
        let mut decoded = String::new();
        brotli::Decompressor::new(&page.brotli.body[..], 4096)
            .read_to_string(&mut decoded)
            .unwrap();
        assert_eq!(decoded, "<p>hello</p>");
    }
}
