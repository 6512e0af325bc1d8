//! Screen geometry: the panes, and where each goes for a terminal size — three side by side
//! from 120 columns, the story list folded into a header line below that, one pane at a time
//! below 80 columns. Pure arithmetic shared by the state (paging, mouse hits) and the
//! renderer, so both agree; neither imports the other for it.

/// A pane of the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pane {
    Stories,
    Timeline,
    Text,
}

impl Pane {
    /// The pane to the right, wrapping round.
    pub fn next(self) -> Pane {
        match self {
            Pane::Stories => Pane::Timeline,
            Pane::Timeline => Pane::Text,
            Pane::Text => Pane::Stories,
        }
    }
    /// The pane to the left, wrapping round.
    pub fn prev(self) -> Pane {
        self.next().next()
    }
}

/// A rectangle of terminal cells.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Area {
    pub x: u16,
    pub y: u16,
    pub width: u16,
    pub height: u16,
}

impl Area {
    pub fn contains(&self, x: u16, y: u16) -> bool {
        x >= self.x && y >= self.y && x < self.x.saturating_add(self.width) && y < self.y.saturating_add(self.height)
    }
    /// The inside of a bordered block.
    pub fn inner(&self) -> Area {
        Area {
            x: self.x.saturating_add(1),
            y: self.y.saturating_add(1),
            width: self.width.saturating_sub(2),
            height: self.height.saturating_sub(2),
        }
    }
}

/// How the screen is split.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Layout {
    /// Stories, timeline and text side by side.
    Wide,
    /// A one-line story header above timeline and text.
    Medium,
    /// One pane at a time.
    Narrow,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Screen {
    pub stories: Option<Area>,
    /// The one-line story header of the medium and narrow layouts.
    pub header: Option<Area>,
    pub timeline: Option<Area>,
    pub text: Option<Area>,
    pub status: Area,
}

/// The layout for a terminal `width` columns wide.
pub fn layout(width: u16) -> Layout {
    match width {
        120.. => Layout::Wide,
        80..=119 => Layout::Medium,
        _ => Layout::Narrow,
    }
}

/// The panes for a terminal of `width` × `height` with `focus` (which matters when narrow).
/// `stories_percent` and `timeline_percent` are the shares of the width in the wide layout.
pub fn screen(width: u16, height: u16, focus: Pane, widths: (u16, u16)) -> Screen {
    let body_height = height.saturating_sub(1);
    let status = Area { x: 0, y: body_height, width, height: height.min(1) };
    let mut screen = Screen { status, ..Screen::default() };
    match layout(width) {
        Layout::Wide => {
            let stories_w = width * widths.0 / 100;
            let timeline_w = width * widths.1 / 100;
            let text_w = width - stories_w - timeline_w;
            screen.stories = Some(Area { x: 0, y: 0, width: stories_w, height: body_height });
            screen.timeline = Some(Area { x: stories_w, y: 0, width: timeline_w, height: body_height });
            screen.text = Some(Area { x: stories_w + timeline_w, y: 0, width: text_w, height: body_height });
        }
        Layout::Medium => {
            let header_h = body_height.min(1);
            let rest = body_height - header_h;
            let timeline_w = width * 45 / 100;
            screen.header = Some(Area { x: 0, y: 0, width, height: header_h });
            screen.timeline = Some(Area { x: 0, y: header_h, width: timeline_w, height: rest });
            screen.text = Some(Area { x: timeline_w, y: header_h, width: width - timeline_w, height: rest });
        }
        Layout::Narrow => {
            let header_h = body_height.min(1);
            let area = Area { x: 0, y: header_h, width, height: body_height - header_h };
            screen.header = Some(Area { x: 0, y: 0, width, height: header_h });
            match focus {
                Pane::Stories => screen.stories = Some(area),
                Pane::Timeline => screen.timeline = Some(area),
                Pane::Text => screen.text = Some(area),
            }
        }
    }
    screen
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn layouts_by_width() {
        let wide = screen(160, 45, Pane::Timeline, (25, 35));
        assert!(wide.stories.is_some() && wide.timeline.is_some() && wide.text.is_some());
        let medium = screen(100, 30, Pane::Timeline, (25, 35));
        assert!(medium.stories.is_none() && medium.header.is_some() && medium.text.is_some());
        let narrow = screen(60, 20, Pane::Text, (25, 35));
        assert!(narrow.timeline.is_none() && narrow.text.is_some());
    }

    #[test]
    fn tiny_screens_do_not_underflow() {
        for (w, h) in [(0, 0), (1, 1), (2, 1), (1, 2), (130, 1), (90, 2)] {
            let s = screen(w, h, Pane::Timeline, (25, 35));
            for a in [s.stories, s.header, s.timeline, s.text].into_iter().flatten() {
                assert!(a.x + a.width <= w && a.y + a.height <= h, "{w}x{h}: {a:?}");
            }
        }
    }
}
