//! The speech-verb lexicon: which words introduce reported speech.
//!
//! Why a hand-written list: speech verbs are a small closed-ish class that every style guide
//! agrees on, and the list reads better than learned weights would. Written for this project
//! from general English usage (no external lexicon, so no licence to record).

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

/// Finite speech verbs, every form listed (no stemming, so "says" and "essays" cannot be
/// confused). Base forms and -s forms that are mostly nouns or infinitives in news ("state",
/// "reports of", "to urge", "his remarks") are left out on purpose.
const FINITE: &[&str] = &[
    "say", "says", "said", "tell", "tells", "told", "add", "adds", "added", "ask", "asks", "asked", "write",
    "writes", "wrote", "written", "tweeted", "insist", "insists", "insisted", "admit",
    "admits", "admitted", "argue", "argues", "argued", "note", "noted", "explain", "explains", "explained",
    "warn", "warns", "warned", "claim", "claimed", "stated", "declare", "declares", "declared", "reply",
    "replies", "replied", "continues", "continued", "recalls", "recalled", "acknowledges", "acknowledged",
    "responds", "responded", "concludes", "concluded", "announces", "announced", "promised", "remarked",
    "assures", "assured", "suggests", "suggested", "shouts", "shouted", "urges", "urged", "vowed", "answered",
    "joked", "quip", "quips", "quipped", "laments", "lamented", "predicts", "predicted", "asserts",
    "asserted", "proclaims", "proclaimed", "observes", "observed", "complains", "complained", "confirms",
    "confirmed", "denies", "denied", "emphasizes", "emphasized", "emphasises", "emphasised", "stressed",
    "boasts", "boasted", "concedes", "conceded", "countered", "contends", "contended", "testifies",
    "testified", "posted", "chanted", "yells", "yelled", "screams", "screamed", "whispers", "whispered",
    "mutters", "muttered", "reports", "reported", "recounts", "recounted", "touted", "mused", "retorts",
    "retorted", "snapped", "pleads", "pleaded", "pledged", "threatened", "exclaims", "exclaimed",
    "reiterates", "reiterated", "maintained", "mentioned", "interjects", "interjected", "cautioned",
    "cautions", "begged", "begs", "demanded", "wondered", "wonders", "opined", "opines", "blasted", "blasts",
    "thundered", "thunders", "pointed", "quoted", "texted", "emailed", "e-mailed", "messaged", "cried",
    "cries", "sighed", "laughed", "hinted", "hints", "griped", "gripes", "scoffed", "scoffs", "tweeting",
    "bragged", "brags", "elaborated", "elaborates",
];

const PARTICIPLE: &[&str] = &[
    "saying", "telling", "adding", "asking", "writing", "insisting", "admitting", "arguing", "noting",
    "explaining", "warning", "claiming", "stating", "declaring", "replying", "continuing", "recalling",
    "acknowledging", "responding", "concluding", "announcing", "promising", "remarking", "assuring",
    "suggesting", "shouting", "urging", "vowing", "answering", "joking", "quipping", "lamenting", "predicting",
    "asserting", "proclaiming", "observing", "complaining", "confirming", "denying", "emphasizing",
    "emphasising", "stressing", "boasting", "conceding", "countering", "contending", "testifying", "posting",
    "chanting", "yelling", "screaming", "calling", "describing", "reiterating", "maintaining", "pointing",
    "threatening", "pledging", "exclaiming", "accusing", "cautioning", "demanding", "wondering",
];

const WEAK: &[&str] = &[
    "call", "calls", "called", "read", "reads", "describe", "describes", "described", "label", "labels",
    "labeled", "labelled", "dub", "dubs", "dubbed", "term", "terms", "termed",
];

/// Classifies a lowercase word as a cue, if it is one.
pub fn classify(lower: &str) -> Option<Cue> {
    if FINITE.contains(&lower) {
        Some(Cue::Finite)
    } else if PARTICIPLE.contains(&lower) {
        Some(Cue::Participle)
    } else if WEAK.contains(&lower) {
        Some(Cue::Weak)
    } else {
        None
    }
}

/// Nouns that, after "in a(n)", extend a cue: "said in a statement", "told in an interview".
pub const CHANNEL_NOUNS: &[&str] = &[
    "statement", "interview", "tweet", "post", "email", "e-mail", "letter", "speech", "memo", "release",
    "op-ed", "essay", "column", "message", "note", "video", "podcast", "broadcast", "appearance", "address",
];

/// Words that may sit between a subject and its speech verb ("X also said", "X has told").
pub fn is_aux_or_adverb(lower: &str) -> bool {
    const W: &[&str] = &[
        "also", "later", "earlier", "then", "has", "had", "have", "having", "would", "will", "could", "might",
        "may", "should", "must", "did", "does", "do", "was", "were", "is", "are", "be", "been", "being",
        "reportedly", "once", "recently", "previously", "repeatedly", "further", "again", "simply", "never",
        "often", "just", "even", "still", "not", "already", "allegedly", "apparently", "initially", "finally",
        "first", "subsequently", "ultimately", "now", "too", "privately", "publicly", "flatly", "last", "on",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
        "tonight", "tomorrow", "night", "morning", "afternoon", "evening", "week", "this", "back", "soon",
        "immediately", "gone", "went", "on", "to", "go", "goes",
    ];
    W.contains(&lower) || (lower.len() > 4 && lower.ends_with("ly") && lower != "early")
}

/// Personal and relative pronouns that can be speakers.
pub fn is_pronoun(lower: &str) -> bool {
    // "he’d", "she’s", "they’ve" said: the pronoun with a contracted auxiliary.
    let base = lower.split(['’', '\'']).next().unwrap_or(lower);
    matches!(base, "he" | "she" | "they" | "we" | "i" | "it" | "who" | "you")
}

/// Determiners and quantifiers that open a description ("the spokesman", "a senior official").
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the" | "a" | "an" | "another" | "one" | "some" | "several" | "two" | "three" | "four" | "many" | "most"
            | "his" | "her" | "its" | "their" | "our" | "my" | "your" | "this" | "that" | "these" | "those" | "each"
            | "both" | "other" | "few" | "numerous" | "multiple" | "no"
    )
}

/// Capitalised words that start sentences but never names.
pub fn is_capitalized_stopword(lower: &str) -> bool {
    matches!(
        lower,
        "but" | "and" | "or" | "so" | "yet" | "then" | "when" | "while" | "after" | "before" | "in" | "on" | "at"
            | "as" | "if" | "also" | "still" | "now" | "meanwhile" | "however" | "later" | "earlier" | "asked"
            | "speaking" | "yesterday" | "today" | "this" | "that" | "it" | "there" | "here" | "for" | "with"
            | "from" | "by" | "to" | "of" | "since" | "because" | "although" | "though" | "instead" | "indeed"
            | "monday" | "tuesday" | "wednesday" | "thursday" | "friday" | "saturday" | "sunday" | "during"
            | "about" | "last" | "next" | "what" | "why" | "how" | "where" | "which" | "said" | "says"
            | "told" | "added" | "not" | "only" | "even" | "just" | "again" | "once"
            | "like" | "unlike" | "despite" | "among" | "over" | "under" | "into" | "onto" | "through" | "without"
            | "within" | "against" | "between" | "amid" | "following" | "upon" | "according" | "january" | "february" | "march"
            | "april" | "june" | "july" | "august" | "september" | "october" | "november" | "december"
            | "sept." | "oct." | "nov." | "dec." | "jan." | "feb." | "aug."
    )
}

/// Words that end a description phrase when extending it ("a spokesman for …").
pub fn ends_description(lower: &str) -> bool {
    matches!(
        lower,
        "for" | "in" | "on" | "at" | "with" | "by" | "from" | "to" | "about" | "after" | "before" | "during"
            | "over" | "under" | "who" | "that" | "which" | "and" | "or" | "but" | "as" | "when" | "while"
            | "said" | "says" | "told" | "if" | "because" | "than" | "into"
    )
}

/// Lowercase role nouns that sit inside a speaker's name ("Pentagon spokesman Neil Abara").
pub fn is_role_noun(lower: &str) -> bool {
    matches!(
        lower,
        "spokesman" | "spokeswoman" | "spokesperson" | "secretary" | "chairman" | "chairwoman" | "chair"
            | "president" | "director" | "senator" | "official" | "minister" | "leader" | "aide" | "adviser"
            | "advisor" | "candidate" | "nominee" | "governor" | "mayor" | "chief" | "head" | "manager"
            | "strategist" | "analyst" | "professor" | "researcher" | "economist" | "lawyer" | "attorney"
            | "representative" | "rep" | "congressman" | "congresswoman" | "lawmaker" | "commissioner"
            | "executive" | "founder" | "editor" | "reporter" | "correspondent" | "host" | "anchor" | "coach"
            | "general" | "ambassador" | "envoy" | "judge" | "justice" | "sheriff" | "officer" | "captain"
            | "press" | "campaign" | "communications" | "deputy" | "senior" | "former" | "state" | "party"
            | "house" | "foreign" | "defense" | "defence" | "national" | "security" | "staff" | "operative"
            | "pollster" | "consultant" | "activist" | "supporter" | "member" | "speaker" | "prosecutor"
    )
}
