//! A small curated lexicon of names that refer to the same entity but share no letters a rule
//! could find: "US" / "United States" / "America", "UK" / "Britain", "Pentagon" / "Department
//! of Defense", "IS" / "ISIL" / "Daesh".
//!
//! Why a list: these pairs are frequent in news and no string rule recovers them. It is kept
//! short on purpose — only names that are unambiguous in news text. Deliberately absent:
//! "Washington" (the city, the state and the US government are different entities and the
//! text rarely says which), "Moscow"/"Kremlin" (metonyms of a government, not its name).
//!
//! Licence: written for Loupe from general knowledge; part of the crate, MIT like the rest.

/// Groups of matching keys (see [`super::names::other_key`]: lower case, no periods, no
/// leading "the"). The first entry of each group is its identifier.
const GROUPS: &[&[&str]] = &[
    &["united states", "us", "usa", "united states of america", "america", "u s", "u s a"],
    &["united kingdom", "uk", "britain", "great britain", "u k"],
    &["united nations", "un", "u n"],
    &["european union", "eu"],
    &["north atlantic treaty organization", "nato", "north atlantic treaty organisation"],
    &[
        "islamic state",
        "is",
        "isil",
        "isis",
        "daesh",
        "islamic state group",
        "islamic state of iraq and the levant",
        "islamic state of iraq and levant",
        "islamic state of iraq and syria",
        "islamic state of iraq and al-sham",
    ],
    &["russia", "russian federation"],
    &["china", "people's republic of china", "prc"],
    &["united arab emirates", "uae"],
    &["soviet union", "ussr"],
    &["netherlands", "holland"],
    &["czech republic", "czechia"],
    &["myanmar", "burma"],
    &["ivory coast", "cote d'ivoire", "côte d'ivoire"],
    &["south korea", "republic of korea"],
    &["north korea", "democratic people's republic of korea", "dprk"],
    &["pentagon", "department of defense", "defense department", "us department of defense", "dod"],
    &["state department", "department of state", "us state department"],
    &["federal reserve", "fed", "us federal reserve"],
    &["federal bureau of investigation", "fbi"],
    &["central intelligence agency", "cia"],
    &["world health organization", "who", "world health organisation"],
    &["international monetary fund", "imf"],
    &["european central bank", "ecb"],
    &["hamas", "islamic resistance movement"],
    &["hezbollah", "hizbollah", "hizbullah"],
    &["al-qaeda", "al qaeda", "al-qaida", "al qaida", "qaeda"],
];

/// The lexicon group of a matching key, as the group's first entry.
pub fn group_of(key: &str) -> Option<&'static str> {
    GROUPS.iter().find(|g| g.contains(&key)).map(|g| g[0])
}

/// Whether a key names a country or a bloc, so that "US Central Command" may be read as
/// "Central Command" with a place modifier.
pub fn is_place_modifier(key: &str) -> bool {
    matches!(
        group_of(key),
        Some(
            "united states"
                | "united kingdom"
                | "european union"
                | "russia"
                | "china"
                | "united arab emirates"
                | "south korea"
                | "north korea"
                | "united nations"
        )
    ) || matches!(
        key,
        "american"
            | "british"
            | "russian"
            | "chinese"
            | "french"
            | "german"
            | "european"
            | "israeli"
            | "iranian"
            | "syrian"
            | "iraqi"
            | "turkish"
            | "japanese"
            | "indian"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups() {
        assert_eq!(group_of("us"), group_of("america"));
        assert_eq!(group_of("britain"), Some("united kingdom"));
        assert_eq!(group_of("washington"), None);
        assert!(is_place_modifier("us"));
        assert!(!is_place_modifier("central"));
    }
}
