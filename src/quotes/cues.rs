//! The speech-verb lexicon: which words introduce reported speech.
//!
//! The word lists themselves live in [`crate::lexicon`] (one list per class for the whole
//! crate); this module keeps the quotation stage's view of them: what a word means as a cue.

use crate::lexicon::{self, SpeechVerb};

/// How a cue word relates to its speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Cue {
    /// A finite verb: the speaker is its subject ("X said", "said X").
    Finite,
    /// A participle ("saying", "adding"): the speaker is the subject of the clause it hangs on.
    Participle,
    /// "according to X": the speaker follows.
    AccordingTo,
    /// A verb that only reports speech when it directly frames a quote ("called", "read").
    Weak,
}

/// Classifies a lowercase word as a cue, if it is one.
pub fn classify(lower: &str) -> Option<Cue> {
    lexicon::speech_verb(lower).map(|v| match v {
        SpeechVerb::Finite => Cue::Finite,
        SpeechVerb::Participle => Cue::Participle,
        SpeechVerb::Weak => Cue::Weak,
    })
}

/// Determiners and quantifiers that open a description ("the spokesman", "a senior official").
pub fn is_determiner(lower: &str) -> bool {
    lexicon::is_determiner(lower) || lexicon::is_quantifier(lower)
}
