//! A clock opening a paragraph that a dump wrapped (`18:47 Il presidente della Regione: «Danni
//! ingenti, chiederemo lo stato di` over `emergenza». Il consiglio…`, w3m at 80 columns): the
//! first line alone is too short a sentence to be told from a ticker's cut-off headline (see
//! [`crate::parse::time::paragraph`]), but the line under it carries the sentence on in lower
//! case. Read with its continuation, the line is an inline stamp like an unwrapped one. The
//! other way round, a clock the wrap put at the start of a line (`Kick-off is at` over
//! `8.10pm.`) ends the sentence above it and stamps nothing, and so does a scoreboard's
//! start time a wrap moved under its label (`… Coup d'envoi :` over `21h05Terminé`).

use super::{Kind, Lines, text_of};
use crate::parse::time::paragraph::paragraph_clock;
use crate::parse::words::words;
use regex::Regex;
use std::sync::LazyLock;

/// A line ending with a word that leads into a time (`at`, `from`, `until`, `à`, `um`: the
/// `not-label:` words of `assets/words.txt`), the sentence unfinished.
static LEADS_IN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(&format!(r"(?i)(?:^|\s)(?:{})$", words().not_label_alt)).expect("lead-in word regex"));

/// A line ending with a scoreboard's kick-off label and its colon (`assets/kickoff_labels.txt`).
static KICKOFF_LABEL: LazyLock<Regex> = LazyLock::new(|| {
    let alt = include_str!("../../../assets/kickoff_labels.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(|l| regex::escape(l).replace('\'', "['’]").replace(' ', r"\s+"))
        .collect::<Vec<_>>()
        .join("|");
    Regex::new(&format!(r"(?i)(?:{alt})\s*:$")).expect("kick-off label regex")
});

/// A stamp line right under a line of a paragraph that breaks off on a word leading into a
/// time is the rest of that sentence, not a post's stamp. A short line (`published at` over
/// `15:41 GMT`) may be the stamp's own label.
pub(super) fn sentence_rest_clocks(out: &mut Lines, text: &str) {
    for i in 1..out.lines.len() {
        let (above, line) = (&out.lines[i - 1], &out.lines[i]);
        if line.kind == Kind::Time
            && above.kind == Kind::Text
            && above.number + 1 == line.number
            && (text_of(text, above).chars().count() >= 40 && LEADS_IN.is_match(text_of(text, above))
                || KICKOFF_LABEL.is_match(text_of(text, above).trim_end()))
        {
            out.lines[i].kind = Kind::Text;
        }
    }
}

/// Stamps the text lines that open with a clock and a sentence only a wrap cut short.
pub(super) fn wrapped_paragraph_clocks(out: &mut Lines, text: &str) {
    let mut found = Vec::new();
    for (i, w) in out.lines.windows(2).enumerate() {
        let (line, next) = (&w[0], &w[1]);
        let (t, n) = (text_of(text, line), text_of(text, next));
        if line.kind != Kind::Text
            || next.kind != Kind::Text
            || !t.starts_with(|c: char| c.is_ascii_digit())
            || !n.starts_with(char::is_lowercase)
            || paragraph_clock(t).is_some()
        {
            continue;
        }
        if let Some(mut stamp) = paragraph_clock(&format!("{t} {n}")) {
            stamp.rest = stamp.rest.map(|(from, _)| (from, t.len()));
            found.push((i, stamp));
        }
    }
    for (i, stamp) in found {
        out.add_stamp(i, stamp);
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Kind, classify};
    use crate::parse::rules::Rules;

    #[test]
    fn a_wrapped_paragraph_clock_stamps_its_post() {
        let text = "Maltempo in Emilia-Romagna: la diretta\n\n\
                    18:47 Il presidente della Regione: «Danni ingenti, chiederemo lo stato di\n\
                    emergenza». Il consiglio dei ministri è convocato per domani alle ore 11.\n\n\
                    17:30 Esondato il Lamone a Traversara, evacuate 300 persone. I vigili del fuoco\n\
                    sono al lavoro con i gommoni.\n\n\
                    15:12 Chiuse le scuole anche venerdì in 40 comuni. L'allerta rossa è prorogata\n\
                    fino alle ore 24.\n";
        let lines = classify(text, Rules::embedded(), &[]);
        let kinds: Vec<Kind> = lines.lines.iter().map(|l| l.kind).collect();
        assert_eq!(kinds[2], Kind::Time, "{kinds:?}");
        // A ticker line cut off, with no sentence running on below, stays text.
        let text = "Ultima ora\n18:52 Borsa: Milano chiude in rialzo dopo una seduta\nvolatile\n";
        let lines = classify(text, Rules::embedded(), &[]);
        assert_ne!(lines.lines[1].kind, Kind::Time);
    }

    #[test]
    fn a_clock_ending_a_wrapped_sentence_is_no_stamp() {
        let text = "6.40pm
Good evening
Welcome along to our live coverage. Kick-off is at
8.10pm.
Gavan Casey reports
                    7.15pm
Team news confirmed
Andy Farrell makes no late changes.
";
        let lines = classify(text, Rules::embedded(), &[]);
        let kinds: Vec<Kind> = lines.lines.iter().map(|l| l.kind).collect();
        assert_eq!((kinds[0], kinds[3], kinds[5]), (Kind::Time, Kind::Text, Kind::Time), "{kinds:?}");
    }

    #[test]
    fn a_kickoff_time_wrapped_under_its_label_is_no_stamp() {
        for (label, clock) in [
            ("Stade Toulousain38 - 17ClermontTop 14 - 11e journéeCoup d'envoi :", "21h05Terminé"),
            ("Bayern 2 - 1 Dortmund · Bundesliga, 12. Spieltag · Anstoß:", "18:30 Uhr"),
            ("Inter 1 - 0 Milan | Serie A | Calcio d’inizio:", "20.45 Finale"),
            ("Kick-off :", "20:00"),
        ] {
            let text = format!(
                "Match live\n\n{label}\n{clock}\n\n22h41 | 78e\nEssai transformé\n\nLe pack domine.\n\n\
                 21h58 | 45e\nMi-temps\n\nLe score à la pause.\n"
            );
            let lines = classify(&text, Rules::embedded(), &[]);
            let kinds: Vec<Kind> = lines.lines.iter().map(|l| l.kind).collect();
            assert_eq!(kinds[3], Kind::Text, "{label} / {clock}: {kinds:?}");
            assert_eq!(kinds[5], Kind::Time, "{label}: {kinds:?}");
        }
    }
}
