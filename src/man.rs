//! `liveblog man`: the man page. clap_mangen writes the title, synopsis, description and
//! options from the command line's definition; this module adds what clap does not know — the
//! subcommands with their usage (inline: there are no `liveblog-export(1)` pages to point
//! to), the examples, KEYS (from the default key maps, so the page follows the bindings),
//! FILES, ENVIRONMENT and EXIT STATUS.

use crate::keys::KeyMap;
use crate::ui::{HelpLine, help_lines};
use std::io::Write;

/// Escapes text for roff: backslashes, hyphens (so they are not hyphenation points), and a
/// leading period or quote that roff would take as a request.
fn roff(text: &str) -> String {
    let escaped = text.replace('\\', "\\e").replace('-', "\\-");
    if escaped.starts_with(['.', '\'']) { format!("\\&{escaped}") } else { escaped }
}

fn section(out: &mut Vec<u8>, title: &str, items: &[(String, String)]) {
    let _ = writeln!(out, ".SH {title}");
    for (term, text) in items {
        let _ = writeln!(out, ".TP\n\\fB{}\\fR\n{}", roff(term), roff(text));
    }
}

/// The man page, as roff.
pub fn page(mut command: clap::Command) -> std::io::Result<Vec<u8>> {
    command.build();
    let man = clap_mangen::Man::new(command.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let subcommands: Vec<(String, String)> = command
        .get_subcommands_mut()
        .filter(|c| c.get_name() != "help")
        .map(|c| {
            let usage = c.render_usage().to_string().replace("Usage: ", "");
            (
                format!("liveblog {}", usage.trim_start_matches("liveblog ")),
                c.get_about().map(|a| a.to_string()).unwrap_or_default(),
            )
        })
        .collect();
    section(&mut out, "SUBCOMMANDS", &subcommands);
    let keys: Vec<(String, String)> = help_lines(&KeyMap::default())
        .into_iter()
        .filter_map(|l| match l {
            HelpLine::Key(k, about) => Some((k, about.to_string())),
            HelpLine::Section(s) => Some((format!("— {s} —"), String::new())),
            HelpLine::Note(n) if !n.is_empty() => Some(("mouse".into(), n.to_string())),
            HelpLine::Note(_) => None,
        })
        .collect();
    section(&mut out, "KEYS", &keys);
    let _ = writeln!(
        out,
        "Keys are rebound in the configuration file's [keys] tables; `?` in the reader lists the keys in effect."
    );
    let pair = |a: &str, b: &str| (a.to_string(), b.to_string());
    section(
        &mut out,
        "FILES",
        &[
            pair(
                "$XDG_CONFIG_HOME/liveblog/config.toml",
                "the configuration (~/.config/liveblog/config.toml by default); `liveblog config --default` prints the commented default, `liveblog config` the configuration in effect",
            ),
            pair("$XDG_STATE_HOME/liveblog/", "which entries have been read, kept between runs (not with --no-state)"),
            pair("$XDG_DATA_HOME/liveblog/", "the archive of pages fetched by URL"),
        ],
    );
    section(
        &mut out,
        "ENVIRONMENT",
        &[
            pair(
                "NO_COLOR",
                "when set, no colour: tags are bracketed, matches and the selection in reverse video, the focused pane with a thick border",
            ),
            pair(
                "BROWSER",
                "the program that opens links (its first entry; `%s` stands for the address), else xdg-open, else open",
            ),
            pair("LIVEBLOG_DB", "the archive database used for pages fetched by URL"),
            pair("XDG_CONFIG_HOME, XDG_STATE_HOME, XDG_DATA_HOME", "where the files above are"),
        ],
    );
    section(
        &mut out,
        "EXIT STATUS",
        &[
            pair("0", "every file was read"),
            pair("1", "some files could not be read (the others were still shown), or an error"),
            pair("2", "a usage or configuration error"),
        ],
    );
    man.render_extra_section(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(out)
}
