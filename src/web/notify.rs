//! Notifications (opt-in): which new entries deserve one — those whose tag or text holds one
//! of the words the user chose, compared folded (case and accents) and as whole words — and
//! running the user's program (`notify-send`-style) with the story, clock and headline as
//! arguments, never through a shell, so no text from a page is ever interpreted.

use super::page::NewEntry;
use crate::model::fold;
use std::process::{Child, Command, Stdio};

/// The words that make a new entry worth a notification.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct NotifyRule {
    words: Vec<String>,
}

impl NotifyRule {
    pub fn new<S: AsRef<str>>(words: &[S]) -> NotifyRule {
        NotifyRule { words: words.iter().map(|w| fold(w.as_ref())).filter(|w| !w.is_empty()).collect() }
    }

    /// Whether the entry's tag, headline or text holds one of the words.
    pub fn matches(&self, entry: &NewEntry) -> bool {
        let haystacks = [entry.tag.as_deref().unwrap_or(""), entry.headline.as_str(), entry.text.as_str()];
        haystacks.iter().map(|h| fold(h)).any(|h| self.words.iter().any(|w| holds_word(&h, w)))
    }
}

/// Whether `word` occurs in `text` between non-alphanumeric characters (or the ends).
fn holds_word(text: &str, word: &str) -> bool {
    text.match_indices(word).any(|(i, _)| {
        let before = text[..i].chars().next_back();
        let after = text[i + word.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
    })
}

/// Starts `command` (program and its own arguments) with the story, clock and headline
/// appended as three more arguments. The caller may wait for the child or let it run.
pub fn notify(command: &[String], story: &str, clock: &str, headline: &str) -> std::io::Result<Child> {
    let (program, args) =
        command.split_first().ok_or_else(|| std::io::Error::other("no notification program configured"))?;
    Command::new(program)
        .args(args)
        .args([super::one_line(story), super::one_line(clock), super::one_line(headline)])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .spawn()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(tag: Option<&str>, headline: &str, text: &str) -> NewEntry {
        NewEntry {
            story: "Live".into(),
            clock: None,
            at: None,
            tag: tag.map(str::to_string),
            headline: headline.into(),
            text: text.into(),
        }
    }

    #[test]
    fn words_match_tags_and_text_folded_and_whole() {
        let rule = NotifyRule::new(&["élection", "Kyiv"]);
        assert!(rule.matches(&entry(Some("Election"), "Results", "")));
        assert!(rule.matches(&entry(None, "Drones over kyiv tonight", "")));
        assert!(rule.matches(&entry(None, "Update", "Sirens in KYIV, again.")));
        assert!(!rule.matches(&entry(None, "Elections abroad", "Kyivstar outage")));
        assert!(!NotifyRule::new::<&str>(&[]).matches(&entry(Some("x"), "y", "z")));
    }

    #[cfg(unix)]
    #[test]
    fn the_program_gets_three_arguments_and_no_shell() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("args.txt");
        let script = dir.path().join("notify.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nfor a in \"$@\"; do printf '%s\\n' \"$a\"; done > '{}'\n", out.display()),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let command = vec![script.display().to_string(), "--urgency=low".to_string()];
        let headline = "Strike $(touch pwned); `id` \u{1b}[31m";
        let mut child = notify(&command, "Ukraine live", "09:56", headline).unwrap();
        assert!(child.wait().unwrap().success());
        let args = std::fs::read_to_string(&out).unwrap();
        assert_eq!(args, "--urgency=low\nUkraine live\n09:56\nStrike $(touch pwned); `id`  [31m\n");
        assert!(!dir.path().join("pwned").exists() && !std::path::Path::new("pwned").exists());
        assert!(notify(&[], "a", "b", "c").is_err());
    }
}
