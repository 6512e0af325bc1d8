//! `liveblog config`: the configuration in effect, defaults included — the default file with
//! the user's file laid over it, table by table, and the key maps as they are after
//! rebinding (a key the user gave to another action no longer shows under its old one).

use crate::keys::{KeyMap, KeyMode};
use toml::{Table, Value};

/// The configuration in effect as TOML. `user` is the file read (its path and text), if any.
pub fn effective(user: Option<(&std::path::Path, &str)>, keymap: &KeyMap) -> String {
    let mut table: Table = toml::from_str(crate::config::DEFAULT_CONFIG).expect("the default configuration is valid");
    let header = match user {
        Some((path, text)) => {
            if let Ok(mine) = toml::from_str::<Table>(text) {
                merge(&mut table, mine);
            }
            format!("# The configuration in effect: {} over the defaults.\n", crate::text::escape_path(path))
        }
        None => "# The configuration in effect: the defaults (no configuration file).\n".to_string(),
    };
    table.insert("keys".into(), Value::Table(keys_table(keymap)));
    let body = toml::to_string(&table).unwrap_or_default();
    format!("{header}# `liveblog config --default` prints the commented default file.\n\n{body}")
}

/// Lays `over` on `base`: tables merge, other values replace.
fn merge(base: &mut Table, over: Table) {
    for (key, value) in over {
        match (base.get_mut(&key), value) {
            (Some(Value::Table(b)), Value::Table(o)) => merge(b, o),
            (_, value) => {
                base.insert(key, value);
            }
        }
    }
}

fn keys_table(keymap: &KeyMap) -> Table {
    let list = |keys: &[String]| Value::Array(keys.iter().map(|k| Value::String(k.clone())).collect());
    let mut table = Table::new();
    for mode in KeyMode::ALL {
        let mut actions = Table::new();
        for (action, keys) in keymap.bindings(mode) {
            if let Some(name) = action.name() {
                actions.insert(name, list(keys));
            }
        }
        if mode == KeyMode::Normal {
            table.extend(actions);
        } else {
            table.insert(mode.name().into(), Value::Table(actions));
        }
    }
    table
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn defaults_and_the_users_settings_show_together() {
        let text = "[keys]\nclear_filters = [\"x\", \"c\"]\nquit = [\"x\"]\n[display]\norder = \"oldest-first\"\n";
        let text = text.replace("quit = [\"x\"]\n", "");
        let settings = crate::config::parse(&text, std::path::Path::new("c.toml")).unwrap();
        let out = effective(Some((std::path::Path::new("c.toml"), &text)), &settings.keymap);
        let parsed: Table = toml::from_str(&out).expect("valid TOML");
        assert_eq!(parsed["display"]["order"].as_str(), Some("oldest-first"), "the user's value");
        assert_eq!(parsed["display"]["timeline_width"].as_integer(), Some(36), "a default kept");
        assert_eq!(parsed["keys"]["clear_filters"].as_array().unwrap().len(), 2);
        assert_eq!(parsed["keys"]["quit"].as_array().unwrap()[0].as_str(), Some("q"));
        assert!(parsed["keys"]["prompt"]["delete_word"].is_array(), "every mode's map");
        assert!(out.starts_with("# The configuration in effect: c.toml over the defaults."));
        let defaults = effective(None, &KeyMap::default());
        assert!(defaults.contains("the defaults (no configuration file)"));
    }

    #[test]
    fn mouse_capture_can_be_turned_off() {
        let on = crate::config::parse("", std::path::Path::new("c.toml")).unwrap();
        assert!(on.display.mouse);
        let off = crate::config::parse("[display]\nmouse = false\n", std::path::Path::new("c.toml")).unwrap();
        assert!(!off.display.mouse);
    }
}
