//! Telling an edited entry from a new one: a re-parse matches entries by identity (clock and
//! headline) first; an entry left over on each side with the same clock and much the same
//! text is the same entry with its headline corrected — edited (✎, and `d` shows the
//! change), not one deleted and one new.

use crate::model::Story;
use std::collections::{HashMap, HashSet};

/// How alike two texts must be, by the share of their words in common, to be one entry.
const SIMILAR: f32 = 0.5;

/// For each new entry (index) whose identity the old story did not have, the old entry it is
/// an edit of, if any: same clock, similar text, itself unmatched.
pub(super) fn pair_edited(
    old: &Story,
    old_ids: &[(u64, u32)],
    new: &Story,
    new_ids: &[(u64, u32)],
) -> HashMap<usize, usize> {
    let old_set: HashSet<&(u64, u32)> = old_ids.iter().collect();
    let new_set: HashSet<&(u64, u32)> = new_ids.iter().collect();
    let mut pool: Vec<usize> = (0..old_ids.len()).filter(|&o| !new_set.contains(&old_ids[o])).collect();
    let mut pairs = HashMap::new();
    for (i, id) in new_ids.iter().enumerate() {
        if old_set.contains(id) || pool.is_empty() {
            continue;
        }
        let entry = new.entry(i);
        let text = crate::text_lines::edit_text(&entry);
        let best = pool
            .iter()
            .enumerate()
            .filter(|(_, o)| old.entries[**o].clock == entry.entry.clock)
            .map(|(k, o)| (k, similarity(&crate::text_lines::edit_text(&old.entry(*o)), &text)))
            .filter(|(_, s)| *s >= SIMILAR)
            .max_by(|a, b| a.1.total_cmp(&b.1));
        if let Some((k, _)) = best {
            pairs.insert(i, pool.remove(k));
        }
    }
    pairs
}

/// The share of words two texts have in common (0 to 1).
fn similarity(a: &str, b: &str) -> f32 {
    let (a, b): (Vec<&str>, Vec<&str>) = (a.split_whitespace().collect(), b.split_whitespace().collect());
    similar::TextDiff::from_slices(&a, &b).ratio()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_corrected_headline_is_an_edit_and_another_post_is_not() {
        let before = crate::state::tests::story(
            "Le direct\n\n12h00\nLe bilan s'alourdit à Gaza\n\nLe bilan est de 500 morts selon la police.\n\n\
             11h00\nAutre chose\n\nRien à voir.\n",
        );
        let after = crate::state::tests::story(
            "Le direct\n\n12h05\nTout autre sujet\n\nUn texte sans rapport aucun.\n\n\
             12h00\nLe bilan s'alourdit dans la bande de Gaza\n\nLe bilan est de 512 morts selon la police.\n\n\
             11h00\nAutre chose\n\nRien à voir.\n",
        );
        let (old_ids, new_ids) = (super::super::live::identities(&before), super::super::live::identities(&after));
        let pairs = pair_edited(&before, &old_ids, &after, &new_ids);
        assert_eq!(pairs, HashMap::from([(1, 0)]), "12h00 is the same entry, edited; 12h05 is new");
        assert!(similarity("a b c d", "w x y z") < SIMILAR);
    }
}
