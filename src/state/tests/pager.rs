//! Search like a pager: the prompt opens empty, edits like a shell line, recalls earlier
//! searches; `n`/`N` walk the matches inside an entry before moving on; `Esc` restores.

use super::*;

/// Three entries, newest first: 12:00 with three "alpha", 11:00 with one, 10:00 with none.
fn alphas() -> Reader {
    let s = story(
        "Le direct du jour\n\n12h00\nUn titre\n\nalpha beta alpha.\n\nalpha encore.\n\n\
         11h00\nDeux\n\nrien ici alpha.\n\n10h00\nTrois\n\nrien.\n",
    );
    assert_eq!(s.entries.len(), 3, "{:?}", s.entries);
    let mut r = Reader::new(vec![s]);
    r.apply(Action::Resize(160, 45));
    r
}

#[test]
fn slash_opens_empty_and_esc_restores_the_previous_search() {
    let mut r = alphas();
    r.apply(Action::Search);
    type_text(&mut r, "alpha");
    r.apply(Action::Submit);
    assert_eq!(r.view().unwrap().query, "alpha");
    r.apply(Action::Search);
    assert_eq!(r.prompt_line(), ("", 0), "the prompt opens empty");
    type_text(&mut r, "rien");
    assert_eq!(r.view().unwrap().visible.len(), 2, "searches as you type");
    r.apply(Action::Cancel);
    assert_eq!(r.view().unwrap().query, "alpha", "Esc restores the search there was");
    assert_eq!(r.view().unwrap().visible.len(), 2);
}

#[test]
fn the_prompt_edits_like_a_shell_line_and_recalls_history() {
    let mut r = alphas();
    for q in ["alpha", "rien"] {
        r.apply(Action::Search);
        type_text(&mut r, q);
        r.apply(Action::Submit);
    }
    r.apply(Action::Search);
    r.apply(Action::Up);
    assert_eq!(r.prompt_line().0, "rien");
    r.apply(Action::Up);
    assert_eq!(r.prompt_line().0, "alpha");
    assert_eq!(r.view().unwrap().query, "alpha", "a recalled search applies");
    r.apply(Action::Down);
    r.apply(Action::Down);
    assert_eq!(r.prompt_line().0, "", "past the newest: the empty line");
    type_text(&mut r, "ici alp");
    r.apply(Action::DeleteWord);
    assert_eq!(r.prompt_line(), ("ici ", 4));
    r.apply(Action::LineStart);
    r.apply(Action::Input('x'));
    r.apply(Action::CursorRight);
    r.apply(Action::DeleteToStart);
    assert_eq!(r.prompt_line(), ("ci ", 0));
    r.apply(Action::LineEnd);
    r.apply(Action::CursorLeft);
    assert_eq!(r.prompt_line().1, 2);
    assert_eq!(r.search_history(), ["alpha", "rien"]);
}

#[test]
fn n_walks_matches_inside_the_entry_before_the_next_entry() {
    let mut r = alphas();
    r.apply(Action::Search);
    type_text(&mut r, "alpha");
    r.apply(Action::Submit);
    assert_eq!(selected_headline(&r), "Un titre");
    let first = r.current_match().expect("the first match is current");
    let mut seen = vec![first];
    for _ in 0..2 {
        r.apply(Action::NextMatch);
        assert_eq!(selected_headline(&r), "Un titre", "still inside the entry");
        seen.push(r.current_match().unwrap());
    }
    assert!(seen.windows(2).all(|w| w[0] < w[1]), "{seen:?}");
    r.apply(Action::NextMatch);
    assert_eq!(selected_headline(&r), "Deux", "then the next matching entry");
    assert!(r.current_match().is_some());
    r.apply(Action::NextMatch);
    assert_eq!(r.message(), Some("no further match"));
    r.apply(Action::PrevMatch);
    assert_eq!(selected_headline(&r), "Un titre");
    assert_eq!(r.current_match(), Some(seen[2]), "N lands on the entry's last match");
}

#[test]
fn the_text_scrolls_to_the_first_match() {
    let body: String = (0..60).map(|i| format!("ligne {i}.\n\n")).collect();
    let s = story(&format!("Le direct\n\n12h00\nUn titre\n\n{body}zanzibar ici.\n"));
    let mut r = Reader::new(vec![s]);
    r.apply(Action::Resize(160, 30));
    r.apply(Action::Search);
    type_text(&mut r, "zanzibar");
    let (line, _) = r.current_match().expect("a match");
    let scroll = r.view().unwrap().text_scroll;
    assert!(scroll > 0 && scroll <= line && line < scroll + 28, "scroll {scroll}, match on line {line}");
}
