//! Tag states: the model decodes BILOU states (Begin, Inside, Last, Unit, Outside) because
//! they let a linear model learn entity boundaries better than IOB2 (Ratinov & Roth 2009);
//! callers only ever see IOB2 strings.

use crate::doc::Label;

/// Number of states: O plus B/I/L/U for each of the four labels.
pub const N: usize = 17;

/// State 0 is O; state `1 + 4*label + pos` with pos 0=B, 1=I, 2=L, 3=U.
pub const O: u8 = 0;

const B: u8 = 0;
const I: u8 = 1;
const L: u8 = 2;
const U: u8 = 3;

#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
fn state(label: usize, pos: u8) -> u8 {
    1 + 4 * label as u8 + pos
}

fn pos(s: u8) -> u8 {
    (s - 1) % 4
}

/// 0 for O, 1 + label index otherwise (1 PER, 2 ORG, 3 LOC, 4 MISC).
pub fn state_type(s: u8) -> usize {
    if s == O {
        0
    } else {
        1 + ((s - 1) / 4) as usize
    }
}

/// The label of a non-O state.
pub fn state_label(s: u8) -> Option<Label> {
    if s == O {
        None
    } else {
        Some(Label::ALL[((s - 1) / 4) as usize])
    }
}

/// Whether state `s` may start an entity.
pub fn starts(s: u8) -> bool {
    s != O && matches!(pos(s), B | U)
}

/// Whether `cur` may follow `prev` (`None` = sentence start).
pub fn allowed(prev: Option<u8>, cur: u8) -> bool {
    let open = matches!(prev, Some(p) if p != O && matches!(pos(p), B | I));
    if open {
        let p = prev.unwrap_or(O);
        cur != O && (p - 1) / 4 == (cur - 1) / 4 && matches!(pos(cur), I | L)
    } else {
        cur == O || matches!(pos(cur), B | U)
    }
}

/// Whether a sentence may end in state `s`.
pub fn may_end(s: u8) -> bool {
    s == O || matches!(pos(s), L | U)
}

/// IOB2 strings, indexed by state.
const IOB2: [&str; N] = [
    "O", "B-PER", "I-PER", "I-PER", "B-PER", "B-ORG", "I-ORG", "I-ORG", "B-ORG", "B-LOC", "I-LOC", "I-LOC", "B-LOC",
    "B-MISC", "I-MISC", "I-MISC", "B-MISC",
];

/// The IOB2 tag of a state.
pub fn iob2(s: u8) -> &'static str {
    IOB2.get(s as usize).copied().unwrap_or("O")
}

/// Converts a sentence of IOB2 (or IOB1) tags to BILOU states. Unknown tags count as O.
#[cfg_attr(not(feature = "train"), allow(dead_code))] // used by the trainer
pub fn from_iob(tags: &[&str]) -> Vec<u8> {
    let parse = |t: &str| -> Option<(char, usize)> {
        let (p, l) = t.split_once('-')?;
        let label = Label::parse(l)?;
        let li = Label::ALL.iter().position(|&x| x == label)?;
        Some((p.chars().next()?, li))
    };
    let mut chunks: Vec<(usize, usize, usize)> = Vec::new(); // start, end, label
    for (i, t) in tags.iter().enumerate() {
        match parse(t) {
            None => {}
            Some((p, l)) => {
                let continues = p == 'I' && matches!(chunks.last(), Some(&(_, e, cl)) if e == i && cl == l);
                if continues {
                    if let Some(c) = chunks.last_mut() {
                        c.1 = i + 1;
                    }
                } else {
                    chunks.push((i, i + 1, l));
                }
            }
        }
    }
    let mut out = vec![O; tags.len()];
    for (s, e, l) in chunks {
        if e - s == 1 {
            out[s] = state(l, U);
        } else {
            out[s] = state(l, B);
            for o in out.iter_mut().take(e - 1).skip(s + 1) {
                *o = state(l, I);
            }
            out[e - 1] = state(l, L);
        }
    }
    out
}

/// Entity chunks `(start, end, label)` of a decoded state sequence (valid or not).
pub fn chunks(states: &[u8]) -> Vec<(usize, usize, Label)> {
    let mut out = Vec::new();
    let mut open: Option<(usize, u8)> = None;
    for (i, &s) in states.iter().enumerate() {
        let ty = state_type(s);
        match open {
            Some((st, t)) if ty == t as usize && !starts(s) => {
                if matches!(pos(s), L) {
                    if let Some(l) = state_label(s) {
                        out.push((st, i + 1, l));
                    }
                    open = None;
                }
            }
            _ => {
                if let Some((st, t)) = open.take() {
                    if let Some(l) = state_label(1 + 4 * (t - 1)) {
                        out.push((st, i, l));
                    }
                }
                if s != O {
                    if matches!(pos(s), U | L) {
                        if let Some(l) = state_label(s) {
                            out.push((i, i + 1, l));
                        }
                    } else {
                        open = Some((i, ty as u8));
                    }
                }
            }
        }
    }
    if let Some((st, t)) = open {
        if let Some(l) = state_label(1 + 4 * (t - 1)) {
            out.push((st, states.len(), l));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn iob_roundtrip() {
        let tags = ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "I-ORG", "I-ORG", "I-ORG"];
        let st = from_iob(&tags);
        let back: Vec<&str> = st.iter().map(|&s| iob2(s)).collect();
        assert_eq!(back, ["B-PER", "I-PER", "O", "B-LOC", "B-LOC", "B-ORG", "I-ORG", "I-ORG"]);
        assert_eq!(chunks(&st), vec![(0, 2, Label::PER), (3, 4, Label::LOC), (4, 5, Label::LOC), (5, 8, Label::ORG)]);
    }

    #[test]
    fn transitions() {
        let b_per = from_iob(&["B-PER", "I-PER"])[0];
        assert!(!allowed(Some(b_per), O));
        assert!(!may_end(b_per));
        assert!(allowed(None, from_iob(&["B-ORG"])[0]));
        assert!(!allowed(None, from_iob(&["B-ORG", "I-ORG"])[1]));
    }
}
