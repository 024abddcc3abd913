//! Dependency order: a topological sort of blocks (Kahn's algorithm) whose ties are broken by
//! phase, directory and file, so the order is deterministic and reads naturally.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::Block;
use crate::model::{CatalogRef, Dependency};

pub(crate) fn dependency_order(blocks: Vec<Block>, dependencies: &[Dependency]) -> Vec<Block> {
    // Every block that provides a ref; the first one creates it.
    let mut providers: HashMap<CatalogRef, Vec<usize>> = HashMap::new();
    for (i, block) in blocks.iter().enumerate() {
        for r in &block.provides {
            providers.entry(*r).or_default().push(i);
        }
    }
    let creator = |r: &CatalogRef| providers.get(r).and_then(|v| v.first().copied());
    let mut edges: Vec<Vec<usize>> = vec![Vec::new(); blocks.len()];
    let mut indegree = vec![0usize; blocks.len()];
    let mut add_edge = |before: usize, after: usize, edges: &mut Vec<Vec<usize>>| {
        if before != after {
            edges[before].push(after);
            indegree[after] += 1;
        }
    };
    for (i, block) in blocks.iter().enumerate() {
        for r in &block.requires {
            if let Some(p) = creator(r) {
                add_edge(p, i, &mut edges);
            }
        }
    }
    for dep in dependencies {
        let (Some(before), Some(dependents)) =
            (creator(&dep.referenced), providers.get(&dep.dependent))
        else {
            continue;
        };
        for &i in dependents {
            add_edge(before, i, &mut edges);
        }
    }
    let key = |i: usize| {
        let b = &blocks[i];
        Reverse((b.phase, b.file.clone(), i))
    };
    let mut ready: BinaryHeap<_> = (0..blocks.len())
        .filter(|&i| indegree[i] == 0)
        .map(key)
        .collect();
    let mut order = Vec::with_capacity(blocks.len());
    let mut placed = vec![false; blocks.len()];
    while order.len() < blocks.len() {
        let next = match ready.pop() {
            Some(Reverse((_, _, i))) => i,
            // A cycle: take the first unplaced block in natural order and go on; the loader
            // reports any statement that then fails.
            None => match (0..blocks.len())
                .filter(|&i| !placed[i])
                .min_by_key(|&i| (blocks[i].phase, blocks[i].file.clone(), i))
            {
                Some(i) => i,
                None => break,
            },
        };
        if placed[next] {
            continue;
        }
        placed[next] = true;
        order.push(next);
        for &after in &edges[next] {
            indegree[after] = indegree[after].saturating_sub(1);
            if indegree[after] == 0 && !placed[after] {
                ready.push(key(after));
            }
        }
    }
    let mut slots: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}
