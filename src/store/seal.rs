//! The primitives of sealed records, each from a well-kept library:
//! - record contents: XChaCha20-Poly1305 under a random 256-bit key per case, with a
//!   random 192-bit nonce and the record's identity bound as associated data;
//! - key wrapping for a holder or for a domain's recovery key: age's X25519 recipients;
//! - a holder's private key at rest: XChaCha20-Poly1305 under a key derived from their
//!   passphrase with argon2id (parameters stored beside it);
//! - blinded slot tags: HMAC-SHA256 under a domain secret, so the file alone does not
//!   say whose wrapped key is whose.
//!
//! Secrets live in [`Zeroizing`] buffers or in types that wipe themselves when dropped.

use std::str::FromStr;

use age::secrecy::ExposeSecret;
use chacha20poly1305::aead::{Aead, KeyInit, Payload};
use chacha20poly1305::{XChaCha20Poly1305, XNonce};
use hmac::{Hmac, Mac};
use sha2::Sha256;
use zeroize::Zeroizing;

/// Why a sealing operation failed.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum SealError {
    #[error("the system's random source failed")]
    Random,
    #[error("the passphrase does not open this key")]
    WrongPassphrase,
    #[error("sealed data does not open with this key: damaged or not meant for it")]
    Damaged,
    #[error("the recovery key is not valid")]
    BadRecoveryKey,
    #[error("key derivation parameters rejected: {0}")]
    Params(String),
    #[error("wrapping a key failed: {0}")]
    Wrap(String),
}

const NONCE: usize = 24;

/// Fills a buffer from the operating system's random source.
pub fn random(buf: &mut [u8]) -> Result<(), SealError> {
    getrandom::getrandom(buf).map_err(|_| SealError::Random)
}

/// A 256-bit symmetric key: a case's key or a domain's tag secret.
pub struct SecretKey(Zeroizing<[u8; 32]>);

impl SecretKey {
    pub fn generate() -> Result<SecretKey, SealError> {
        let mut k = Zeroizing::new([0u8; 32]);
        random(k.as_mut())?;
        Ok(SecretKey(k))
    }

    fn from_slice(bytes: &[u8]) -> Result<SecretKey, SealError> {
        let arr: [u8; 32] = bytes.try_into().map_err(|_| SealError::Damaged)?;
        Ok(SecretKey(Zeroizing::new(arr)))
    }

    pub fn duplicate(&self) -> SecretKey {
        SecretKey(Zeroizing::new(*self.0))
    }
}

/// Encrypts `plain` under `key`, binding `aad`: `[24-byte nonce][ciphertext and tag]`.
pub fn seal(key: &SecretKey, aad: &[u8], plain: &[u8]) -> Result<Vec<u8>, SealError> {
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    let mut nonce = [0u8; NONCE];
    random(&mut nonce)?;
    let body = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: plain, aad })
        .map_err(|_| SealError::Damaged)?;
    let mut out = Vec::with_capacity(NONCE + body.len());
    out.extend_from_slice(&nonce);
    out.extend_from_slice(&body);
    Ok(out)
}

/// Decrypts what [`seal`] made with the same key and `aad`.
pub fn open(key: &SecretKey, aad: &[u8], sealed: &[u8]) -> Result<Zeroizing<Vec<u8>>, SealError> {
    if sealed.len() < NONCE {
        return Err(SealError::Damaged);
    }
    let (nonce, body) = sealed.split_at(NONCE);
    let cipher = XChaCha20Poly1305::new(key.0.as_ref().into());
    cipher
        .decrypt(XNonce::from_slice(nonce), Payload { msg: body, aad })
        .map(Zeroizing::new)
        .map_err(|_| SealError::Damaged)
}

/// A key pair for wrapping keys: a holder's own, or a domain's recovery key.
pub struct KeyPair(age::x25519::Identity);

impl KeyPair {
    pub fn generate() -> KeyPair {
        KeyPair(age::x25519::Identity::generate())
    }

    /// The public half, as text (`age1…`).
    pub fn public(&self) -> String {
        self.0.to_public().to_string()
    }

    /// The private half as text (`AGE-SECRET-KEY-1…`), to be printed once for the safe.
    pub fn secret_text(&self) -> Zeroizing<String> {
        Zeroizing::new(self.0.to_string().expose_secret().to_string())
    }

    /// Reads a private half typed back from paper: spaces, line breaks and case are
    /// forgiven.
    pub fn from_secret_text(text: &str) -> Result<KeyPair, SealError> {
        let compact: Zeroizing<String> = Zeroizing::new(
            text.chars()
                .filter(|c| !c.is_whitespace())
                .collect::<String>()
                .to_uppercase(),
        );
        age::x25519::Identity::from_str(&compact)
            .map(KeyPair)
            .map_err(|_| SealError::BadRecoveryKey)
    }

    /// Unwraps a key wrapped for this pair; `None` when it was wrapped for another.
    pub fn unwrap_key(&self, wrapped: &[u8]) -> Result<Option<SecretKey>, SealError> {
        match age::decrypt(&self.0, wrapped) {
            Ok(plain) => {
                let plain = Zeroizing::new(plain);
                SecretKey::from_slice(&plain).map(Some)
            }
            Err(age::DecryptError::NoMatchingKeys) => Ok(None),
            Err(_) => Err(SealError::Damaged),
        }
    }
}

/// Wraps a key for the holder of the public key `recipient` (`age1…`).
pub fn wrap_key(key: &SecretKey, recipient: &str) -> Result<Vec<u8>, SealError> {
    let to =
        age::x25519::Recipient::from_str(recipient).map_err(|e| SealError::Wrap(e.to_string()))?;
    age::encrypt(&to, key.0.as_ref()).map_err(|e| SealError::Wrap(e.to_string()))
}

/// The argon2id parameters a private key was protected with.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct KdfParams {
    /// Memory in KiB.
    pub memory_kib: u32,
    pub passes: u32,
    pub lanes: u32,
}

impl KdfParams {
    /// What new keys use: 64 MiB, 3 passes, one lane (above the crate's defaults of
    /// 19 MiB and 2 passes).
    pub const DEFAULT: KdfParams = KdfParams {
        memory_kib: 64 * 1024,
        passes: 3,
        lanes: 1,
    };

    /// Whether these meet the floor: at least 64 MiB and 3 passes.
    pub fn strong_enough(self) -> bool {
        self.memory_kib >= KdfParams::DEFAULT.memory_kib && self.passes >= KdfParams::DEFAULT.passes
    }

    /// Whether stored parameters are usable: at the floor, and not so large that a
    /// rewritten file could exhaust the machine (4 GiB, 64 passes, 16 lanes at most).
    pub fn plausible(self) -> bool {
        self.strong_enough()
            && self.memory_kib <= 4 * 1024 * 1024
            && self.passes <= 64
            && (1..=16).contains(&self.lanes)
    }

    fn derive(self, passphrase: &[u8], salt: &[u8]) -> Result<SecretKey, SealError> {
        let params = argon2::Params::new(self.memory_kib, self.passes, self.lanes, Some(32))
            .map_err(|e| SealError::Params(e.to_string()))?;
        let kdf = argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params);
        let mut out = Zeroizing::new([0u8; 32]);
        kdf.hash_password_into(passphrase, salt, out.as_mut())
            .map_err(|e| SealError::Params(e.to_string()))?;
        Ok(SecretKey(out))
    }
}

/// A private key encrypted under a passphrase.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Protected {
    pub params: KdfParams,
    pub salt: [u8; 16],
    pub sealed: Vec<u8>,
}

fn holder_aad(account: &str) -> Vec<u8> {
    [b"kizuna holder key 1|".as_slice(), account.as_bytes()].concat()
}

/// Encrypts a holder's private key under their passphrase.
pub fn protect(
    pair: &KeyPair,
    account: &str,
    passphrase: &[u8],
    params: KdfParams,
) -> Result<Protected, SealError> {
    let mut salt = [0u8; 16];
    random(&mut salt)?;
    let key = params.derive(passphrase, &salt)?;
    let secret = pair.secret_text();
    let sealed = seal(&key, &holder_aad(account), secret.as_bytes())?;
    Ok(Protected {
        params,
        salt,
        sealed,
    })
}

/// Opens a holder's private key with their passphrase.
pub fn unprotect(
    protected: &Protected,
    account: &str,
    passphrase: &[u8],
) -> Result<KeyPair, SealError> {
    if !protected.params.plausible() {
        return Err(SealError::Damaged);
    }
    let key = protected.params.derive(passphrase, &protected.salt)?;
    let plain = open(&key, &holder_aad(account), &protected.sealed)
        .map_err(|_| SealError::WrongPassphrase)?;
    let text = std::str::from_utf8(&plain).map_err(|_| SealError::Damaged)?;
    KeyPair::from_secret_text(text).map_err(|_| SealError::Damaged)
}

/// The blinded tag of a holder's slot: only those who hold the domain secret can tell
/// which slot is whose.
pub fn slot_tag(domain_secret: &SecretKey, holder: &str) -> String {
    let mut mac = match <Hmac<Sha256> as Mac>::new_from_slice(domain_secret.0.as_ref()) {
        Ok(m) => m,
        // HMAC takes a key of any length, so this arm is never taken.
        Err(_) => return String::new(),
    };
    mac.update(holder.as_bytes());
    let out = mac.finalize().into_bytes();
    out.iter().take(12).map(|b| format!("{b:02x}")).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn seal_binds_key_and_associated_data() {
        let key = SecretKey::generate().unwrap();
        let sealed = seal(&key, b"health/abc", "休職の記録".as_bytes()).unwrap();
        assert_eq!(
            &*open(&key, b"health/abc", &sealed).unwrap(),
            "休職の記録".as_bytes()
        );
        assert_eq!(open(&key, b"health/abd", &sealed), Err(SealError::Damaged));
        let other = SecretKey::generate().unwrap();
        assert_eq!(
            open(&other, b"health/abc", &sealed),
            Err(SealError::Damaged)
        );
        let mut bent = sealed.clone();
        let last = bent.len() - 1;
        bent[last] ^= 1;
        assert_eq!(open(&key, b"health/abc", &bent), Err(SealError::Damaged));
        assert_eq!(open(&key, b"", &[1, 2]), Err(SealError::Damaged));
    }

    #[test]
    fn wrapped_keys_open_only_for_their_holder() {
        let alice = KeyPair::generate();
        let bob = KeyPair::generate();
        let key = SecretKey::generate().unwrap();
        let wrapped = wrap_key(&key, &alice.public()).unwrap();
        let back = alice.unwrap_key(&wrapped).unwrap().unwrap();
        assert_eq!(*back.0, *key.0);
        assert!(bob.unwrap_key(&wrapped).unwrap().is_none());
        assert!(alice.unwrap_key(b"not age").is_err());
    }

    #[test]
    fn recovery_text_reads_back_with_spaces_and_lower_case() {
        let pair = KeyPair::generate();
        let text = pair.secret_text();
        let spaced: String = text
            .to_lowercase()
            .chars()
            .enumerate()
            .flat_map(|(i, c)| {
                if i > 0 && i % 8 == 0 {
                    vec![' ', c]
                } else {
                    vec![c]
                }
            })
            .collect();
        let back = KeyPair::from_secret_text(&spaced).unwrap();
        assert_eq!(back.public(), pair.public());
        assert_eq!(
            KeyPair::from_secret_text("AGE-SECRET-KEY-1XYZ").err(),
            Some(SealError::BadRecoveryKey)
        );
    }

    #[test]
    fn passphrase_protects_the_private_key() {
        let pair = KeyPair::generate();
        let light = KdfParams {
            memory_kib: 64,
            passes: 1,
            lanes: 1,
        };
        assert!(!light.strong_enough());
        assert!(KdfParams::DEFAULT.strong_enough());
        let weak = protect(&pair, "sato", b"correct horse", light).unwrap();
        assert_eq!(
            unprotect(&weak, "sato", b"correct horse").err(),
            Some(SealError::Damaged),
            "parameters under the floor are refused, never used"
        );
        let huge = Protected {
            params: KdfParams {
                memory_kib: u32::MAX,
                ..KdfParams::DEFAULT
            },
            ..weak.clone()
        };
        assert_eq!(
            unprotect(&huge, "sato", b"correct horse").err(),
            Some(SealError::Damaged)
        );
        let p = protect(&pair, "sato", b"correct horse", KdfParams::DEFAULT).unwrap();
        let back = unprotect(&p, "sato", b"correct horse").unwrap();
        assert_eq!(back.public(), pair.public());
        assert_eq!(
            unprotect(&p, "sato", b"wrong").err(),
            Some(SealError::WrongPassphrase)
        );
        assert_eq!(
            unprotect(&p, "suzuki", b"correct horse").err(),
            Some(SealError::WrongPassphrase),
            "the key is bound to its account"
        );
    }

    #[test]
    fn slot_tags_differ_by_holder_and_secret() {
        let s = SecretKey::generate().unwrap();
        let t = SecretKey::generate().unwrap();
        assert_eq!(slot_tag(&s, "sato"), slot_tag(&s, "sato"));
        assert_ne!(slot_tag(&s, "sato"), slot_tag(&s, "suzuki"));
        assert_ne!(slot_tag(&s, "sato"), slot_tag(&t, "sato"));
        assert_eq!(slot_tag(&s, "sato").len(), 24);
    }
}
