//! A header dateline a dump's wrap cut before its clock (`di Redazione Web · Ultimo
//! aggiornamento: Domenica 20 Ottobre 2024,` over `10:20`, lynx at 100 columns): the clock line
//! alone is no post's (see `lines/cut_datetime.rs`), and the two lines read together are the
//! page's update, as the unwrapped copy prints them on one line.

use crate::parse::lines::{Kind, Line};
use crate::parse::time::{self, Shape};

/// The line joined with the bare clock right under it, when there is one.
pub(super) fn with_clock_below(text: &str, lines: &[Line], line: &Line) -> Option<String> {
    let s = |l: &Line| &text[l.span.start as usize..l.span.end as usize];
    let next = lines.iter().find(|l| l.number == line.number + 1).filter(|l| l.kind == Kind::Text)?;
    if time::has_clock_bytes(s(line).as_bytes()) {
        return None;
    }
    let clock = s(next);
    let alone = time::stamp(clock, None)?;
    (alone.shape == Shape::Bare && alone.date.is_none() && alone.rest.is_none() && alone.unshown.is_none())
        .then(|| format!("{} {clock}", s(line)))
}

#[cfg(test)]
mod tests {
    use super::super::built_story;

    #[test]
    fn a_dateline_cut_before_its_clock_is_the_pages_update() {
        let text = "Maltempo in Emilia-Romagna, allerta rossa: la diretta\n\n\
                    di Redazione Web · Ultimo aggiornamento: Domenica 20 Ottobre 2024,\n10:20\n\n\
                    Allerta rossa in Emilia-Romagna per le piogge.\n\n\
                    IN EVIDENZA10.12\nBologna, riaprono le scuole\nLe scuole riaprono domani.\n\n\
                    08.30\nIl Lamone torna sotto il livello\nIl fiume cala.\n";
        let s = built_story(text);
        let updated = s.updated.map(|w| w.local().to_string());
        assert_eq!(updated.as_deref(), Some("2024-10-20 10:20:00"));
        assert_eq!(s.entries.len(), 2);
    }
}
