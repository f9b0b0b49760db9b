//! Word lists for the sentence splitter: abbreviations that end in a full
//! stop without ending the sentence, and words that typically open one.
//!
//! Every list is a sorted slice (the order is checked by a test), matched
//! case-sensitively, without the final stop.

use foldhash::HashMap;
use std::sync::LazyLock;

/// How an abbreviation behaves before the next word.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Abbrev {
    /// Stands before a name ("Mr.", "Gen.", "Mt."): never ends a sentence
    /// when a capitalised word follows.
    Title,
    /// Stands after a name or closes a list ("Jr.", "Co.", "etc.", "St."):
    /// ends a sentence only when a typical sentence opener follows.
    Trailing,
    /// Leads into an example or a reference ("e.g.", "cf.", "v."): never ends
    /// a sentence.
    Linking,
    /// Usually stands before a number ("No.", "p.", "c.", "Oct."): not a
    /// boundary before a number or a lowercase word, but one before a
    /// capitalised word.
    Numbered,
}

/// Come before a name: "Mr. Lloyd George", "Gen. Haig", "Mt. Etna".
const TITLES: &[&str] = &[
    "Adm", "Brig", "Capt", "Cdr", "Cmdr", "Col", "Comdr", "Cpl", "Cpt", "Dr", "Drs", "Fr", "Ft",
    "Gen", "Gov", "Hon", "Insp", "Lieut", "Lt", "Maj", "Messrs", "Mlle", "Mme", "Mmes", "Mr",
    "Mrs", "Ms", "Msgr", "Mt", "Pres", "Prof", "Profs", "Pvt", "Rep", "Rev", "Revd", "Sen", "Sgt",
    "Supt",
];

/// Come after a name or close a list: "Jr.", "& Co.", "etc.", and "St."
/// (which also opens names: "St. Petersburg").
const TRAILING: &[&str] = &[
    "Assn", "Ave", "Blvd", "Bros", "Co", "Corp", "Dept", "Esq", "Inc", "Jr", "Ltd", "Rd", "Sr",
    "St", "Univ", "al", "co", "etc", "jr", "sr",
];

/// Lead into an example, a comparison or a reference: "e.g.", "cf.", "v.".
const LINKING: &[&str] = &[
    "Cf", "E.g", "I.e", "Viz", "Vs", "cf", "e.g", "eg", "esp", "i.e", "ie", "incl", "resp", "v",
    "viz", "vs",
];

/// Usually stand before a number: "No. 10", "p. 55", "c. 1900", "Oct. 1917".
const NUMBERED: &[&str] = &[
    "Apr", "Art", "Aug", "Bk", "Ch", "Chap", "Dec", "Ed", "Eds", "Feb", "Fig", "Figs", "Ibid",
    "Jan", "Jul", "Jun", "Mar", "No", "Nos", "Nov", "N°", "Nº", "Oct", "Op", "Para", "Pp", "Pt",
    "Sect", "Sep", "Sept", "Vol", "Vols", "app", "approx", "art", "bk", "c", "ca", "ch", "chap",
    "cit", "ed", "eds", "est", "ff", "fig", "figs", "fl", "fn", "fol", "fols", "hr", "hrs", "ibid",
    "l", "ll", "loc", "n", "nn", "no", "nos", "op", "p", "para", "pp", "pt", "repr", "rev", "sect",
    "trans", "vol", "vols", "yr", "yrs",
];

/// Words that often open an English sentence (their first letter capitalised).
const STARTERS: &[&str] = &[
    "A",
    "About",
    "According",
    "Additionally",
    "After",
    "Afterwards",
    "Again",
    "Against",
    "All",
    "Also",
    "Although",
    "Among",
    "An",
    "And",
    "Another",
    "Any",
    "Are",
    "As",
    "At",
    "Because",
    "Before",
    "Being",
    "Besides",
    "Both",
    "But",
    "By",
    "Can",
    "Clearly",
    "Consequently",
    "Could",
    "Despite",
    "Did",
    "Do",
    "Does",
    "Dr",
    "During",
    "Each",
    "Even",
    "Eventually",
    "Every",
    "Fifty",
    "Finally",
    "First",
    "Firstly",
    "Five",
    "Following",
    "For",
    "Forty",
    "Four",
    "From",
    "Further",
    "Furthermore",
    "Given",
    "Had",
    "Has",
    "Have",
    "Having",
    "He",
    "Hence",
    "Her",
    "Here",
    "His",
    "How",
    "However",
    "I",
    "If",
    "In",
    "Indeed",
    "Initially",
    "Instead",
    "Is",
    "It",
    "Its",
    "Lastly",
    "Later",
    "Let",
    "Likewise",
    "Many",
    "Meanwhile",
    "Moreover",
    "Most",
    "Mr",
    "Mrs",
    "Ms",
    "Much",
    "Must",
    "My",
    "Nevertheless",
    "No",
    "Nonetheless",
    "Nor",
    "Not",
    "Now",
    "Of",
    "On",
    "Once",
    "One",
    "Only",
    "Or",
    "Other",
    "Our",
    "Overall",
    "Perhaps",
    "Please",
    "Second",
    "Secondly",
    "She",
    "Similarly",
    "Since",
    "So",
    "Some",
    "Soon",
    "Still",
    "Subsequently",
    "Such",
    "That",
    "The",
    "Their",
    "Then",
    "There",
    "Therefore",
    "These",
    "They",
    "Third",
    "Thirdly",
    "This",
    "Those",
    "Though",
    "Three",
    "Thus",
    "To",
    "Today",
    "Two",
    "Ultimately",
    "Under",
    "Unlike",
    "Until",
    "Upon",
    "Was",
    "We",
    "Were",
    "What",
    "When",
    "Where",
    "Whereas",
    "Whether",
    "Which",
    "While",
    "Whilst",
    "Who",
    "Why",
    "Will",
    "With",
    "Within",
    "Without",
    "Would",
    "Yes",
    "Yet",
    "You",
    "Your",
];

fn listed(list: &[&str], word: &str) -> bool {
    list.binary_search(&word).is_ok()
}

/// Every abbreviation with its kind: one hash look-up per word before a stop,
/// where four binary searches were a thirtieth of the sentence splitter.
static KINDS: LazyLock<HashMap<&str, Abbrev>> = LazyLock::new(|| {
    let mut kinds = HashMap::default();
    for (list, kind) in [
        (TITLES, Abbrev::Title),
        (TRAILING, Abbrev::Trailing),
        (LINKING, Abbrev::Linking),
        (NUMBERED, Abbrev::Numbered),
    ] {
        for &word in list {
            kinds.insert(word, kind);
        }
    }
    kinds
});

/// The kind of abbreviation `word` is (given without its final stop), if it
/// is one.
pub fn lookup(word: &str) -> Option<Abbrev> {
    KINDS.get(word).copied()
}

/// Whether `word` (letters only, as written) is a common sentence opener.
pub fn is_sentence_starter(word: &str) -> bool {
    listed(STARTERS, word)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lists_are_sorted_and_unique() {
        for list in [TITLES, TRAILING, LINKING, NUMBERED, STARTERS] {
            assert!(
                list.windows(2).all(|w| w[0] < w[1]),
                "unsorted near {:?}",
                list.first()
            );
        }
    }

    #[test]
    fn every_abbreviation_is_of_its_list_kind_alone() {
        for (list, kind) in [
            (TITLES, Abbrev::Title),
            (TRAILING, Abbrev::Trailing),
            (LINKING, Abbrev::Linking),
            (NUMBERED, Abbrev::Numbered),
        ] {
            for word in list {
                assert_eq!(lookup(word), Some(kind), "{word}");
            }
        }
    }

    #[test]
    fn lookup_is_case_sensitive() {
        assert_eq!(lookup("Mr"), Some(Abbrev::Title));
        assert_eq!(lookup("co"), Some(Abbrev::Trailing));
        assert_eq!(lookup("e.g"), Some(Abbrev::Linking));
        assert_eq!(lookup("Oct"), Some(Abbrev::Numbered));
        assert_eq!(lookup("mr"), None);
        assert_eq!(lookup("Russia"), None);
        assert!(is_sentence_starter("However"));
        assert!(!is_sentence_starter("Government"));
    }
}
