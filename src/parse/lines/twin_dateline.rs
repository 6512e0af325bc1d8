//! The page's own date-time above its feed, printed in the posts' form (`27.08.2024, 16:42 Uhr`
//! under the headline, with no `Stand` word): it equals the newest post's stamp below it, and
//! what follows it is the standfirst, not that post's headline. It is left as text for the
//! header to read. A pinned copy of the newest post (the same headline under both) is not one.
//! The same date-time may instead repeat the oldest post's: the blog's opening. On a feed
//! whose every stamp prints its date, a first date-time older than every post below it is the
//! page's (`14.02.2025, 09:30` under the byline, the first post at 09:58), not a post's.

use super::{Kind, Lines, text_of};

/// Turns the first stamp back into text when it is such a twin of the second.
pub(super) fn twin_dateline(out: &mut Lines, text: &str) {
    let mut times = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time);
    let (Some(first), Some(second)) = (times.next(), times.next()) else { return };
    let (Some(a), Some(b)) = (out.stamp(&out.lines[first]), out.stamp(&out.lines[second])) else { return };
    if a.date.is_none() || a.date != b.date || a.clock != b.clock || a.unshown.is_some() {
        return;
    }
    let next = |i: usize| (i + 1..out.lines.len()).find(|&j| out.lines[j].kind == Kind::Text);
    let (Some(x), Some(y)) = (next(first), next(second)) else { return };
    if text_of(text, &out.lines[x]) != text_of(text, &out.lines[y]) && x < second {
        out.lines[first].kind = Kind::Text;
    }
}

/// Turns the first stamp back into text when it is the twin of the last: the page's date-time
/// is when the blog opened, printed again on its opening post at the bottom of the feed (`Tue
/// Oct 1 2024 - 11:30` under the headline and on `Good morning`). Only a dated stamp above at
/// least two other posts is read so; a feed of one day with a plain clock on top is not.
pub(super) fn opening_twin(out: &mut Lines, text: &str) {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    let (Some(&first), Some(&last)) = (times.first(), times.last()) else { return };
    if times.len() < 4 {
        return;
    }
    let (Some(a), Some(b)) = (out.stamp(&out.lines[first]), out.stamp(&out.lines[last])) else { return };
    if a.date.is_none() || a.date != b.date || a.clock != b.clock || a.unshown.is_some() || b.unshown.is_some() {
        return;
    }
    let next = |i: usize| (i + 1..out.lines.len()).find(|&j| out.lines[j].kind == Kind::Text);
    let (Some(x), Some(y)) = (next(first), next(last)) else { return };
    if text_of(text, &out.lines[x]) != text_of(text, &out.lines[y]) {
        out.lines[first].kind = Kind::Text;
    }
}

/// Turns the first stamp back into text when the page's stamps all print a date and it is
/// older than every other: posts run newest first, so only the page's own date-time (when
/// the ticker opened) stands above them older than the oldest — or a post the page labels as
/// pinned (`Pinned` just above it), which stays a post.
pub(super) fn older_than_the_feed(out: &mut Lines, text: &str) {
    let times: Vec<usize> = (0..out.lines.len()).filter(|&i| out.lines[i].kind == Kind::Time).collect();
    if times.len() < 4 {
        return;
    }
    let pinned = (0..times[0])
        .rev()
        .filter(|&i| out.lines[i].kind != Kind::Blank)
        .take(2)
        .any(|i| crate::parse::pinned::is_label(text_of(text, &out.lines[i])));
    if pinned {
        return;
    }
    let at = |i: usize| {
        let s = out.stamp(&out.lines[i])?;
        let (d, m, y) = s.date?;
        (s.unshown.is_none()).then_some((y?, m, d, s.clock))
    };
    let Some(first) = at(times[0]) else { return };
    let mut rest = times[1..].iter().map(|&i| at(i));
    if rest.all(|t| t.is_some_and(|t| t > first)) {
        out.lines[times[0]].kind = Kind::Text;
    }
}
