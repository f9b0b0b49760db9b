//! English cue phrases the facts checks read around a pack's names: a
//! death or legacy, a naming, a cause pointing forward or back. They live
//! beside the packs because every pack's word index also finds their words
//! ([`crate::topics::pack::Pack::index`]).

use std::sync::LazyLock;

use super::index::PatternIndex;
use super::lazy::Lazy;

/// The cue patterns below, tested in most sentences that name one of a
/// pack's people or events: every pack's index also finds their words, in
/// the same pass over the essay, which answers most sentences without a
/// search of each. Not the facts check's `LATER_OFFICE` and `PRONOUN`: some
/// of their matches ("go on to", "he") hold no word long enough to look for.
pub static CUES: LazyLock<PatternIndex> =
    LazyLock::new(|| PatternIndex::new([&*DEATH_CUES, &*NAMING, &*FORWARD, &*BACKWARD]));

/// A pattern of English words, compiled on first use behind a test for the
/// words it needs. It runs on folded text, so ASCII classes and case folding
/// suffice, and they compile in a fraction of the Unicode time.
pub fn re(s: &str) -> Lazy {
    Lazy::new(format!("(?-u:{s})"))
}

pub static DEATH_CUES: LazyLock<Lazy> = LazyLock::new(|| {
    re(
        r"\b(?:died|dies|death|dead|deceased|funeral|buried|burial|body|embalm\w*|mausoleum|tomb|memory|memorial|legacy|testament|posthumous\w*|cult|statue|portrait|ideas|heirs?|successors?|renamed|named|born|birth|after|since|writings|works|followers|legend|remembered|-ism|-ist)\b",
    )
});

pub static NAMING: LazyLock<Lazy> = LazyLock::new(|| {
    re(r"\b(?:called|named|renamed|known\s+as|name|names|now|today|present-day|modern)\b")
});

pub static FORWARD: LazyLock<Lazy> = LazyLock::new(|| {
    re(
        r"\b(?:(?:this|which|that|these|it|they|he|she)\s+(?:then\s+|eventually\s+|also\s+|directly\s+|in\s+turn\s+)?(?:led|lead|leads)\s+to|resulted\s+in|results\s+in|as\s+a\s+(?:result|consequence),|caused|brought\s+about|consequently|so\s+that\s+led\s+to)\b",
    )
});
pub static BACKWARD: LazyLock<Lazy> = LazyLock::new(|| {
    re(
        r"\b(?:because\s+of|due\s+to|thanks\s+to|as\s+a\s+result\s+of|as\s+a\s+consequence\s+of|because|caused\s+by|brought\s+about\s+by)\b",
    )
});
