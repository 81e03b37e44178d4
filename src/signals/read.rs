//! Usage events from CSV or newline-delimited JSON, gzip-compressed or not,
//! one row at a time: nothing is kept once a row is handed on.
//!
//! The format is told from the bytes, not the file name (a gzip stream
//! starts with 1f 8b, a JSON line with `{`), so stdin and oddly named
//! exports read the same way as `events.csv.gz`.

use std::borrow::Cow;
use std::fmt;
use std::io::{self, BufRead, BufReader, Read};

use super::columns::{Columns, Role};
use super::time;

/// A plan, as the `plan` column gives it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Plan {
    /// On a free plan (or trial).
    Free,
    /// Paying.
    Paid,
}

/// One usable event.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Row<'a> {
    /// Milliseconds since 1970 UTC.
    pub ts: i64,
    /// The account id.
    pub account: &'a [u8],
    /// The user id.
    pub user: &'a [u8],
    /// The event name.
    pub event: &'a [u8],
    /// The user's email, when given.
    pub email: Option<&'a [u8]>,
    /// The plan, when given.
    pub plan: Option<Plan>,
}

/// A row that could not be used, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadRow {
    /// Its line in the input (1 is the first line; a CSV header is line 1).
    pub line: u64,
    /// What was wrong, in a few words.
    pub why: String,
    /// The role it lacked, when that was the trouble.
    pub missing: Option<Role>,
}

/// Why an input could not be read at all.
#[derive(Debug)]
pub enum ReadError {
    /// The CSV header lacks required columns.
    MissingColumns {
        /// The roles with no column, and the column looked for.
        missing: Vec<(Role, String)>,
        /// The header as found, shortened.
        header: String,
    },
    /// The input could not be read or decompressed.
    Io(io::Error),
}

impl fmt::Display for ReadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ReadError::MissingColumns { missing, header } => {
                let list: Vec<String> = missing
                    .iter()
                    .map(|(role, col)| format!("`{col}` ({})", role.name()))
                    .collect();
                if header.is_empty() {
                    return write!(
                        f,
                        "the input is empty: no header and no events (a CSV export starts with a header naming {})",
                        list.join(", ")
                    );
                }
                // The example maps the first missing role to a column that
                // is not already one of the roles' own names.
                let example = header
                    .split(", ")
                    .find(|h| Role::ALL.iter().all(|r| r.name() != *h))
                    .unwrap_or("COLUMN");
                write!(
                    f,
                    "the CSV header has no column {}; it has: {header}. Name the columns with --map ROLE=COLUMN (e.g. --map {}={example}), or pick --preset segment|posthog|amplitude|mixpanel",
                    list.join(", "),
                    missing[0].0.name(),
                )
            }
            ReadError::Io(e) => write!(f, "{e}"),
        }
    }
}

impl std::error::Error for ReadError {}

impl From<io::Error> for ReadError {
    fn from(e: io::Error) -> ReadError {
        ReadError::Io(e)
    }
}

/// The two event formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    /// Comma-separated, a header row first.
    Csv,
    /// One JSON object per line.
    Ndjson,
}

/// The longest line (or CSV record) read: an event is one short line, so a
/// longer one means the input is not an event export, and reading on would
/// only grow memory.
pub const MAX_LINE: u64 = 1 << 20;

/// A reader that fails once more than [`MAX_LINE`] bytes pass without the
/// end of a line, so no single line can take the memory. For CSV a line
/// ends only outside quotes (an even count of `"` since the last end; a
/// doubled `""` counts twice), so a quoted field over many lines, or a
/// stray quote that joins the rest of the file into one record, is held to
/// the same bound.
struct LineLimit<R> {
    inner: R,
    csv: bool,
    since_end: u64,
    open_quote: bool,
}

impl<R: Read> Read for LineLimit<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        if self.csv {
            for &b in &buf[..n] {
                self.since_end += 1;
                match b {
                    b'"' => self.open_quote = !self.open_quote,
                    b'\n' if !self.open_quote => self.since_end = 0,
                    _ => {}
                }
            }
        } else {
            match buf[..n].iter().rposition(|b| *b == b'\n') {
                Some(last) => self.since_end = (n - last - 1) as u64,
                None => self.since_end += n as u64,
            }
        }
        if self.since_end > MAX_LINE {
            let what = if self.csv && self.open_quote {
                "a quoted CSV field runs on for more than 1 MiB (an unclosed quote?)"
            } else {
                "a line is longer than 1 MiB"
            };
            return Err(io::Error::new(
                io::ErrorKind::InvalidData,
                format!("{what}; an event export has one short line per event"),
            ));
        }
        Ok(n)
    }
}

/// Opens `input`, gunzipping it when it is gzip, and tells its format.
pub fn open<'r>(input: impl Read + 'r) -> io::Result<(Format, Box<dyn BufRead + 'r>)> {
    let mut raw = BufReader::with_capacity(1 << 16, input);
    let gzip = raw.fill_buf()?.starts_with(&[0x1f, 0x8b]);
    let mut text: Box<dyn BufRead + 'r> = if gzip {
        Box::new(BufReader::with_capacity(
            1 << 16,
            flate2::bufread::MultiGzDecoder::new(raw),
        ))
    } else {
        Box::new(raw)
    };
    let head = text.fill_buf()?;
    let head = head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head);
    let first = head.iter().find(|b| !b.is_ascii_whitespace());
    let format = if first == Some(&b'{') {
        Format::Ndjson
    } else {
        Format::Csv
    };
    let limited = LineLimit {
        inner: text,
        csv: format == Format::Csv,
        since_end: 0,
        open_quote: false,
    };
    Ok((format, Box::new(BufReader::with_capacity(1 << 16, limited))))
}

/// Reads every row of `input`, handing each (or why it is bad) to `each`.
/// Returns how many rows there were.
pub fn rows(
    input: impl Read,
    columns: &Columns,
    mut each: impl FnMut(Result<Row<'_>, BadRow>),
) -> Result<u64, ReadError> {
    let (format, text) = open(input)?;
    match format {
        Format::Csv => csv_rows(text, columns, &mut each),
        Format::Ndjson => json_rows(text, columns, &mut each),
    }
}

fn plan(text: &[u8]) -> Result<Option<Plan>, String> {
    let t = text.trim_ascii();
    if t.is_empty() {
        Ok(None)
    } else if t.eq_ignore_ascii_case(b"free") {
        Ok(Some(Plan::Free))
    } else if t.eq_ignore_ascii_case(b"paid") {
        Ok(Some(Plan::Paid))
    } else {
        Err(format!(
            "plan `{}` is neither free nor paid",
            crate::diagnostic::echo(&String::from_utf8_lossy(t))
        ))
    }
}

/// Checks the parts of a row and builds it.
fn build<'a>(line: u64, parts: [Option<&'a [u8]>; 6]) -> Result<Row<'a>, BadRow> {
    let bad = |why: String, missing: Option<Role>| BadRow { line, why, missing };
    if let Some(role) = Role::ALL
        .into_iter()
        .find(|r| parts[*r as usize].is_some_and(|p| p.contains(&b'\n')))
    {
        return Err(bad(
            format!(
                "its {} runs over several lines (an unclosed quote?), so the lines it joins were lost with it",
                role.name()
            ),
            None,
        ));
    }
    for role in Role::ALL.into_iter().filter(|r| r.required()) {
        if parts[role as usize].is_none_or(|p| p.trim_ascii().is_empty()) {
            return Err(bad(format!("no {}", role.name()), Some(role)));
        }
    }
    let field = |role: Role| parts[role as usize].unwrap_or_default();
    let stamp = field(Role::Timestamp);
    let ts = time::parse(stamp).ok_or_else(|| {
        bad(
            format!(
                "timestamp `{}` is neither RFC 3339 nor Unix seconds or milliseconds",
                crate::diagnostic::echo(&String::from_utf8_lossy(stamp))
            ),
            None,
        )
    })?;
    let plan = match parts[Role::Plan as usize] {
        Some(p) => plan(p).map_err(|why| bad(why, None))?,
        None => None,
    };
    Ok(Row {
        ts,
        account: field(Role::Account).trim_ascii(),
        user: field(Role::User).trim_ascii(),
        event: field(Role::Event).trim_ascii(),
        email: parts[Role::Email as usize]
            .map(<[u8]>::trim_ascii)
            .filter(|e| !e.is_empty()),
        plan,
    })
}

fn csv_rows(
    text: Box<dyn BufRead + '_>,
    columns: &Columns,
    each: &mut impl FnMut(Result<Row<'_>, BadRow>),
) -> Result<u64, ReadError> {
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .buffer_capacity(1 << 16)
        .from_reader(text);
    let header = reader.byte_headers().map_err(csv_error)?.clone();
    let names: Vec<Cow<'_, str>> = header
        .iter()
        .map(|h| String::from_utf8_lossy(h.trim_ascii()))
        .collect();
    let index = |role: Role| names.iter().position(|n| n == columns.path(role));
    let at = Role::ALL.map(index);
    let missing: Vec<(Role, String)> = Role::ALL
        .into_iter()
        .filter(|r| (r.required() || columns.explicit(*r)) && at[*r as usize].is_none())
        .map(|r| (r, columns.path(r).to_string()))
        .collect();
    if !missing.is_empty() {
        let shown: Vec<String> = names
            .iter()
            .take(12)
            .map(|n| crate::diagnostic::first_chars(&crate::diagnostic::echo(n), 40).into_owned())
            .collect();
        let more = names.len().saturating_sub(12);
        let mut header = shown.join(", ");
        if more > 0 {
            header.push_str(&format!(" and {more} more"));
        }
        if names.is_empty() || names.iter().all(|n| n.is_empty()) {
            header = String::new();
        }
        return Err(ReadError::MissingColumns { missing, header });
    }
    let mut record = csv::ByteRecord::new();
    let mut count = 0;
    loop {
        match reader.read_byte_record(&mut record) {
            Ok(false) => break,
            Ok(true) => {
                count += 1;
                let line = record.position().map_or(0, csv::Position::line);
                let parts = at.map(|i| i.and_then(|i| record.get(i)));
                each(build(line, parts));
            }
            Err(e) => {
                let line = e.position().map_or(0, csv::Position::line);
                match e.into_kind() {
                    csv::ErrorKind::Io(io) => return Err(ReadError::Io(io)),
                    other => {
                        count += 1;
                        each(Err(BadRow {
                            line,
                            why: format!("unreadable CSV ({other:?})"),
                            missing: None,
                        }));
                    }
                }
            }
        }
    }
    Ok(count)
}

fn csv_error(e: csv::Error) -> ReadError {
    match e.into_kind() {
        csv::ErrorKind::Io(io) => ReadError::Io(io),
        other => ReadError::Io(io::Error::new(
            io::ErrorKind::InvalidData,
            format!("{other:?}"),
        )),
    }
}

/// The value at `path` in `value`: the whole path as one key first (some
/// exports flatten with dots), then its first dotted part and the rest.
fn lookup<'v>(value: &'v serde_json::Value, path: &str) -> Option<&'v serde_json::Value> {
    let object = value.as_object()?;
    if let Some(v) = object.get(path) {
        return Some(v);
    }
    let mut split = path.char_indices().filter(|(_, c)| *c == '.');
    split.find_map(|(i, _)| {
        object
            .get(&path[..i])
            .and_then(|v| lookup(v, &path[i + 1..]))
    })
}

/// A JSON value as the text of a field: strings as they are, numbers and
/// booleans as written, a one-item array (Amplitude's groups) as its item.
fn text_of(value: &serde_json::Value) -> Option<Cow<'_, str>> {
    match value {
        serde_json::Value::String(s) => Some(Cow::Borrowed(s)),
        serde_json::Value::Number(n) => Some(Cow::Owned(n.to_string())),
        serde_json::Value::Bool(b) => Some(Cow::Owned(b.to_string())),
        serde_json::Value::Array(items) if items.len() == 1 => text_of(&items[0]),
        _ => None,
    }
}

fn json_rows(
    mut text: Box<dyn BufRead + '_>,
    columns: &Columns,
    each: &mut impl FnMut(Result<Row<'_>, BadRow>),
) -> Result<u64, ReadError> {
    let mut line = Vec::new();
    let (mut number, mut count) = (0, 0);
    loop {
        line.clear();
        if text.read_until(b'\n', &mut line)? == 0 {
            break;
        }
        number += 1;
        if number == 1 && line.starts_with(b"\xef\xbb\xbf") {
            // A byte-order mark, as some editors write: not part of the JSON.
            line.drain(..3);
        }
        if line.trim_ascii().is_empty() {
            continue;
        }
        count += 1;
        let value = match serde_json::from_slice::<serde_json::Value>(&line) {
            Ok(v) if v.is_object() => v,
            Ok(_) => {
                each(Err(BadRow {
                    line: number,
                    why: "not a JSON object".into(),
                    missing: None,
                }));
                continue;
            }
            Err(e) => {
                each(Err(BadRow {
                    line: number,
                    why: format!("not JSON ({e})"),
                    missing: None,
                }));
                continue;
            }
        };
        let texts = Role::ALL.map(|r| lookup(&value, columns.path(r)).and_then(text_of));
        let parts = [0, 1, 2, 3, 4, 5].map(|i| texts[i].as_deref().map(str::as_bytes));
        each(build(number, parts));
    }
    Ok(count)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::signals::columns::Preset;

    /// Time, account, user and event of each good row.
    type Good = Vec<(i64, String, String, String)>;

    fn collect(input: &[u8], columns: &Columns) -> (Good, Vec<BadRow>) {
        let (mut good, mut bad) = (Vec::new(), Vec::new());
        rows(input, columns, |r| match r {
            Ok(r) => good.push((
                r.ts,
                String::from_utf8_lossy(r.account).into_owned(),
                String::from_utf8_lossy(r.user).into_owned(),
                String::from_utf8_lossy(r.event).into_owned(),
            )),
            Err(b) => bad.push(b),
        })
        .unwrap();
        (good, bad)
    }

    const CSV: &[u8] = b"timestamp,account,user,event,email\n\
        2026-11-21T10:02:00Z,acme,u1,limit_reached,a@acme.com\n\
        1795255320,acme,\"u,2\",\"pricing_viewed\",\n\
        later,acme,u3,x,\n\
        2026-11-21T10:02:00Z,,u4,x,\n";

    #[test]
    fn csv_rows_are_read_and_bad_ones_named_by_line() {
        let (good, bad) = collect(CSV, &Columns::default());
        assert_eq!(good.len(), 2);
        assert_eq!(good[1].2, "u,2");
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [4, 5]);
        assert!(bad[0].why.contains("`later`"), "{}", bad[0].why);
        assert_eq!(bad[1].missing, Some(Role::Account));
    }

    #[test]
    fn gzip_is_told_from_its_bytes() {
        use std::io::Write;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        gz.write_all(CSV).unwrap();
        let gz = gz.finish().unwrap();
        assert_eq!(
            collect(&gz, &Columns::default()),
            collect(CSV, &Columns::default())
        );
    }

    #[test]
    fn a_header_without_the_columns_names_them_and_what_it_has() {
        let err = rows(
            &b"time,org,who,what\n1,2,3,4\n"[..],
            &Columns::default(),
            |_| {},
        )
        .unwrap_err();
        let text = err.to_string();
        assert!(
            text.contains(
                "`timestamp` (timestamp), `account` (account), `user` (user), `event` (event)"
            ),
            "{text}"
        );
        assert!(text.contains("it has: time, org, who, what"), "{text}");
        let err = rows(&b""[..], &Columns::default(), |_| {}).unwrap_err();
        assert!(
            err.to_string().contains("the input is empty: no header"),
            "{err}"
        );
    }

    #[test]
    fn json_lines_follow_dotted_paths_and_flattened_keys() {
        let input = br#"{"timestamp":"2026-11-21T10:02:00Z","context":{"groupId":"acme","traits":{"email":"a@acme.com"}},"userId":"u1","event":"signup"}

{"timestamp":"2026-11-21T10:02:00Z","context.groupId":42,"userId":"u2","event":"signup"}
not json
[1,2]
{"timestamp":"2026-11-21T10:02:00Z","userId":"u2","event":"signup"}
"#;
        let (good, bad) = collect(input, &Columns::new(Some(Preset::Segment), &[]).unwrap());
        assert_eq!(
            good.iter().map(|g| g.1.as_str()).collect::<Vec<_>>(),
            ["acme", "42"]
        );
        assert_eq!(bad.iter().map(|b| b.line).collect::<Vec<_>>(), [4, 5, 6]);
        assert_eq!(bad[2].missing, Some(Role::Account));
    }

    #[test]
    fn a_line_past_the_limit_stops_the_read_before_it_takes_the_memory() {
        let mut long = b"timestamp,account,user,event\n1795255320,a,u,".to_vec();
        long.extend(std::iter::repeat_n(b'x', (MAX_LINE + 10) as usize));
        let err = rows(&long[..], &Columns::default(), |_| {}).unwrap_err();
        assert!(err.to_string().contains("longer than 1 MiB"), "{err}");
        let mut json = b"{\"timestamp\": \"".to_vec();
        json.extend(std::iter::repeat_n(b'1', (MAX_LINE + 10) as usize));
        assert!(rows(&json[..], &Columns::default(), |_| {}).is_err());
        // Just under the limit is read (as a bad row here).
        let mut fine = b"timestamp,account,user,event\n1795255320,a,u,".to_vec();
        fine.extend(std::iter::repeat_n(b'x', (MAX_LINE - 100) as usize));
        fine.push(b'\n');
        let (good, _) = collect(&fine, &Columns::default());
        assert_eq!(good.len(), 1);
    }

    #[test]
    fn a_stray_quote_is_bounded_and_named() {
        // Small: the joined lines come back as one bad row that says why.
        let text = b"timestamp,account,user,event\n1795255320,a,u,e\n1795255320,\"b,u,e\n1795255320,c,u,e\n";
        let (good, bad) = collect(text, &Columns::default());
        assert_eq!(good.len(), 1);
        assert!(bad[0].why.contains("unclosed quote"), "{bad:?}");
        // Large: a quoted field over many short lines still stops at the limit.
        let mut long = b"timestamp,account,user,event\n1795255320,\"".to_vec();
        for _ in 0..2000 {
            long.extend_from_slice(&[b'x'; 999]);
            long.push(b'\n');
        }
        let err = rows(&long[..], &Columns::default(), |_| {}).unwrap_err();
        assert!(err.to_string().contains("unclosed quote"), "{err}");
        // Doubled quotes inside a field are no stray quote.
        let fine = b"timestamp,account,user,event\n1795255320,\"a \"\"b\"\"\",u,e\n";
        assert_eq!(collect(fine, &Columns::default()).0[0].1, "a \"b\"");
    }

    #[test]
    fn json_lines_may_start_with_a_byte_order_mark() {
        let text = b"\xef\xbb\xbf{\"timestamp\":1795255320,\"account\":\"a\",\"user\":\"u\",\"event\":\"e\"}\n";
        assert_eq!(collect(text, &Columns::default()).0.len(), 1);
    }

    #[test]
    fn a_mapped_optional_column_that_is_missing_is_an_error() {
        let text = b"timestamp,account,user,event\n1795255320,a,u,e\n";
        let columns = Columns::new(None, &["email=emial".into()]).unwrap();
        let err = rows(&text[..], &columns, |_| {}).unwrap_err();
        assert!(err.to_string().contains("`emial` (email)"), "{err}");
    }

    #[test]
    fn plans_are_free_or_paid() {
        let input = b"timestamp,account,user,event,plan\n1795255320,a,u,e,FREE\n1795255320,a,u,e,paid\n1795255320,a,u,e,\n1795255320,a,u,e,pro\n";
        let mut plans = Vec::new();
        rows(&input[..], &Columns::default(), |r| {
            plans.push(r.map(|r| r.plan).map_err(|b| b.line))
        })
        .unwrap();
        assert_eq!(
            plans,
            [Ok(Some(Plan::Free)), Ok(Some(Plan::Paid)), Ok(None), Err(5)]
        );
    }
}
