//! Tests of the container layer: gzip members and bombs, MHTML parts, quoted-printable, and
//! the one-line reasons for what cannot be opened.

use super::*;
use std::io::Write;

fn gz(bytes: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    e.write_all(bytes).unwrap();
    e.finish().unwrap()
}

fn reason(r: Result<Unwrapped, InputError>) -> String {
    r.map(|u| String::from_utf8_lossy(&u.bytes).into_owned()).unwrap_err().to_string()
}

#[test]
fn bytes_in_no_container_come_back_as_they_are() {
    for plain in [&b"<html>x</html>"[..], b"12:50\nStorm\n", b"{\"a\": 1}", b"From: me\n\nhello", b""] {
        let u = unwrap(plain.to_vec()).unwrap();
        assert_eq!(u.bytes, plain);
        assert_eq!(u.address, None);
    }
}

#[test]
fn gzip_members_one_after_another_are_one_file() {
    let mut two = gz(b"<p>12:50</p>");
    two.extend(gz(b"<p>Storm</p>"));
    assert_eq!(unwrap(two).unwrap().bytes, b"<p>12:50</p><p>Storm</p>");
}

#[test]
fn a_gzip_bomb_is_refused_in_one_line() {
    let bomb = gz(&vec![b' '; 3 << 20]);
    let err = gzip::inflate_capped(&bomb, 1 << 20).unwrap_err().to_string();
    assert_eq!(err, "gzip that inflates to more than 1 MiB");
}

#[test]
fn a_cut_gzip_keeps_what_inflated_and_one_cut_before_anything_is_refused() {
    let text: String = (0..4000).map(|i| format!("<p>{:02}:{:02} post {i}</p>\n", i / 60 % 24, i % 60)).collect();
    let whole = gz(text.as_bytes());
    let cut = unwrap(whole[..whole.len() * 2 / 3].to_vec()).unwrap().bytes;
    assert!(!cut.is_empty() && cut.len() < text.len() && text.as_bytes().starts_with(&cut));
    assert_eq!(reason(unwrap(whole[..12].to_vec())), "gzip cut short before any of it inflated");
    let mut corrupt = whole.clone();
    corrupt[10..40].fill(0xff);
    assert!(reason(unwrap(corrupt)).starts_with("corrupt gzip ("));
}

#[test]
fn mhtml_without_an_html_part_or_a_boundary_is_one_line() {
    let no_html = "MIME-Version: 1.0\r\nContent-Type: multipart/related; boundary=\"b\"\r\n\r\n--b\r\n\
                   Content-Type: image/png\r\n\r\nxx\r\n--b--\r\n";
    assert_eq!(reason(unwrap(no_html.into())), "MHTML with no HTML part");
    let no_boundary = "MIME-Version: 1.0\r\nContent-Type: multipart/related\r\n\r\n<html></html>";
    assert_eq!(reason(unwrap(no_boundary.into())), "MHTML with no boundary in its Content-Type");
    let bad_base64 = "Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html\n\
                      Content-Transfer-Encoding: base64\n\n*** not base64 ***\n--b--\n";
    assert!(reason(unwrap(bad_base64.into())).starts_with("MHTML whose page is not valid base64"));
}

#[test]
fn quoted_printable_joins_soft_breaks_and_decodes_bytes() {
    let mhtml = "Content-Type: multipart/related; boundary=b\n\n--b\nContent-Type: text/html; charset=\"iso-8859-1\"\n\
                 Content-Transfer-Encoding: quoted-printable\n\n<p class=3D\"x\">Gr=E8ve g=\n=E9n=E9rale = 1</p>\n--b--\n";
    let u = unwrap(mhtml.into()).unwrap();
    assert_eq!(String::from_utf8(u.bytes).unwrap(), "\u{feff}<p class=\"x\">Grève générale = 1</p>");
}

#[test]
fn a_gzipped_mhtml_is_opened_twice_and_a_deeper_nest_stops() {
    let mhtml = "Snapshot-Content-Location: https://a.example/live\nContent-Type: multipart/related; boundary=b\n\n\
                 --b\nContent-Type: text/html\n\n<p>x</p>\n--b--\n";
    let u = unwrap(gz(mhtml.as_bytes())).unwrap();
    assert_eq!(u.bytes, b"<p>x</p>");
    assert_eq!(u.address.as_deref(), Some("https://a.example/live"));
    let thrice = gz(&gz(&gz(b"<p>x</p>")));
    assert!(gzip::is_gzip(&unwrap(thrice).unwrap().bytes), "the third level is left shut");
}

#[test]
fn a_text_that_opens_like_a_header_is_not_mhtml() {
    for text in [
        "Subject: the storm\n\n12:50 Ferries cancelled",
        "12:50: multipart/related\n\nx",
        "<html>Content-Type: multipart/related</html>",
    ] {
        assert!(!mhtml::is_mhtml(text.as_bytes()), "{text}");
    }
}
