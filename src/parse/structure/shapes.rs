//! The shapes of lines the layout tells apart without any list of known words: headlines,
//! tags, captions' credits, related links, bylines and `Updated at` notes.

use crate::model::Clock;
use crate::parse::time;
use regex::Regex;
use std::sync::LazyLock;

/// A short line that can stand as a title, headline or subheading: no sentence-ending full
/// stop, not too long.
pub(crate) fn headline_like(line: &str) -> bool {
    let n = line.chars().count();
    (2..=160).contains(&n)
        && !line.ends_with(['.', ',', ';', ':'])
        && !line.ends_with("...")
        && !line.ends_with('…')
        && line.chars().any(char::is_alphabetic)
}

/// A line short enough and plain enough to be a topic tag (`aide militaire`, `MARIOUPOL`).
pub(super) fn tag_like(line: &str) -> bool {
    let words = line.split_whitespace().count();
    line.chars().count() <= 48
        && (1..=6).contains(&words)
        && !line.ends_with(['.', '!', '?', ':', '"', '»', ',', ';'])
        && line.chars().next().is_some_and(char::is_alphabetic)
}

pub(super) fn upper_case(line: &str) -> bool {
    line.chars().any(char::is_alphabetic) && !line.chars().any(char::is_lowercase)
}

pub(super) static CREDIT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:©|\(c\)\s|(?i:crédits?\s*(?:photo)?\s*:|photo\s*:|credit\s*:|photograph\s*:)|\([^()]{2,80}/\s*(?:AFP|AP|Reuters|EPA|Getty Images?)\)$)")
        .expect("credit regex")
});

pub(super) static LINK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Voir aussi|Voir|Lire aussi|Lire|À lire aussi|A lire aussi|LIRE AUSSI|VOIR AUSSI|Related|Read more|See also|Watch)\s*:?\s+(?P<title>\S.*)$")
        .expect("link regex")
});

/// `By Jon Smith`, also with several names (`By Jon Smith & Kate Ellis`, `Par A, B et C`) and
/// the time the byline gives after a separator (`· 2 hours ago`, `| 14:03`).
pub(super) static BYLINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:Par|By|Por)\s+\p{Lu}[\p{L}'’.-]*(?:,?\s+(?:[\p{L}'’.-]+|&)){1,10}(?:\s+[·|•–—-]\s+[^·|•]{1,40})?$")
        .expect("byline regex")
});

pub(super) fn is_credit(line: &str) -> bool {
    super::prefilter::may_be_credit(line) && CREDIT.is_match(line)
}

pub(super) fn is_link(line: &str) -> bool {
    super::prefilter::may_be_link(line) && LINK.captures(line).is_some_and(|c| headline_like(&c["title"]))
}

pub(super) static UPDATED_AT: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"(?i)^(?:last updated(?: at)?|updated at|updated|mis à jour(?: à| le [^à]{0,40} à)?|aktualisiert um|aggiornato alle|actualizado a las)\s*(?:(?P<h>\d{1,2})\s*[h:.]\s*(?P<m>\d{2})(?:\s*(?P<ampm>[ap]\.?m\.?))?)?(?:\s*\S{2,4})?$")
        .expect("updated regex")
});

/// `Updated at 19.38 GMT` under an edited post: whether the line is one, and its clock.
pub(crate) fn updated_at(line: &str) -> Option<Option<Clock>> {
    if line.len() > 80 || !super::prefilter::may_be_updated_note(line) || !UPDATED_AT.is_match(line) {
        return None;
    }
    let caps = UPDATED_AT.captures(line)?;
    let ampm = caps.name("ampm").map(|m| m.as_str());
    Some(caps.name("h").and_then(|_| time::clock_from(&caps, ampm)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn headline_and_tag_shapes() {
        assert!(headline_like("Rôle plus actif ?"));
        assert!(headline_like("INTERACTIF - QUI CONTRÔLE QUOI EN UKRAINE"));
        assert!(!headline_like("Une phrase qui se termine."));
        assert!(tag_like("élections en Moldavie"));
        assert!(tag_like("MARIOUPOL"));
        assert!(!tag_like("Le Kremlin dénonce des anomalies dans le décompte des voix"));
    }

    #[test]
    fn credits_links_bylines() {
        assert!(is_credit("© AP Photo/Efrem Lukatsky"));
        assert!(is_credit("(VANESSA CARVALHO / BRAZIL PHOTO PRESS / AFP)"));
        assert!(!is_credit("(Reuters) Le président a dit"));
        assert!(is_link("Voir Ukraine : Antonio Guterres rencontre Vladimir Poutine à Moscou"));
        assert!(is_link("Lire Russie : le chercheur français Laurent Vinatier maintenu en détention provisoire"));
        assert!(!is_link("Voir Moscou s'enfoncer dans la guerre était prévisible."));
        assert!(BYLINE.is_match("Par Franceline Beretti avec AFP"));
        assert!(BYLINE.is_match("Por Ana Belén Ramos"));
        assert!(!BYLINE.is_match("Por qué se ha retrasado el escrutinio"));
        assert!(!BYLINE.is_match("By pfvz8"));
        assert!(BYLINE.is_match("By Jon Smith & Kate Ellis · 6 hours ago"));
        assert!(BYLINE.is_match("By Sam Walker, Political Reporter"));
        assert!(!BYLINE.is_match("By 2030 the city will have 40 new schools"));
    }

    #[test]
    fn updated_notes_read_the_twelve_hour_clock_once() {
        assert_eq!(updated_at("Updated at 12.35am").unwrap().unwrap().to_string(), "00:35");
        assert_eq!(updated_at("Updated at 12.35pm").unwrap().unwrap().to_string(), "12:35");
        assert_eq!(updated_at("Updated at 7.05pm BST").unwrap().unwrap().to_string(), "19:05");
        assert!(updated_at("Updated forecasts are due").is_none());
        assert_eq!(updated_at("Last updated 9:15 p.m.").unwrap().unwrap().to_string(), "21:15");
    }
}
