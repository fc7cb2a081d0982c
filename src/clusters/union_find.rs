//! A union-find over group ids, shared by the linker (which merges names into entities) and the
//! reader's constraints (which split and merge those entities afterwards).
//!
//! The smaller id stays the root, so the earliest name of a group names it, and a group's
//! identity does not depend on the order merges happen in.

/// Disjoint sets over `0..len`, with path halving.
pub(super) struct UnionFind(pub(super) Vec<usize>);

impl UnionFind {
    /// A new singleton set; returns its id.
    pub(super) fn add(&mut self) -> usize {
        self.0.push(self.0.len());
        self.0.len() - 1
    }

    /// The root of `x`'s set.
    pub(super) fn find(&mut self, mut x: usize) -> usize {
        while self.0[x] != x {
            self.0[x] = self.0[self.0[x]];
            x = self.0[x];
        }
        x
    }

    /// Merges the sets of `a` and `b`, keeping the smaller root.
    pub(super) fn union(&mut self, a: usize, b: usize) {
        let (ra, rb) = (self.find(a), self.find(b));
        if ra != rb {
            let (lo, hi) = if ra < rb { (ra, rb) } else { (rb, ra) };
            self.0[hi] = lo;
        }
    }
}
