//! A text dump's paragraphs read as the page's: w3m and lynx wrap each paragraph at 80 columns,
//! and the reader (export, the text pane) joins the lines again, so that every post of a page
//! has the same paragraphs in its dumps as in the browser's copy of it.

mod common;
use common::root;
use liveblog::model::Story;

fn form(page: &str, form: &str) -> Story {
    common::parse_path(&root().join("tests/fixtures/pages").join(page).join(format!("{form}.txt")))
}

/// Each post's paragraphs of prose (longer than a dump's line; the furniture under the last
/// post differs from form to form), whitespace made single spaces.
fn paragraphs(story: &Story) -> Vec<Vec<String>> {
    let one_space = |p: &str| p.split_whitespace().collect::<Vec<_>>().join(" ");
    let prose = |p: &String| p.chars().count() > 80;
    story.entry_refs().map(|e| e.paragraphs().iter().map(|p| one_space(p)).filter(prose).collect()).collect()
}

#[test]
fn posts_of_an_80_column_dump_have_the_copys_paragraphs() {
    // Rounds 11 and 13 keep their dumps at the tools' default 80 columns.
    for page in [
        "holdout13-fanpage-clock-di-author-yearless-days",
        "holdout13-europe1-essentiel-colon-clock-days",
        "holdout11-letemps-h-clock-author-after",
    ] {
        let copy = paragraphs(&form(page, "copied"));
        assert!(copy.iter().any(|p| p.len() > 1), "{page}: posts of several paragraphs");
        for dump in ["w3m", "lynx"] {
            let story = form(page, dump);
            assert!(story.wrap_width.is_some(), "{page} {dump}: read as a dump");
            assert!(story.entries.iter().any(|e| e.body.len() > copy[0].len()), "{page} {dump}: lines kept as spans");
            assert_eq!(paragraphs(&story), copy, "{page} {dump}");
        }
    }
}

#[test]
fn a_copy_and_a_page_keep_their_paragraphs_as_they_are() {
    let page = "holdout13-fanpage-clock-di-author-yearless-days";
    for form_name in ["copied"] {
        let story = form(page, form_name);
        assert_eq!(story.wrap_width, None, "{form_name}");
        for e in story.entry_refs() {
            assert_eq!(e.paragraphs().len(), e.entry.body.len());
        }
    }
    let html = common::parse_path(&root().join("tests/fixtures/pages").join(page).join("page.html"));
    assert_eq!(html.wrap_width, None);
}
