//! The secrets that name plans: 128 random bits from the OS generator, as 22 URL-safe characters.

use base64::{Engine, engine::general_purpose::URL_SAFE_NO_PAD};
use sha2::{Digest, Sha256};

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

/// A fixed fingerprint of `parts` (SHA-256, first 128 bits, as 32 hex digits): the same parts
/// give the same fingerprint, and it cannot be turned back into them. Each part's length goes in
/// first, so no two different lists of parts hash the same bytes.
pub fn fingerprint<'a>(parts: impl IntoIterator<Item = &'a str>) -> String {
    let mut hash = Sha256::new();
    for part in parts {
        hash.update(part.len().to_le_bytes());
        hash.update(part.as_bytes());
    }
    hash.finalize()[..16]
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A fresh one-time key for the planner form: the time in milliseconds (12 hex digits) and then
/// 128 random bits. It is as hard to guess as an id, and keys issued close in time sort close
/// together, so storing them touches few pages of their index.
pub fn new_form_key() -> String {
    let millis = time::OffsetDateTime::now_utc().unix_timestamp_nanos() / 1_000_000;
    format!("{:012x}{}", millis & 0xffff_ffff_ffff, new_id())
}

/// Whether `s` can be a form's one-time key: 16 to 64 URL-safe characters. Keys come from
/// `new_form_key`, but a client may make its own; a guessable one puts only the plan that
/// client made at risk.
pub fn is_form_key(s: &str) -> bool {
    (16..=64).contains(&s.len())
        && s.bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_fingerprint_is_fixed_and_tells_where_parts_split() {
        let one = fingerprint(["ab", "c"]);
        assert_eq!(one.len(), 32);
        assert!(one.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_eq!(one, fingerprint(["ab", "c"]));
        assert_ne!(one, fingerprint(["a", "bc"]));
        assert_ne!(one, fingerprint(["abc"]));
    }

    #[test]
    fn new_ids_are_22_url_safe_characters_and_differ() {
        let a = new_id();
        let b = new_id();

        assert_eq!(a.len(), ID_LEN);
        assert!(is_well_formed(&a));
        assert_ne!(a, b);
    }

    #[test]
    fn form_keys_are_accepted_back_and_later_ones_sort_after_earlier_ones() {
        let first = new_form_key();
        std::thread::sleep(std::time::Duration::from_millis(2));
        let second = new_form_key();

        assert_eq!(first.len(), 34);
        assert!(is_form_key(&first) && is_form_key(&new_id()));
        assert!(first < second, "{first} then {second}");
        assert!(!is_form_key("short") && !is_form_key(&"a".repeat(65)));
        assert!(!is_form_key("aaaaaaaaaaaaaaaaaaaa/"));
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
