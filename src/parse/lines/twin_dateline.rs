//! The page's own date-time above its feed, printed in the posts' form (`27.08.2024, 16:42 Uhr`
//! under the headline, with no `Stand` word): it equals the newest post's stamp below it, and
//! what follows it is the standfirst, not that post's headline. It is left as text for the
//! header to read. A pinned copy of the newest post (the same headline under both) is not one.

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
