//! Notifications (opt-in): which new entries deserve one — those whose tag or text holds one
//! of the words the user chose, compared folded (case and accents) and as whole words — and
//! running the user's program (`notify-send`-style) with the story, clock and headline as
//! arguments, never through a shell, so no text from a page is ever interpreted. The
//! reader's [`Notifier`] finds the entries a re-read story brings and does what `[notify]`
//! asks for them.

use super::page::NewEntry;
use super::settings::NotifySettings;
use crate::model::{Story, fold};
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

const PLACES: [&str; 3] = ["{story}", "{clock}", "{headline}"];

/// Starts `command` (program and its own arguments) for one entry: `{story}`, `{clock}` and
/// `{headline}` in its arguments are replaced (each argument stays one argument); without
/// any of them, the three are appended as three more arguments. The caller may wait for
/// the child or let it run.
pub fn notify(command: &[String], story: &str, clock: &str, headline: &str) -> std::io::Result<Child> {
    let (program, args) =
        command.split_first().ok_or_else(|| std::io::Error::other("no notification program configured"))?;
    let values = [super::one_line(story), super::one_line(clock), super::one_line(headline)];
    let mut command = Command::new(program);
    if args.iter().any(|a| PLACES.iter().any(|p| a.contains(p))) {
        command.args(args.iter().map(|a| fill(a, &values)));
    } else {
        command.args(args).args(values);
    }
    command.stdin(Stdio::null()).stdout(Stdio::null()).stderr(Stdio::null()).spawn()
}

/// Replaces the placeholders in one pass, so a headline holding `{story}` stays as it is.
fn fill(arg: &str, values: &[String; 3]) -> String {
    let mut out = String::with_capacity(arg.len());
    let mut rest = arg;
    while let Some((i, k)) = PLACES.iter().enumerate().filter_map(|(k, p)| rest.find(p).map(|i| (i, k))).min() {
        out.push_str(&rest[..i]);
        out.push_str(&values[k]);
        rest = &rest[i + PLACES[k].len()..];
    }
    out.push_str(rest);
    out
}

/// At most this many programs started for one update: a folder where 2,000 files appear
/// must not start 2,000 of them.
const MOST_PER_UPDATE: usize = 5;

/// The reader's notifications: built from `[notify]`, asked about each story re-read.
pub struct Notifier {
    settings: NotifySettings,
    rule: NotifyRule,
    /// Programs started and not yet reaped.
    children: Vec<Child>,
}

/// What an update called for.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Notified {
    /// Entries that matched.
    pub matched: usize,
    /// Ring the terminal bell.
    pub bell: bool,
    /// A program that could not be started, for the status line.
    pub error: Option<String>,
}

impl Notifier {
    /// `None` when `[notify]` asks for nothing.
    pub fn new(settings: &NotifySettings) -> Option<Notifier> {
        settings.enabled().then(|| Notifier {
            settings: settings.clone(),
            rule: NotifyRule::new(&settings.words),
            children: Vec::new(),
        })
    }

    /// The entries of `new` that `old` (the story as shown before, if any) did not have.
    pub fn arrivals(old: Option<&Story>, new: &Story) -> Vec<NewEntry> {
        let known: std::collections::HashSet<(u64, u32)> =
            old.map(|o| crate::state::identities(o).into_iter().collect()).unwrap_or_default();
        crate::state::identities(new)
            .into_iter()
            .enumerate()
            .filter(|(_, id)| !known.contains(id))
            .map(|(i, _)| super::page::new_entry(new, i))
            .collect()
    }

    /// Reaps the programs that have ended (none is left a zombie for long).
    pub fn reap(&mut self) {
        self.children.retain_mut(|c| matches!(c.try_wait(), Ok(None)));
    }

    /// Runs the program for each arrival that matches (a few at most) and says whether to
    /// ring the bell.
    pub fn arrived(&mut self, old: Option<&Story>, new: &Story) -> Notified {
        self.reap();
        let matching: Vec<NewEntry> = Notifier::arrivals(old, new)
            .into_iter()
            .filter(|e| self.settings.words.is_empty() || self.rule.matches(e))
            .collect();
        let mut done =
            Notified { matched: matching.len(), bell: self.settings.bell && !matching.is_empty(), error: None };
        if self.settings.command.is_empty() {
            return done;
        }
        for entry in matching.iter().take(MOST_PER_UPDATE) {
            let clock = entry.clock.map(|c| c.to_string()).unwrap_or_default();
            match notify(&self.settings.command, &entry.story, &clock, &entry.headline) {
                Ok(child) => self.children.push(child),
                Err(e) => {
                    done.error = Some(format!("notify: {}: {e}", super::one_line(&self.settings.command[0])));
                    break;
                }
            }
        }
        done
    }
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

    #[test]
    fn placeholders_are_filled_in_one_pass() {
        let values = ["Live".to_string(), "09:56".to_string(), "A {story} headline".to_string()];
        assert_eq!(fill("{clock} {headline}", &values), "09:56 A {story} headline");
        assert_eq!(fill("[{story}]", &values), "[Live]");
        assert_eq!(fill("plain", &values), "plain");
    }

    fn story(text: &str) -> Story {
        crate::parse::parse_bytes("live.txt".into(), text.as_bytes().to_vec(), crate::parse::Rules::embedded()).unwrap()
    }

    #[cfg(unix)]
    #[test]
    fn the_notifier_runs_the_program_for_matching_arrivals_only() {
        use std::os::unix::fs::PermissionsExt;
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("args.txt");
        let script = dir.path().join("notify.sh");
        std::fs::write(
            &script,
            format!("#!/bin/sh\nprintf '%s|' \"$@\" >> '{}'\necho >> '{}'\n", out.display(), out.display()),
        )
        .unwrap();
        std::fs::set_permissions(&script, std::fs::Permissions::from_mode(0o755)).unwrap();
        let settings = NotifySettings {
            command: vec![script.display().to_string(), "{story}".into(), "{clock} {headline}".into()],
            words: vec!["ceasefire".into()],
            bell: true,
        };
        let mut notifier = Notifier::new(&settings).unwrap();
        let old = story("Ukraine live\n\n10:00\nMorning briefing\n\nText.\n");
        let new = story(
            "Ukraine live\n\n10:20\nCeasefire talks resume\n\nText.\n\n10:10\nWeather\n\nSun.\n\n10:00\nMorning briefing\n\nText.\n",
        );
        assert_eq!(Notifier::arrivals(Some(&old), &new).len(), 2);
        let done = notifier.arrived(Some(&old), &new);
        assert_eq!(done, Notified { matched: 1, bell: true, error: None });
        for child in &mut notifier.children {
            assert!(child.wait().unwrap().success());
        }
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "Ukraine live|10:20 Ceasefire talks resume|\n");
        assert_eq!(notifier.arrived(Some(&new), &new), Notified::default(), "nothing new, nothing done");
        let missing = NotifySettings { command: vec!["/nonexistent/notify".into()], words: vec![], bell: false };
        let done = Notifier::new(&missing).unwrap().arrived(Some(&old), &new);
        assert_eq!(done.matched, 2);
        assert!(done.error.unwrap().starts_with("notify: /nonexistent/notify: "));
        assert!(Notifier::new(&NotifySettings::default()).is_none());
    }
}
