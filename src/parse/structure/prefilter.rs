//! Cheap byte tests that rule a line out before a regular expression runs on it. Each accepts
//! every line its regex can match — the tests below hold each against its regex, on arbitrary
//! lines and on every line of the fixtures — and turns most prose away by its first byte: a
//! 100 MB blog asks about a million lines.

/// Whether a line may be a caption's credit ([`super::shapes::is_credit`]): every form opens
/// with `©` (lead byte C2), `(`, or `c` / `p` in either case (`Crédit photo :`, `Photo:`).
pub(super) fn may_be_credit(line: &str) -> bool {
    line.as_bytes().first().is_some_and(|b| matches!(b, 0xC2 | b'(' | b'c' | b'C' | b'p' | b'P'))
}

/// Whether a line may be a related link ([`super::shapes::is_link`]): every announcing word
/// (`Voir`, `Lire`, `À lire`, `A lire`, `Related`, `Read more`, `See also`, `Watch`, in the
/// cases the regex spells) opens with one of these three bytes (`À` is C3 80): a paragraph
/// opening with `La`, `Selon` or `Les` is not read by the regex.
pub(super) fn may_be_link(line: &str) -> bool {
    matches!(
        line.as_bytes(),
        [b'V', b'o', b'i', ..]
            | [b'V', b'O', b'I', ..]
            | [b'L', b'i', b'r', ..]
            | [b'L', b'I', b'R', ..]
            | [0xC3, 0x80, b' ', ..]
            | [b'A', b' ', b'l', ..]
            | [b'R', b'e', b'l' | b'a', ..]
            | [b'S', b'e', b'e', ..]
            | [b'W', b'a', b't', ..]
    )
}

/// Whether a line may be an `Updated at 19.38 GMT` note ([`super::shapes::updated_at`]):
/// every form (`updated`, `mis à jour`, `aktualisiert`, `aggiornato`, `actualizado`) opens
/// with `u`, `m` or `a`, in either case.
pub(super) fn may_be_updated_note(line: &str) -> bool {
    line.as_bytes().first().is_some_and(|b| matches!(b.to_ascii_lowercase(), b'u' | b'm' | b'a' | b'l'))
}

#[cfg(test)]
mod tests {
    use super::super::shapes::{CREDIT, LINK, UPDATED_AT};
    use super::*;
    use proptest::prelude::*;

    fn check(line: &str) -> Result<(), TestCaseError> {
        prop_assert!(!CREDIT.is_match(line) || may_be_credit(line), "credit turned away: {line:?}");
        prop_assert!(!LINK.is_match(line) || may_be_link(line), "link turned away: {line:?}");
        prop_assert!(!UPDATED_AT.is_match(line) || may_be_updated_note(line), "note turned away: {line:?}");
        Ok(())
    }

    #[test]
    fn the_forms_pass_and_prose_does_not() {
        for credit in ["© AP", "(c) AFP", "Crédit photo : X", "CRÉDITS: X", "photo: X", "Credit: X", "(X / AFP)"] {
            assert!(may_be_credit(credit) && CREDIT.is_match(credit), "{credit}");
        }
        for link in
            ["Voir aussi X", "Lire X", "À lire aussi X", "A lire aussi X", "LIRE AUSSI X", "Related: X", "Watch X"]
        {
            assert!(may_be_link(link) && LINK.is_match(link), "{link}");
        }
        for note in [
            "Updated at 19.38 GMT",
            "MIS À JOUR le 3 mai à 12h05",
            "Aktualisiert um 9:05",
            "aggiornato alle",
            "Actualizado a las 10.00",
        ] {
            assert!(may_be_updated_note(note) && UPDATED_AT.is_match(note), "{note}");
        }
        let prose = "Donald Tusk salue le vote positif sur l’adhésion de la Moldavie.";
        assert!(!may_be_credit(prose) && !may_be_link(prose));
    }

    #[test]
    fn no_fixture_line_the_regexes_match_is_turned_away() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut lines = 0;
        for file in walkdir::WalkDir::new(root).into_iter().filter_map(Result::ok).filter(|e| e.file_type().is_file()) {
            let Ok(text) = std::fs::read_to_string(file.path()) else { continue };
            for line in text.lines() {
                check(line.trim()).unwrap();
                lines += 1;
            }
        }
        assert!(lines > 1000, "the fixtures were read ({lines} lines)");
    }

    proptest! {
        #[test]
        fn no_line_the_regexes_match_is_turned_away(
            start in prop::sample::select(vec![
                "", "©", "(c) ", "(", "crédits photo", "Crédit :", "PHOTO :", "credit:", "photograph:",
                "Voir", "Voir aussi", "Lire", "À lire aussi", "A lire aussi", "LIRE AUSSI", "VOIR AUSSI",
                "Related", "Read more", "See also", "Watch", "à lire", "voir", "ÀVoir",
                "Updated at ", "UPDATED ", "mis à jour le ", "Mis à jour à ", "aktualisiert um ", "Aggiornato alle ",
                "actualizado a las ",
            ]),
            rest in "(?s).{0,30}",
            tail in prop::sample::select(vec!["", ")", " / AFP)", "/Reuters)", " :", " Titre", "12h05", " 9.38 pm BST"]),
        ) {
            check(&format!("{start}{rest}{tail}"))?;
            check(&format!("{start}{tail}"))?;
            check(&format!("{rest}{tail}"))?;
        }
    }
}
