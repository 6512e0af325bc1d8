//! The go-to-time prompt and the tag picker (the search prompt is in `search`).

use super::{Action, Mode, Reader, TagPicker, goto};

impl Reader {
    pub(super) fn apply_goto(&mut self, input: String, action: Action) {
        match action {
            action if self.edit_line(&action) => {
                self.mode = Mode::GoTo { input: self.prompt.line.text().to_string(), error: None };
            }
            Action::Cancel => self.mode = Mode::Normal,
            Action::Submit => match goto::parse(&input).and_then(|(d, t)| self.go_to(d, t)) {
                Ok(()) => self.mode = Mode::Normal,
                Err(error) => self.mode = Mode::GoTo { input, error: Some(error) },
            },
            _ => {}
        }
    }

    pub(super) fn open_picker(&mut self) {
        let (Some(story), Some(view)) = (self.story(), self.view()) else { return };
        let mut counts = vec![0usize; story.tags.len()];
        for e in &story.entries {
            if let Some(t) = e.tag_id {
                counts[t as usize] += 1;
            }
        }
        let mut tags: Vec<(u32, String, usize)> =
            story.tags.iter().enumerate().map(|(i, t)| (i as u32, t.label.clone(), counts[i])).collect();
        tags.sort_by(|a, b| b.2.cmp(&a.2).then_with(|| a.1.cmp(&b.1)));
        if tags.is_empty() {
            self.message = Some("this story has no tags".into());
            return;
        }
        self.mode = Mode::Tags(TagPicker { tags, cursor: 0, chosen: view.tags.clone() });
    }

    pub(super) fn apply_picker(&mut self, mut picker: TagPicker, action: Action) {
        let n = picker.tags.len();
        match action {
            Action::Down => picker.cursor = (picker.cursor + 1).min(n.saturating_sub(1)),
            Action::Up => picker.cursor = picker.cursor.saturating_sub(1),
            Action::First => picker.cursor = 0,
            Action::Last => picker.cursor = n.saturating_sub(1),
            Action::ToggleTag => {
                let id = picker.tags[picker.cursor].0;
                if !picker.chosen.remove(&id) {
                    picker.chosen.insert(id);
                }
            }
            Action::Submit => {
                if let Some(view) = self.view_mut() {
                    view.tags = picker.chosen;
                }
                self.refresh_current();
                self.mode = Mode::Normal;
                return;
            }
            Action::Cancel | Action::PickTags => {
                self.mode = Mode::Normal;
                return;
            }
            _ => {}
        }
        self.mode = Mode::Tags(picker);
    }
}
