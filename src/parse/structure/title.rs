//! Which line of the page's header is its title: the marked `h1`, else the headline-like line
//! that scores best — never the navigation, a menu of short lines, a site's domain, a
//! standfirst of two sentences, a point of a summary box (`Summary`, `Key points`: the
//! headings are listed in `assets/summary_headings.txt`) or of a table of contents above the
//! feed. A title a dump wrapped over two
//! lines is read as one; a title shown only as the last crumb of a breadcrumb is that crumb,
//! and a live kicker run into the headline (`Liveticker …`) is cut.

use super::super::lines::{Kind, Line, is_player_label};
use super::super::time;
use super::{BYLINE, dated_byline, headline_like, is_credit, is_dateline, is_link};

#[path = "title_author.rs"]
mod author;
#[path = "title_breadcrumb.rs"]
mod breadcrumb;
#[path = "title_contents.rs"]
mod contents;
#[path = "title_kicker.rs"]
mod kicker;
#[path = "title_summary.rs"]
pub(super) mod summary;
#[path = "title_wrap.rs"]
mod wrap;
pub(crate) use wrap::dump_width;

/// The page's headline among the header's lines, not its navigation: the marked `h1`, else
/// the headline-like line with the best score — longer is better, a date or a "live" word in
/// it is better, and a line among short neighbours (a menu) is worse; the last crumb of a
/// breadcrumb and a line a dump centred (lynx's `h1`) are better still. Returns the numbers of
/// the title's first and last line (the same but for a wrapped title) and where the title
/// starts in its first line (after the breadcrumb's other crumbs).
pub(super) fn pick_title(text: &str, lines: &[Line]) -> Option<(u32, u32, usize)> {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let mut listed = summary::summary_points(text, lines);
    listed.extend(contents::contents_points(text, lines));
    listed.sort_unstable();
    let leaves = breadcrumb::leaves(text, lines);
    let content: Vec<&Line> = lines.iter().filter(|l| matches!(l.kind, Kind::Text | Kind::Link)).collect();
    // The line numbered `n`, found by halving (lines come in order): a linear search for each
    // line made a header of 250,000 short lines take minutes.
    let numbered = |n: u32| lines.binary_search_by_key(&n, |l| l.number).ok().map(|i| &lines[i]);
    let words = |l: &Line| s(l).split_whitespace().count();
    let short = |i: Option<&&Line>| i.is_none_or(|l| words(l) <= 3);
    let mut scored: Vec<(i32, u32)> = Vec::new();
    // Where each scored title starts in its line: after the other crumbs of a breadcrumb.
    let mut skips: Vec<Option<usize>> = Vec::new();
    let width = content.iter().map(|l| s(l).chars().count()).max().unwrap_or(0);
    // A dump wraps paragraphs at a width: many lines end close to it.
    // Lines of a similar length are no proof alone (a short header of copied text has a few):
    // one of them must visibly run on, into a line in lower case.
    let near = |l: &Line| s(l).chars().count() + 12 >= width;
    let runs_on =
        |l: &Line| numbered(l.number + 1).is_some_and(|n| n.kind == Kind::Text && s(n).starts_with(char::is_lowercase));
    let wrapped_page =
        width >= 60 && content.iter().filter(|l| near(l)).count() >= 3 && content.iter().any(|l| near(l) && runs_on(l))
            || dump_wraps(text);
    // A line right under an unfinished long line is the rest of a wrapped paragraph.
    let continues = |line: &Line| {
        let above = line.number.checked_sub(2).and_then(|i| numbered(i + 1));
        above.is_some_and(|a| {
            a.kind == Kind::Text && s(a).chars().count() >= 60 && !s(a).ends_with(['.', '!', '?', ':', '"', '»', '”'])
        })
    };
    let dump_width = wrap::dump_width(text);
    let mut joined: Vec<(u32, u32)> = Vec::new();
    for (k, line) in content.iter().enumerate() {
        let t = s(line);
        if listed.binary_search(&line.number).is_ok() {
            continue;
        }
        // An image's alternative text above its caption says the same thing twice.
        let caption_below = content.get(k + 1).is_some_and(|n| {
            let prefix: String = t.chars().take(20).collect();
            prefix.chars().count() == 20 && s(n).starts_with(&prefix)
        });
        // A line whose next line carries on in lower case is the start of a wrapped paragraph.
        let wrapped =
            numbered(line.number + 1).is_some_and(|n| n.kind == Kind::Text && s(n).starts_with(char::is_lowercase));
        // Columns set apart by runs of spaces are a table row.
        // A dump wraps paragraphs at a width: a line that reaches it runs on below.
        let at_width = numbered(line.number + 1).is_some_and(|n| {
            (wrapped_page && t.chars().count() + 12 >= width && wrap::continues_title(text, n))
                || dump_width.is_some_and(|w| wrap::cut_at_width(text, line, n, w))
        });
        // Only a dump wraps: copied text keeps each paragraph on one line, whatever stands above.
        if (wrapped_page && continues(line)) || caption_below || t.contains("   ") {
            continue;
        }
        // A title the dump wrapped: two lines of one paragraph, read as one.
        let owned;
        let mut t = t;
        // The line after the title: under a wrapped title, the one after its rest.
        let mut after = k + 1;
        if wrapped || at_width {
            // Only a dump wraps; in copied text the line below is another paragraph.
            // A long line near a dump's width that runs on in lower case is wrapped itself, on
            // a page too short to show it by other lines (copied text keeps far longer lines).
            let dumped = wrapped && (60..=132).contains(&width) && t.chars().count() + 12 >= width;
            match (wrapped_page || dumped || at_width).then(|| wrapped_title(text, lines, line)).flatten() {
                Some(rest) => {
                    owned = format!("{t} {}", s(rest));
                    t = &owned;
                    joined.push((line.number, rest.number));
                    after = content.iter().position(|l| l.number > rest.number).unwrap_or(content.len());
                }
                // A line as long as the widest, over short lines that read as no title's rest
                // (a list of points under a headline): the line alone, judged below.
                None if at_width && !wrapped => {}
                None => continue,
            }
        }
        let rest_joined = joined.last().is_some_and(|&(first, _)| first == line.number);
        // `Home > Sport > Żużel > Headline`, `4. Headline` closing a numbered trail: the crumb.
        let leaf = leaves.binary_search_by_key(&line.number, |&(n, _)| n).ok().map(|i| leaves[i].1);
        if let Some(at) = leaf {
            t = &t[at..];
        }
        let opens = |c: char| c.is_alphanumeric() || "\"«“'‘(¿¡".contains(c);
        if line.kind != Kind::Text || !title_like(t) || !t.starts_with(opens) {
            continue;
        }
        if line.h1 {
            return Some(with_skip(span_of(&joined, line.number), leaf));
        }
        if !rest_joined && author::author_over_stamp(text, t, line.span.end as usize) {
            continue;
        }
        let n_words = t.split_whitespace().count();
        let mut score = n_words.min(12) as i32;
        // In a dump, a line with text right under it that is no wrapped title is the first
        // line of a paragraph (a standfirst cut at the width: `… took five wickets as` over
        // `India bowled Sri Lanka out for 55.`): the lines under it end a sentence. A title
        // over a list of short points (`Amber warnings for wind and snow`) ends none.
        let ends_sentence = (1..=3)
            .map_while(|k| numbered(line.number + k).filter(|n| n.kind == Kind::Text))
            .any(|n| s(n).ends_with(['.', '!', '?', '…', '"', '»', '”']));
        if !rest_joined && (wrapped_page || dump_width.is_some_and(|(_, crowded)| crowded)) && ends_sentence {
            score -= 6;
        }
        if n_words < 3 {
            score -= 4;
        }
        if LIVE.is_match(t) || t.bytes().any(|b| b.is_ascii_digit()) && !time::datelines(t).is_empty() {
            score += 6;
        }
        // A `LIVE` badge alone on the line above marks the headline it stands over.
        if live_badge_above(text, lines, line) {
            score += 8;
        }
        if leaf.is_some() || breadcrumb::centred(text, line) {
            // Its neighbours are the other crumbs, or the blank around a centred heading.
            score += 8;
        } else if short(k.checked_sub(1).and_then(|p| content.get(p))) && short(content.get(after)) {
            score -= 6;
        }
        // A row of figures is a table's or a market ticker's (`Sensex 71,645.30 -106.81`).
        let numbers = t
            .split_whitespace()
            .filter(|w| w.chars().any(|c| c.is_ascii_digit() || c == '*') && !w.chars().any(char::is_alphabetic))
            .count();
        if numbers * 2 >= n_words {
            score -= 8;
        }
        // Two clocks or more make a schedule or a programme guide (`tagesschau 20:00 Uhr 15:02
        // Min tagesthemen 22:15 Uhr`), not a headline.
        let clocks = t.split_whitespace().filter(|w| time::clock_word(w)).count();
        if clocks >= 2 {
            score -= 8;
        } else if clocks == 1 {
            // One clock: where to watch and when (`Dove vedere Lazio-Napoli: ore 20:45 su DAZN`,
            // `Live im TV: SRF zwei ab 12:10 Uhr`), seldom a headline.
            score -= 4;
        }
        // `Redaktion · Aktualisiert vor 12 Minuten · Publiziert heute um 11:05 Uhr`: a line that
        // says when the page was updated or published, with a time, is its dateline.
        if time::has_clock_bytes(t.as_bytes()) && time::dateline::has_kind(t) {
            score -= 12;
        }
        // `Seats filled: 12/174 · Live results`, `Guarda Cielo TG24 in diretta · 24h`: parts set
        // apart by dots are a strip or a band of the site, not one headline.
        if t.split(['·', '•']).filter(|p| !p.trim().is_empty()).count() >= 2 {
            score -= 6;
        }
        // `Video` over `ZDFheute live: 1.000 Tage Krieg`: a player's caption, however live it reads.
        let at = lines.binary_search_by_key(&line.number, |l| l.number).unwrap_or(0);
        if lines[..at].iter().rev().find(|l| l.kind != Kind::Blank).is_some_and(|p| is_player_label(s(p))) {
            score -= 10;
        }
        // `Z+ (abopflichtiger Inhalt); Analyse: …`: a subscriber-only teaser near the headline.
        if kicker::paywall_teaser(t) {
            score -= 10;
        }
        // A site's name and slogan carry its address.
        if DOMAIN.is_match(t) {
            score -= 8;
        }
        // A headline is one sentence; a standfirst may run to two, or invite to follow.
        if two_sentences(t) || super::standfirst::invites_to_follow(t) {
            score -= 6;
        }
        scored.push((score, line.number));
        skips.push(leaf);
    }
    // The headline stands near the feed it heads: the last good candidate above it gains.
    if let Some(last) = scored.iter_mut().rev().find(|(score, _)| *score >= 4) {
        last.0 += 3;
    }
    let mut best: Option<(i32, u32, Option<usize>)> = None;
    for ((score, n), skip) in scored.into_iter().zip(skips) {
        if best.is_none_or(|(b, _, _)| score > b) {
            best = Some((score, n, skip));
        }
    }
    // A live kicker inside the headline (`Liveticker Unwetter in Hessen…`) is no part of it.
    best.map(|(_, n, skip)| {
        let (first, last, skip) = with_skip(span_of(&joined, n), skip);
        let kicker = numbered(first).map_or(0, |l| kicker::kicker_len(&s(l)[skip..]));
        (first, last, skip + kicker)
    })
}

/// Whether a live word (`LIVE`, `Liveticker`, `en direct`) stands in the text.
pub(super) fn live_word(t: &str) -> bool {
    LIVE.is_match(t)
}

/// Whether the last non-blank line above `line` is only a live word (`LIVE`, `DIRECT`), the
/// badge a live page sets over its headline.
fn live_badge_above(text: &str, lines: &[Line], line: &Line) -> bool {
    let Ok(at) = lines.binary_search_by_key(&line.number, |l| l.number) else { return false };
    lines[..at].iter().rev().find(|l| l.kind != Kind::Blank).is_some_and(|l| {
        let t = text[l.span.start as usize..l.span.end as usize].trim();
        LIVE.find(t).is_some_and(|m| m.start() == 0 && m.end() == t.len())
    })
}

fn with_skip((first, last): (u32, u32), skip: Option<usize>) -> (u32, u32, usize) {
    (first, last, skip.unwrap_or(0))
}

/// The first and last line of the title that starts at line `n`.
fn span_of(joined: &[(u32, u32)], n: u32) -> (u32, u32) {
    // Pushed in line order: found by halving, as everything looked up once a line here.
    joined.binary_search_by_key(&n, |&(first, _)| first).map_or((n, n), |i| joined[i])
}

/// The second line of a paragraph of exactly two lines that starts at `line`: a title a dump
/// wrapped, when the two read as one headline.
fn wrapped_title<'l>(text: &str, lines: &'l [Line], line: &Line) -> Option<&'l Line> {
    let at = |n: u32| lines.binary_search_by_key(&n, |l| l.number).ok().map(|i| &lines[i]);
    let next = at(line.number + 1).filter(|l| wrap::continues_title(text, l))?;
    if at(line.number + 2).is_some_and(|l| matches!(l.kind, Kind::Text | Kind::Link)) {
        return None;
    }
    let len = |l: &Line| text[l.span.start as usize..l.span.end as usize].chars().count();
    (len(line) + len(next) <= 200).then_some(next)
}

/// Whether the text is a dump that wraps its paragraphs at a width: among its first lines,
/// several reach nearly the longest and run on into a line in lower case.
fn dump_wraps(text: &str) -> bool {
    let head = &text[..text.floor_char_boundary(64 * 1024)];
    let all: Vec<&str> = head.lines().collect();
    let width = all.iter().map(|l| l.trim_end().chars().count()).max().unwrap_or(0);
    if width < 60 {
        return false;
    }
    let near = |l: &str| l.trim_end().chars().count() + 12 >= width;
    let runs_on = all.windows(2).filter(|w| near(w[0]) && w[1].trim_start().starts_with(char::is_lowercase)).count();
    runs_on >= 2
}

static DOMAIN: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b[a-z0-9-]+\.(?:com|co\.uk|uk|fr|de|it|es|ie|in|pl|ch|at|net|org|info)\b")
        .expect("domain regex")
});

static LIVE: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"(?i)\b(?:live|liveblog|live-blog|live blog|newsticker|en direct|direct|liveticker|live-ticker|ticker|newsticker|newsblog|in diretta|diretta|en vivo|en directo|as it happened|latest updates)\b")
        .expect("live regex")
});

/// `…, chiusi i passi dolomitici. Aggiornamenti in tempo reale`: a full stop after a word of
/// four or more lower-case letters, then a capital.
fn two_sentences(line: &str) -> bool {
    line.match_indices(". ").any(|(at, _)| {
        let before = line[..at].rsplit(' ').next().unwrap_or("");
        before.chars().count() >= 4
            && before.chars().all(char::is_lowercase)
            && line[at + 2..].starts_with(char::is_uppercase)
    })
}

fn title_like(line: &str) -> bool {
    headline_like(line)
        && !is_credit(line)
        && !is_link(line)
        && !BYLINE.is_match(line)
        && !is_dateline(line)
        && !dated_byline(line)
}

#[cfg(test)]
mod tests {
    use crate::model::Story;
    use crate::parse::rules::Rules;

    fn title(text: &str) -> String {
        let mut lines = crate::parse::lines::classify(text, Rules::embedded(), &[]);
        let mut story = Story { text: text.to_string(), ..Story::default() };
        super::super::build(&mut story, &mut lines);
        story.title
    }

    #[test]
    fn a_point_of_the_summary_box_is_not_the_title() {
        let text = "Skip to content\nTrain strike: Rail passengers face disruption across England\n\nSummary\n\
                    Train drivers at 16 operators strike for 24 hours\nThe government says the pay offer is final\n\
                    Posted at 17:20\nEvening services wind down early\nMost operators stop early tonight.\n";
        assert_eq!(title(text), "Train strike: Rail passengers face disruption across England");
    }

    #[test]
    fn a_live_badge_marks_the_headline_and_a_dotted_band_is_none() {
        let text = "Scores & Fixtures\nTables\nLIVE\n\nArsenal v Chelsea: Premier League – live text and score updates\n\
                    Premier League\nFT · Emirates Stadium\n\nLive Line-ups Match stats Head-to-head\n18:32\n\
                    Full-time: Arsenal 1-1 Chelsea\nHonours even at the Emirates tonight.\n";
        assert_eq!(title(text), "Arsenal v Chelsea: Premier League – live text and score updates");
        let text = "Regions\nElection 2024\n\nSeats filled: 12/174 · Live results\n\n\
                    Election 2024: Counting under way across the country\n\nCounting is under way in all constituencies.\n\n\
                    18:12\nFirst seat filled in Dublin Bay South\nIvana Bacik has been elected on the fifth count.\n";
        assert_eq!(title(text), "Election 2024: Counting under way across the country");
    }

    #[test]
    fn a_ticker_band_marks_the_headline_and_a_tv_hint_is_none() {
        let text = "Sport\nSki\nTICKER\nLauberhorn-Abfahrt im Ticker: Odermatt siegt in Wengen vor von Allmen\n\
                    Marco Odermatt gewinnt die Abfahrt am Lauberhorn.\nStartliste\n\
                    Live im TV: SRF zwei ab 12:10 Uhr\n13:41Ticker\nOdermatt jubelt!\nDer Nidwaldner gewinnt.\n";
        assert_eq!(title(text), "Lauberhorn-Abfahrt im Ticker: Odermatt siegt in Wengen vor von Allmen");
        let text = "Calciomercato\nCalciomercato oggi: Juve su Hancko, il Milan prende Walker\n\
                    Tutte le trattative di oggi, minuto per minuto\nDove vedere Lazio-Napoli: ore 20:45 su DAZN e Sky Sport\n\
                    18:34\nMilan, accordo per Walker\nPrestito con diritto di riscatto.\n";
        assert_eq!(title(text), "Calciomercato oggi: Juve su Hancko, il Milan prende Walker");
    }

    #[test]
    fn a_title_an_80_column_dump_wrapped_keeps_its_place() {
        // The rest of the title is one short word: the line after it is the title's neighbour,
        // and a short page shows the wrap by the title alone.
        let text = "News / City News / Mumbai News\n\nMumbai rains LIVE updates: Red alert in city, local trains delayed, schools\n\
                    shut\n\nTOB.in / Updated: Jul 8, 2024, 15:42 IST\n\nMumbai 26°C · Humidity 94% · High tide at 16:59 (4.2 m)\n\n\
                    15:42\nBMC asks citizens to stay indoors\nThe civic body has opened 40 relief centres.\n";
        assert_eq!(title(text), "Mumbai rains LIVE updates: Red alert in city, local trains delayed, schools shut");
    }

    #[test]
    fn a_title_a_dump_wrapped_over_two_lines_is_read_whole() {
        let para = "   The minister said the talks would go on through the night and that a deal was close, but\n   unions were not convinced by the offer made on Monday.\n\n";
        let text = format!(
            "   Live en cours\n\n  Salon de l'agriculture : la visite du président perturbée par des agriculteurs en colère,\n                 suivez notre direct\n\n{}\n23h28\n\n   Fin de la visite\n\n{}",
            para.repeat(2),
            para
        );
        assert_eq!(
            title(&text),
            "Salon de l'agriculture : la visite du président perturbée par des agriculteurs en colère, suivez notre direct"
        );
    }

    #[test]
    fn a_title_over_short_points_in_a_copy_of_short_lines_is_the_title() {
        // Every line of this copy stays under a dump's width and several come close to the
        // longest, as in an 80-column dump; but the lines under the title end no sentence.
        let text = "Home\nNews\nSport\nStorm Bert LIVE: Amber warnings as 80mph gusts and heavy snow batter Britain\n\
                    Amber warnings for wind and snow\nHundreds of flights cancelled\n\nBy Harriet Vane\n\n\
                    15:41\nFlights cancelled at Manchester\nSeveral departures from Manchester were grounded as the crosswinds picked up.\n\n\
                    14:26\nMet Office issues amber snow warning\nUp to 20cm of snow could fall on the high ground in the north of England.\n\n\
                    13:58\nTrains cancelled across the north\nNorthern Rail has cancelled all of its services until tomorrow morning.\n\n\
                    13:12\nPower cuts hit thousands of homes\nAround 40,000 homes are without power across the north of the country.\n\n\
                    12:40\nRoads closed in the Peak District\nThe Snake Pass and the Woodhead Pass are both closed until further notice.\n";
        assert_eq!(title(text), "Storm Bert LIVE: Amber warnings as 80mph gusts and heavy snow batter Britain");
    }

    #[test]
    fn a_players_caption_and_a_thousand_in_the_headline_leave_the_title_alone() {
        let text = "Politik\nUkraine-Krieg im Liveblog\n\n1.000 Tage Krieg: Ukraine setzt erstmals ATACMS gegen Russland ein\n\n\
                    Datum: 20.11.2024 08:15 Uhr\n\nVideo\n\nZDFheute live: 1.000 Tage Krieg in der Ukraine\n\n\
                    08:12 Uhr\nKreml: Raketenangriff 'Eskalation'\nKremlsprecher Peskow spricht von einer neuen Eskalation.\n";
        assert_eq!(title(text), "1.000 Tage Krieg: Ukraine setzt erstmals ATACMS gegen Russland ein");
    }
}
