//! The stamps of a feed's newest posts, which sites print another way than the rest: no clock
//! (`vor 8 Min.`, a `<time datetime>` showing `12m ago`) or the day as a word (`Publié
//! aujourd'hui à 11h54`, `Gestern, 22:10 Uhr`) over the few newest posts, a date-time
//! (`09.06.2024 um 22:47`, `Publié le 28 juin 2024 à 18h05`) over the older ones. Such stamps,
//! no more of them than the date-times, stand aside when [`super::weigh`] tells the page's two
//! families of stamps apart, so they never outvote the date-times; many of them are a feed of
//! their own (over a comment box's date-times) and weigh as before.

use super::{Kind, Lines, text_of};
use crate::parse::time::relative::names_day_by_word;

/// Per line of `out`: whether its stamp stands aside from the stamp families.
pub(super) fn newest_aside(out: &Lines, text: &str) -> Vec<bool> {
    let newest: Vec<bool> = out
        .lines
        .iter()
        .map(|l| {
            l.kind == Kind::Time
                && out
                    .stamp(l)
                    .is_some_and(|s| s.unshown.is_some() || (s.leading && names_day_by_word(text_of(text, l))))
        })
        .collect();
    let dated = out
        .lines
        .iter()
        .zip(&newest)
        .filter(|(l, n)| !**n && l.kind == Kind::Time && out.stamp(l).is_some_and(|s| !s.leading))
        .count();
    if newest.iter().filter(|n| **n).count() <= dated { newest } else { vec![false; out.lines.len()] }
}

#[cfg(test)]
mod tests {
    use crate::parse::lines::{Kind, kind_of};

    #[test]
    fn day_word_stamps_over_the_newest_posts_do_not_outvote_the_date_times() {
        let text = "Intempéries en Valais: le point en direct\nDes pluies diluviennes touchent le Valais.\n\
                    Publié aujourd'hui à 11h54\nL'armée appelée en renfort\nLe Conseil d'Etat a demandé l'aide de l'armée.\n\
                    Chloé Dethurens\nPublié hier à 22h40\nLe Rhône sort de son lit\nLe Rhône est sorti de son lit à Sierre.\n\
                    Florent Quiquerez\nPublié le 28 juin 2024 à 18h05\nAlerte de degré 4\nMétéoSuisse a relevé l'alerte.\n\
                    Florent Quiquerez\nPublié le 28 juin 2024 à 09h30\nPremières pluies\nLes premières pluies sont tombées.\n";
        for line in [
            "Publié aujourd'hui à 11h54",
            "Publié hier à 22h40",
            "Publié le 28 juin 2024 à 18h05",
            "Publié le 28 juin 2024 à 09h30",
        ] {
            assert_eq!(kind_of(text, line), Kind::Time, "{line}");
        }
    }

    #[test]
    fn many_day_word_stamps_are_a_feed_of_their_own() {
        let text = "Ticker: die Lage\n\nHeute, 11:50 Uhr\nStraßen gesperrt\nDie Stadt sperrt die Hauptstraße.\n\n\
                    Heute, 10:20 Uhr\nWarnung verlängert\nDie Warnung gilt bis 21 Uhr.\n\n\
                    Gestern, 22:10 Uhr\nStromausfall\nTeams arbeiten an der Versorgung.\n\n\
                    Kommentare\n\n22.06.2011 10:06\nWas für ein Chaos heute.\n\n22.06.2011 10:31\nBleibt sicher.\n";
        assert_eq!(kind_of(text, "Heute, 11:50 Uhr"), Kind::Time);
        assert_ne!(kind_of(text, "22.06.2011 10:06"), Kind::Time);
        assert_ne!(kind_of(text, "22.06.2011 10:31"), Kind::Time);
    }
}
