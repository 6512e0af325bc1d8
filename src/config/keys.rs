//! The `[keys]` tables of the configuration: per mode, an action listed replaces its default
//! keys, and a key it takes leaves the mode's other actions; a key bound to two actions, an
//! unknown action or mode, or something that is not one key is refused with its place.

use super::ConfigError;
use crate::keys::{self, KeyMap, KeyMode};
use std::collections::BTreeMap;
use toml::Spanned;

/// The key maps: per mode, listed actions replace their defaults; keys they take leave the
/// mode's other actions.
pub(super) fn keymap(
    keys: &BTreeMap<Spanned<String>, Spanned<toml::Value>>,
    at: &dyn Fn(std::ops::Range<usize>, String) -> ConfigError,
) -> Result<KeyMap, ConfigError> {
    // (mode, action, keys, span of the name, span of the keys), in the file's order.
    let mut listed = Vec::new();
    let mut entries: Vec<_> = keys.iter().collect();
    entries.sort_by_key(|(name, _)| name.span().start);
    let as_keys = |v: &toml::Value, span: std::ops::Range<usize>| -> Result<Vec<String>, ConfigError> {
        let list = v.as_array().ok_or_else(|| at(span.clone(), "give a list of keys, such as [\"q\"]".into()))?;
        list.iter()
            .map(|k| k.as_str().map(str::to_string).ok_or_else(|| at(span.clone(), "keys are strings".into())))
            .collect()
    };
    for (name, value) in entries {
        match value.get_ref() {
            toml::Value::Table(actions) => {
                let Some(mode) = KeyMode::from_name(name.get_ref()).filter(|m| *m != KeyMode::Normal) else {
                    return Err(at(
                        name.span(),
                        format!(
                            "unknown key mode `{}` (modes: help_overlay, tag_picker, prompt, link_picker)",
                            name.get_ref()
                        ),
                    ));
                };
                for (action, list) in actions {
                    listed.push((mode, action.clone(), as_keys(list, value.span())?, value.span(), value.span()));
                }
            }
            v => listed.push((
                KeyMode::Normal,
                name.get_ref().clone(),
                as_keys(v, value.span())?,
                name.span(),
                value.span(),
            )),
        }
    }
    let mut table = keys::default_table();
    // Per mode, which key the file gave to which action.
    let mut claimed: BTreeMap<(KeyMode, String), String> = BTreeMap::new();
    for (mode, name, keys, name_span, keys_span) in &listed {
        if crate::state::Action::from_name(name).is_none() {
            let known: Vec<&str> = table.iter().filter(|r| r.0 == *mode).map(|r| r.1.as_str()).collect();
            return Err(at(name_span.clone(), format!("unknown action `{name}` (actions: {})", known.join(", "))));
        }
        for key in keys {
            let parsed = crate::keys::parse_keys(key).map_err(|e| at(keys_span.clone(), e))?;
            if parsed.len() != 1 {
                return Err(at(keys_span.clone(), format!("`{key}` is not one key")));
            }
            if let Some(other) = claimed.insert((*mode, key.clone()), name.clone())
                && other != *name
            {
                return Err(at(
                    keys_span.clone(),
                    format!("key `{key}` is bound to two actions: `{other}` and `{name}`"),
                ));
            }
        }
        match table.iter_mut().find(|r| r.0 == *mode && r.1 == *name) {
            Some(row) => row.2 = keys.clone(),
            None => table.push((*mode, name.clone(), keys.clone())),
        }
    }
    for (mode, name, keys) in &mut table {
        if !listed.iter().any(|l| l.0 == *mode && l.1 == *name) {
            keys.retain(|k| !claimed.contains_key(&(*mode, k.clone())));
        }
    }
    KeyMap::from_table(&table).map_err(|e| at(0..0, e))
}

#[cfg(test)]
mod tests {
    use super::super::tests::{err, settings};

    #[test]
    fn rebinding_takes_the_key_from_its_default_action() {
        let s = settings("[keys]\nquit = [\"x\"]\nnext_entry = [\"]\", \"<C-n>\"]\n");
        let help = s.keymap.help();
        assert!(help.iter().any(|(k, d)| k == "x" && *d == "quit"));
        assert!(help.iter().any(|(k, _)| k == "] <C-n>"));
        let s = settings("[keys]\nquit = [\"j\"]\n");
        assert!(s.keymap.help().iter().any(|(k, d)| k == "<Down>" && d.starts_with("move down")));
    }

    #[test]
    fn each_mode_has_its_own_table() {
        let s = settings(
            "[keys]\nquit = [\"x\"]\n[keys.tag_picker]\ntoggle_tag = [\"x\", \"<Space>\"]\ncancel = [\"<Esc>\"]\n",
        );
        let key = |k: &str| crate::keys::parse_keys(k).unwrap()[0];
        let picker = crate::state::Mode::Tags(crate::state::TagPicker {
            tags: Vec::new(),
            cursor: 0,
            chosen: Default::default(),
        });
        assert_eq!(s.keymap.action(&picker, key("x")), Some(crate::state::Action::ToggleTag));
        assert_eq!(s.keymap.action(&picker, key("q")), None, "cancel listed: loses its default keys");
        assert_eq!(s.keymap.action(&crate::state::Mode::Normal, key("x")), Some(crate::state::Action::Quit));
        let e = err("[keys.nope]\nquit = [\"x\"]\n");
        assert!(e.message.contains("unknown key mode `nope`"), "{e}");
        let e = err("[keys.help_overlay]\ncancel = [\"x\"]\nhelp = [\"x\"]\n");
        assert!(e.message.contains("bound to two actions"), "{e}");
    }
}
