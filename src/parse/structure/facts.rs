//! Rows of facts about the page under its headline (`By Dana Kim · Jun 10, 2024, 11:55 AM
//! PDT`, `Live Reporting · Edited by Sam Hughes · Tuesday 12 March 2024`): never its title, and
//! read part by part for the page's date and zone.

use crate::parse::time;

/// `By Dana Kim and Luis Ortega · Jun 10, 2024, 11:55 AM PDT`: the authors and the date under
/// the headline. Its date must not win it the title's place.
pub(super) fn dated_byline(line: &str) -> bool {
    BYLINE_OPENS.is_match(line) && !time::datelines(line).is_empty() || meta_row(line)
}

/// `Live Reporting · Edited by Sam Hughes · Tuesday 12 March 2024`, `17 de setembro de 2024,
/// 09h15 · atualizado às 19h49`: a row of facts about the page, one of them its date.
pub(super) fn meta_row(line: &str) -> bool {
    if embed_credit(line) {
        return false;
    }
    let parts: Vec<&str> = line.split(['·', '|', '•']).map(str::trim).collect();
    let dated = |p: &&str| p.chars().count() <= 48 && !time::datelines(p).is_empty();
    if parts.len() >= 2 && parts.iter().any(dated) {
        return true;
    }
    // `Luis Gómez Madrid - 26 oct 2024 - 23:06 CEST`: spaced dashes between the facts, one of
    // them a time (a headline may hold one dash and a date, never two and a clock).
    let dashed: Vec<&str> = line.split(" - ").map(str::trim).collect();
    dashed.len() >= 3 && time::has_clock_bytes(line.as_bytes()) && dashed.iter().any(dated)
}

/// An embedded post's attribution (`— Name (@handle) 10:59 PM · Apr 29, 2024`, `A post shared
/// by Name (@handle) on Dec 14, 2024 at 1:45pm PST`): its date and zone are the post quoted's,
/// never the page's.
pub(super) fn embed_credit(line: &str) -> bool {
    line.starts_with(['—', '–', '-']) || line.contains("(@")
}

/// A line opened by a byline word and a name (`By Tom Haskell, Political Editor and …`).
pub(super) fn byline_opens(line: &str) -> bool {
    BYLINE_OPENS.is_match(line)
}

pub(super) static BYLINE_OPENS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:By|Par|Von|Por|Di|Door|Af|Av)\s+\p{Lu}").expect("byline opening regex")
});

#[cfg(test)]
mod tests {
    use super::meta_row;

    #[test]
    fn spaced_dashes_between_a_place_a_date_and_a_time_make_a_row_of_facts() {
        assert!(meta_row("Luis Gómez Madrid - 26 oct 2024 - 23:06 CEST"));
        // A headline with one dash and a date, or dashes and no clock, is no row of facts.
        assert!(!meta_row("Storm Isha - live updates on 21 January 2024"));
        assert!(!meta_row("Real Madrid - Barcelona - Clásico of 26 oct 2024"));
    }
}
