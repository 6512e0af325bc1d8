//! Links and the clipboard as requests the event loop carries out.

use super::*;

fn linked() -> Reader {
    let mut s = story(
        "Le direct\n\n12h00\nUn titre\n\nLire https://example.org/a?b=1. et (www.rfi.fr).\n\n11h00\nDeux\n\nRien.\n",
    );
    s.url = Some("https://news.example/live".into());
    let mut r = Reader::new(vec![s]);
    r.apply(Action::Resize(160, 45));
    r
}

#[test]
fn l_lists_the_entrys_links_and_the_page_and_enter_asks_to_open_one() {
    let mut r = linked();
    r.apply(Action::ListLinks);
    let Mode::Links(picker) = r.mode() else { panic!("{:?}", r.mode()) };
    let urls: Vec<&str> = picker.links.iter().map(|(_, u)| u.as_str()).collect();
    assert_eq!(urls, ["https://example.org/a?b=1", "https://www.rfi.fr", "https://news.example/live"]);
    r.apply(Action::Last);
    r.apply(Action::Submit);
    assert_eq!(r.requests(), [Request::Open("https://news.example/live".into())]);
    assert_eq!(*r.mode(), Mode::Normal);
    r.apply(Action::RequestsDone);
    assert!(r.requests().is_empty());
}

#[test]
fn y_asks_to_copy_the_entrys_text_and_no_links_says_so() {
    let mut r = linked();
    r.apply(Action::CopyText);
    let [Request::Copy(text)] = r.requests() else { panic!("{:?}", r.requests()) };
    assert!(text.starts_with("Un titre\n\nLire https://"), "{text}");
    r.apply(Action::RequestsDone);
    r.apply(Action::PrevEntry);
    r.stories[0].url = None;
    r.apply(Action::ListLinks);
    assert_eq!(*r.mode(), Mode::Normal);
    assert_eq!(r.message(), Some("this entry has no links"));
}
