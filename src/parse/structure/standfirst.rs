//! A live blog's standfirst, told by how it opens: an invitation to follow the coverage
//! (`Follow live updates as Hurricane Idalia batters…`, `Suivez en direct…`). It stands right
//! under the headline, nearer the feed, and reads as a headline too; its opening gives it away.
//! The openers are data (`assets/standfirst_openers.txt`).

use std::sync::LazyLock;

static OPENERS: LazyLock<Vec<String>> = LazyLock::new(|| {
    include_str!("../../../assets/standfirst_openers.txt")
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
});

/// Whether a header line opens as a standfirst does.
pub(super) fn invites_to_follow(line: &str) -> bool {
    let head: String = line.chars().take(40).collect::<String>().to_lowercase();
    OPENERS.iter().any(|o| {
        head.strip_prefix(o.as_str())
            .is_some_and(|rest| rest.is_empty() || rest.starts_with(|c: char| !c.is_alphanumeric()))
    })
}

#[cfg(test)]
mod tests {
    use super::invites_to_follow;

    #[test]
    fn invitations_to_follow_are_standfirsts() {
        assert!(invites_to_follow("Follow live updates as Hurricane Idalia batters Florida's Gulf Coast"));
        assert!(invites_to_follow("Suivez en direct les résultats du second tour"));
        assert!(!invites_to_follow("Hurricane Idalia live: Storm makes landfall in Florida as Category 3"));
        assert!(!invites_to_follow("Followers of the band gather in Paris"));
    }
}
