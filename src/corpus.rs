//! Synthetic live blogs with their ground truth, for tests and benchmarks: a port of
//! `gen_corpus.py`. Entries are drawn from the RFI sample, stamped newest first a few minutes
//! apart, crossing midnight many times, so that a parser must resolve every date from the header
//! and the day changes. Entry text is read from the sample with a separate, naive reader so
//! that the parser is not checked against itself.

use chrono::{Duration, NaiveDate, NaiveDateTime, Timelike};

const RFI: &str = include_str!("../assets/samples/rfi-aide-militaire-ukraine.txt");
const MONTHS: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];

/// What the parser must find for one generated entry.
#[derive(Debug, Clone, PartialEq)]
pub struct TruthEntry {
    pub clock: String,
    pub at: String,
    pub tag: String,
    pub headline: String,
}

/// A generated blog and what it contains.
#[derive(Debug, Clone)]
pub struct Corpus {
    pub text: String,
    pub coverage_start: String,
    pub coverage_end: String,
    pub entries: Vec<TruthEntry>,
}

/// A small deterministic generator (SplitMix64): same seed, same blog, on every machine.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
}

fn is_clock(line: &str) -> bool {
    let t = line.trim();
    let Some((h, m)) = t.split_once(['h', 'H']) else {
        return false;
    };
    (1..=2).contains(&h.len()) && m.len() == 2 && h.bytes().chain(m.bytes()).all(|b| b.is_ascii_digit())
}

/// (tag, headline, body paragraphs) of each entry of the RFI sample.
fn sample_entries() -> Vec<(String, String, Vec<String>)> {
    let lines: Vec<&str> = RFI.lines().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        if !is_clock(lines[i]) {
            i += 1;
            continue;
        }
        let tag = lines[i + 1].trim().to_string();
        let mut j = i + 2;
        let mut text = Vec::new();
        while j < lines.len() && !is_clock(lines[j]) && lines[j].trim() != "Qui anime ce direct ?" {
            if !lines[j].trim().is_empty() {
                text.push(lines[j].to_string());
            }
            j += 1;
        }
        let headline = text.remove(0);
        out.push((tag, headline, text));
        i = j;
    }
    out
}

fn french(d: NaiveDateTime) -> String {
    format!("{} {} {} à {}H{:02} TU", d.day(), MONTHS[d.month0() as usize], d.year(), d.hour(), d.minute())
}

use chrono::Datelike;

/// Generates a blog of `entries` entries.
pub fn generate(entries: usize, seed: u64) -> Corpus {
    let pool = sample_entries();
    let mut rng = Rng(seed);
    let end = NaiveDate::from_ymd_opt(2024, 10, 21).unwrap().and_hms_opt(20, 15, 0).unwrap();
    let mut t = end - Duration::minutes(20);
    let mut drawn = Vec::with_capacity(entries);
    for n in 0..entries {
        let (tag, head, body) = &pool[rng.below(pool.len() as u64) as usize];
        drawn.push((t, tag, format!("{head} ({n})"), body));
        t -= Duration::minutes(3 + rng.below(39) as i64);
    }
    let start = t;
    let mut text = String::with_capacity(entries * 2200);
    text.push_str(&format!("Direct terminé le {}\nDirect démarré le {}\n\n", french(end), french(start)));
    text.push_str("Guerre en Ukraine : le fil de la journée\n\nLes horaires sont affichés en temps universel.\n\n");
    for (when, tag, head, body) in &drawn {
        let h = if rng.below(2) == 0 { 'H' } else { 'h' };
        text.push_str(&format!("{}{h}{:02}\n{tag}\n\n{head}\n\n", when.hour(), when.minute()));
        for p in body.iter() {
            text.push_str(p);
            text.push_str("\n\n");
        }
    }
    text.push_str("Qui anime ce direct ?\n\nAFP\n");
    let iso = |d: NaiveDateTime| d.format("%Y-%m-%dT%H:%M:00Z").to_string();
    Corpus {
        coverage_start: iso(start),
        coverage_end: iso(end),
        entries: drawn
            .iter()
            .map(|(w, tag, head, _)| TruthEntry {
                clock: w.format("%H:%M").to_string(),
                at: iso(*w),
                tag: tag.to_string(),
                headline: head.clone(),
            })
            .collect(),
        text,
    }
}

/// Generates a blog of at least `bytes` bytes.
pub fn generate_bytes(bytes: usize, seed: u64) -> Corpus {
    let per_entry = generate(2000, seed).text.len() / 2000;
    generate(bytes / per_entry.max(1) + 1, seed)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pool_has_the_sample_entries() {
        let pool = sample_entries();
        assert_eq!(pool.len(), 15);
        assert_eq!(pool[0].0, "aide militaire");
    }

    #[test]
    fn generation_is_deterministic_and_crosses_midnight() {
        let a = generate(200, 7);
        let b = generate(200, 7);
        assert_eq!(a.text, b.text);
        let days: std::collections::BTreeSet<&str> = a.entries.iter().map(|e| &e.at[..10]).collect();
        assert!(days.len() > 2, "{days:?}");
    }
}
