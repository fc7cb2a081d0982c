//! The one English lexicon: every closed word class any stage looks up, in one place.
//!
//! Why one module: the text layer, the quotation finder and the grouping stage ask the same
//! questions ("is this a title?", "a speech verb?", "a weekday?"); one list per class keeps
//! their answers the same. The lists are short, written by hand for English news (no
//! third-party lexicon, so no licence to record), lower case, sorted and free of duplicates
//! (checked by a test), and searched by binary search. Lookups take a token's lowercase form,
//! [`Document::lower`](crate::doc::Document::lower), so they never allocate; the few callers
//! that run before the forms exist (the tokenizer, the sentence splitter) lower-case short
//! ASCII words in a stack buffer.

/// How an abbreviation behaves before a possible sentence boundary.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Abbrev {
    /// A title written before a name ("Dr.", "Gen.", "Sen."): never ends a sentence.
    Title,
    /// Anything else ("Inc.", "Sept.", "etc."): ends a sentence only when the next word
    /// clearly starts one.
    Other,
}

/// The form of a speech verb, which says where its speaker is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SpeechVerb {
    /// A finite verb: the speaker is its subject ("X said", "said X").
    Finite,
    /// A participle ("saying", "adding"): the speaker is the subject of the clause it hangs on.
    Participle,
    /// A verb that only reports speech when it directly frames a quote ("called", "read").
    Weak,
}

/// Grammatical gender a word implies, where it implies one.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Gender {
    Male,
    Female,
}

/// Whether a noun stands for any organisation mentioned before or only one whose name has it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OrgNoun {
    /// "the company": the organisation mentioned most recently.
    Any,
    /// "the government": only an organisation whose name contains the noun.
    Strict,
}

/// `(lower-case form without the period, kind, needs a capital)`. "needs a capital" marks
/// abbreviations that are also ordinary words ("Mass." / "mass.", "Ill." / "ill."): they only
/// count as abbreviations when written with a capital. Sorted by the first field.
///
/// The tokenizer reads this list, and the entity model's news clusters are built from the
/// tokenizer's output: a change here retrains `model/ner.bin` (`scripts/train.sh`), which has
/// to be measured on the modern-news check of `model/MODEL_CARD.md` before it ships.
const ABBREVIATIONS: &[(&str, Abbrev, bool)] = &[
    ("adm", Abbrev::Title, false),
    ("al", Abbrev::Other, false),
    ("ala", Abbrev::Other, true),
    ("amb", Abbrev::Title, false),
    ("approx", Abbrev::Other, false),
    ("apr", Abbrev::Other, true),
    ("apt", Abbrev::Other, false),
    ("ariz", Abbrev::Other, true),
    ("ark", Abbrev::Other, true),
    ("assn", Abbrev::Other, false),
    ("assoc", Abbrev::Other, false),
    ("asst", Abbrev::Title, false),
    ("atty", Abbrev::Title, false),
    ("aug", Abbrev::Other, true),
    ("ave", Abbrev::Other, false),
    ("bldg", Abbrev::Other, false),
    ("blvd", Abbrev::Other, false),
    ("brig", Abbrev::Title, false),
    ("bros", Abbrev::Other, false),
    ("calif", Abbrev::Other, false),
    ("capt", Abbrev::Title, false),
    ("cf", Abbrev::Other, false),
    ("cmdr", Abbrev::Title, false),
    ("co", Abbrev::Other, false),
    ("col", Abbrev::Title, false),
    ("colo", Abbrev::Other, false),
    ("conn", Abbrev::Other, true),
    ("corp", Abbrev::Other, false),
    ("cos", Abbrev::Other, true),
    ("cpl", Abbrev::Title, false),
    ("dec", Abbrev::Other, true),
    ("del", Abbrev::Other, true),
    ("dept", Abbrev::Other, false),
    ("det", Abbrev::Title, false),
    ("dist", Abbrev::Other, false),
    ("dr", Abbrev::Title, false),
    ("ed", Abbrev::Other, false),
    ("eds", Abbrev::Other, false),
    ("esq", Abbrev::Other, false),
    ("est", Abbrev::Other, false),
    ("etc", Abbrev::Other, false),
    ("feb", Abbrev::Other, true),
    ("fig", Abbrev::Other, false),
    ("fla", Abbrev::Other, true),
    ("fr", Abbrev::Title, false),
    ("fri", Abbrev::Other, true),
    ("ft", Abbrev::Other, false),
    ("ga", Abbrev::Other, true),
    ("gen", Abbrev::Title, false),
    ("gov", Abbrev::Title, false),
    ("govt", Abbrev::Other, false),
    ("hon", Abbrev::Title, false),
    ("hwy", Abbrev::Other, false),
    ("ill", Abbrev::Other, true),
    ("inc", Abbrev::Other, false),
    ("ind", Abbrev::Other, true),
    ("insp", Abbrev::Title, false),
    ("intl", Abbrev::Other, false),
    ("jan", Abbrev::Other, true),
    ("jr", Abbrev::Other, false),
    ("jul", Abbrev::Other, true),
    ("jun", Abbrev::Other, true),
    ("kan", Abbrev::Other, true),
    ("kans", Abbrev::Other, true),
    ("ky", Abbrev::Other, true),
    ("la", Abbrev::Other, true),
    ("llc", Abbrev::Other, false),
    ("lt", Abbrev::Title, false),
    ("ltd", Abbrev::Other, false),
    ("maj", Abbrev::Title, false),
    ("mar", Abbrev::Other, true),
    ("mass", Abbrev::Other, true),
    ("md", Abbrev::Other, true),
    ("messrs", Abbrev::Title, false),
    ("mich", Abbrev::Other, true),
    ("minn", Abbrev::Other, true),
    ("miss", Abbrev::Other, true),
    ("mlle", Abbrev::Title, false),
    ("mme", Abbrev::Title, false),
    ("mo", Abbrev::Other, true),
    ("mon", Abbrev::Other, true),
    ("mont", Abbrev::Other, true),
    ("mr", Abbrev::Title, false),
    ("mrs", Abbrev::Title, false),
    ("ms", Abbrev::Title, false),
    ("msgr", Abbrev::Title, false),
    ("mt", Abbrev::Title, false),
    ("natl", Abbrev::Other, false),
    ("neb", Abbrev::Other, true),
    ("nev", Abbrev::Other, true),
    ("no", Abbrev::Other, false),
    ("nos", Abbrev::Other, false),
    ("nov", Abbrev::Other, true),
    ("oct", Abbrev::Other, true),
    ("okla", Abbrev::Other, true),
    ("ore", Abbrev::Other, true),
    ("pa", Abbrev::Other, true),
    ("pfc", Abbrev::Title, false),
    ("ph", Abbrev::Other, true),
    ("plc", Abbrev::Other, false),
    ("pp", Abbrev::Other, false),
    ("pres", Abbrev::Title, false),
    ("prof", Abbrev::Title, false),
    ("pvt", Abbrev::Title, false),
    ("rd", Abbrev::Other, false),
    ("rep", Abbrev::Title, false),
    ("reps", Abbrev::Title, false),
    ("ret", Abbrev::Other, false),
    ("rev", Abbrev::Title, false),
    ("rt", Abbrev::Title, false),
    ("sat", Abbrev::Other, true),
    ("sen", Abbrev::Title, false),
    ("sens", Abbrev::Title, false),
    ("sep", Abbrev::Other, true),
    ("sept", Abbrev::Other, true),
    ("sgt", Abbrev::Title, false),
    ("spc", Abbrev::Title, false),
    ("sr", Abbrev::Other, false),
    ("st", Abbrev::Other, false),
    ("ste", Abbrev::Other, true),
    ("supt", Abbrev::Title, false),
    ("tenn", Abbrev::Other, true),
    ("tex", Abbrev::Other, true),
    ("thu", Abbrev::Other, true),
    ("thur", Abbrev::Other, true),
    ("thurs", Abbrev::Other, true),
    ("tue", Abbrev::Other, true),
    ("tues", Abbrev::Other, true),
    ("univ", Abbrev::Other, false),
    ("va", Abbrev::Other, true),
    ("vol", Abbrev::Other, false),
    ("vols", Abbrev::Other, false),
    ("vs", Abbrev::Other, false),
    ("vt", Abbrev::Other, true),
    ("wash", Abbrev::Other, true),
    ("wed", Abbrev::Other, true),
    ("wis", Abbrev::Other, true),
    ("wyo", Abbrev::Other, true),
];

/// Words that, capitalised after an abbreviation's period, show that a new sentence began ("... in the U.S. The company ...").
const SENTENCE_STARTERS: &[&str] = &[
    "a", "after", "all", "also", "although", "an", "and", "as", "at", "because", "before", "both", "but", "by",
    "during", "each", "even", "for", "from", "he", "her", "his", "how", "however", "i", "if", "in", "it", "its",
    "last", "many", "meanwhile", "more", "most", "my", "no", "not", "now", "officials", "on", "one", "only", "our",
    "she", "since", "so", "some", "still", "such", "that", "the", "their", "then", "there", "these", "they", "this",
    "those", "though", "thus", "to", "under", "until", "we", "what", "when", "where", "whether", "which", "while",
    "who", "why", "with", "yet", "you",
];

/// Company and name suffixes written abbreviated ("Inc.", "Jr."): abbreviations that often close a sentence.
const NAME_SUFFIX_ABBREVIATIONS: &[&str] =
    &["bros", "co", "corp", "cos", "esq", "inc", "jr", "llc", "ltd", "plc", "sr"];

/// Function words that cannot end a sentence: a line ending in one goes on.
const CONTINUING_WORDS: &[&str] =
    &["a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "of", "on", "or", "that", "the", "to", "with"];

/// Finite speech verbs, every form listed (no stemming, so "says" and "essays" cannot be confused); base and -s forms that are mostly nouns in news ("state", "reports of") left out.
const SPEECH_FINITE: &[&str] = &[
    "acknowledged", "acknowledges", "add", "added", "adds", "admit", "admits", "admitted", "announced", "announces",
    "answered", "argue", "argued", "argues", "ask", "asked", "asks", "asserted", "asserts", "assured", "assures",
    "begged", "begs", "blasted", "blasts", "boasted", "boasts", "bragged", "brags", "cautioned", "cautions", "chanted",
    "claim", "claimed", "complained", "complains", "conceded", "concedes", "concluded", "concludes", "confirmed",
    "confirms", "contended", "contends", "continued", "continues", "countered", "cried", "cries", "declare",
    "declared", "declares", "demanded", "denied", "denies", "e-mailed", "elaborated", "elaborates", "emailed",
    "emphasised", "emphasises", "emphasized", "emphasizes", "exclaimed", "exclaims", "explain", "explained",
    "explains", "griped", "gripes", "hinted", "hints", "insist", "insisted", "insists", "interjected", "interjects",
    "joked", "lamented", "laments", "laughed", "maintained", "mentioned", "messaged", "mused", "muttered", "mutters",
    "note", "noted", "observed", "observes", "opined", "opines", "pleaded", "pleads", "pledged", "pointed", "posted",
    "predicted", "predicts", "proclaimed", "proclaims", "promised", "quip", "quipped", "quips", "quoted", "recalled",
    "recalls", "recounted", "recounts", "reiterated", "reiterates", "remarked", "replied", "replies", "reply",
    "reported", "reports", "responded", "responds", "retorted", "retorts", "said", "say", "says", "scoffed", "scoffs",
    "screamed", "screams", "shouted", "shouts", "sighed", "snapped", "stated", "stressed", "suggested", "suggests",
    "tell", "tells", "testified", "testifies", "texted", "threatened", "thundered", "thunders", "told", "touted",
    "tweeted", "tweeting", "urged", "urges", "vowed", "warn", "warned", "warns", "whispered", "whispers", "wondered",
    "wonders", "write", "writes", "written", "wrote", "yelled", "yells",
];

/// Speech verbs as participles ("saying", "adding"): the speaker is the subject of the clause they hang on.
const SPEECH_PARTICIPLE: &[&str] = &[
    "accusing", "acknowledging", "adding", "admitting", "announcing", "answering", "arguing", "asking", "asserting",
    "assuring", "boasting", "calling", "cautioning", "chanting", "claiming", "complaining", "conceding", "concluding",
    "confirming", "contending", "continuing", "countering", "declaring", "demanding", "denying", "describing",
    "emphasising", "emphasizing", "exclaiming", "explaining", "insisting", "joking", "lamenting", "maintaining",
    "noting", "observing", "pledging", "pointing", "posting", "predicting", "proclaiming", "promising", "quipping",
    "recalling", "reiterating", "remarking", "replying", "responding", "saying", "screaming", "shouting", "stating",
    "stressing", "suggesting", "telling", "testifying", "threatening", "urging", "vowing", "warning", "wondering",
    "writing", "yelling",
];

/// Verbs that report speech only when they directly frame a quote ("called", "read").
const SPEECH_WEAK: &[&str] = &[
    "call", "called", "calls", "describe", "described", "describes", "dub", "dubbed", "dubs", "label", "labeled",
    "labelled", "labels", "read", "reads", "term", "termed", "terms",
];

/// Nouns that, after "in a(n)", extend a speech cue ("said in a statement").
pub const CHANNEL_NOUNS: &[&str] = &[
    "address", "appearance", "broadcast", "column", "e-mail", "email", "essay", "interview", "letter", "memo",
    "message", "note", "op-ed", "podcast", "post", "release", "speech", "statement", "tweet", "video",
];

/// Auxiliaries, adverbs and time words that may sit between a subject and its speech verb ("X also said", "X on Monday told"); weekdays are added by the lookup.
const AUX_AND_ADVERBS: &[&str] = &[
    "afternoon", "again", "allegedly", "already", "also", "apparently", "are", "back", "be", "been", "being", "could",
    "did", "do", "does", "earlier", "even", "evening", "finally", "first", "flatly", "further", "go", "goes", "gone",
    "had", "has", "have", "having", "immediately", "initially", "is", "just", "last", "later", "may", "might",
    "morning", "must", "never", "night", "not", "now", "often", "on", "once", "previously", "privately", "publicly",
    "recently", "repeatedly", "reportedly", "should", "simply", "soon", "still", "subsequently", "then", "this", "to",
    "today", "tomorrow", "tonight", "too", "ultimately", "was", "week", "went", "were", "will", "would", "yesterday",
];

/// Personal and relative pronouns that can be the subject of a speech verb.
const SUBJECT_PRONOUNS: &[&str] = &["he", "i", "it", "she", "they", "we", "who", "you"];

/// Pronouns that refer to a man.
const MALE_PRONOUNS: &[&str] = &["he", "him", "himself", "his"];

/// Pronouns that refer to a woman.
const FEMALE_PRONOUNS: &[&str] = &["her", "hers", "herself", "she"];

/// Articles, possessive and demonstrative determiners that open a noun phrase ("the", "his", "this").
const DETERMINERS: &[&str] =
    &["a", "an", "her", "his", "its", "my", "our", "that", "the", "their", "these", "this", "those", "your"];

/// Quantifiers and numerals that open a description ("another", "several", "two").
const QUANTIFIERS: &[&str] = &[
    "another", "both", "each", "few", "four", "many", "most", "multiple", "no", "numerous", "one", "other", "several",
    "some", "three", "two",
];

/// Words other than speech verbs that, right after a name, show it used as a person's: relative
/// and reflexive pronouns ("Ruiz, who", "Ruiz himself") and what news says of people acting
/// ("Ruiz won", "Ruiz has"). Weak evidence, only ever used for the surname of a full name.
const PERSON_FOLLOWERS: &[&str] = &[
    "believes", "called", "calls", "campaigned", "claims", "did", "does", "had", "has", "herself", "himself", "is",
    "lost", "met", "notes", "speaks", "spoke", "thinks", "tweets", "wants", "was", "who", "will", "won", "would",
];

/// Days of the week.
const WEEKDAYS: &[&str] = &["friday", "monday", "saturday", "sunday", "thursday", "tuesday", "wednesday"];

/// Time words that can stand between a speaker and the verb after it ("X on Tuesday said",
/// "X later said"), weekdays aside.
const TIME_ADVERBS: &[&str] = &[
    "afternoon", "also", "evening", "last", "later", "morning", "night", "on", "recently", "then", "today", "tonight",
    "yesterday",
];

/// Months, in full.
const MONTHS: &[&str] = &[
    "april", "august", "december", "february", "january", "july", "june", "march", "may", "november", "october",
    "september",
];

/// Month abbreviations that open sentences ("Sept. 5"), without the period.
const MONTH_ABBREVIATIONS: &[&str] = &["aug", "dec", "feb", "jan", "nov", "oct", "sept"];

/// Words that open sentences capitalised but never start names ("But", "Meanwhile"); weekdays, months and month abbreviations are added by the lookup.
const CAPITALIZED_STOPWORDS: &[&str] = &[
    "about", "according", "added", "after", "again", "against", "also", "although", "amid", "among", "and", "as",
    "asked", "at", "because", "before", "between", "but", "by", "despite", "during", "earlier", "even", "following",
    "for", "from", "here", "how", "however", "if", "in", "indeed", "instead", "into", "it", "just", "last", "later",
    "like", "meanwhile", "next", "not", "now", "of", "on", "once", "only", "onto", "or", "over", "said", "says",
    "since", "so", "speaking", "still", "that", "then", "there", "this", "though", "through", "to", "today", "told",
    "under", "unlike", "upon", "what", "when", "where", "which", "while", "why", "with", "within", "without",
    "yesterday", "yet",
];

/// Speech verbs written before their subject after a comma ("…, said Ana Ruiz").
const INVERTING_SPEECH_VERBS: &[&str] = &[
    "added", "adds", "argued", "argues", "continued", "continues", "explained", "explains", "insisted", "insists",
    "noted", "notes", "observed", "recalled", "recalls", "said", "says", "writes", "wrote",
];

/// Words that end a description phrase when extending it ("a spokesman for ...").
const DESCRIPTION_ENDERS: &[&str] = &[
    "about", "after", "and", "as", "at", "because", "before", "but", "by", "during", "for", "from", "if", "in", "into",
    "on", "or", "over", "said", "says", "than", "that", "to", "told", "under", "when", "which", "while", "who", "with",
];

/// Lowercase words that sit inside a speaker's title before the name ("Pentagon spokesman Neil Abara", "campaign press secretary").
const SPEAKER_ROLE_WORDS: &[&str] = &[
    "activist", "adviser", "advisor", "aide", "ambassador", "analyst", "anchor", "attorney", "campaign", "candidate",
    "captain", "chair", "chairman", "chairwoman", "chief", "coach", "commissioner", "communications", "congressman",
    "congresswoman", "consultant", "correspondent", "defence", "defense", "deputy", "director", "economist", "editor",
    "envoy", "executive", "foreign", "former", "founder", "general", "governor", "head", "host", "house", "judge",
    "justice", "lawmaker", "lawyer", "leader", "manager", "mayor", "member", "minister", "national", "nominee",
    "officer", "official", "operative", "party", "pollster", "president", "press", "professor", "prosecutor", "rep",
    "reporter", "representative", "researcher", "secretary", "security", "senator", "senior", "sheriff", "speaker",
    "spokesman", "spokesperson", "spokeswoman", "staff", "state", "strategist", "supporter",
];

/// Words before a quoted stretch that mark it as a name, title or term, not speech ("so-called", "dubbed", "the slogan").
const NAMING_WORDS: &[&str] = &[
    "a.k.a.", "act", "ad", "advert", "aka", "album", "article", "banner", "bill", "book", "brand", "campaign",
    "catchphrase", "chant", "code-named", "codenamed", "column", "commercial", "documentary", "dubbed", "entitled",
    "film", "hashtag", "hat", "hats", "headline", "initiative", "known", "label", "mantra", "moniker", "motto",
    "movie", "named", "newsletter", "nickname", "nicknamed", "novel", "op-ed", "operation", "phrase", "plan", "play",
    "podcast", "program", "programme", "project", "series", "shirt", "show", "sign", "signs", "slogan", "so-called",
    "song", "spot", "t-shirt", "tagline", "term", "titled", "word",
];

/// Short function words written lower case inside titles ("Fox and Friends", "Meet the Press").
const TITLE_MINOR_WORDS: &[&str] = &["a", "an", "and", "at", "for", "in", "of", "on", "or", "the", "to", "with"];

/// Titles and role nouns (lower case, no period) with their canonical role word ("sen" -> "senator").
const TITLES: &[(&str, &str)] = &[
    ("adm", "admiral"),
    ("admiral", "admiral"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("aide", "aide"),
    ("ambassador", "ambassador"),
    ("analyst", "analyst"),
    ("attorney", "attorney"),
    ("bishop", "bishop"),
    ("brig", "brigadier"),
    ("brigadier", "brigadier"),
    ("capt", "captain"),
    ("captain", "captain"),
    ("cardinal", "cardinal"),
    ("ceo", "ceo"),
    ("chair", "chair"),
    ("chairman", "chairman"),
    ("chairwoman", "chairwoman"),
    ("chancellor", "chancellor"),
    ("chief", "chief"),
    ("cmdr", "commander"),
    ("coach", "coach"),
    ("col", "colonel"),
    ("colonel", "colonel"),
    ("commander", "commander"),
    ("commissioner", "commissioner"),
    ("congressman", "congressman"),
    ("congresswoman", "congresswoman"),
    ("counterpart", "counterpart"),
    ("dame", "dame"),
    ("defender", "defender"),
    ("deputy", "deputy"),
    ("director", "director"),
    ("doctor", "doctor"),
    ("dr", "doctor"),
    ("economist", "economist"),
    ("envoy", "envoy"),
    ("executive", "executive"),
    ("founder", "founder"),
    ("gen", "general"),
    ("general", "general"),
    ("goalkeeper", "goalkeeper"),
    ("gov", "governor"),
    ("governor", "governor"),
    ("head", "head"),
    ("imam", "imam"),
    ("judge", "judge"),
    ("justice", "justice"),
    ("king", "king"),
    ("lady", "lady"),
    ("leader", "leader"),
    ("lieutenant", "lieutenant"),
    ("lord", "lord"),
    ("lt", "lieutenant"),
    ("maj", "major"),
    ("major", "major"),
    ("manager", "manager"),
    ("marshal", "marshal"),
    ("mayor", "mayor"),
    ("midfielder", "midfielder"),
    ("minister", "minister"),
    ("miss", "ms"),
    ("mister", "mr"),
    ("mr", "mr"),
    ("mrs", "mrs"),
    ("ms", "ms"),
    ("officer", "officer"),
    ("official", "official"),
    ("pope", "pope"),
    ("premier", "premier"),
    ("president", "president"),
    ("prince", "prince"),
    ("princess", "princess"),
    ("prof", "professor"),
    ("professor", "professor"),
    ("prosecutor", "prosecutor"),
    ("queen", "queen"),
    ("rabbi", "rabbi"),
    ("rep", "representative"),
    ("representative", "representative"),
    ("rev", "reverend"),
    ("reverend", "reverend"),
    ("secretary", "secretary"),
    ("sen", "senator"),
    ("senator", "senator"),
    ("sergeant", "sergeant"),
    ("sgt", "sergeant"),
    ("sheikh", "sheikh"),
    ("sir", "sir"),
    ("spokesman", "spokesman"),
    ("spokesperson", "spokesperson"),
    ("spokeswoman", "spokeswoman"),
    ("striker", "striker"),
    ("vice", "vice"),
];

/// Titles only people carry ("mr", "president", "sen"), unlike role nouns that also follow organisations ("Pentagon spokesman").
const HONORIFICS: &[&str] = &[
    "adm", "ambassador", "bishop", "capt", "cardinal", "chancellor", "col", "congressman", "congresswoman", "dame",
    "dr", "gen", "general", "gov", "governor", "imam", "judge", "justice", "king", "lord", "lt", "mayor", "minister",
    "mr", "mrs", "ms", "pope", "premier", "president", "prince", "princess", "prof", "queen", "rabbi", "rep", "rev",
    "reverend", "secretary", "sen", "senator", "sgt", "sheikh", "sir",
];

/// Canonical roles that imply a man.
const MALE_ROLES: &[&str] = &["chairman", "congressman", "king", "lord", "mr", "prince", "sir", "spokesman"];

/// Canonical roles that imply a woman.
const FEMALE_ROLES: &[&str] =
    &["chairwoman", "congresswoman", "dame", "lady", "mrs", "ms", "princess", "queen", "spokeswoman"];

/// Party and nationality words that describe a person in front of the name ("Republican Ana Ruiz").
const DESCRIPTORS: &[&str] = &[
    "american", "british", "chinese", "conservative", "democrat", "democratic", "french", "german", "gop",
    "independent", "iranian", "israeli", "labour", "liberal", "libertarian", "republican", "russian", "socialist",
    "syrian", "tory",
];

/// Words that turn what follows a name and a comma into a clause, not an apposition ("Ruiz, the mayor, said" vs "Ruiz, the mayor also said").
const CLAUSE_WORDS: &[&str] = &[
    "added", "also", "had", "has", "is", "said", "says", "that", "told", "was", "when", "where", "which", "while",
    "who", "whose", "will", "would",
];

/// Words that make a multi-word name an organisation's, not a person's ("Foundation", "Party").
const ORG_WORDS: &[&str] = &[
    "administration", "agency", "airline", "airlines", "army", "association", "bank", "board", "campaign", "center",
    "central", "centre", "club", "college", "committee", "company", "convention", "corp", "council", "court",
    "department", "enterprises", "entertainment", "federal", "force", "forces", "foundation", "front", "fund",
    "global", "group", "holdings", "hotel", "house", "inc", "institute", "international", "league", "media",
    "ministry", "national", "network", "news", "office", "organisation", "organization", "party", "post", "school",
    "state", "states", "times", "tower", "towers", "union", "united", "university",
];

/// Nouns that stand for an organisation mentioned before ("the company said").
const ORG_NOUNS: &[&str] = &[
    "agency", "airline", "army", "association", "authority", "automaker", "bank", "board", "broadcaster", "business",
    "carmaker", "charity", "club", "coalition", "commission", "committee", "company", "conglomerate", "consortium",
    "council", "court", "department", "developer", "embassy", "exchange", "federation", "firm", "foundation", "fund",
    "giant", "group", "hospital", "institute", "insurer", "league", "lender", "maker", "manufacturer", "military",
    "militia", "ministry", "movement", "network", "newspaper", "office", "operator", "organisation", "organization",
    "party", "police", "publisher", "regulator", "retailer", "service", "startup", "studio", "team", "union",
    "university", "watchdog",
];

/// Nouns that stand for an organisation only when its name contains them ("the government" for "the Syrian Government").
const ORG_NOUNS_STRICT: &[&str] = &["administration", "cabinet", "congress", "government", "parliament", "senate"];

/// Corporate suffixes dropped when matching organisation names ("Acme Corp" ~ "Acme").
const CORPORATE_SUFFIXES: &[&str] =
    &["ag", "co", "corp", "corporation", "gmbh", "inc", "limited", "llc", "llp", "lp", "ltd", "nv", "plc", "sa"];

/// Name particles dropped from person keys ("Bashar al-Assad" ~ "Assad", "Robert De Niro" ~ "Niro").
const NAME_PARTICLES: &[&str] = &[
    "al", "ben", "bin", "da", "das", "de", "del", "den", "der", "di", "dos", "du", "el", "ibn", "la", "le", "ter",
    "van", "von",
];

/// Generational suffixes after a person's name ("Jr", "III").
const NAME_SUFFIXES: &[&str] = &["ii", "iii", "iv", "jr", "junior", "senior", "sr"];

/// Lowercase words that join the parts of one name ("Bank of America", "Ludwig van Beethoven").
const NAME_CONNECTORS: &[&str] =
    &["al", "bin", "da", "de", "del", "den", "der", "di", "du", "for", "la", "le", "of", "the", "van", "von", "y"];

/// Words skipped when forming a name's initials ("Islamic State of Iraq and the Levant" -> "isil").
const INITIALS_STOPWORDS: &[&str] = &[
    "&", "a", "al", "an", "and", "at", "das", "de", "der", "des", "die", "du", "el", "et", "for", "in", "la", "le",
    "of", "on", "the", "to", "und", "y",
];

#[inline]
fn has(list: &[&str], lower: &str) -> bool {
    list.binary_search(&lower).is_ok()
}

/// Copies `word` lower-cased into `buf` when it is short ASCII; `None` otherwise (no list
/// entry that needs it is longer than 12 bytes or non-ASCII).
fn ascii_lower<'b>(word: &str, buf: &'b mut [u8; 12]) -> Option<&'b str> {
    let bytes = word.as_bytes();
    if bytes.is_empty() || bytes.len() > buf.len() || !bytes.is_ascii() {
        return None;
    }
    for (dst, src) in buf.iter_mut().zip(bytes) {
        *dst = src.to_ascii_lowercase();
    }
    std::str::from_utf8(&buf[..bytes.len()]).ok()
}

// --- Abbreviations and sentence openers (text layer) ---

/// An abbreviation that keeps its period, from its lowercase form without the period and
/// whether it is written with a capital ("Mass." is one, "mass." is not).
pub fn abbreviation_lower(lower: &str, capitalized: bool) -> Option<Abbrev> {
    let i = ABBREVIATIONS.binary_search_by(|(w, _, _)| (*w).cmp(lower)).ok()?;
    let (_, kind, needs_capital) = ABBREVIATIONS[i];
    (!needs_capital || capitalized).then_some(kind)
}

/// Looks up `word` as written (without its period) as an abbreviation that keeps its period.
pub fn abbreviation(word: &str) -> Option<Abbrev> {
    let mut buf = [0u8; 12];
    let low = ascii_lower(word, &mut buf)?;
    abbreviation_lower(low, word.as_bytes()[0].is_ascii_uppercase())
}

/// Company and name suffixes ("Inc", "Corp", "Jr"), as written without the period:
/// abbreviations that often close a sentence.
pub fn is_name_suffix(word: &str) -> bool {
    let mut buf = [0u8; 12];
    ascii_lower(word, &mut buf).is_some_and(|w| has(NAME_SUFFIX_ABBREVIATIONS, w))
}

/// True when `word`, as written, is a capitalised word that usually opens a sentence ("The", "He").
pub fn is_sentence_starter(word: &str) -> bool {
    if !word.as_bytes().first().is_some_and(|b| b.is_ascii_uppercase()) {
        return false;
    }
    let mut buf = [0u8; 12];
    ascii_lower(word, &mut buf).is_some_and(|w| has(SENTENCE_STARTERS, w))
}

/// A function word that cannot end a sentence ("the", "of"): a line ending in one goes on.
pub fn is_continuing_word(lower: &str) -> bool {
    has(CONTINUING_WORDS, lower)
}

// --- Speech ---

/// The form of a speech verb, if `lower` is one.
pub fn speech_verb(lower: &str) -> Option<SpeechVerb> {
    if has(SPEECH_FINITE, lower) {
        Some(SpeechVerb::Finite)
    } else if has(SPEECH_PARTICIPLE, lower) {
        Some(SpeechVerb::Participle)
    } else if has(SPEECH_WEAK, lower) {
        Some(SpeechVerb::Weak)
    } else {
        None
    }
}

/// A finite speech verb ("said", "tells", "argued").
pub fn is_finite_speech_verb(lower: &str) -> bool {
    has(SPEECH_FINITE, lower)
}

/// A speech verb that stands before its subject after a comma ("…, said Ana Ruiz"); verbs that
/// take an object ("told") are left out.
pub fn is_inverting_speech_verb(lower: &str) -> bool {
    has(INVERTING_SPEECH_VERBS, lower)
}

/// A noun that, after "in a(n)", extends a speech cue ("said in a statement").
pub fn is_channel_noun(lower: &str) -> bool {
    has(CHANNEL_NOUNS, lower)
}

/// An auxiliary, adverb or time word that may sit between a subject and its speech verb
/// ("also", "has", "on", "Monday", "reportedly").
pub fn is_aux_or_adverb(lower: &str) -> bool {
    has(AUX_AND_ADVERBS, lower) || is_weekday(lower) || (lower.len() > 4 && lower.ends_with("ly") && lower != "early")
}

/// A word that ends a description phrase when extending it ("a spokesman for ...").
pub fn ends_description(lower: &str) -> bool {
    has(DESCRIPTION_ENDERS, lower)
}

/// A lowercase word that sits inside a speaker's title before the name ("Pentagon spokesman").
pub fn is_speaker_role_word(lower: &str) -> bool {
    has(SPEAKER_ROLE_WORDS, lower)
}

/// A word before a quoted stretch that marks it as a name or title ("dubbed", "slogan").
pub fn is_naming_word(lower: &str) -> bool {
    has(NAMING_WORDS, lower)
}

/// A short function word written lower case inside titles ("of", "and", "the").
pub fn is_title_minor_word(lower: &str) -> bool {
    has(TITLE_MINOR_WORDS, lower)
}

// --- Function words ---

/// An article, possessive or demonstrative determiner ("the", "his", "this").
pub fn is_determiner(lower: &str) -> bool {
    has(DETERMINERS, lower)
}

/// A quantifier or small numeral that opens a description ("another", "several", "two").
pub fn is_quantifier(lower: &str) -> bool {
    has(QUANTIFIERS, lower)
}

/// A pronoun that can be the subject of a speech verb ("he", "they", "who"); a contracted
/// auxiliary is allowed ("he'd", "she's").
pub fn is_subject_pronoun(lower: &str) -> bool {
    let base = lower.split(['’', '\'']).next().unwrap_or(lower);
    has(SUBJECT_PRONOUNS, base)
}

/// The gender of a third-person pronoun ("he", "his", "herself").
pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    if has(MALE_PRONOUNS, lower) {
        Some(Gender::Male)
    } else if has(FEMALE_PRONOUNS, lower) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A capitalised word that opens sentences but never starts a name ("But", "Monday",
/// "Sept.").
pub fn is_capitalized_stopword(lower: &str) -> bool {
    has(CAPITALIZED_STOPWORDS, lower)
        || is_weekday(lower)
        || is_month(lower)
        || lower.strip_suffix('.').is_some_and(|w| has(MONTH_ABBREVIATIONS, w))
}

/// A word that turns what follows a name and a comma into a clause, not an apposition.
pub fn is_clause_word(lower: &str) -> bool {
    has(CLAUSE_WORDS, lower)
}

/// A word other than a speech verb that, right after a name, shows it used as a person's
/// ("who", "himself", "won").
pub fn is_person_follower(lower: &str) -> bool {
    has(PERSON_FOLLOWERS, lower)
}

// --- Time ---

/// A day of the week ("monday").
pub fn is_weekday(lower: &str) -> bool {
    has(WEEKDAYS, lower)
}

/// A weekday or a time word that can follow a speaker before the verb ("tuesday", "later").
pub fn is_time_adverb(lower: &str) -> bool {
    is_weekday(lower) || has(TIME_ADVERBS, lower)
}

/// A month, in full ("september").
pub fn is_month(lower: &str) -> bool {
    has(MONTHS, lower)
}

// --- People ---

/// The canonical role of a title or role noun (lower case, no period): "sen" -> "senator".
pub fn role_of(lower: &str) -> Option<&'static str> {
    let i = TITLES.binary_search_by(|(w, _)| (*w).cmp(lower)).ok()?;
    Some(TITLES[i].1)
}

/// A title only people carry ("mr", "president", "sen").
pub fn is_honorific(lower: &str) -> bool {
    has(HONORIFICS, lower)
}

/// The gender a canonical role implies ("mrs" -> female, "spokesman" -> male), if any.
pub fn role_gender(role: &str) -> Option<Gender> {
    if has(MALE_ROLES, role) {
        Some(Gender::Male)
    } else if has(FEMALE_ROLES, role) {
        Some(Gender::Female)
    } else {
        None
    }
}

/// A party or nationality word that describes a person in front of the name.
pub fn is_descriptor(lower: &str) -> bool {
    has(DESCRIPTORS, lower)
}

/// A name particle ("al", "van", "de").
pub fn is_name_particle(lower: &str) -> bool {
    has(NAME_PARTICLES, lower)
}

/// Arabic article prefixes written with a hyphen ("al-Assad"): dropped from person keys.
pub const NAME_PARTICLE_PREFIXES: &[&str] = &["ad-", "al-", "an-", "as-", "ash-", "at-", "az-", "bin-", "el-", "ibn-"];

/// A generational suffix ("jr", "iii").
pub fn is_name_suffix_word(lower: &str) -> bool {
    has(NAME_SUFFIXES, lower)
}

/// A lowercase word that joins the parts of one name ("of", "van", "bin").
pub fn is_name_connector(lower: &str) -> bool {
    has(NAME_CONNECTORS, lower)
}

// --- Organisations ---

/// A word that makes a multi-word name an organisation's ("foundation", "party").
pub fn is_org_word(lower: &str) -> bool {
    has(ORG_WORDS, lower)
}

/// A noun that stands for an organisation mentioned before ("company"), and how strictly.
pub fn org_noun(lower: &str) -> Option<OrgNoun> {
    if has(ORG_NOUNS, lower) {
        Some(OrgNoun::Any)
    } else if has(ORG_NOUNS_STRICT, lower) {
        Some(OrgNoun::Strict)
    } else {
        None
    }
}

/// A corporate suffix ("inc", "gmbh", "limited").
pub fn is_corporate_suffix(lower: &str) -> bool {
    has(CORPORATE_SUFFIXES, lower)
}

/// A word skipped when forming initials ("of", "the", "&").
pub fn is_initials_stopword(lower: &str) -> bool {
    has(INITIALS_STOPWORDS, lower)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_list_is_sorted_without_duplicates() {
        let lists: &[(&str, &[&str])] = &[
            ("SENTENCE_STARTERS", SENTENCE_STARTERS),
            ("NAME_SUFFIX_ABBREVIATIONS", NAME_SUFFIX_ABBREVIATIONS),
            ("CONTINUING_WORDS", CONTINUING_WORDS),
            ("SPEECH_FINITE", SPEECH_FINITE),
            ("SPEECH_PARTICIPLE", SPEECH_PARTICIPLE),
            ("SPEECH_WEAK", SPEECH_WEAK),
            ("CHANNEL_NOUNS", CHANNEL_NOUNS),
            ("AUX_AND_ADVERBS", AUX_AND_ADVERBS),
            ("SUBJECT_PRONOUNS", SUBJECT_PRONOUNS),
            ("MALE_PRONOUNS", MALE_PRONOUNS),
            ("FEMALE_PRONOUNS", FEMALE_PRONOUNS),
            ("DETERMINERS", DETERMINERS),
            ("QUANTIFIERS", QUANTIFIERS),
            ("PERSON_FOLLOWERS", PERSON_FOLLOWERS),
            ("WEEKDAYS", WEEKDAYS),
            ("TIME_ADVERBS", TIME_ADVERBS),
            ("MONTHS", MONTHS),
            ("MONTH_ABBREVIATIONS", MONTH_ABBREVIATIONS),
            ("CAPITALIZED_STOPWORDS", CAPITALIZED_STOPWORDS),
            ("DESCRIPTION_ENDERS", DESCRIPTION_ENDERS),
            ("INVERTING_SPEECH_VERBS", INVERTING_SPEECH_VERBS),
            ("SPEAKER_ROLE_WORDS", SPEAKER_ROLE_WORDS),
            ("NAMING_WORDS", NAMING_WORDS),
            ("TITLE_MINOR_WORDS", TITLE_MINOR_WORDS),
            ("HONORIFICS", HONORIFICS),
            ("MALE_ROLES", MALE_ROLES),
            ("FEMALE_ROLES", FEMALE_ROLES),
            ("DESCRIPTORS", DESCRIPTORS),
            ("CLAUSE_WORDS", CLAUSE_WORDS),
            ("ORG_WORDS", ORG_WORDS),
            ("ORG_NOUNS", ORG_NOUNS),
            ("ORG_NOUNS_STRICT", ORG_NOUNS_STRICT),
            ("CORPORATE_SUFFIXES", CORPORATE_SUFFIXES),
            ("NAME_PARTICLES", NAME_PARTICLES),
            ("NAME_PARTICLE_PREFIXES", NAME_PARTICLE_PREFIXES),
            ("NAME_SUFFIXES", NAME_SUFFIXES),
            ("NAME_CONNECTORS", NAME_CONNECTORS),
            ("INITIALS_STOPWORDS", INITIALS_STOPWORDS),
        ];
        for (name, list) in lists {
            for w in list.windows(2) {
                assert!(w[0] < w[1], "{name}: {:?} before {:?}", w[0], w[1]);
            }
            for w in *list {
                assert_eq!(*w, w.to_lowercase(), "{name}: {w:?} is not lower case");
            }
        }
        assert!(ABBREVIATIONS.windows(2).all(|w| w[0].0 < w[1].0));
        assert!(TITLES.windows(2).all(|w| w[0].0 < w[1].0));
    }

    #[test]
    fn abbreviations_are_found_case_insensitively() {
        assert_eq!(abbreviation("Gen"), Some(Abbrev::Title));
        assert_eq!(abbreviation("GEN"), Some(Abbrev::Title));
        assert_eq!(abbreviation("Inc"), Some(Abbrev::Other));
        assert_eq!(abbreviation("Sept"), Some(Abbrev::Other));
        assert_eq!(abbreviation("house"), None);
        assert_eq!(abbreviation(""), None);
        assert_eq!(abbreviation("Genève"), None);
        // Not listed: "Penn." ends sentences about Sean Penn; "Govs." would change the tokens the
        // news clusters are built from, and with them the shipped model (see model/MODEL_CARD.md).
        assert_eq!(abbreviation("Penn"), None);
    }

    #[test]
    fn abbreviations_that_are_also_words_need_a_capital() {
        assert_eq!(abbreviation("Mass"), Some(Abbrev::Other));
        assert_eq!(abbreviation("mass"), None);
        assert_eq!(abbreviation("ill"), None);
    }

    #[test]
    fn sentence_starters_must_be_capitalised() {
        assert!(is_sentence_starter("The"));
        assert!(is_sentence_starter("THE"));
        assert!(!is_sentence_starter("the"));
        assert!(!is_sentence_starter("Senate"));
    }

    #[test]
    fn classes() {
        assert_eq!(speech_verb("said"), Some(SpeechVerb::Finite));
        assert_eq!(speech_verb("adding"), Some(SpeechVerb::Participle));
        assert_eq!(speech_verb("dubbed"), Some(SpeechVerb::Weak));
        assert_eq!(speech_verb("has"), None);
        assert_eq!(role_of("sen"), Some("senator"));
        assert_eq!(role_gender("spokeswoman"), Some(Gender::Female));
        assert!(is_subject_pronoun("he'd") && is_subject_pronoun("she’s"));
        assert_eq!(pronoun_gender("himself"), Some(Gender::Male));
        assert!(is_capitalized_stopword("sept.") && is_capitalized_stopword("monday"));
        assert!(is_aux_or_adverb("tuesday") && is_aux_or_adverb("reportedly"));
        assert_eq!(org_noun("government"), Some(OrgNoun::Strict));
    }
}
