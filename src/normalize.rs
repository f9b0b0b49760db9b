//! Typographic folding for matching. The essay text itself is never changed:
//! curly quotes, dashes and non-breaking spaces stay for display, and matching
//! code folds them with these helpers.

/// Folds one character to the plain form used for matching.
pub fn fold_char(c: char) -> char {
    match c {
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '`' | '\u{00B4}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' | '\u{00AB}'
        | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' | '\u{2012}' | '\u{2013}' | '\u{2014}' | '\u{2015}'
        | '\u{2212}' => '-',
        '\u{00A0}' | '\u{2007}' | '\u{202F}' | '\u{2009}' | '\u{200A}' | '\t' => ' ',
        other => other,
    }
}

/// Folds a string for matching. Each folded char is ASCII where the original
/// was typographic, so byte offsets do NOT carry over; use [`fold_keep_offsets`]
/// when spans must stay valid.
pub fn fold(s: &str) -> String {
    if !needs_folding(s) {
        return s.to_string();
    }
    s.chars().map(fold_char).collect()
}

/// Folds a string but pads each replaced char with spaces up to its original
/// byte length, so that byte offsets into the result equal offsets into `s`.
/// Regexes run over this copy and their match spans apply to the original.
pub fn fold_keep_offsets(s: &str) -> String {
    if !needs_folding(s) {
        // Nothing to fold: most essays, copied at memory speed.
        return s.to_string();
    }
    fold_each_keep_offsets(s)
}

/// Whether any char of `s` may fold to another: only two ASCII chars do, so
/// ASCII text is checked byte by byte rather than char by char.
fn needs_folding(s: &str) -> bool {
    any_byte(s.as_bytes(), |b| !b.is_ascii() | (b == b'`') | (b == b'\t'))
}

/// Whether any byte of `bytes` is a `hit`, read in one pass without an early
/// exit, which the compiler vectorises: a search that stops at the first
/// hit reads a byte at a time, several times slower over a whole essay, and
/// the texts asked about mostly hold none.
#[inline(always)]
pub fn any_byte(bytes: &[u8], hit: impl Fn(u8) -> bool) -> bool {
    bytes.iter().fold(false, |found, &b| found | hit(b))
}

fn fold_each_keep_offsets(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        let f = fold_char(c);
        if f == c {
            out.push(c);
        } else {
            out.push(f);
            for _ in f.len_utf8()..c.len_utf8() {
                // A zero-width joiner would be invisible but not ASCII; a
                // private-use pad keeps regex classes like \s from matching it.
                out.push('\u{1}');
            }
        }
    }
    out
}

/// Lowercase, straight apostrophes: the key the stemmer and word lists want.
pub fn word_key(word: &str) -> String {
    let mut key = String::new();
    word_key_into(word, &mut key);
    key
}

/// [`word_key`] written into `key` (cleared first): a caller keying every
/// sentence reuses one buffer rather than allocating for each.
pub fn word_key_into(word: &str, key: &mut String) {
    key.clear();
    if !needs_folding(word) {
        // Most words: a byte copy lowercased in place, without Unicode case
        // mapping per char.
        key.push_str(word);
        key.make_ascii_lowercase();
        return;
    }
    key.extend(key_chars(word));
}

/// A word's key char by char, for any text.
fn key_chars(word: &str) -> impl Iterator<Item = char> + '_ {
    word.chars().map(fold_char).flat_map(char::to_lowercase)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn word_key_each(word: &str) -> String {
        key_chars(word).collect()
    }

    proptest::proptest! {
        /// The ASCII fast paths give what folding char by char gives.
        #[test]
        fn fast_paths_equal_char_by_char(s in "[ -~\t\n’é]{0,30}") {
            proptest::prop_assert_eq!(word_key(&s), word_key_each(&s));
            // A reused buffer holds nothing of the last key.
            let mut key = String::from("LEFT OVER’");
            word_key_into(&s, &mut key);
            proptest::prop_assert_eq!(key, word_key_each(&s));
            proptest::prop_assert_eq!(fold(&s), s.chars().map(fold_char).collect::<String>());
            proptest::prop_assert_eq!(fold_keep_offsets(&s), fold_each_keep_offsets(&s));
        }
    }

    #[test]
    fn folding_keeps_byte_offsets() {
        let s = "Russia’s “dictatorship”—in 1917";
        let f = fold_keep_offsets(s);
        assert_eq!(f.len(), s.len());
        assert!(f.starts_with("Russia'"));
        assert_eq!(&f[s.find("in 1917").unwrap()..], "in 1917");
    }

    #[test]
    fn word_key_lowercases_and_straightens() {
        assert_eq!(word_key("Bolshevik’s"), "bolshevik's");
    }
}
