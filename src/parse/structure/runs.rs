//! The entries of a page built on both cores: an entry is made from its own lines alone, so
//! runs of consecutive stamps are built in parallel, each entry straight into its place in the
//! story's list. Tags are then numbered as a single pass would number them, in order of first
//! use, and the lines each run removed are kept in page order.

use super::entry;
use crate::model::{DroppedLine, Entry, Story};
use crate::parse::lines::Line;
use rayon::prelude::*;
use std::collections::HashMap;
use std::mem::MaybeUninit;

/// Entries a run: enough to keep a hand-off cheap beside the work, few enough that a core
/// that is busy elsewhere leaves its share to the other.
const RUN: usize = 2048;

/// What one run gathers beside its entries.
#[derive(Default)]
struct Run {
    /// Only its tags are filled: the run's own numbering, in order of first use.
    story: Story,
    tags: HashMap<String, u32>,
    dropped: Vec<DroppedLine>,
}

/// Appends `n` entries, the `k`-th built by `build(k, scratch, context)`, to the story; the
/// lines they removed go to `dropped`, in order. `scratch` is a list of lines to reuse.
pub(super) fn build_entries(
    story: &mut Story,
    text: &str,
    dropped: &mut Vec<DroppedLine>,
    n: usize,
    build: impl Fn(usize, &mut Vec<Line>, &mut entry::Context<'_, '_>) -> Entry + Sync,
) {
    let before = story.entries.len();
    story.entries.reserve_exact(n);
    let fill = |(first, slots): (usize, &mut [MaybeUninit<Entry>])| {
        let mut run = Run::default();
        let mut scratch = Vec::new();
        let mut cx = entry::Context { story: &mut run.story, text, tags: &mut run.tags, dropped: &mut run.dropped };
        for (j, slot) in slots.iter_mut().enumerate() {
            slot.write(build(first + j, &mut scratch, &mut cx));
        }
        run
    };
    let jobs: Vec<(usize, &mut [MaybeUninit<Entry>])> =
        story.entries.spare_capacity_mut()[..n].chunks_mut(RUN).enumerate().map(|(i, c)| (i * RUN, c)).collect();
    let runs: Vec<Run> =
        if jobs.len() > 1 { jobs.into_par_iter().map(fill).collect() } else { jobs.into_iter().map(fill).collect() };
    // SAFETY: the runs cover the `n` slots past the list's length without overlap, and each
    // wrote every one of its slots (a panic in `build` would have left the length as it was).
    unsafe { story.entries.set_len(before + n) };
    let mut ids: HashMap<String, u32> = HashMap::new();
    for (r, run) in runs.into_iter().enumerate() {
        let global: Vec<u32> = run
            .story
            .tags
            .into_iter()
            .map(|tag| {
                *ids.entry(tag.key.clone()).or_insert_with(|| {
                    story.tags.push(tag);
                    story.tags.len() as u32 - 1
                })
            })
            .collect();
        if !global.iter().enumerate().all(|(local, &g)| local as u32 == g) {
            let start = before + r * RUN;
            for e in &mut story.entries[start..(start + RUN).min(before + n)] {
                e.tag_id = e.tag_id.map(|local| global[local as usize]);
            }
        }
        dropped.extend(run.dropped);
    }
}
