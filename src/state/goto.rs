//! Reading what the user types at the go-to-time prompt: `14:30`, `14h30`, `1430`, `9`,
//! optionally after a date (`21/10 14h30`, `21/10/2024 9h`, `2024-10-21 14:30`).

use chrono::NaiveTime;

/// A date typed at the prompt; the year may be left out.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TypedDate {
    pub year: Option<i32>,
    pub month: u32,
    pub day: u32,
}

/// Parses the prompt's input, or says why it cannot.
pub fn parse(input: &str) -> Result<(Option<TypedDate>, NaiveTime), String> {
    let input = input.trim();
    if input.is_empty() {
        return Err("type a time such as 14:30, 14h30, 1430 or 9".into());
    }
    let mut parts: Vec<&str> = input.split_whitespace().collect();
    let time_part = parts.pop().expect("non-empty");
    let date = match parts.as_slice() {
        [] => None,
        [d] => Some(parse_date(d).ok_or_else(|| format!("cannot read the date {d:?} (try 21/10 or 2024-10-21)"))?),
        _ => return Err(format!("cannot read {input:?}: give a time, optionally after a date")),
    };
    let time =
        parse_time(time_part).ok_or_else(|| format!("cannot read the time {time_part:?} (try 14:30 or 14h30)"))?;
    Ok((date, time))
}

fn parse_time(s: &str) -> Option<NaiveTime> {
    let (h, m) = if let Some((h, m)) = s.split_once([':', 'h', 'H', '.']) {
        (h, if m.is_empty() { "0" } else { m })
    } else if s.len() >= 3 {
        s.split_at(s.len() - 2)
    } else {
        (s, "0")
    };
    let digits = |x: &str| !x.is_empty() && x.len() <= 2 && x.bytes().all(|b| b.is_ascii_digit());
    if !digits(h) || !digits(m) {
        return None;
    }
    NaiveTime::from_hms_opt(h.parse().ok()?, m.parse().ok()?, 0)
}

fn parse_date(s: &str) -> Option<TypedDate> {
    let nums: Vec<&str> = s.split(['/', '-', '.']).collect();
    let n = |x: &str| x.parse::<u32>().ok();
    let date = match nums.as_slice() {
        [y, m, d] if y.len() == 4 => TypedDate { year: Some(n(y)? as i32), month: n(m)?, day: n(d)? },
        [d, m, y] if y.len() == 4 => TypedDate { year: Some(n(y)? as i32), month: n(m)?, day: n(d)? },
        [d, m] => TypedDate { year: None, month: n(m)?, day: n(d)? },
        _ => return None,
    };
    chrono::NaiveDate::from_ymd_opt(date.year.unwrap_or(2000), date.month, date.day)?;
    Some(date)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn times() {
        assert_eq!(parse("14:30"), Ok((None, t(14, 30))));
        assert_eq!(parse("14h30"), Ok((None, t(14, 30))));
        assert_eq!(parse("1430"), Ok((None, t(14, 30))));
        assert_eq!(parse("930"), Ok((None, t(9, 30))));
        assert_eq!(parse("9"), Ok((None, t(9, 0))));
        assert_eq!(parse("9h"), Ok((None, t(9, 0))));
    }

    #[test]
    fn dates() {
        let (d, time) = parse("21/10 14h30").unwrap();
        assert_eq!(d, Some(TypedDate { year: None, month: 10, day: 21 }));
        assert_eq!(time, t(14, 30));
        let (d, _) = parse("2024-10-21 14:30").unwrap();
        assert_eq!(d, Some(TypedDate { year: Some(2024), month: 10, day: 21 }));
        let (d, _) = parse("21/10/2024 9").unwrap();
        assert_eq!(d.unwrap().year, Some(2024));
    }

    #[test]
    fn errors_say_what_is_wrong() {
        assert!(parse("25:00").unwrap_err().contains("time"));
        assert!(parse("midi").unwrap_err().contains("time"));
        assert!(parse("31/02 10h").unwrap_err().contains("date"));
        assert!(parse("").is_err());
    }
}
