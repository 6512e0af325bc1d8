//! The date and time vocabulary of every language the parser knows — months, weekdays, the
//! words of datelines, relative times, and zone names with the places that disambiguate them —
//! read once from `assets/words.txt` (embedded at build time; its header documents the format)
//! and turned into regular-expression alternations and look-up tables.

use crate::model::{Zone, fold};
use chrono::FixedOffset;
use std::collections::HashMap;
use std::sync::LazyLock;

/// The embedded word lists.
pub const WORDS: &str = include_str!("../../assets/words.txt");

/// A zone name as the word lists give it.
pub(crate) struct ZoneName {
    pub name: &'static str,
    /// Which reading of an ambiguous name this is (`ie` for IST in Ireland); `None` is the
    /// default.
    pub context: Option<&'static str>,
    pub zone: Zone,
    /// `name` folded once, so that a lookup folds only the name it is given.
    pub folded: String,
}

pub(crate) struct Words {
    /// Folded month name → month number.
    months: HashMap<String, u32>,
    /// Folded weekday name → 1 (Monday) … 7 (Sunday).
    weekdays: HashMap<String, u32>,
    pub month_alt: String,
    pub weekday_alt: String,
    pub updated_alt: String,
    pub published_alt: String,
    pub started_alt: String,
    pub ended_alt: String,
    pub ago_alt: String,
    /// Words before the number of a relative time (`vor 6 Min.`, `il y a 5 min`).
    pub ago_before_alt: String,
    /// Words that may label a clock opening a line (`ore 21.38`).
    pub clock_before_alt: String,
    /// A post's label that a copy glues before its stamp (`Key Event17:55`, `Pinned post19:22`).
    pub post_label_alt: String,
    /// The label of a post pinned above the feed (`Pinned post`, `In evidenza`).
    pub pinned_alt: String,
    /// Today and yesterday before a post's clock (`Heute, 11:50 Uhr`).
    pub day_word_alt: String,
    /// Words that open a byline (`By`, `Par`, `Von`).
    pub by_alt: String,
    /// Capitalised words before a clock that are no label (`See 1.38pm`).
    pub not_label_alt: String,
    pub at_alt: String,
    /// Words of a share bar (`Compartir en Facebook Compartir en X`), which w3m and lynx run
    /// into the next post's stamp.
    pub share_alt: String,
    /// What a post's reader counter counts (`306 Postings`).
    pub counted_alt: String,
    pub zone_alt: String,
    pub zones: Vec<ZoneName>,
    /// Context → places that select it.
    pub places: Vec<(&'static str, Vec<&'static str>)>,
    /// Short word → the languages it is common in.
    lang_words: HashMap<&'static str, Vec<&'static str>>,
    /// (language, context, zone) for pages that state no zone.
    default_zones: Vec<(&'static str, Option<&'static str>, Zone)>,
}

pub(crate) static WORDS_TABLE: LazyLock<Words> = LazyLock::new(|| Words::parse(WORDS));

/// The vocabulary, read on first use.
pub(crate) fn words() -> &'static Words {
    &WORDS_TABLE
}

/// An alternation of escaped words, longest first so that a regex prefers `mins ago` to `min`.
fn alternation(mut list: Vec<&str>) -> String {
    list.sort_by_key(|w| std::cmp::Reverse(w.len()));
    list.dedup();
    list.iter().map(|w| regex::escape(w).replace(' ', r"\s+")).collect::<Vec<_>>().join("|")
}

impl Words {
    fn parse(text: &'static str) -> Words {
        let mut months = HashMap::new();
        let mut weekdays = HashMap::new();
        let mut lists: HashMap<&str, Vec<&'static str>> = HashMap::new();
        let mut zones = Vec::new();
        let mut places = Vec::new();
        let mut lang_words: HashMap<&'static str, Vec<&'static str>> = HashMap::new();
        let mut default_zones = Vec::new();
        for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
            let (key, value) = line.split_once(':').expect("assets/words.txt: `key: value`");
            let (key, value) = (key.trim(), value.trim());
            let items = || value.split('|').map(str::trim).filter(|w| !w.is_empty());
            if let Some(n) = key.strip_prefix("month.") {
                let n: u32 = n.parse().expect("assets/words.txt: month number");
                for w in items() {
                    months.insert(fold(w), n);
                    lists.entry("month").or_default().push(w);
                }
            } else if let Some(n) = key.strip_prefix("weekday.") {
                let n: u32 = n.parse().expect("assets/words.txt: weekday number");
                for w in items() {
                    weekdays.insert(fold(w), n);
                    lists.entry("weekday").or_default().push(w);
                }
            } else if let Some(rest) = key.strip_prefix("zone ") {
                let mut parts = rest.rsplitn(2, ' ');
                let last = parts.next().expect("zone name");
                let (name, context) = match parts.next() {
                    Some(name) if last.chars().all(|c| c.is_ascii_lowercase()) && last.len() <= 3 => (name, Some(last)),
                    Some(name) => (&rest[..name.len() + 1 + last.len()], None),
                    None => (last, None),
                };
                zones.push(ZoneName { name, context, zone: zone_value(name, value), folded: fold(name) });
            } else if let Some(lang) = key.strip_prefix("lang.") {
                for w in items() {
                    lang_words.entry(w).or_default().push(lang);
                }
            } else if let Some(rest) = key.strip_prefix("default-zone ") {
                let mut parts = rest.split_whitespace();
                let lang = parts.next().expect("default-zone language");
                default_zones.push((lang, parts.next(), zone_value(lang, value)));
            } else if let Some(ctx) = key.strip_prefix("place.") {
                places.push((ctx, items().collect()));
            } else {
                lists.entry(key).or_default().extend(items());
            }
        }
        let mut take = |k: &str| alternation(lists.remove(k).unwrap_or_default());
        let zone_alt = alternation(zones.iter().map(|z| z.name).collect());
        Words {
            months,
            weekdays,
            month_alt: take("month"),
            weekday_alt: take("weekday"),
            updated_alt: take("updated"),
            published_alt: take("published"),
            started_alt: take("started"),
            ended_alt: take("ended"),
            ago_alt: take("ago"),
            ago_before_alt: take("ago-before"),
            clock_before_alt: take("clock-before"),
            post_label_alt: take("post-label"),
            pinned_alt: take("pinned"),
            day_word_alt: take("day-word"),
            by_alt: take("by"),
            not_label_alt: take("not-label"),
            at_alt: take("at"),
            share_alt: take("share"),
            counted_alt: take("counted"),
            zone_alt,
            zones,
            places,
            lang_words,
            default_zones,
        }
    }

    /// The month a name or abbreviation stands for, in any language of the lists.
    pub fn month(&self, name: &str) -> Option<u32> {
        let folded = fold(name.trim_end_matches('.'));
        self.months.get(&folded).copied()
    }

    /// The weekday a name or abbreviation stands for, in any language of the lists.
    pub fn weekday(&self, name: &str) -> Option<chrono::Weekday> {
        let n = *self.weekdays.get(&fold(name.trim_end_matches(['.', ','])))?;
        chrono::Weekday::try_from(u8::try_from(n - 1).ok()?).ok()
    }

    /// The zone a name stands for on a page of this context (see [`zone_context`]).
    pub fn zone(&self, name: &str, context: Option<&str>) -> Option<Zone> {
        let name = name.trim_matches(|c| c == '(' || c == ')');
        let folded = fold(name);
        let same = |z: &&ZoneName| z.name.eq_ignore_ascii_case(name) || z.folded == folded;
        let candidates: Vec<&ZoneName> = self.zones.iter().filter(same).collect();
        candidates
            .iter()
            .find(|z| z.context.is_some() && z.context == context)
            .or_else(|| candidates.iter().find(|z| z.context.is_none()))
            .map(|z| z.zone)
    }
}

fn zone_value(name: &'static str, value: &str) -> Zone {
    if value == "UTC" {
        return Zone::UTC;
    }
    if let Some(sign) = value.chars().next().filter(|c| *c == '+' || *c == '-') {
        let (h, m) = value[1..].split_once(':').expect("zone offset ±HH:MM");
        let secs = h.parse::<i32>().expect("hours") * 3600 + m.parse::<i32>().expect("minutes") * 60;
        let secs = if sign == '-' { -secs } else { secs };
        FixedOffset::east_opt(secs).expect("offset in range");
        return Zone::Fixed { name, offset_seconds: secs };
    }
    Zone::Region(value.parse().expect("assets/words.txt: IANA zone name"))
}

/// The language of a page: the one whose commonest short words its first 64 KiB use most.
pub(crate) fn language(text: &str) -> Option<&'static str> {
    let head = &text[..text.floor_char_boundary(64 * 1024)];
    let w = words();
    let mut counts: HashMap<&'static str, usize> = HashMap::new();
    for word in head.split(|c: char| !c.is_alphabetic()).filter(|t| !t.is_empty() && t.len() <= 8) {
        let lower;
        let word = if word.chars().any(char::is_uppercase) {
            lower = word.to_lowercase();
            lower.as_str()
        } else {
            word
        };
        if let Some(langs) = w.lang_words.get(word) {
            for l in langs {
                *counts.entry(l).or_default() += 1;
            }
        }
    }
    let mut ranked: Vec<(&'static str, usize)> = counts.into_iter().collect();
    ranked.sort_by_key(|&(l, n)| std::cmp::Reverse((n, l)));
    // A short page (a copied post or two) is told by a clear lead rather than by numbers; a
    // page of a few short posts (a dozen words of its language) by twice the next one's.
    let second = ranked.get(1).map_or(0, |&(_, n)| n);
    ranked
        .first()
        .filter(|&&(_, n)| n >= 20 || (n >= 6 && n >= 3 * second) || (n >= 12 && n >= 2 * second))
        .map(|&(l, _)| l)
}

/// The zone of a page that states none: its language's, refined by the places it names.
pub(crate) fn default_zone(text: &str) -> Option<Zone> {
    let lang = language(text)?;
    let context = zone_context(text);
    let zones = &words().default_zones;
    zones
        .iter()
        .find(|(l, c, _)| *l == lang && c.is_some() && *c == context)
        .or_else(|| zones.iter().find(|(l, c, _)| *l == lang && c.is_none()))
        .map(|(_, _, z)| *z)
}

/// Which reading of ambiguous zone names a page calls for: the context whose places the page
/// names most often (at least twice), looked for in its first 64 KiB.
pub(crate) fn zone_context(text: &str) -> Option<&'static str> {
    let head = &text[..text.floor_char_boundary(64 * 1024)];
    let places = &words().places;
    // One pass over the head for all the places at once (a place is looked for only where its
    // first byte is), counting as `str::match_indices` does place by place: a place's matches
    // do not overlap each other, and one followed by a letter still takes its bytes.
    let mut by_first: Vec<Vec<(usize, usize)>> = vec![Vec::new(); 256];
    for (c, (_, list)) in places.iter().enumerate() {
        for (k, p) in list.iter().enumerate() {
            if let Some(&b) = p.as_bytes().first() {
                by_first[usize::from(b)].push((c, k));
            }
        }
    }
    let mut free_from: Vec<Vec<usize>> = places.iter().map(|(_, list)| vec![0; list.len()]).collect();
    let mut counts = vec![0usize; places.len()];
    for (at, &b) in head.as_bytes().iter().enumerate() {
        for &(c, k) in &by_first[usize::from(b)] {
            let p = places[c].1[k];
            if at >= free_from[c][k] && head.as_bytes()[at..].starts_with(p.as_bytes()) {
                free_from[c][k] = at + p.len();
                // Whole words only: `Indiana` names no place in India.
                if !head[at + p.len()..].starts_with(char::is_alphabetic) {
                    counts[c] += 1;
                }
            }
        }
    }
    let mut best: Option<(&'static str, usize)> = None;
    for (&(ctx, _), &n) in places.iter().zip(&counts) {
        if n >= 2 && best.is_none_or(|(_, m)| n > m) {
            best = Some((ctx, n));
        }
    }
    best.map(|(c, _)| c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn months_in_five_languages() {
        let w = words();
        for (name, n) in [("février", 2), ("März", 3), ("Novembre", 11), ("agosto", 8), ("Okt.", 10), ("déc", 12)] {
            assert_eq!(w.month(name), Some(n), "{name}");
        }
        assert_eq!(w.month("foo"), None);
    }

    #[test]
    fn one_pass_counts_as_each_place_searched_alone() {
        let alone = |head: &str| {
            let mut best: Option<(&'static str, usize)> = None;
            for (ctx, places) in &words().places {
                let n: usize = places
                    .iter()
                    .map(|p| {
                        head.match_indices(p)
                            .filter(|(at, _)| !head[at + p.len()..].starts_with(char::is_alphabetic))
                            .count()
                    })
                    .sum();
                if n >= 2 && best.is_none_or(|(_, m)| n > m) {
                    best = Some((ctx, n));
                }
            }
            best.map(|(c, _)| c)
        };
        for text in [
            "Indiana and Indian, India, Delhi: IndiaIndia",
            "Cork, Corkscrew, Dublin. São Paulo e Rio de Janeiro, Brasília, Bahia",
            "UK UKUK London Wales, Sydney Sydney Melbourne Australian",
            "Tel Aviv, Jerusalem; Mexico City, CDMX, Ciudad de México, México",
            "",
        ] {
            assert_eq!(zone_context(text), alone(text), "{text}");
        }
    }

    #[test]
    fn a_british_page_naming_its_opponent_stays_british() {
        let text = "Wales v Australia live from Cardiff: the Wallabies lead in Wales. Australia \
                    score again. Cardiff roof closed. Welsh fans in Cardiff.";
        assert_eq!(zone_context(text), Some("gb"));
        assert_eq!(zone_context("Australia v India in Sydney, Australia's summer in Melbourne"), Some("au"));
    }

    #[test]
    fn zones_by_context() {
        let w = words();
        let offset = |z: Option<Zone>| {
            let t = chrono::NaiveDate::from_ymd_opt(2024, 7, 1).unwrap().and_hms_opt(12, 0, 0).unwrap();
            z.and_then(|z| z.resolve(t)).map(|t| t.offset().local_minus_utc())
        };
        assert_eq!(offset(w.zone("IST", None)), Some(19800));
        assert_eq!(offset(w.zone("IST", Some("ie"))), Some(3600));
        assert_eq!(offset(w.zone("MESZ", None)), Some(7200));
        assert_eq!(offset(w.zone("ora italiana", None)), Some(7200));
        assert_eq!(offset(w.zone("(BST)", None)), Some(3600));
        assert_eq!(w.zone("XYZ", None), None);
        assert_eq!(zone_context("Cork and Dublin brace for the storm, Irish forecasters say"), Some("ie"));
        assert_eq!(zone_context("Delhi votes"), None);
        assert_eq!(zone_context("Delhi votes as Mumbai waits"), Some("in"));
        assert_eq!(zone_context("Polls close in Indiana; Indiana goes red"), None);
    }

    #[test]
    fn languages_and_their_default_zones() {
        let de = "Die Lage ist nicht klar, und die Feuerwehr ist mit den Helfern im Einsatz. ".repeat(5);
        assert_eq!(language(&de), Some("de"));
        assert_eq!(
            language(
                "Die Gewerkschaft hat angekündigt, den Streik zu beenden. Auf den Autobahnen ist es voll und die Bahn fährt nicht."
            ),
            Some("de")
        );
        assert_eq!(language("Live 12:30"), None);
        assert_eq!(default_zone(&de), Some(Zone::Region(chrono_tz::Europe::Berlin)));
        let en = "The storm has hit the coast and the rivers are rising in Cork and Dublin. ".repeat(5);
        assert_eq!(default_zone(&en), Some(Zone::Region(chrono_tz::Europe::Dublin)));
        assert_eq!(language("Short."), None);
        // A few short posts: a dozen words of the language, twice as many as the next one's.
        let it = "Chiusa la via Emilia a Forlì. Il traffico è deviato sull'A14 per le piogge. \
                  Le scuole sono chiuse in dodici comuni della provincia di Ravenna. \
                  Il sindaco ha firmato l'ordinanza per le zone vicino al fiume, che è esondato. \
                  A Faenza la Protezione civile ha aperto due centri di accoglienza per gli sfollati.";
        assert_eq!(language(it), Some("it"));
        let fr = "Les vols sont retardés à New York. La fumée atteint la Norvège après trois jours, \
                  selon les satellites européens qui suivent le panache depuis le Québec.";
        assert_eq!(language(fr), Some("fr"));
    }
}
