//! Reading an urlencoded form body as ordered pairs, with clear error pages for what is not one.

use axum::{
    body::Bytes,
    extract::{FromRequest, FromRequestParts, Path, Request},
    http::{header, request::Parts},
};
use percent_encoding::percent_decode;
use serde::de::DeserializeOwned;

use crate::error::AppError;

/// The fields of a form in the order sent, repeats kept (check-boxes and rungs repeat).
#[derive(Debug, Clone, Default)]
pub struct FormPairs(pub Vec<(String, String)>);

impl FormPairs {
    /// The first value of a field.
    pub fn get(&self, name: &str) -> Option<&str> {
        self.0
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    }

    /// True when a field came more than once.
    pub fn sent_twice(&self, name: &str) -> bool {
        self.0.iter().filter(|(k, _)| k == name).nth(1).is_some()
    }
}

impl<S: Send + Sync> FromRequest<S> for FormPairs {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        let is_form = request
            .headers()
            .get(header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.split(';').next())
            .is_some_and(|v| {
                v.trim()
                    .eq_ignore_ascii_case("application/x-www-form-urlencoded")
            });
        if !is_form {
            return Err(AppError::UnsupportedMediaType);
        }
        let body =
            Bytes::from_request(request, state)
                .await
                .map_err(|rejection| match rejection.status().as_u16() {
                    413 => AppError::PayloadTooLarge,
                    _ => AppError::BadRequest,
                })?;
        decode(&body).map(FormPairs).ok_or(AppError::BadRequest)
    }
}

/// The press of a button whose form has no fields (delete, a new share link): an empty body, or
/// an urlencoded one. A body of any other kind gets 415 like every form, and changes nothing.
#[derive(Debug, Clone, Copy)]
pub struct ButtonPress;

impl<S: Send + Sync> FromRequest<S> for ButtonPress {
    type Rejection = AppError;

    async fn from_request(request: Request, state: &S) -> Result<Self, Self::Rejection> {
        if request.headers().contains_key(header::CONTENT_TYPE) {
            FormPairs::from_request(request, state).await?;
            return Ok(ButtonPress);
        }
        let body = Bytes::from_request(request, state)
            .await
            .map_err(|_| AppError::BadRequest)?;
        if body.is_empty() {
            Ok(ButtonPress)
        } else {
            Err(AppError::UnsupportedMediaType)
        }
    }
}

/// Path parameters where any that cannot be read (not UTF-8, not a number) means the page does
/// not exist: a 404 like any other unknown address, never a 400 that tells ids apart.
#[derive(Debug, Clone)]
pub struct PathParams<T>(pub T);

impl<S: Send + Sync, T: DeserializeOwned + Send> FromRequestParts<S> for PathParams<T> {
    type Rejection = AppError;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        Path::<T>::from_request_parts(parts, state)
            .await
            .map(|Path(params)| PathParams(params))
            .map_err(|_| AppError::NotFound)
    }
}

/// Decodes `a=1&b=x+y`; `None` when a name or value is not UTF-8 once decoded. A `%` that does not
/// start a valid escape is kept as typed, as browsers and most servers do.
pub fn decode(body: &[u8]) -> Option<Vec<(String, String)>> {
    body.split(|&b| b == b'&')
        .filter(|part| !part.is_empty())
        .map(|part| {
            let mut halves = part.splitn(2, |&b| b == b'=');
            let name = field(halves.next().unwrap_or_default())?;
            let value = field(halves.next().unwrap_or_default())?;
            Some((name, value))
        })
        .collect()
}

fn field(raw: &[u8]) -> Option<String> {
    let spaced: Vec<u8> = raw
        .iter()
        .map(|&b| if b == b'+' { b' ' } else { b })
        .collect();
    String::from_utf8(percent_decode(&spaced).collect()).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_keep_order_repeats_and_decode_plus_and_percent() {
        let pairs = decode(b"rung=A+b&rung=%C3%A9&x=&flag").unwrap();

        assert_eq!(
            pairs,
            [
                ("rung".into(), "A b".into()),
                ("rung".into(), "é".into()),
                ("x".into(), String::new()),
                ("flag".into(), String::new())
            ]
        );
    }

    #[test]
    fn invalid_utf8_is_refused_and_a_stray_percent_is_kept() {
        assert!(decode(b"current=%FF%FE").is_none());
        assert!(decode(b"current=\xff").is_none());
        assert_eq!(decode(b"current=100%").unwrap()[0].1, "100%");
        assert_eq!(decode(b"current=%zz").unwrap()[0].1, "%zz");
    }
}
