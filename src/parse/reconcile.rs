//! Weighing what a page shows against what its markup claims: the stage after dates. Not yet
//! written: text files carry nothing to reconcile.

use super::page::Page;
use crate::model::Story;

/// Before dates are resolved: the page's own title, outlet and datelines from its metadata
/// and structured data, where the text did not give them.
pub(crate) fn apply_meta(_story: &mut Story, _page: &Page) {}

/// After dates are resolved: exact instants where the markup agrees with the shown clocks, and
/// the structured data's entries the page does not show.
pub(crate) fn apply_structured(_story: &mut Story, _page: &Page) {}
