//! Boilerplate rules as data: one named regular expression a line, read from
//! `assets/boilerplate.rules` (embedded at build time) and from users' own files. A rule
//! matches a whole trimmed line; flags let it take the line above or every line below.

use regex::{RegexSet, RegexSetBuilder};
use regex_automata::nfa::thompson::WhichCaptures;
use regex_automata::util::syntax;
use regex_automata::{Input, MatchKind, PatternSet, meta};
use std::sync::{Arc, LazyLock, OnceLock};
use thiserror::Error;

/// The embedded rule file.
pub const EMBEDDED_RULES: &str = include_str!("../../assets/boilerplate.rules");

/// Lines longer than this are never boilerplate, which keeps the set off long paragraphs.
pub const MAX_RULE_LINE: usize = 512;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Rule {
    pub name: String,
    /// Drops this line and every line after it.
    pub rest: bool,
    /// Drops a number-only line just above.
    pub count_above: bool,
    /// The short lines that follow are related-article links.
    pub links_below: bool,
}

/// A compiled rule set.
#[derive(Debug, Clone)]
pub struct Rules {
    rules: Vec<Rule>,
    /// Compiled when first needed, for the embedded rules (whose patterns are known good):
    /// a program that reads a file compiles them in the background meanwhile
    /// ([`Rules::compile`]); a copy shares the compilation under way. Users' rules are compiled
    /// as they are added, to report errors.
    set: Arc<OnceLock<meta::Regex>>,
    patterns: Vec<String>,
    /// Where each pattern was read, to name the rule that makes the set too big.
    origins: Vec<(String, usize)>,
}

impl Default for Rules {
    /// No rule.
    fn default() -> Rules {
        Rules {
            rules: Vec::new(),
            set: Arc::new(OnceLock::from(compile_set(&[] as &[String]).expect("the empty set compiles"))),
            patterns: Vec::new(),
            origins: Vec::new(),
        }
    }
}

#[derive(Debug, Error, PartialEq, Eq)]
#[error("{origin}:{line}: {reason}")]
pub struct RuleError {
    pub origin: String,
    pub line: usize,
    pub reason: String,
}

static EMBEDDED: LazyLock<Rules> = LazyLock::new(|| {
    let mut rules = Rules { set: Arc::new(OnceLock::new()), ..Rules::default() };
    rules.read_text(EMBEDDED_RULES, "assets/boilerplate.rules", 0).expect("embedded rules are valid");
    rules
});

impl Rules {
    /// The rules shipped with liveblog, compiled once, when first used or [`Rules::compile`]d.
    pub fn embedded() -> &'static Rules {
        &EMBEDDED
    }

    /// Compiles the set now, if no one has: a thread that calls this while the program reads
    /// its file takes the compilation off the way to the first screen (one that needs the set
    /// meanwhile waits for it).
    pub fn compile(&self) {
        self.set();
    }

    fn set(&self) -> &meta::Regex {
        self.set.get_or_init(|| compile_set(&self.patterns).expect("rules checked when added"))
    }

    pub fn from_text(text: &str, origin: &str) -> Result<Rules, RuleError> {
        let mut rules = Rules::default();
        rules.add_text(text, origin)?;
        Ok(rules)
    }

    /// Adds the rules of another file (a user's) to these. On an error they are left as they
    /// were.
    ///
    /// The patterns are compiled once, together: every program start compiles the embedded
    /// rules, and compiling each pattern alone as well (to name a bad one) cost more than the
    /// set itself. A pattern is compiled alone only once the set has failed, to find which line
    /// to blame — the first bad pattern above any other error, as a reader of the file expects.
    pub fn add_text(&mut self, text: &str, origin: &str) -> Result<(), RuleError> {
        let kept = self.rules.len();
        let result = self.read_text(text, origin, kept).and_then(|()| match compile_set(&self.patterns) {
            Ok(set) => {
                self.set = Arc::new(OnceLock::from(set));
                Ok(())
            }
            Err(e) => Err(self.first_bad_pattern(kept).unwrap_or_else(|| self.overflow_error(&e.to_string()))),
        });
        if result.is_err() {
            self.rules.truncate(kept);
            self.patterns.truncate(kept);
            self.origins.truncate(kept);
        }
        result
    }

    /// Reads the rule lines of a file into the lists, uncompiled. A line that is no rule is an
    /// error, unless a bad pattern above it is the first error.
    fn read_text(&mut self, text: &str, origin: &str, kept: usize) -> Result<(), RuleError> {
        for (n, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let error = |reason: String| RuleError { origin: origin.to_string(), line: n + 1, reason };
            let parsed = line
                .split_once(": ")
                .or_else(|| line.split_once(":\t"))
                .ok_or_else(|| error("expected `name [flags]: pattern`".into()))
                .and_then(|(head, pattern)| {
                    let mut words = head.split_whitespace();
                    let name = words.next().ok_or_else(|| error("rule has no name".into()))?;
                    let mut rule = Rule { name: name.to_string(), rest: false, count_above: false, links_below: false };
                    for flag in words {
                        match flag.trim_matches(|c| c == '[' || c == ']') {
                            "rest" => rule.rest = true,
                            "count-above" => rule.count_above = true,
                            "links-below" => rule.links_below = true,
                            other => return Err(error(format!("unknown flag `{other}`"))),
                        }
                    }
                    Ok((rule, pattern))
                });
            let (rule, pattern) = match parsed {
                Ok(parsed) => parsed,
                Err(e) => return Err(self.first_bad_pattern(kept).unwrap_or(e)),
            };
            self.patterns.push(format!("^(?:{})$", pattern.trim()));
            self.origins.push((origin.to_string(), n + 1));
            self.rules.push(rule);
        }
        Ok(())
    }

    /// The first pattern from index `from` on that does not compile alone, as an error naming
    /// its line.
    fn first_bad_pattern(&self, from: usize) -> Option<RuleError> {
        self.patterns[from..].iter().zip(&self.origins[from..]).find_map(|(pattern, (origin, line))| {
            let e = regex::Regex::new(pattern).err()?;
            Some(RuleError {
                origin: origin.clone(),
                line: *line,
                reason: format!("bad pattern: {}", first_line(&e.to_string())),
            })
        })
    }

    /// Rules that compile alone can still be too big together: the error names the first rule
    /// whose addition makes the set fail, found by bisection over the prefixes of the set.
    fn overflow_error(&self, reason: &str) -> RuleError {
        let (mut good, mut bad) = (0, self.patterns.len());
        while bad - good > 1 {
            let mid = (good + bad) / 2;
            if RegexSet::new(&self.patterns[..mid]).is_ok() {
                good = mid;
            } else {
                bad = mid;
            }
        }
        let (origin, line) = self.origins[bad - 1].clone();
        RuleError { origin, line, reason: format!("rules too big together: {}", first_line(reason)) }
    }

    /// The first rule matching a trimmed line.
    pub fn matching(&self, line: &str) -> Option<&Rule> {
        self.matching_index(line).map(|(_, rule)| rule)
    }

    /// The first rule matching a trimmed line, with its index.
    pub fn matching_index(&self, line: &str) -> Option<(usize, &Rule)> {
        self.matcher().matching_index(line)
    }

    /// A matcher with search caches of its own, for many lines: the caches (a few MB once a
    /// big page has been read) go when it is dropped, where the set's own pool would keep one a
    /// thread as long as the set lives — through the rest of the parse, at its peak memory.
    pub fn matcher(&self) -> Matcher<'_> {
        let set = self.set();
        Matcher { rules: self, cache: set.create_cache(), found: PatternSet::new(set.pattern_len()) }
    }

    /// The rule of index `index`, as [`Rules::matching_index`] gives it.
    pub fn rule(&self, index: usize) -> &Rule {
        &self.rules[index]
    }

    pub fn name(&self, index: usize) -> &str {
        &self.rules[index].name
    }

    pub fn len(&self) -> usize {
        self.rules.len()
    }

    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }
}

/// Matches lines against [`Rules`] with caches it owns (see [`Rules::matcher`]).
pub struct Matcher<'r> {
    rules: &'r Rules,
    cache: meta::Cache,
    found: PatternSet,
}

impl<'r> Matcher<'r> {
    /// The first rule matching a trimmed line, with its index.
    pub fn matching_index(&mut self, line: &str) -> Option<(usize, &'r Rule)> {
        if line.len() > MAX_RULE_LINE || line.is_empty() {
            return None;
        }
        // The earliest match runs the fast DFA and most lines match nothing; which rule
        // matched needs the slower search, only for those that do.
        let set = self.rules.set();
        let input = Input::new(line).earliest(true);
        set.search_half_with(&mut self.cache, &input)?;
        self.found.clear();
        set.which_overlapping_matches_with(&mut self.cache, &Input::new(line), &mut self.found);
        self.found.iter().next().map(|i| (i.as_usize(), &self.rules.rules[i.as_usize()]))
    }
}

/// The rules as one set, matched by the regex crate's lazy DFA — only while the set stays
/// within what that DFA can do. It quits on a Unicode word boundary (`\b`) as soon as a
/// line holds a non-ASCII letter, and it needs a cache larger than the set's automaton (a
/// bounded repeat of `.` or `\w` copies a whole Unicode class per count): past either limit
/// every line goes through the crate's slowest engine, 20 to 40 times slower, most of a
/// page's parse. Embedded rules therefore use `(?-u:\b)` and `.*` (see the test below), and
/// the cache is 8 MB, four times the default, for users' own rules; it grows only as states
/// are met.
///
/// The set is built as the `regex` crate builds a `RegexSet` (same limits, same syntax), but
/// with the group of the whole match kept, so that it can be searched with caches of its own;
/// its errors are the `regex` crate's own, to quote them as they always read.
fn compile_set<P: AsRef<str>>(patterns: &[P]) -> Result<meta::Regex, regex::Error> {
    const CACHE: usize = 8 << 20;
    let config = meta::Config::new()
        .nfa_size_limit(Some(10 << 20))
        .hybrid_cache_capacity(CACHE)
        .match_kind(MatchKind::All)
        .utf8_empty(true)
        .which_captures(WhichCaptures::Implicit);
    let patterns: Vec<&str> = patterns.iter().map(AsRef::as_ref).collect();
    meta::Builder::new().configure(config).syntax(syntax::Config::default().utf8(true)).build_many(&patterns).map_err(
        |_| match RegexSetBuilder::new(&patterns).dfa_size_limit(CACHE).build() {
            Err(e) => e,
            Ok(_) => regex::Error::Syntax("the rules do not compile together".into()),
        },
    )
}

fn first_line(s: &str) -> &str {
    s.lines().find(|l| l.starts_with("error")).unwrap_or_else(|| s.lines().last().unwrap_or(s)).trim()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn embedded_rules_stay_within_the_lazy_dfa() {
        // A Unicode `\b` makes the lazy DFA give up on every line with an accent (see
        // `compile_set`): the embedded rules say `(?-u:\b)`.
        let rules = include_str!("../../assets/boilerplate.rules");
        for (n, line) in rules.lines().enumerate().filter(|(_, l)| !l.starts_with('#')) {
            let bare = line.replace("(?-u:\\b)", "");
            assert!(!bare.contains("\\b") && !bare.contains("\\B"), "line {}: Unicode word boundary", n + 1);
        }
    }

    #[test]
    fn embedded_rules_catch_sample_boilerplate() {
        let rules = Rules::embedded();
        for (line, name) in [
            ("Partager", "share"),
            ("Partager cet articleClose Button", "share"),
            ("Image", "image"),
            ("Tweet URL", "tweet-url"),
            ("PUBLICITÉ", "ad"),
            ("nouvelle(s) publication(s)", "new-posts"),
            ("Continuer à lire sur le site France Info", "read-on"),
            ("%d blogueurs aiment cette page :", "wordpress-likes"),
            ("La source de cet article se trouve sur ce site", "source-notice"),
            ("Source link", "source-link"),
            ("By pfvz8", "scraper-byline"),
            ("Leave a Reply", "comments"),
            ("Your email address will not be published. Required fields are marked *", "comments"),
            ("Durée de la vidéo 04 minutes 58 secondes", "video-length"),
            ("Qui anime ce direct ?", "host-box"),
            ("Tous droits réservés AP", "rights"),
            ("Share 146 shares View comments 212", "share-counts"),
            ("1,2K partages 35 commentaires", "share-counts"),
            ("Share38FacebookXWhatsAppCopy link", "share-bar"),
            ("Share ♡ 251", "share-bar"),
            ("Share♡ 251", "share-bar"),
            ("Condividi1.2K", "share-bar"),
            ("Share ViaCopy Link", "share-bar"),
        ] {
            assert_eq!(rules.matching(line).map(|r| r.name.as_str()), Some(name), "{line}");
        }
        assert!(rules.matching("Le Kremlin dénonce des anomalies").is_none());
        assert!(rules.matching("By John Smith").is_none());
        // Counts with words that are no share bar's.
        assert!(rules.matching("146 shares fell in early trading").is_none());
        assert!(rules.matching("2 1").is_none());
        // Lynx's buttons are furniture, but not when the next post's stamp runs into them.
        assert_eq!(rules.matching("(BUTTON) Share (BUTTON) Show more...").map(|r| r.name.as_str()), Some("form-field"));
        assert!(rules.matching("(BUTTON) Share48m ago15.58 GMT").is_none());
        // A share count run into the next post's clock keeps the line.
        assert!(rules.matching("Share3817:12").is_none());
        assert!(rules.matching("Share the road with cyclists").is_none());
        assert!(rules.matching("Qui anime ce direct ?").unwrap().rest);
    }

    #[test]
    fn bad_rule_files_name_the_line() {
        let err = Rules::from_text("# c\nok: a\nbad: (\n", "mine.rules").unwrap_err();
        assert_eq!((err.origin.as_str(), err.line), ("mine.rules", 3));
        assert!(err.reason.starts_with("bad pattern"), "{}", err.reason);
        let err = Rules::from_text("x [nope]: a\n", "f").unwrap_err();
        assert!(err.reason.contains("unknown flag"));
        assert!(Rules::from_text("no separator\n", "f").is_err());
    }

    #[test]
    fn the_first_error_of_a_file_is_named_and_the_rules_stay_as_they_were() {
        // The bad pattern (line 2) stands above the line that is no rule (line 3).
        let mut rules = Rules::embedded().clone();
        let before = rules.len();
        let err = rules.add_text("ok: a\nbad: (\nno separator\n", "mine.rules").unwrap_err();
        assert_eq!(err.line, 2, "{err}");
        assert!(err.reason.starts_with("bad pattern"), "{err}");
        let err = rules.add_text("no separator\nbad: (\n", "mine.rules").unwrap_err();
        assert_eq!(err.line, 1, "{err}");
        assert!(err.reason.starts_with("expected"), "{err}");
        assert_eq!(rules.len(), before);
        assert_eq!(rules.matching("Partager").unwrap().name, "share", "the set still works");
        assert!(rules.matching("a").is_none(), "nothing of the failed file was added");
    }

    #[test]
    fn rules_too_big_together_name_a_line() {
        // Each compiles alone; together they pass the regex size limit.
        let big = r"\w{100}";
        assert!(regex::Regex::new(&format!("^(?:{big})$")).is_ok());
        let text: String = (0..4).map(|i| format!("big{i}: {big}\n")).collect();
        let err = Rules::from_text(&text, "mine.rules").unwrap_err();
        assert_eq!(err.origin, "mine.rules");
        assert!((2..=3).contains(&err.line), "{err}");
        assert!(err.reason.contains("too big"), "{err}");
    }

    #[test]
    fn user_rules_add_to_embedded() {
        let mut rules = Rules::embedded().clone();
        let before = rules.len();
        rules.add_text("newsletter: Inscrivez-vous.*\n", "user").unwrap();
        assert_eq!(rules.len(), before + 1);
        assert_eq!(rules.matching("Inscrivez-vous à la newsletter").unwrap().name, "newsletter");
    }
}
