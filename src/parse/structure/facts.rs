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
    // An embedded post's attribution (`— Name (@handle) 10:59 PM · Apr 29, 2024`) dates the post
    // quoted, not the page.
    if line.starts_with(['—', '–', '-']) || line.contains("(@") {
        return false;
    }
    let parts: Vec<&str> = line.split(['·', '|', '•']).map(str::trim).collect();
    parts.len() >= 2 && parts.iter().any(|p| p.chars().count() <= 48 && !time::datelines(p).is_empty())
}

static BYLINE_OPENS: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
    regex::Regex::new(r"^(?:By|Par|Von|Por|Di|Door|Af|Av)\s+\p{Lu}").expect("byline opening regex")
});
