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

/// Runs a wave: the entries are built a wave at a time, from the page's end up, so that between
/// two waves the line records the ones left to build no longer reach can be given back (see
/// [`build_entries`]'s `built`).
const WAVE: usize = 4 * RUN;

/// Appends `n` entries, the `k`-th built by `build(lines, k, scratch, context)`, to the story;
/// the lines they removed go to `dropped`, in order. `scratch` is a list of lines to reuse. The
/// entries are built in waves from the last one up; after each, `built(lines, first)` is told
/// the first entry of the wave just built, so that it may drop what only that wave read.
pub(super) fn build_entries<L: Sync>(
    story: &mut Story,
    text: &str,
    dropped: &mut Vec<DroppedLine>,
    n: usize,
    lines: &mut L,
    build: impl Fn(&L, usize, &mut Vec<Line>, &mut entry::Context<'_, '_>) -> Entry + Sync,
    mut built: impl FnMut(&mut L, usize),
) {
    let before = story.entries.len();
    story.entries.reserve_exact(n);
    let slots = &mut story.entries.spare_capacity_mut()[..n];
    let mut runs: Vec<(usize, Run)> = Vec::with_capacity(n.div_ceil(RUN));
    let firsts: Vec<usize> = (0..n).step_by(WAVE).collect();
    for &first in firsts.iter().rev() {
        let read = &*lines;
        let fill = |(first, slots): (usize, &mut [MaybeUninit<Entry>])| {
            let mut run = Run::default();
            let mut scratch = Vec::new();
            let mut cx = entry::Context { story: &mut run.story, text, tags: &mut run.tags, dropped: &mut run.dropped };
            for (j, slot) in slots.iter_mut().enumerate() {
                slot.write(build(read, first + j, &mut scratch, &mut cx));
            }
            (first, run)
        };
        let end = (first + WAVE).min(n);
        let jobs: Vec<(usize, &mut [MaybeUninit<Entry>])> =
            slots[first..end].chunks_mut(RUN).enumerate().map(|(i, c)| (first + i * RUN, c)).collect();
        if jobs.len() > 1 {
            runs.par_extend(jobs.into_par_iter().map(fill));
        } else {
            runs.extend(jobs.into_iter().map(fill));
        }
        built(lines, first);
    }
    // SAFETY: the runs cover the `n` slots past the list's length without overlap, and each
    // wrote every one of its slots (a panic in `build` would have left the length as it was).
    unsafe { story.entries.set_len(before + n) };
    runs.sort_unstable_by_key(|&(first, _)| first);
    dropped.reserve_exact(runs.iter().map(|(_, run)| run.dropped.len()).sum());
    let mut ids: HashMap<String, u32> = HashMap::new();
    for (first, run) in runs {
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
            let start = before + first;
            for e in &mut story.entries[start..(start + RUN).min(before + n)] {
                e.tag_id = e.tag_id.map(|local| global[local as usize]);
            }
        }
        dropped.extend(run.dropped);
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::{Rules, parse_text};
    use std::fmt::Write;

    /// A page of more entries than a wave, with day headers and removed lines deep in it: the
    /// entries, their dates and `--explain`'s lines must come out as the whole list gives them
    /// once the line records past each wave have been given back.
    #[test]
    fn entries_past_the_first_wave_keep_their_lines_dates_and_removed_lines() {
        let days = ["Monday 21 October 2024", "Sunday 20 October 2024", "Saturday 19 October 2024"];
        let per_day = 1_000 * 4;
        let mut text = String::from("Storm live\n\nAll times are UK.\n\nPublished 21 October 2024 23:59 BST\n\n");
        for (d, day) in days.iter().enumerate() {
            writeln!(text, "{day}\n").unwrap();
            for k in 0..per_day {
                let minutes = 23 * 60 + 59 - k / 3;
                let n = d * per_day + k;
                write!(
                    text,
                    "{:02}:{:02}\nUpdate {n} on the storm\nThe storm moved north again today, post {n}.\n",
                    minutes / 60,
                    minutes % 60
                )
                .unwrap();
                writeln!(text, "Advertisement\n").unwrap();
            }
        }
        let story = parse_text("storm.txt".into(), text, Rules::embedded());
        assert_eq!(story.entries.len(), days.len() * per_day);
        for (i, e) in story.entries.iter().enumerate().step_by(997) {
            assert_eq!(story.str(e.headline.expect("headline")), format!("Update {i} on the storm"));
            let day = 21 - (i / per_day) as u32;
            assert_eq!(e.at.map(|a| a.local().date().to_string()), Some(format!("2024-10-{day}")), "entry {i}");
        }
        let ads = story.dropped.iter().filter(|d| story.str(d.span) == "Advertisement").count();
        assert_eq!(ads, days.len() * per_day);
        let headers = story.dropped.iter().filter(|d| d.rule == "day-header").count();
        assert_eq!(headers, days.len());
    }
}
