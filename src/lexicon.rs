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

/// Verbs that report speech only when they directly frame a quote ("called", "read"), among
/// them verbs of characterising someone's words ("referred to the mayor as “…”", "decried the
/// party for “…”": PolNeAR counts the quoted words; train detection F1 +0.0009, dev +0.0007),
/// and, since issue 9's third round, verbs of judging them ("accused X of “…”", "dismissed it as
/// “…”", "blamed", "slammed", "praised", "criticized", "cited").
const SPEECH_WEAK: &[&str] = &[
    "accused", "accuses", "blamed", "blames", "branded", "brands", "call", "called", "calls", "characterized",
    "characterizes", "cited", "cites", "criticised", "criticized", "criticizes", "decried", "decries", "denounced",
    "denounces", "describe", "described", "describes", "dismissed", "dismisses", "dub", "dubbed", "dubs", "label",
    "labeled", "labelled", "labels", "mocked", "mocks", "praised", "praises", "read", "reads", "refer", "referred",
    "refers", "slammed", "slams", "term", "termed", "terms",
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

// --- Values (dates, times, money, percentages, quantities, numbers) ---

/// Spelled-out numbers below a hundred that combine ("twenty-three").
const NUMBER_WORDS: &[(&str, u32)] = &[
    ("eight", 8),
    ("eighteen", 18),
    ("eighty", 80),
    ("eleven", 11),
    ("fifteen", 15),
    ("fifty", 50),
    ("five", 5),
    ("forty", 40),
    ("four", 4),
    ("fourteen", 14),
    ("nine", 9),
    ("nineteen", 19),
    ("ninety", 90),
    ("one", 1),
    ("seven", 7),
    ("seventeen", 17),
    ("seventy", 70),
    ("six", 6),
    ("sixteen", 16),
    ("sixty", 60),
    ("ten", 10),
    ("thirteen", 13),
    ("thirty", 30),
    ("three", 3),
    ("twelve", 12),
    ("twenty", 20),
    ("two", 2),
    ("zero", 0),
];
/// Words that multiply the number before them ("3.5 million", "half a dozen").
const SCALE_WORDS: &[(&str, f64)] = &[
    ("billion", 1e9),
    ("bn", 1e9),
    ("crore", 1e7),
    ("dozen", 12.0),
    ("hundred", 100.0),
    ("lakh", 1e5),
    ("million", 1e6),
    ("mln", 1e6),
    ("mn", 1e6),
    ("thousand", 1e3),
    ("tn", 1e12),
    ("trillion", 1e12),
];
/// Scale suffixes written on the digits ("£2bn", "$40m", "5k"); "m" is a million only for money.
const GLUED_SCALES: &[(&str, f64)] = &[("bn", 1e9), ("k", 1e3), ("m", 1e6), ("mn", 1e6), ("tn", 1e12)];
/// Plural scale words that stand alone as a number ("thousands of people").
const VAGUE_NUMBERS: &[&str] = &["billions", "dozens", "hundreds", "millions", "tens", "thousands"];
/// Nouns for a person that an age in commas follows ("a local man, 44,"): the number is an age.
const PERSON_NOUNS: &[&str] = &[
    "boy", "daughter", "driver", "father", "girl", "grandmother", "husband", "man", "mother", "pensioner", "resident",
    "son", "student", "teenager", "wife", "woman",
];
/// Words for people before "under 30" or "over 65", which then is an age.
const PEOPLE_WORDS: &[&str] = &[
    "adults", "anyone", "children", "drivers", "men", "people", "residents", "students", "them", "those", "voters",
    "women", "workers",
];
/// Decades of life ("in their forties").
const LIFE_DECADES: &[(&str, u32)] = &[
    ("eighties", 80),
    ("fifties", 50),
    ("forties", 40),
    ("nineties", 90),
    ("seventies", 70),
    ("sixties", 60),
    ("thirties", 30),
    ("twenties", 20),
];
/// Ordinal words and their numbers ("fifth" = 5).
const ORDINAL_WORDS: &[(&str, u32)] = &[
    ("eighteenth", 18),
    ("eighth", 8),
    ("eightieth", 80),
    ("eleventh", 11),
    ("fifteenth", 15),
    ("fifth", 5),
    ("fiftieth", 50),
    ("first", 1),
    ("fortieth", 40),
    ("fourteenth", 14),
    ("fourth", 4),
    ("hundredth", 100),
    ("millionth", 1000000),
    ("nineteenth", 19),
    ("ninetieth", 90),
    ("ninth", 9),
    ("second", 2),
    ("seventeenth", 17),
    ("seventh", 7),
    ("seventieth", 70),
    ("sixteenth", 16),
    ("sixth", 6),
    ("sixtieth", 60),
    ("tenth", 10),
    ("third", 3),
    ("thirteenth", 13),
    ("thirtieth", 30),
    ("thousandth", 1000),
    ("twelfth", 12),
    ("twentieth", 20),
];
/// Denominators of spelled-out fractions ("three-quarters", "two-thirds").
const FRACTION_WORDS: &[(&str, u32)] = &[
    ("fifth", 5),
    ("fifths", 5),
    ("fourth", 4),
    ("fourths", 4),
    ("half", 2),
    ("halves", 2),
    ("quarter", 4),
    ("quarters", 4),
    ("tenth", 10),
    ("tenths", 10),
    ("third", 3),
    ("thirds", 3),
];
/// Currency signs written before the amount, lower case, and their ISO 4217 codes.
const CURRENCY_SIGNS: &[(&str, &str)] = &[
    ("$", "USD"),
    ("a$", "AUD"),
    ("c$", "CAD"),
    ("hk$", "HKD"),
    ("nz$", "NZD"),
    ("r$", "BRL"),
    ("rs", "INR"),
    ("rs.", "INR"),
    ("s$", "SGD"),
    ("us$", "USD"),
    ("£", "GBP"),
    ("¥", "JPY"),
    ("₦", "NGN"),
    ("₩", "KRW"),
    ("€", "EUR"),
    ("₹", "INR"),
    ("₺", "TRY"),
    ("₽", "RUB"),
];
/// ISO 4217 codes news writes next to amounts ("USD 5m", "5 million EUR"); only matched in capitals.
const CURRENCY_CODES: &[(&str, &str)] = &[
    ("aud", "AUD"),
    ("brl", "BRL"),
    ("cad", "CAD"),
    ("chf", "CHF"),
    ("cny", "CNY"),
    ("eur", "EUR"),
    ("gbp", "GBP"),
    ("hkd", "HKD"),
    ("inr", "INR"),
    ("jpy", "JPY"),
    ("krw", "KRW"),
    ("mxn", "MXN"),
    ("nok", "NOK"),
    ("nzd", "NZD"),
    ("rub", "RUB"),
    ("sek", "SEK"),
    ("sgd", "SGD"),
    ("usd", "USD"),
    ("zar", "ZAR"),
];
/// Currency names written after the amount, their ISO 4217 code and what one is worth in that currency (a cent is 0.01 USD). "pound(s)" is decided by the scanner: money after a scale word, a weight otherwise.
const CURRENCY_WORDS: &[(&str, &str, f64)] = &[
    ("baht", "THB", 1.0),
    ("cent", "USD", 0.01),
    ("cents", "USD", 0.01),
    ("dollar", "USD", 1.0),
    ("dollars", "USD", 1.0),
    ("euro", "EUR", 1.0),
    ("euros", "EUR", 1.0),
    ("franc", "CHF", 1.0),
    ("francs", "CHF", 1.0),
    ("naira", "NGN", 1.0),
    ("pence", "GBP", 0.01),
    ("peso", "MXN", 1.0),
    ("pesos", "MXN", 1.0),
    ("rand", "ZAR", 1.0),
    ("reais", "BRL", 1.0),
    ("renminbi", "CNY", 1.0),
    ("ringgit", "MYR", 1.0),
    ("rouble", "RUB", 1.0),
    ("roubles", "RUB", 1.0),
    ("ruble", "RUB", 1.0),
    ("rubles", "RUB", 1.0),
    ("rupee", "INR", 1.0),
    ("rupees", "INR", 1.0),
    ("rupiah", "IDR", 1.0),
    ("shekel", "ILS", 1.0),
    ("shekels", "ILS", 1.0),
    ("sterling", "GBP", 1.0),
    ("won", "KRW", 1.0),
    ("yen", "JPY", 1.0),
    ("yuan", "CNY", 1.0),
    ("zloty", "PLN", 1.0),
    ("zlotys", "PLN", 1.0),
];
/// Units of measure written after a number: (word, unit as written canonically, factor to the SI unit, SI unit). Temperatures and angles ("degree") are kept as written (factor 1).
const UNITS: &[(&str, &str, f64, &str)] = &[
    ("acre", "acre", 4046.8564224, "m2"),
    ("acres", "acre", 4046.8564224, "m2"),
    ("barrel", "barrel", 0.158987294928, "m3"),
    ("barrels", "barrel", 0.158987294928, "m3"),
    ("centimeter", "cm", 0.01, "m"),
    ("centimeters", "cm", 0.01, "m"),
    ("centimetre", "cm", 0.01, "m"),
    ("centimetres", "cm", 0.01, "m"),
    ("cm", "cm", 0.01, "m"),
    ("degree", "degree", 1.0, "degree"),
    ("degrees", "degree", 1.0, "degree"),
    ("feet", "ft", 0.3048, "m"),
    ("foot", "ft", 0.3048, "m"),
    ("ft", "ft", 0.3048, "m"),
    ("gallon", "gal", 0.003785411784, "m3"),
    ("gallons", "gal", 0.003785411784, "m3"),
    ("gigawatt", "GW", 1000000000.0, "W"),
    ("gigawatt-hour", "GWh", 1e9, "Wh"),
    ("gigawatt-hours", "GWh", 1e9, "Wh"),
    ("gigawatts", "GW", 1000000000.0, "W"),
    ("gram", "g", 0.001, "kg"),
    ("grammes", "g", 0.001, "kg"),
    ("grams", "g", 0.001, "kg"),
    ("gw", "GW", 1000000000.0, "W"),
    ("gwh", "GWh", 1e9, "Wh"),
    ("ha", "ha", 10000.0, "m2"),
    ("hectare", "ha", 10000.0, "m2"),
    ("hectares", "ha", 10000.0, "m2"),
    ("inch", "in", 0.0254, "m"),
    ("inches", "in", 0.0254, "m"),
    ("kg", "kg", 1.0, "kg"),
    ("kgs", "kg", 1.0, "kg"),
    ("kilo", "kg", 1.0, "kg"),
    ("kilogram", "kg", 1.0, "kg"),
    ("kilogramme", "kg", 1.0, "kg"),
    ("kilogrammes", "kg", 1.0, "kg"),
    ("kilograms", "kg", 1.0, "kg"),
    ("kilometer", "km", 1000.0, "m"),
    ("kilometers", "km", 1000.0, "m"),
    ("kilometre", "km", 1000.0, "m"),
    ("kilometres", "km", 1000.0, "m"),
    ("kilos", "kg", 1.0, "kg"),
    ("kilowatt", "kW", 1000.0, "W"),
    ("kilowatt-hour", "kWh", 1e3, "Wh"),
    ("kilowatt-hours", "kWh", 1e3, "Wh"),
    ("kilowatts", "kW", 1000.0, "W"),
    ("km", "km", 1000.0, "m"),
    ("km/h", "km/h", 0.2777777777777778, "m/s"),
    ("km2", "km2", 1e6, "m2"),
    ("kms", "km", 1000.0, "m"),
    ("km²", "km2", 1e6, "m2"),
    ("kph", "km/h", 0.2777777777777778, "m/s"),
    ("kw", "kW", 1000.0, "W"),
    ("kwh", "kWh", 1e3, "Wh"),
    ("lb", "lb", 0.45359237, "kg"),
    ("lbs", "lb", 0.45359237, "kg"),
    ("liter", "l", 0.001, "m3"),
    ("liters", "l", 0.001, "m3"),
    ("litre", "l", 0.001, "m3"),
    ("litres", "l", 0.001, "m3"),
    ("m", "m", 1.0, "m"),
    ("m2", "m2", 1.0, "m2"),
    ("megawatt", "MW", 1000000.0, "W"),
    ("megawatt-hour", "MWh", 1e6, "Wh"),
    ("megawatt-hours", "MWh", 1e6, "Wh"),
    ("megawatts", "MW", 1000000.0, "W"),
    ("meter", "m", 1.0, "m"),
    ("meters", "m", 1.0, "m"),
    ("metre", "m", 1.0, "m"),
    ("metres", "m", 1.0, "m"),
    ("mg", "mg", 1e-06, "kg"),
    ("mile", "mi", 1609.344, "m"),
    ("miles", "mi", 1609.344, "m"),
    ("milligram", "mg", 1e-06, "kg"),
    ("milligrams", "mg", 1e-06, "kg"),
    ("millimeter", "mm", 0.001, "m"),
    ("millimeters", "mm", 0.001, "m"),
    ("millimetre", "mm", 0.001, "m"),
    ("millimetres", "mm", 0.001, "m"),
    ("mm", "mm", 0.001, "m"),
    ("mph", "mph", 0.44704, "m/s"),
    ("mw", "MW", 1000000.0, "W"),
    ("mwh", "MWh", 1e6, "Wh"),
    ("m²", "m2", 1.0, "m2"),
    ("ounce", "oz", 0.028349523125, "kg"),
    ("ounces", "oz", 0.028349523125, "kg"),
    ("oz", "oz", 0.028349523125, "kg"),
    ("ton", "ton", 907.18474, "kg"),
    ("tonne", "t", 1000.0, "kg"),
    ("tonnes", "t", 1000.0, "kg"),
    ("tons", "ton", 907.18474, "kg"),
    ("watt", "W", 1.0, "W"),
    ("watts", "W", 1.0, "W"),
    ("yard", "yd", 0.9144, "m"),
    ("yards", "yd", 0.9144, "m"),
    ("yd", "yd", 0.9144, "m"),
    ("yds", "yd", 0.9144, "m"),
];
/// Units of time: (word, ISO 8601 duration designator, how many of it, whether it is a date-sized unit (OntoNotes DATE) or a time-sized one (TIME)).
const TIME_UNITS: &[(&str, &str, u32, bool)] = &[
    ("centuries", "Y", 100, true),
    ("century", "Y", 100, true),
    ("day", "D", 1, true),
    ("days", "D", 1, true),
    ("decade", "Y", 10, true),
    ("decades", "Y", 10, true),
    ("fortnight", "D", 14, true),
    ("hour", "H", 1, false),
    ("hours", "H", 1, false),
    ("hrs", "H", 1, false),
    ("mins", "M", 1, false),
    ("minute", "M", 1, false),
    ("minutes", "M", 1, false),
    ("month", "M", 1, true),
    ("months", "M", 1, true),
    ("second", "S", 1, false),
    ("seconds", "S", 1, false),
    ("week", "W", 1, true),
    ("weekend", "WE", 1, true),
    ("weeks", "W", 1, true),
    ("year", "Y", 1, true),
    ("years", "Y", 1, true),
];
/// Parts of the day and their TIMEX3 codes ("Monday morning" → `XXXX-WXX-1TMO`).
const PARTS_OF_DAY: &[(&str, &str)] =
    &[("afternoon", "AF"), ("evening", "EV"), ("morning", "MO"), ("night", "NI"), ("overnight", "NI")];
/// Time-zone abbreviations after a clock time, with their UTC offset (empty when the abbreviation does not say whether daylight saving applies, "ET").
const TIME_ZONES: &[(&str, &str)] = &[
    ("bst", "+01:00"),
    ("cdt", "-05:00"),
    ("cest", "+02:00"),
    ("cet", "+01:00"),
    ("cst", "-06:00"),
    ("ct", ""),
    ("edt", "-04:00"),
    ("est", "-05:00"),
    ("et", ""),
    ("gmt", "Z"),
    ("mdt", "-06:00"),
    ("mst", "-07:00"),
    ("pdt", "-07:00"),
    ("pst", "-08:00"),
    ("pt", ""),
    ("utc", "Z"),
];
/// Months, full and abbreviated (without the period), and their numbers.
const MONTH_NUMBERS: &[(&str, u8)] = &[
    ("apr", 4),
    ("april", 4),
    ("aug", 8),
    ("august", 8),
    ("dec", 12),
    ("december", 12),
    ("feb", 2),
    ("february", 2),
    ("jan", 1),
    ("january", 1),
    ("jul", 7),
    ("july", 7),
    ("jun", 6),
    ("june", 6),
    ("mar", 3),
    ("march", 3),
    ("may", 5),
    ("nov", 11),
    ("november", 11),
    ("oct", 10),
    ("october", 10),
    ("sep", 9),
    ("sept", 9),
    ("september", 9),
];
/// Seasons and their TIMEX3 codes.
const SEASONS: &[(&str, &str)] =
    &[("autumn", "FA"), ("fall", "FA"), ("spring", "SP"), ("summer", "SU"), ("winter", "WI")];
/// Words after which a bare four-digit number is a year ("in 2014", "fiscal 2015").
const YEAR_CUES: &[&str] = &[
    "after", "around", "autumn", "before", "beginning", "by", "circa", "during", "early", "end", "fall", "fiscal",
    "for", "from", "in", "in-between", "into", "its", "late", "mid", "of", "season", "since", "spring", "start",
    "summer", "that", "the", "this", "through", "throughout", "till", "until", "winter", "year",
];
/// Words that place a unit of time relative to the article's date ("last week", "the next two years"): -1 before, 0 the current one, 1 after.
const RELATIVE_WORDS: &[(&str, i8)] = &[
    ("coming", 1),
    ("current", 0),
    ("last", -1),
    ("next", 1),
    ("past", -1),
    ("previous", -1),
    ("recent", -1),
    ("this", 0),
];
/// Days named relative to the article's date.
const DEICTIC_DAYS: &[(&str, i8)] = &[("today", 0), ("tomorrow", 1), ("yesterday", -1)];

/// Lowercase words a value can start with (or start the first part of a hyphenated word
/// with): the scanner tries its patterns only at these, at capitalised words, at words with
/// digits and at currency signs. A test checks it covers every list the patterns start from.
const VALUE_STARTERS: &[&str] = &[
    "a", "about", "above", "aged", "almost", "an", "approximately", "around", "as", "at", "autumn", "below", "between",
    "billions", "close", "coming", "current", "dawn", "daybreak", "dozens", "dusk", "early", "eight", "eighteen",
    "eighteenth", "eighth", "eighties", "eightieth", "eighty", "eleven", "eleventh", "fall", "fewer", "fifteen",
    "fifteenth", "fifth", "fifties", "fiftieth", "fifty", "first", "fiscal", "five", "forties", "fortieth", "forty",
    "four", "fourteen", "fourteenth", "fourth", "half", "hundreds", "hundredth", "just", "last", "late", "less", "mid",
    "midday", "midnight", "millions", "millionth", "minus", "more", "nearly", "next", "nine", "nineteen", "nineteenth",
    "nineties", "ninetieth", "ninety", "ninth", "no", "noon", "one", "over", "overnight", "past", "plus", "previous",
    "recent", "roughly", "rs", "rs.", "second", "seven", "seventeen", "seventeenth", "seventh", "seventies",
    "seventieth", "seventy", "several", "shortly", "six", "sixteen", "sixteenth", "sixth", "sixties", "sixtieth",
    "sixty", "some", "spring", "summer", "ten", "tens", "tenth", "the", "third", "thirteen", "thirteenth", "thirties",
    "thirtieth", "thirty", "this", "thousands", "thousandth", "three", "today", "tomorrow", "tonight", "twelfth",
    "twelve", "twenties", "twentieth", "twenty", "two", "under", "up", "upwards", "well", "winter", "yesterday",
    "zero",
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

/// How a hedge before a number qualifies it ("about", "more than", "up to").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Hedge {
    /// "about", "roughly", "nearly": the number is approximate.
    Approx,
    /// "more than", "at least", "over": the number is a lower bound.
    Lower,
    /// "fewer than", "up to", "as many as": the number is an upper bound.
    Upper,
}

/// Hedges that OntoNotes keeps inside a value's span ("about 20 kilograms", "more than $5
/// million"), as word sequences, sorted by their first word.
const HEDGES: &[(&[&str], Hedge)] = &[
    (&["about"], Hedge::Approx),
    (&["above"], Hedge::Lower),
    (&["almost"], Hedge::Approx),
    (&["an", "estimated"], Hedge::Approx),
    (&["approximately"], Hedge::Approx),
    (&["around"], Hedge::Approx),
    (&["as", "many", "as"], Hedge::Upper),
    (&["as", "much", "as"], Hedge::Upper),
    (&["at", "least"], Hedge::Lower),
    (&["at", "most"], Hedge::Upper),
    (&["below"], Hedge::Upper),
    (&["close", "to"], Hedge::Approx),
    (&["fewer", "than"], Hedge::Upper),
    (&["just", "after"], Hedge::Approx),
    (&["just", "before"], Hedge::Approx),
    (&["just", "over"], Hedge::Lower),
    (&["just", "under"], Hedge::Upper),
    (&["less", "than"], Hedge::Upper),
    (&["more", "than"], Hedge::Lower),
    (&["nearly"], Hedge::Approx),
    (&["no", "more", "than"], Hedge::Upper),
    (&["over"], Hedge::Lower),
    (&["plus", "or", "minus"], Hedge::Approx),
    (&["roughly"], Hedge::Approx),
    (&["shortly", "after"], Hedge::Approx),
    (&["shortly", "before"], Hedge::Approx),
    (&["some"], Hedge::Approx),
    (&["under"], Hedge::Upper),
    (&["up", "to"], Hedge::Upper),
    (&["upwards", "of"], Hedge::Lower),
    (&["well", "over"], Hedge::Lower),
];

/// Looks `lower` up in a list of `(word, data)` pairs sorted by word.
#[inline]
fn lookup<T: Copy>(list: &[(&str, T)], lower: &str) -> Option<T> {
    list.binary_search_by(|(w, _)| (*w).cmp(lower)).ok().map(|i| list[i].1)
}

// --- Values ---

/// The value of a spelled-out number below a hundred ("twenty" → 20).
pub fn number_word(lower: &str) -> Option<u32> {
    lookup(NUMBER_WORDS, lower)
}

/// The multiplier of a scale word ("million" → 1e6, "dozen" → 12).
pub fn scale_word(lower: &str) -> Option<f64> {
    lookup(SCALE_WORDS, lower)
}

/// The multiplier of a scale suffix glued to digits ("bn" in "2bn").
pub fn glued_scale(lower: &str) -> Option<f64> {
    lookup(GLUED_SCALES, lower)
}

/// A word for people, after which "under 30" is an age.
pub fn is_people_word(lower: &str) -> bool {
    has(PEOPLE_WORDS, lower)
}

/// The first year of a decade of life ("forties" → 40).
pub fn life_decade(lower: &str) -> Option<u32> {
    lookup(LIFE_DECADES, lower)
}

/// A noun for a person, after which ", 44," is an age.
pub fn is_person_noun(lower: &str) -> bool {
    has(PERSON_NOUNS, lower)
}

/// A plural scale word that is a number on its own ("thousands").
pub fn is_vague_number(lower: &str) -> bool {
    has(VAGUE_NUMBERS, lower)
}

/// The number of an ordinal word ("fifth" → 5).
pub fn ordinal_word(lower: &str) -> Option<u32> {
    lookup(ORDINAL_WORDS, lower)
}

/// The denominator a fraction word names ("quarters" → 4).
pub fn fraction_word(lower: &str) -> Option<u32> {
    lookup(FRACTION_WORDS, lower)
}

/// The ISO 4217 code of a currency sign written before an amount ("€", "us$").
pub fn currency_sign(lower: &str) -> Option<&'static str> {
    lookup(CURRENCY_SIGNS, lower)
}

/// The ISO 4217 code of a code token ("usd" → "USD"); the caller checks it was in capitals.
pub fn currency_code(lower: &str) -> Option<&'static str> {
    lookup(CURRENCY_CODES, lower)
}

/// A currency name after an amount: its code and the worth of one in that currency.
pub fn currency_word(lower: &str) -> Option<(&'static str, f64)> {
    let i = CURRENCY_WORDS.binary_search_by(|(w, _, _)| (*w).cmp(lower)).ok()?;
    Some((CURRENCY_WORDS[i].1, CURRENCY_WORDS[i].2))
}

/// A unit of measure: `(unit as written canonically, factor to SI, SI unit)`.
pub fn unit(lower: &str) -> Option<(&'static str, f64, &'static str)> {
    let i = UNITS.binary_search_by(|(w, _, _, _)| (*w).cmp(lower)).ok()?;
    let (_, name, factor, si) = UNITS[i];
    Some((name, factor, si))
}

/// A unit of time: `(ISO 8601 designator, how many of it, date-sized)`.
pub fn time_unit(lower: &str) -> Option<(&'static str, u32, bool)> {
    let i = TIME_UNITS.binary_search_by(|(w, _, _, _)| (*w).cmp(lower)).ok()?;
    let (_, designator, n, date) = TIME_UNITS[i];
    Some((designator, n, date))
}

/// The TIMEX3 code of a part of the day ("morning" → "MO").
pub fn part_of_day(lower: &str) -> Option<&'static str> {
    lookup(PARTS_OF_DAY, lower)
}

/// The UTC offset of a time-zone abbreviation ("est" → "-05:00"; "" when ambiguous).
pub fn time_zone(lower: &str) -> Option<&'static str> {
    lookup(TIME_ZONES, lower)
}

/// The number of a month, full or abbreviated, without a period ("sept" → 9).
pub fn month_number(lower: &str) -> Option<u8> {
    lookup(MONTH_NUMBERS, lower)
}

/// The TIMEX3 code of a season ("fall" → "FA").
pub fn season(lower: &str) -> Option<&'static str> {
    lookup(SEASONS, lower)
}

/// A word after which a bare four-digit number reads as a year ("in", "since", "fiscal").
pub fn is_year_cue(lower: &str) -> bool {
    has(YEAR_CUES, lower)
}

/// Where a relative word places a unit of time: -1 before, 0 current, 1 after ("last" → -1).
pub fn relative_word(lower: &str) -> Option<i8> {
    lookup(RELATIVE_WORDS, lower)
}

/// The day offset of "yesterday", "today", "tomorrow".
pub fn deictic_day(lower: &str) -> Option<i8> {
    lookup(DEICTIC_DAYS, lower)
}

/// A word a value expression can start with ("about", "twenty", "last", "the"); see
/// `VALUE_STARTERS`.
pub fn is_value_starter(lower: &str) -> bool {
    has(VALUE_STARTERS, lower)
}

/// The hedge that `words` (lowercase, in order) start with, and how many words it takes.
pub fn hedge<'a>(mut words: impl Iterator<Item = &'a str>) -> Option<(Hedge, usize)> {
    let first = words.next()?;
    let from = HEDGES.partition_point(|(w, _)| w[0] < first);
    let candidates = HEDGES[from..].iter().take_while(|(w, _)| w[0] == first);
    let rest: [&str; 2] = [words.next().unwrap_or(""), words.next().unwrap_or("")];
    candidates
        .filter(|(w, _)| w[1..].iter().zip(rest).all(|(a, b)| *a == b))
        .max_by_key(|(w, _)| w.len())
        .map(|(w, h)| (*h, w.len()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hedges_are_sorted_by_their_first_word() {
        // `hedge` binary-searches on the first word.
        assert!(HEDGES.windows(2).all(|w| w[0].0[0] <= w[1].0[0]));
    }

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
            ("PERSON_NOUNS", PERSON_NOUNS),
            ("PEOPLE_WORDS", PEOPLE_WORDS),
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
            ("VAGUE_NUMBERS", VAGUE_NUMBERS),
            ("YEAR_CUES", YEAR_CUES),
            ("VALUE_STARTERS", VALUE_STARTERS),
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
        fn sorted<T>(name: &str, list: &[T], key: impl Fn(&T) -> &str) {
            for w in list.windows(2) {
                assert!(key(&w[0]) < key(&w[1]), "{name}: {:?} before {:?}", key(&w[0]), key(&w[1]));
            }
        }
        sorted("NUMBER_WORDS", NUMBER_WORDS, |t| t.0);
        sorted("SCALE_WORDS", SCALE_WORDS, |t| t.0);
        sorted("GLUED_SCALES", GLUED_SCALES, |t| t.0);
        sorted("ORDINAL_WORDS", ORDINAL_WORDS, |t| t.0);
        sorted("FRACTION_WORDS", FRACTION_WORDS, |t| t.0);
        sorted("CURRENCY_SIGNS", CURRENCY_SIGNS, |t| t.0);
        sorted("CURRENCY_CODES", CURRENCY_CODES, |t| t.0);
        sorted("CURRENCY_WORDS", CURRENCY_WORDS, |t| t.0);
        sorted("UNITS", UNITS, |t| t.0);
        sorted("TIME_UNITS", TIME_UNITS, |t| t.0);
        sorted("PARTS_OF_DAY", PARTS_OF_DAY, |t| t.0);
        sorted("TIME_ZONES", TIME_ZONES, |t| t.0);
        sorted("MONTH_NUMBERS", MONTH_NUMBERS, |t| t.0);
        sorted("SEASONS", SEASONS, |t| t.0);
        sorted("RELATIVE_WORDS", RELATIVE_WORDS, |t| t.0);
        sorted("DEICTIC_DAYS", DEICTIC_DAYS, |t| t.0);
        assert!(HEDGES.windows(2).all(|w| w[0].0 <= w[1].0), "HEDGES");
        // Every list a value pattern starts from is among the starters.
        let starts = NUMBER_WORDS.iter().map(|t| t.0).chain(ORDINAL_WORDS.iter().map(|t| t.0));
        let starts = starts.chain(HEDGES.iter().map(|t| t.0[0])).chain(RELATIVE_WORDS.iter().map(|t| t.0));
        let starts = starts.chain(DEICTIC_DAYS.iter().map(|t| t.0)).chain(SEASONS.iter().map(|t| t.0));
        for w in starts.chain(VAGUE_NUMBERS.iter().copied()) {
            assert!(is_value_starter(w), "{w:?} starts values but is not in VALUE_STARTERS");
        }
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

    #[test]
    fn value_words() {
        let hedge_of = |words: &[&str]| hedge(words.iter().copied());
        assert_eq!(hedge_of(&["more", "than", "5"]), Some((Hedge::Lower, 2)));
        assert_eq!(hedge_of(&["no", "more", "than"]), Some((Hedge::Upper, 3)));
        assert_eq!(hedge_of(&["about", "5"]), Some((Hedge::Approx, 1)));
        assert_eq!(hedge_of(&["more", "people"]), None);
        assert_eq!(hedge_of(&["as", "many"]), None);
        assert_eq!(hedge_of(&[]), None);
        assert_eq!(currency_sign("€"), Some("EUR"));
        assert_eq!(currency_sign("us$"), Some("USD"));
        assert_eq!(currency_word("yuan"), Some(("CNY", 1.0)));
        assert_eq!(unit("miles"), Some(("mi", 1609.344, "m")));
        assert_eq!(time_unit("decades"), Some(("Y", 10, true)));
        assert_eq!(time_unit("hours"), Some(("H", 1, false)));
        assert_eq!(month_number("sept"), Some(9));
        assert_eq!(scale_word("bn"), Some(1e9));
        assert!(is_value_starter("twenty") && !is_value_starter("cat"));
    }
}
