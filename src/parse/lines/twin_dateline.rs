//! The page's own date-time above its feed, printed in the posts' form (`27.08.2024, 16:42 Uhr`
//! under the headline, with no `Stand` word): it equals the newest post's stamp below it, and
//! what follows it is the standfirst, not that post's headline. It is left as text for the
//! header to read. A pinned copy of the newest post (the same headline under both) is not one.
//! The same date-time may instead repeat the oldest post's: the blog's opening.

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
