//! The reader's corrections to grouping, applied on top of what the linker decided.
//!
//! Why here and not in the faces: `clusters::group` owns `entity.cluster`, names and salience,
//! so a correction ("this mention is someone else", "these two are one") must be a constraint
//! on grouping, after which names, speakers of quotes and salience are recomputed from the
//! corrected groups as for any other document. The `edits` module turns the reader's records
//! into these constraints.
//!
//! Cost: one union-find over the linker's groups plus one node per split, so linear.

use super::union_find::UnionFind;
use crate::doc::Label;

/// One correction to grouping, by entity index (into `doc.entities`).
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum GroupOp {
    /// The entity leaves its group and forms one of its own.
    Split(usize),
    /// The groups of the two entities become one.
    Merge(usize, usize),
}

/// Corrections that [`crate::clusters::group_with`] applies.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Constraints {
    /// Entities whose label the reader gave (added or relabelled): the label is kept, and a
    /// mention whose label cannot join its group's kind (a person among places, or the reverse)
    /// is split off before `ops` apply.
    pub pinned: Vec<(usize, Label)>,
    /// Group corrections, applied in order after the pinned splits.
    pub ops: Vec<GroupOp>,
}

impl Constraints {
    /// Whether there is nothing to apply.
    pub fn is_empty(&self) -> bool {
        self.pinned.is_empty() && self.ops.is_empty()
    }
}

/// Rewrites `group_of` (one arbitrary group key per entity) under `constraints`; `is_person`
/// says whether the linker treats an entity's group as people. Indices out of range are
/// ignored (the edits module only passes valid ones).
pub(super) fn apply(group_of: &mut [usize], is_person: &[bool], constraints: &Constraints) {
    let n = group_of.len();
    // Compact the keys to nodes 0..k.
    let mut node_of_key = std::collections::HashMap::new();
    let mut uf = UnionFind(Vec::new());
    let mut node: Vec<usize> = Vec::with_capacity(n);
    for &g in group_of.iter() {
        let k = *node_of_key.entry(g).or_insert_with(|| uf.add());
        node.push(k);
    }
    for &(i, label) in &constraints.pinned {
        if i < n && is_person.get(i).is_some_and(|&p| p != (label == Label::PER)) {
            node[i] = uf.add();
        }
    }
    for op in &constraints.ops {
        match *op {
            GroupOp::Split(i) if i < n => node[i] = uf.add(),
            GroupOp::Merge(a, b) if a < n && b < n => {
                let (na, nb) = (node[a], node[b]);
                uf.union(na, nb);
            }
            _ => {}
        }
    }
    for (g, &k) in group_of.iter_mut().zip(&node) {
        *g = uf.find(k);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn split_then_merge_in_order() {
        let mut g = vec![7, 7, 7, 9];
        let c = Constraints { pinned: vec![], ops: vec![GroupOp::Split(1), GroupOp::Merge(1, 3)] };
        apply(&mut g, &[true; 4], &c);
        assert_eq!(g[0], g[2]);
        assert_eq!(g[1], g[3]);
        assert_ne!(g[0], g[1]);
    }

    #[test]
    fn pinned_label_of_another_kind_leaves_the_group() {
        let mut g = vec![1, 1, 1];
        let c = Constraints { pinned: vec![(1, Label::LOC), (2, Label::PER)], ops: vec![] };
        apply(&mut g, &[true; 3], &c);
        assert_eq!(g[0], g[2]);
        assert_ne!(g[0], g[1]);
    }
}
