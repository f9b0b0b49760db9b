//! Turning bytes into text: byte-order marks, UTF-8, UTF-16 and the legacy
//! single-byte encodings that essays written on older Windows machines use.
//!
//! Nothing here changes the text beyond removing a byte-order mark: line
//! ends, tabs, no-break spaces and curly quotes come out as they went in.

use chardetng::{EncodingDetector, Iso2022JpDetection, Utf8Detection};
use encoding_rs::{Encoding, UTF_8, UTF_16BE, UTF_16LE, WINDOWS_1252};

use super::sniff;

/// Text decoded from bytes, with the encoding it was found in.
#[derive(Debug)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
}

/// Why bytes could not be decoded; the caller attaches the input's name.
#[derive(Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// NUL bytes where no text encoding has them.
    Binary,
    /// Bytes that are invalid in the encoding they declare or appear to use.
    Invalid(String),
}

/// Decodes bytes, picking the encoding from a byte-order mark, from BOM-less
/// UTF-16's telltale NULs, from UTF-8 validity, or else by guessing.
pub fn decode_bytes(bytes: &[u8]) -> Result<Decoded, DecodeError> {
    // A BOM is the writer saying what it used; trust it over any guess.
    if let Some((encoding, bom_len)) = Encoding::for_bom(bytes) {
        return decode_strict(encoding, &bytes[bom_len..], "after its byte-order mark");
    }
    if bytes.contains(&0) {
        // Only UTF-16 text holds NULs; anything else with them is binary.
        return match sniff::bomless_utf16_is_le(bytes) {
            Some(true) => decode_strict(UTF_16LE, bytes, "as BOM-less UTF-16"),
            Some(false) => decode_strict(UTF_16BE, bytes, "as BOM-less UTF-16"),
            None => Err(DecodeError::Binary),
        };
    }
    match std::str::from_utf8(bytes) {
        Ok(text) => Ok(Decoded {
            text: text.to_owned(),
            encoding: UTF_8.name(),
        }),
        Err(_) => Ok(decode_legacy(bytes)),
    }
}

/// Decodes in a known encoding, failing on any malformed sequence rather
/// than quietly putting U+FFFD into the essay.
fn decode_strict(
    encoding: &'static Encoding,
    bytes: &[u8],
    context: &str,
) -> Result<Decoded, DecodeError> {
    encoding
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|text| Decoded {
            text: text.into_owned(),
            encoding: encoding.name(),
        })
        .ok_or_else(|| {
            DecodeError::Invalid(format!(
                "the bytes are not valid {} {context}",
                encoding.name()
            ))
        })
}

/// Decodes bytes that are not UTF-8 in the legacy encoding chardetng
/// guesses. Single-byte encodings decode any bytes; when the guess is a
/// multi-byte encoding the bytes turn out not to fit, the guess was a poor
/// one and windows-1252, by far the commonest legacy encoding for English
/// essays, is used instead.
fn decode_legacy(bytes: &[u8]) -> Decoded {
    let guess = guess_legacy(bytes);
    if let Some(text) = guess.decode_without_bom_handling_and_without_replacement(bytes) {
        return Decoded {
            text: text.into_owned(),
            encoding: guess.name(),
        };
    }
    // windows-1252 maps every byte to a character, so this never fails.
    let (text, _) = WINDOWS_1252.decode_without_bom_handling(bytes);
    Decoded {
        text: text.into_owned(),
        encoding: WINDOWS_1252.name(),
    }
}

/// Fewest non-ASCII bytes for chardetng's guess to count as sure. With
/// fewer, it has too little to go on: a handful of pound signs, dashes or
/// accents in an English essay gets guessed as windows-1250 or ISO-8859-4
/// (turning "£" into "Ł"), while windows-1252 is almost always right.
const MIN_NON_ASCII_FOR_GUESS: usize = 32;

/// Asks chardetng for the likeliest legacy encoding, falling back to
/// windows-1252 when it is unsure. UTF-8 is ruled out because the caller
/// has already found the bytes invalid in it.
fn guess_legacy(bytes: &[u8]) -> &'static Encoding {
    let non_ascii = bytes.iter().filter(|b| !b.is_ascii()).count();
    if non_ascii < MIN_NON_ASCII_FOR_GUESS {
        return WINDOWS_1252;
    }
    let mut detector = EncodingDetector::new(Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let guess = detector.guess(None, Utf8Detection::Deny);
    // Never trust a Unicode guess for bytes already found not to be Unicode.
    if guess == UTF_8 || guess == UTF_16LE || guess == UTF_16BE {
        WINDOWS_1252
    } else {
        guess
    }
}
