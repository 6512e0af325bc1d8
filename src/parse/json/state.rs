//! Posts in a saved page's script state (see `html/state.rs`): of the state's arrays of posts,
//! found as in any JSON ([`super::find`]), the one that agrees best with the page counts, and
//! only where it agrees with most of it — most of the entries the page shows are found among
//! its posts, by instant, clock or first words.
//! Then the posts the page does not show are kept after the page's own, as JSON-LD updates are
//! ([`crate::parse::reconcile::add_unshown`]). State that holds other stories ("most read",
//! "related", a site's menu) matches nothing the page shows and adds nothing; a page that
//! shows no entry takes none from its state (*decision*: nothing to check them against, and a
//! list of other stories looks like posts).

use super::find;
use crate::model::{Clock, Story, When, fold};
use crate::parse::page::StructuredUpdate;
use serde_json::Value;

/// Each array of posts in the state scripts whose posts give a time, as structured updates.
pub(crate) fn candidates(scripts: &[String]) -> Vec<Vec<StructuredUpdate>> {
    scripts
        .iter()
        .filter_map(|text| {
            let body = text.trim();
            let json =
                if body.starts_with(['{', '[']) { body.to_string() } else { super::script::assigned_json(body)? };
            // Too deep, not JSON: this script gives nothing, the others still may.
            serde_json::from_str::<Value>(&json).ok()
        })
        .flat_map(|root| find::post_arrays(&root))
        .map(|posts| {
            posts
                .into_iter()
                .filter_map(|post| {
                    let published = post.time.and_then(|t| t.as_when())?;
                    let body = (!post.body.is_empty()).then(|| post.body.join("\n"));
                    Some(StructuredUpdate {
                        headline: post.headline,
                        body,
                        published: Some(published),
                        ..Default::default()
                    })
                })
                .collect::<Vec<_>>()
        })
        .filter(|updates| !updates.is_empty())
        .collect()
}

/// Adds the posts the page does not show of the state's array that agrees best with the page,
/// when it agrees with most of it.
pub(crate) fn apply(story: &mut Story, scripts: &[String]) {
    if scripts.is_empty() || story.entries.is_empty() {
        return;
    }
    let best = candidates(scripts).into_iter().map(|u| (found(story, &u), u)).max_by_key(|(n, _)| *n);
    if let Some((n, updates)) = best
        && n * 2 > story.entries.len()
    {
        crate::parse::reconcile::add_unshown(story, &updates, story.zone);
    }
}

/// How many of the page's entries are among `updates`: the same instant, the same clock on
/// the same day, or the same first words.
fn found(story: &Story, updates: &[StructuredUpdate]) -> usize {
    let zone = story.zone;
    story
        .entry_refs()
        .filter(|e| {
            let headline = fold(e.headline().unwrap_or(""));
            let body = fold(&e.body().take(2).collect::<Vec<_>>().join(" "));
            updates.iter().any(|u| {
                let w = u.published.expect("dated");
                let shown = match (w, zone) {
                    (When::Zoned(t), Some(z)) => When::Zoned(crate::parse::html::zone::local_in(z, t)),
                    (w, _) => w,
                };
                e.entry.at.is_some_and(|a| (a.sort_key() - w.sort_key()).abs() < 60)
                    || (e.entry.clock == Some(Clock::from_time(shown.local().time()))
                        && e.entry.at.is_none_or(|a| a.local().date() == shown.local().date()))
                    || crate::parse::reconcile::same_words(u.headline.as_deref(), &headline, &body)
                    || crate::parse::reconcile::same_words(u.body.as_deref(), &headline, &body)
            })
        })
        .count()
}
