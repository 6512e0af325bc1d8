//! A clock alone on its line right under a long line that ends with a date (`… Ultimo
//! aggiornamento: Domenica 20 Ottobre 2024,` over `10:20`, `Leggi anche … 19 ottobre 2024 |`
//! over `21:05`, lynx at 100 columns): the dump's wrap cut one date-time in two, and the clock
//! is that date's — a dateline's or a teaser's — not a post's. Where such cut date-times are
//! most of the page's stamps they are its posts' form, and stay stamps.

use super::{Kind, Lines, text_of};
use crate::parse::time::{self, Shape};
use regex::Regex;
use std::sync::LazyLock;

/// The shortest line above that shows a wrap cut it (as in [`super::wrapped_stamp`]).
const WRAPPED_MIN: usize = 40;

/// A line ending with a year, a separator after it at most.
static YEAR_END: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"(?:^|\D)(?:19|20)\d{2}\s*[,|·•\-–—]?$").expect("year-end regex"));

/// Makes text each bare clock a wrap cut from the date above it, unless those are most stamps.
pub(super) fn clocks_cut_from_dates(out: &mut Lines, text: &str) {
    let mut cut = Vec::new();
    let mut context: Option<Option<&str>> = None;
    for i in 1..out.lines.len() {
        let (above, line) = (&out.lines[i - 1], &out.lines[i]);
        if line.kind != Kind::Time || above.kind != Kind::Text || above.number + 1 != line.number {
            continue;
        }
        let Some(alone) = out.stamp(line) else { continue };
        if alone.shape != Shape::Bare || alone.date.is_some() || alone.unshown.is_some() || alone.rest.is_some() {
            continue;
        }
        let (t, n) = (text_of(text, above), text_of(text, line));
        // A line cut before its clock holds none (`… 09:10, 14 AUG 2024` over a post's `13:52`
        // is a dateline whole, over the next post's stamp).
        if t.chars().count() < WRAPPED_MIN || !YEAR_END.is_match(t) || time::has_clock_bytes(t.as_bytes()) {
            continue;
        }
        // A quoted post's credit (`— Narendra Modi (@narendramodi) Oct 5, 2024`) is whole with
        // its own date: a browser's copy puts the next post's clock right under it.
        if t.trim_start().starts_with(['—', '–']) && t.contains("(@") {
            continue;
        }
        let context = *context.get_or_insert_with(|| crate::parse::words::zone_context(text));
        let joined = format!("{t} {n}");
        let read = time::stamp(&joined, context)
            .filter(|s| s.date.is_some())
            .map(|s| s.clock)
            .or_else(|| time::dateline::stamp_parts(&joined, context).map(|(_, part)| part.clock));
        if read == Some(alone.clock) {
            cut.push(i);
        }
    }
    let stamps = out.lines.iter().filter(|l| l.kind == Kind::Time).count();
    if cut.is_empty() || cut.len() * 2 > stamps {
        return;
    }
    for i in cut {
        out.lines[i].kind = Kind::Text;
    }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::Kind;
    use crate::parse::rules::Rules;

    fn times(text: &str) -> Vec<String> {
        let lines = super::super::classify(text, Rules::embedded(), &[]);
        lines.lines.iter().filter(|l| l.kind == Kind::Time).map(|l| super::text_of(text, l).to_string()).collect()
    }

    const FEED: &str = "IN EVIDENZA10.12\nBologna, riaprono le scuole\nLe scuole riaprono domani.\n\n\
                        08.30\nIl Lamone torna sotto il livello\nIl fiume cala.\n\n\
                        23.45\nEvacuate mille persone\nMille persone lasciano le case.\n";

    #[test]
    fn a_clock_cut_from_a_dateline_or_a_teaser_date_is_no_post() {
        let text = format!(
            "Maltempo, la diretta\n\n   di Redazione Web · Ultimo aggiornamento: Domenica 20 Ottobre 2024,\n10:20\n\n\
             Allerta rossa in Emilia-Romagna.\n\n{FEED}\n\
             Leggi anche Alluvione, la mappa delle zone a rischio 19 ottobre 2024 |\n21:05\n\nSul posto i mezzi anfibi.\n"
        );
        let got = times(&text);
        assert!(!got.iter().any(|t| t == "10:20" || t == "21:05"), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
        // A quoted post's credit with its date, the next post's clock right under it.
        let quoted = format!(
            "{FEED}\nA tweet quoted in the post.\n\n— Narendra Modi (@narendramodi) Oct 5, 2024\n2:05 PM\nCongress alleges slow results\nThe party wrote.\n"
        );
        assert!(times(&quoted).iter().any(|t| t == "2:05 PM"), "{:?}", times(&quoted));
    }

    #[test]
    fn a_post_clock_under_a_whole_date_time_stays_a_stamp() {
        let text = "Cork flooding live\n\nAoife Hennessy 09:10, 14 AUG 2024Updated13:52, 14 AUG 2024\n13:52\n\
                    Road closures in Midleton\nThe council has closed Main Street.\n\n11:30\nRain eases\nThe rain eased.\n\n\
                    10:05\nWarning issued\nAn orange warning was issued.\n";
        assert!(times(text).iter().any(|t| t == "13:52"), "{:?}", times(text));
    }

    #[test]
    fn cut_date_times_that_are_the_pages_form_stay_stamps() {
        let text = "Storm live\n\nBy Jane Roe, Political Correspondent, Dublin · Tue 1 Oct 2024,\n14:26\n\
                    Budget passes\nThe budget passed tonight.\n\n\
                    By John Doe, Education Correspondent, Cork · Tue 1 Oct 2024,\n13:10\n\
                    Schools reopen\nSchools open on Monday.\n";
        assert_eq!(times(text).len(), 2, "{:?}", times(text));
    }
}
