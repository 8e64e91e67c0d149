//! The one place records are encoded: `[u16 LE record version][bincode payload]`.
//! bincode is pinned to 2.0.1 (see README); changing the encoder means one migration.

use serde::Serialize;
use serde::de::DeserializeOwned;

/// Why stored bytes could not be read back.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum CodecError {
    #[error("record too short for its version header ({0} bytes)")]
    Short(usize),
    #[error("record version {found} is unknown (this kizuna reads up to {known})")]
    UnknownVersion { found: u16, known: u16 },
    #[error("corrupt record: {0}")]
    Corrupt(String),
    #[error("corrupt record: {0} bytes left over")]
    Trailing(usize),
    #[error("record missing")]
    Missing,
    #[error("cannot encode record: {0}")]
    Encode(String),
}

fn config() -> bincode::config::Configuration {
    bincode::config::standard()
}

/// Encodes a payload under a version header.
pub fn encode<T: Serialize>(version: u16, payload: &T) -> Result<Vec<u8>, CodecError> {
    let mut out = version.to_le_bytes().to_vec();
    let body = bincode::serde::encode_to_vec(payload, config())
        .map_err(|e| CodecError::Encode(e.to_string()))?;
    out.extend_from_slice(&body);
    Ok(out)
}

/// Splits the version header from the payload.
pub fn split(bytes: &[u8]) -> Result<(u16, &[u8]), CodecError> {
    match bytes {
        [a, b, rest @ ..] => Ok((u16::from_le_bytes([*a, *b]), rest)),
        _ => Err(CodecError::Short(bytes.len())),
    }
}

/// The payload of a record that has had one version only: any other is unknown.
pub fn only_version(bytes: &[u8], known: u16) -> Result<&[u8], CodecError> {
    match split(bytes)? {
        (found, payload) if found == known => Ok(payload),
        (found, _) => Err(CodecError::UnknownVersion { found, known }),
    }
}

/// Decodes a whole payload; bytes left over mean the record is not what it claims.
pub fn decode<T: DeserializeOwned>(payload: &[u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::decode_from_slice(payload, config())
        .map_err(|e| CodecError::Corrupt(e.to_string()))?;
    if used != payload.len() {
        return Err(CodecError::Trailing(payload.len() - used));
    }
    Ok(value)
}

/// [`decode`] into a value that borrows its text from the payload instead of copying it.
pub fn decode_borrowed<'a, T: serde::Deserialize<'a>>(payload: &'a [u8]) -> Result<T, CodecError> {
    let (value, used) = bincode::serde::borrow_decode_from_slice(payload, config())
        .map_err(|e| CodecError::Corrupt(e.to_string()))?;
    if used != payload.len() {
        return Err(CodecError::Trailing(payload.len() - used));
    }
    Ok(value)
}

/// Plain bincode of a value without a header, for hashing audit bodies.
pub fn canonical<T: Serialize>(value: &T) -> Result<Vec<u8>, CodecError> {
    bincode::serde::encode_to_vec(value, config()).map_err(|e| CodecError::Encode(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(serde::Serialize, serde::Deserialize, Debug, PartialEq)]
    struct Sample {
        id: String,
        n: u32,
    }

    #[test]
    fn round_trip_with_header() {
        let s = Sample {
            id: "000123".into(),
            n: 7,
        };
        let bytes = encode(1, &s).unwrap();
        assert_eq!(&bytes[..2], &[1, 0]);
        let (version, payload) = split(&bytes).unwrap();
        assert_eq!(version, 1);
        assert_eq!(decode::<Sample>(payload).unwrap(), s);
    }

    #[test]
    fn garbage_is_an_error_not_a_panic() {
        assert_eq!(split(&[1]), Err(CodecError::Short(1)));
        assert!(decode::<Sample>(&[0xff, 0xff, 0xff]).is_err());
        let mut bytes = encode(
            1,
            &Sample {
                id: "a".into(),
                n: 1,
            },
        )
        .unwrap();
        bytes.push(0);
        assert!(matches!(
            decode::<Sample>(&bytes[2..]),
            Err(CodecError::Trailing(1))
        ));
    }
}
