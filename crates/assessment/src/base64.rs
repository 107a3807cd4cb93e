//! Standard base64 (RFC 4648, section 4: `A–Z a–z 0–9 + /`, padded with `=`),
//! for the binary fields of the encrypted file envelope. Decoding is strict:
//! anything [`encode`] would not have written is refused, so one byte string
//! has exactly one text form.
//!
//! ```
//! use hr_assessment::base64::{decode, encode};
//! assert_eq!(encode(b"foob"), "Zm9vYg==");
//! assert_eq!(decode("Zm9vYg==").unwrap(), b"foob");
//! assert!(decode("Zm9vYg").is_err()); // padding is required
//! ```

use std::fmt;

const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/// Why a text is not strict base64.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// The length is not a multiple of 4 (padding missing or text cut short).
    Length(usize),
    /// A byte outside the alphabet (whitespace and line breaks included), at
    /// this byte offset.
    Character(usize),
    /// `=` somewhere other than the last one or two places.
    Padding(usize),
    /// The bits after the last whole byte are not zero: `encode` never
    /// writes that text.
    TrailingBits,
}

impl fmt::Display for DecodeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DecodeError::Length(n) => write!(f, "length {n} is not a multiple of 4"),
            DecodeError::Character(i) => write!(f, "a character outside the base64 alphabet at position {i}"),
            DecodeError::Padding(i) => write!(f, "padding ('=') in the wrong place at position {i}"),
            DecodeError::TrailingBits => f.write_str("the last character carries bits that must be zero"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Encodes bytes as padded standard base64.
pub fn encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let b = [chunk[0], *chunk.get(1).unwrap_or(&0), *chunk.get(2).unwrap_or(&0)];
        let n = (u32::from(b[0]) << 16) | (u32::from(b[1]) << 8) | u32::from(b[2]);
        let sextet = |shift: u32| char::from(ALPHABET[((n >> shift) & 63) as usize]);
        out.push(sextet(18));
        out.push(sextet(12));
        out.push(if chunk.len() > 1 { sextet(6) } else { '=' });
        out.push(if chunk.len() > 2 { sextet(0) } else { '=' });
    }
    out
}

/// The 6-bit value of one alphabet byte.
fn value(byte: u8) -> Option<u32> {
    let v = match byte {
        b'A'..=b'Z' => byte - b'A',
        b'a'..=b'z' => byte - b'a' + 26,
        b'0'..=b'9' => byte - b'0' + 52,
        b'+' => 62,
        b'/' => 63,
        _ => return None,
    };
    Some(u32::from(v))
}

/// Decodes padded standard base64, refusing whitespace, missing or misplaced
/// padding, the URL-safe alphabet and non-zero trailing bits.
pub fn decode(text: &str) -> Result<Vec<u8>, DecodeError> {
    let bytes = text.as_bytes();
    if !bytes.len().is_multiple_of(4) {
        return Err(DecodeError::Length(bytes.len()));
    }
    let mut out = Vec::with_capacity(bytes.len() / 4 * 3);
    let quads = bytes.len() / 4;
    for (q, quad) in bytes.chunks_exact(4).enumerate() {
        let last = q + 1 == quads;
        let pad = quad.iter().rev().take_while(|&&b| b == b'=').count();
        let at = q * 4;
        // Padding only at the very end, and at most two of it.
        if pad > 0 && (!last || pad > 2) {
            return Err(DecodeError::Padding(at + 4 - pad));
        }
        let mut n = 0u32;
        for (k, &b) in quad[..4 - pad].iter().enumerate() {
            let v = value(b).ok_or(if b == b'=' {
                DecodeError::Padding(at + k)
            } else {
                DecodeError::Character(at + k)
            })?;
            n |= v << (18 - 6 * k);
        }
        let [_, b0, b1, b2] = n.to_be_bytes();
        match pad {
            0 => out.extend_from_slice(&[b0, b1, b2]),
            1 => {
                if b2 != 0 {
                    return Err(DecodeError::TrailingBits);
                }
                out.extend_from_slice(&[b0, b1]);
            }
            _ => {
                if b1 != 0 || b2 != 0 {
                    return Err(DecodeError::TrailingBits);
                }
                out.push(b0);
            }
        }
    }
    Ok(out)
}
