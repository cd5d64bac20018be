//! The secrets that name plans: 128 random bits from the OS generator, as 22 URL-safe characters.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};

/// Length of an id: 16 bytes in unpadded base64url.
pub const ID_LEN: usize = 22;

/// A fresh secret id. `rand::random` draws from a CSPRNG seeded by the operating system.
pub fn new_id() -> String {
    URL_SAFE_NO_PAD.encode(rand::random::<[u8; 16]>())
}

/// Whether `s` could be an id at all; anything else is answered with a 404 without a query.
pub fn is_well_formed(s: &str) -> bool {
    s.len() == ID_LEN
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
        && URL_SAFE_NO_PAD
            .decode(s)
            .is_ok_and(|bytes| bytes.len() == 16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn new_ids_are_22_url_safe_characters_and_differ() {
        let a = new_id();
        let b = new_id();

        assert_eq!(a.len(), ID_LEN);
        assert!(is_well_formed(&a));
        assert_ne!(a, b);
    }

    #[test]
    fn ids_of_other_shapes_are_not_well_formed() {
        for bad in [
            "",
            "short",
            "../../etc/passwd",
            "aaaaaaaaaaaaaaaaaaaaa/",
            "ééééééééééé",
            "a%2fbbbbbbbbbbbbbbbbbbb",
        ] {
            assert!(!is_well_formed(bad), "{bad:?}");
        }
        assert!(!is_well_formed(&"a".repeat(23)));
    }
}
