//! Dependency order: a topological sort of blocks (Kahn's algorithm) whose ties are broken by
//! phase, directory and file, so the order is deterministic and reads naturally.
//!
//! A dependency cycle is broken the way pg_dump breaks one (`repairDependencyLoop`): the first
//! plain view of the cycle (in natural order) is split into a shell with its columns, which
//! everything waiting for the view can use, and `CREATE OR REPLACE VIEW` with the real query,
//! which keeps the view's dependencies (see `types::split_view`). A cycle without such a view
//! (which PostgreSQL hardly lets one build) takes the first unplaced block in natural order;
//! the loader then reports any statement that fails.

use std::cmp::Reverse;
use std::collections::{BinaryHeap, HashMap};

use super::types::ViewSplit;
use super::{Block, Dir, FilePlace, Phase};
use crate::model::{CatalogRef, Dependency};

type Key = Reverse<(Phase, FilePlace, usize)>;

fn key(blocks: &[Block], i: usize) -> Key {
    let b = &blocks[i];
    // Labels come with their object (their block follows its block), not after every other.
    let phase = match b.phase {
        Phase::Label => Phase::Create,
        phase => phase,
    };
    Reverse((phase, b.file.clone(), i))
}

pub(crate) fn dependency_order(
    mut blocks: Vec<Block>,
    dependencies: &[Dependency],
    split: &dyn Fn(&CatalogRef) -> Option<ViewSplit>,
) -> Vec<Block> {
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
    let mut ready: BinaryHeap<Key> = (0..blocks.len())
        .filter(|&i| indegree[i] == 0)
        .map(|i| key(&blocks, i))
        .collect();
    let mut order = Vec::with_capacity(blocks.len());
    let mut placed = vec![false; blocks.len()];
    while order.len() < blocks.len() {
        let next = match ready.pop() {
            Some(Reverse((_, _, i))) => i,
            None => {
                let mut unplaced: Vec<usize> = (0..blocks.len()).filter(|&i| !placed[i]).collect();
                unplaced.sort_by_key(|&i| key(&blocks, i).0);
                let Some(&first) = unplaced.first() else {
                    break;
                };
                let found = unplaced.iter().find_map(|&i| {
                    let view =
                        shell_candidate(&blocks, i, &edges, &placed, dependencies, &creator)?;
                    Some((i, split(&view)?))
                });
                let Some((view, parts)) = found else {
                    // No view to split: the first unplaced block in natural order.
                    placed[first] = true;
                    order.push(first);
                    release(
                        first,
                        &mut edges,
                        &mut indegree,
                        &placed,
                        &mut ready,
                        &blocks,
                    );
                    continue;
                };
                let shell = Block {
                    populate: None,
                    file: blocks[view].file.clone(),
                    phase: blocks[view].phase,
                    provides: blocks[view].provides.clone(),
                    requires: Vec::new(),
                    sql: parts.shell,
                };
                blocks[view].sql = parts.rest;
                let s = blocks.len();
                blocks.push(shell);
                placed.push(true);
                edges.push(Vec::new());
                indegree.push(0);
                order.push(s);
                // The shell creates the view: what waited for it goes on; the rest (still
                // `view`) keeps waiting for the view's own dependencies.
                release(
                    view,
                    &mut edges,
                    &mut indegree,
                    &placed,
                    &mut ready,
                    &blocks,
                );
                continue;
            }
        };
        if placed[next] {
            continue;
        }
        placed[next] = true;
        order.push(next);
        release(
            next,
            &mut edges,
            &mut indegree,
            &placed,
            &mut ready,
            &blocks,
        );
    }
    let mut slots: Vec<Option<Block>> = blocks.into_iter().map(Some).collect();
    order.into_iter().filter_map(|i| slots[i].take()).collect()
}

/// `done` no longer holds anything back: its successors lose an edge (once).
fn release(
    done: usize,
    edges: &mut [Vec<usize>],
    indegree: &mut [usize],
    placed: &[bool],
    ready: &mut BinaryHeap<Key>,
    blocks: &[Block],
) {
    for after in std::mem::take(&mut edges[done]) {
        indegree[after] = indegree[after].saturating_sub(1);
        if indegree[after] == 0 && !placed[after] {
            ready.push(key(blocks, after));
        }
    }
}

/// The view block `i` creates, when it lies on a cycle of unplaced blocks and its shell can
/// run now: everything the view's columns need (schema, types, collations) is placed.
fn shell_candidate(
    blocks: &[Block],
    i: usize,
    edges: &[Vec<usize>],
    placed: &[bool],
    dependencies: &[Dependency],
    creator: &dyn Fn(&CatalogRef) -> Option<usize>,
) -> Option<CatalogRef> {
    let block = &blocks[i];
    if block.file.dir != Dir::Views {
        return None;
    }
    let view = *block.provides.first()?;
    let CatalogRef::Relation(_) = view else {
        return None;
    };
    let shell_ready = dependencies
        .iter()
        .filter(|d| d.dependent == view)
        .filter(|d| {
            matches!(
                d.referenced,
                CatalogRef::Schema(_)
                    | CatalogRef::Extension(_)
                    | CatalogRef::Type(_)
                    | CatalogRef::Collation(_)
            )
        })
        .filter_map(|d| creator(&d.referenced))
        .all(|p| p == i || placed[p]);
    (shell_ready && on_cycle(i, edges, placed)).then_some(view)
}

/// Whether `start` reaches itself through unplaced blocks.
fn on_cycle(start: usize, edges: &[Vec<usize>], placed: &[bool]) -> bool {
    let mut seen = vec![false; edges.len()];
    let mut stack: Vec<usize> = edges[start].clone();
    while let Some(n) = stack.pop() {
        if n == start {
            return true;
        }
        if placed[n] || seen[n] {
            continue;
        }
        seen[n] = true;
        stack.extend(edges[n].iter().copied());
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::QualifiedName;

    fn block(dir: Dir, name: &str, provides: CatalogRef) -> Block {
        let file = FilePlace::in_schema(dir, &QualifiedName::new("app", name));
        Block::new(file, provides, format!("{name};\n"))
    }

    fn dep(dependent: CatalogRef, referenced: CatalogRef) -> Dependency {
        Dependency {
            dependent,
            referenced,
        }
    }

    fn split(r: &CatalogRef) -> Option<ViewSplit> {
        (*r == CatalogRef::Relation(1)).then(|| ViewSplit {
            shell: "shell v;\n".to_string(),
            rest: "replace v;\n".to_string(),
        })
    }

    fn sqls(blocks: &[Block]) -> Vec<&str> {
        blocks.iter().map(|b| b.sql.as_str()).collect()
    }

    #[test]
    fn a_view_function_cycle_splits_the_view() {
        let (v, f, w) = (
            CatalogRef::Relation(1),
            CatalogRef::Function(2),
            CatalogRef::Relation(3),
        );
        let blocks = vec![
            block(Dir::Views, "v", v),
            block(Dir::Functions, "f", f),
            block(Dir::Views, "w", w),
        ];
        let deps = [dep(v, f), dep(f, v), dep(w, v)];
        let ordered = dependency_order(blocks, &deps, &split);
        assert_eq!(
            sqls(&ordered),
            ["shell v;\n", "f;\n", "replace v;\n", "w;\n"]
        );
    }

    #[test]
    fn a_cycle_without_a_view_takes_the_first_block_in_natural_order() {
        let (f, g) = (CatalogRef::Function(2), CatalogRef::Function(3));
        let blocks = vec![block(Dir::Functions, "g", g), block(Dir::Functions, "f", f)];
        let deps = [dep(f, g), dep(g, f)];
        let ordered = dependency_order(blocks, &deps, &split);
        assert_eq!(sqls(&ordered), ["f;\n", "g;\n"]);
    }
}
