//! A catalog file's TOML as a tree of spanned values, built from the events
//! of `toml_parser`.
//!
//! The `toml` crate would build the same tree, but it brings `serde_spanned`,
//! `toml_datetime` and a tree of its own to every downstream build, and the
//! catalog reads only strings, integers, booleans, arrays and tables, each
//! with its span for `file:line:col`.

use std::borrow::Cow;
use std::ops::Range;

use toml_parser::decoder::ScalarKind;
use toml_parser::parser::{Event, EventKind, RecursionGuard, ValidateWhitespace};
use toml_parser::{Expected, ParseError};

/// Deeper nesting is refused, as the `toml` crate refuses it.
const MAX_DEPTH: u32 = 80;

/// A value and where it is in the file, in bytes.
#[derive(Debug, Clone)]
pub struct Spanned<T> {
    pub value: T,
    pub span: Range<usize>,
}

#[derive(Debug)]
pub enum Value {
    String(String),
    /// `None`: written as an integer, but out of the range of `i64`.
    Integer(Option<i64>),
    Float,
    Boolean(bool),
    Datetime,
    Array(Array),
    Table(Table),
}

#[derive(Debug, Default)]
pub struct Array {
    pub items: Vec<Spanned<Value>>,
    /// Written as `[[name]]` headers: only those may add to it.
    of_tables: bool,
}

#[derive(Debug, Default)]
pub struct Table {
    entries: Vec<(Spanned<String>, Spanned<Value>)>,
    defined_by: DefinedBy,
}

/// How a table came to be, which decides what may add to it later.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
enum DefinedBy {
    /// Only as the parent of another: a `[header]` may still define it.
    #[default]
    Implicit,
    Header,
    DottedKey,
    Inline,
}

/// The first problem in the file, as `toml` words it.
#[derive(Debug, PartialEq, Eq)]
pub struct Error {
    pub message: String,
    pub span: Range<usize>,
}

impl Value {
    pub fn type_str(&self) -> &'static str {
        match self {
            Value::String(_) => "string",
            Value::Integer(_) => "integer",
            Value::Float => "float",
            Value::Boolean(_) => "boolean",
            Value::Datetime => "datetime",
            Value::Array(_) => "array",
            Value::Table(_) => "table",
        }
    }

    pub fn as_str(&self) -> Option<&str> {
        if let Value::String(text) = self { Some(text) } else { None }
    }

    /// `None` for a non-integer and for an integer out of the range of `i64`.
    pub fn as_integer(&self) -> Option<i64> {
        if let Value::Integer(number) = self { *number } else { None }
    }

    pub fn as_bool(&self) -> Option<bool> {
        if let Value::Boolean(boolean) = self { Some(*boolean) } else { None }
    }

    pub fn as_array(&self) -> Option<&[Spanned<Value>]> {
        if let Value::Array(array) = self { Some(&array.items) } else { None }
    }

    pub fn as_table(&self) -> Option<&Table> {
        if let Value::Table(table) = self { Some(table) } else { None }
    }
}

impl Table {
    pub fn get(&self, key: &str) -> Option<&Spanned<Value>> {
        self.entries.iter().find(|(name, _)| name.value == key).map(|(_, value)| value)
    }

    /// The keys and values in the order the file writes them.
    pub fn iter(&self) -> impl Iterator<Item = (&Spanned<String>, &Spanned<Value>)> {
        self.entries.iter().map(|(key, value)| (key, value))
    }

    fn get_mut(&mut self, key: &str) -> Option<&mut Spanned<Value>> {
        self.entries.iter_mut().find(|(name, _)| name.value == key).map(|(_, value)| value)
    }

    fn insert(&mut self, key: Spanned<String>, value: Spanned<Value>) -> Result<(), Error> {
        if self.get(&key.value).is_some() {
            return Err(duplicate(&key.span));
        }
        self.entries.push((key, value));
        Ok(())
    }

    /// The table at `key`, made if absent. Headers may enter any table but an
    /// inline one; dotted keys only tables that dotted keys made.
    fn child(&mut self, key: Spanned<String>, by: DefinedBy) -> Result<&mut Table, Error> {
        let position = match self.entries.iter().position(|(name, _)| name.value == key.value) {
            Some(position) => position,
            None => {
                let table = Table { entries: Vec::new(), defined_by: by };
                let span = key.span.clone();
                self.entries.push((key.clone(), Spanned { value: Value::Table(table), span }));
                self.entries.len() - 1
            }
        };
        let value = &mut self.entries[position].1.value;
        let enters_last_item = matches!(value, Value::Array(array) if array.of_tables) && by == DefinedBy::Implicit;
        let value = if !enters_last_item {
            Some(value)
        } else if let Value::Array(array) = value {
            array.items.last_mut().map(|item| &mut item.value)
        } else {
            None
        };
        match value {
            Some(Value::Table(table))
                if (by == DefinedBy::Implicit && table.defined_by != DefinedBy::Inline)
                    || (by == DefinedBy::DottedKey && table.defined_by == DefinedBy::DottedKey) =>
            {
                Ok(table)
            }
            _ => Err(duplicate(&key.span)),
        }
    }
}

fn duplicate(span: &Range<usize>) -> Error {
    Error { message: "duplicate key".to_owned(), span: span.clone() }
}

/// Parses a whole file. The first problem ends the parse, as in `toml`.
pub fn parse(text: &str) -> Result<Table, Error> {
    let source = toml_parser::Source::new(text);
    let tokens = source.lex().into_vec();
    let mut events: Vec<Event> = Vec::with_capacity(tokens.len());
    let mut problems: Vec<ParseError> = Vec::new();
    {
        let mut whitespace = ValidateWhitespace::new(&mut events, source);
        let mut guard = RecursionGuard::new(&mut whitespace, MAX_DEPTH);
        toml_parser::parser::parse_document(&tokens, &mut guard, &mut problems);
    }
    if let Some(problem) = problems.into_iter().next() {
        return Err(error_of(&problem));
    }
    let structural = events
        .into_iter()
        .filter(|event| !matches!(event.kind(), EventKind::Whitespace | EventKind::Comment | EventKind::Newline))
        .collect();
    Builder { source, events: structural, next: 0 }.document()
}

/// `toml`'s wording: the description, then what was expected.
fn error_of(problem: &ParseError) -> Error {
    let mut message = problem.description().to_owned();
    if let Some(expected) = problem.expected() {
        let expected: Vec<String> = expected
            .iter()
            .map(|expected| match expected {
                Expected::Literal("\n") => "newline".to_owned(),
                Expected::Literal("`") => "'`'".to_owned(),
                Expected::Literal(text) if text.chars().all(|c| c.is_ascii_control()) => {
                    format!("`{}`", text.escape_debug())
                }
                Expected::Literal(text) => format!("`{text}`"),
                Expected::Description(text) => (*text).to_owned(),
                _ => "etc".to_owned(),
            })
            .collect();
        let expected = if expected.is_empty() { "nothing".to_owned() } else { expected.join(", ") };
        message.push_str(", expected ");
        message.push_str(&expected);
    }
    let span = problem.unexpected().map_or(0..0, |span| span.start()..span.end());
    Error { message, span }
}

/// Reads the structural events (no whitespace, comments or newlines) into a tree.
struct Builder<'i> {
    source: toml_parser::Source<'i>,
    events: Vec<Event>,
    next: usize,
}

impl Builder<'_> {
    fn peek(&self) -> Option<&Event> {
        self.events.get(self.next)
    }

    fn take(&mut self) -> Option<Event> {
        let event = self.events.get(self.next).copied();
        self.next += 1;
        event
    }

    /// The events were parsed without error, so an unexpected one is a bug here or in `toml_parser`.
    fn unexpected(&self, at: Option<&Event>) -> Error {
        let span = at.map_or(0..0, |event| event.span().start()..event.span().end());
        Error { message: "unexpected TOML structure".to_owned(), span }
    }

    fn document(mut self) -> Result<Table, Error> {
        let mut root = Table { entries: Vec::new(), defined_by: DefinedBy::Header };
        // Key-values before the first header belong to the root.
        let mut header: Option<(Vec<Spanned<String>>, bool, Range<usize>)> = None;
        let mut current = Table { entries: Vec::new(), defined_by: DefinedBy::Header };
        while let Some(event) = self.peek().copied() {
            match event.kind() {
                EventKind::StdTableOpen | EventKind::ArrayTableOpen => {
                    let finished = std::mem::take(&mut current);
                    attach(&mut root, header.take(), finished)?;
                    let is_array = event.kind() == EventKind::ArrayTableOpen;
                    self.next += 1;
                    let path = self.key()?;
                    let close = self.take();
                    let closes = if is_array { EventKind::ArrayTableClose } else { EventKind::StdTableClose };
                    if close.map(|close| close.kind()) != Some(closes) {
                        return Err(self.unexpected(close.as_ref()));
                    }
                    let end = close.map_or(event.span().end(), |close| close.span().end());
                    header = Some((path, is_array, event.span().start()..end));
                    current.defined_by = DefinedBy::Header;
                }
                EventKind::SimpleKey => self.key_value(&mut current)?,
                _ => return Err(self.unexpected(Some(&event))),
            }
        }
        attach(&mut root, header, current)?;
        Ok(root)
    }

    /// `a.b.c`: one or more simple keys joined by dots.
    fn key(&mut self) -> Result<Vec<Spanned<String>>, Error> {
        let mut path = Vec::new();
        loop {
            let Some(event) = self.take().filter(|event| event.kind() == EventKind::SimpleKey) else {
                return Err(self.unexpected(self.events.get(self.next - 1)));
            };
            let raw = self.raw(&event)?;
            let mut text = Cow::Borrowed("");
            let mut problems: Vec<ParseError> = Vec::new();
            raw.decode_key(&mut text, &mut problems);
            first_problem(problems)?;
            path.push(Spanned { value: text.into_owned(), span: event.span().start()..event.span().end() });
            if self.peek().map(Event::kind) != Some(EventKind::KeySep) {
                return Ok(path);
            }
            self.next += 1;
        }
    }

    fn raw(&self, event: &Event) -> Result<toml_parser::Raw<'_>, Error> {
        self.source.get(event).ok_or_else(|| self.unexpected(Some(event)))
    }

    /// `key = value`, the key dotted or not, into `table`.
    fn key_value(&mut self, table: &mut Table) -> Result<(), Error> {
        let mut path = self.key()?;
        let separator = self.take();
        if separator.map(|separator| separator.kind()) != Some(EventKind::KeyValSep) {
            return Err(self.unexpected(separator.as_ref()));
        }
        let value = self.value()?;
        let Some(last) = path.pop() else { return Err(self.unexpected(separator.as_ref())) };
        let mut parent = table;
        for key in path {
            parent = parent.child(key, DefinedBy::DottedKey)?;
        }
        parent.insert(last, value)
    }

    fn value(&mut self) -> Result<Spanned<Value>, Error> {
        let Some(event) = self.take() else { return Err(self.unexpected(None)) };
        let start = event.span().start();
        match event.kind() {
            EventKind::Scalar => {
                let raw = self.raw(&event)?;
                let mut text = Cow::Borrowed("");
                let mut problems: Vec<ParseError> = Vec::new();
                let kind = raw.decode_scalar(&mut text, &mut problems);
                first_problem(problems)?;
                let value = match kind {
                    ScalarKind::String => Value::String(text.into_owned()),
                    ScalarKind::Boolean(boolean) => Value::Boolean(boolean),
                    ScalarKind::DateTime => Value::Datetime,
                    ScalarKind::Float => Value::Float,
                    ScalarKind::Integer(radix) => Value::Integer(i64::from_str_radix(&text, radix.value()).ok()),
                };
                Ok(Spanned { value, span: start..event.span().end() })
            }
            EventKind::ArrayOpen => {
                let mut array = Array::default();
                loop {
                    match self.peek().map(Event::kind) {
                        Some(EventKind::ArrayClose) => break,
                        Some(EventKind::ValueSep) => self.next += 1,
                        _ => array.items.push(self.value()?),
                    }
                }
                let end = self.take().map_or(start, |close| close.span().end());
                Ok(Spanned { value: Value::Array(array), span: start..end })
            }
            EventKind::InlineTableOpen => {
                let mut table = Table { entries: Vec::new(), defined_by: DefinedBy::Inline };
                loop {
                    match self.peek().map(Event::kind) {
                        Some(EventKind::InlineTableClose) => break,
                        Some(EventKind::ValueSep) => self.next += 1,
                        _ => self.key_value(&mut table)?,
                    }
                }
                let end = self.take().map_or(start, |close| close.span().end());
                seal(&mut table);
                Ok(Spanned { value: Value::Table(table), span: start..end })
            }
            _ => Err(self.unexpected(Some(&event))),
        }
    }
}

/// Nothing outside an inline table may add to it or to the tables its dotted keys made.
fn seal(table: &mut Table) {
    table.defined_by = DefinedBy::Inline;
    for (_, value) in &mut table.entries {
        if let Value::Table(inner) = &mut value.value {
            seal(inner);
        }
    }
}

fn first_problem(problems: Vec<ParseError>) -> Result<(), Error> {
    match problems.first() {
        Some(problem) => Err(error_of(problem)),
        None => Ok(()),
    }
}

/// Puts the key-values read under a header where the header says.
fn attach(
    root: &mut Table,
    header: Option<(Vec<Spanned<String>>, bool, Range<usize>)>,
    mut table: Table,
) -> Result<(), Error> {
    let Some((mut path, is_array, span)) = header else {
        root.entries.append(&mut table.entries);
        return Ok(());
    };
    let Some(last) = path.pop() else { return Ok(()) };
    let mut parent = root;
    for key in path {
        parent = parent.child(key, DefinedBy::Implicit)?;
    }
    if is_array {
        if parent.get(&last.value).is_none() {
            let array = Array { items: Vec::new(), of_tables: true };
            let key_span = last.span.clone();
            parent.entries.push((last.clone(), Spanned { value: Value::Array(array), span: key_span }));
        }
        return match parent.get_mut(&last.value).map(|existing| &mut existing.value) {
            Some(Value::Array(array)) if array.of_tables => {
                array.items.push(Spanned { value: Value::Table(table), span });
                Ok(())
            }
            _ => Err(duplicate(&last.span)),
        };
    }
    match parent.get_mut(&last.value) {
        None => parent.insert(last, Spanned { value: Value::Table(table), span }),
        // `[a.b]` then `[a]`: the header defines the table its child implied.
        Some(Spanned { value: Value::Table(existing), span: existing_span })
            if existing.defined_by == DefinedBy::Implicit =>
        {
            existing.defined_by = DefinedBy::Header;
            *existing_span = span;
            for (key, value) in table.entries {
                existing.insert(key, value)?;
            }
            Ok(())
        }
        Some(_) => Err(duplicate(&last.span)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Table {
        match parse(text) {
            Ok(table) => table,
            Err(error) => panic!("{text:?} did not parse: {error:?}"),
        }
    }

    fn refused(text: &str) -> Error {
        match parse(text) {
            Ok(table) => panic!("{text:?} parsed to {table:?}"),
            Err(error) => error,
        }
    }

    fn keys(table: &Table) -> Vec<&str> {
        table.iter().map(|(key, _)| key.value.as_str()).collect()
    }

    fn table<'t>(table: &'t Table, key: &str) -> &'t Table {
        table.get(key).and_then(|value| value.value.as_table()).expect("a table")
    }

    #[test]
    fn scalars_keep_their_type_their_value_and_their_span() {
        let text = "s = 'a\\b'\nb = \"x\\u00e9\"\ni = +1_000\nh = 0xff\nn = 9223372036854775808\nf = 1.5\nt = true\nd = 1979-05-27\n";
        let root = parsed(text);
        assert_eq!(keys(&root), ["s", "b", "i", "h", "n", "f", "t", "d"]);
        let value = |key: &str| &root.get(key).expect("the key").value;
        assert_eq!(value("s").as_str(), Some("a\\b"));
        assert_eq!(value("b").as_str(), Some("xé"));
        assert_eq!(value("i").as_integer(), Some(1000));
        assert_eq!(value("h").as_integer(), Some(255));
        assert_eq!((value("n").type_str(), value("n").as_integer()), ("integer", None));
        assert_eq!(value("f").type_str(), "float");
        assert_eq!(value("t").as_bool(), Some(true));
        assert_eq!(value("d").type_str(), "datetime");
        let span = root.get("i").expect("i").span.clone();
        assert_eq!(&text[span], "+1_000");
        let (key, _) = root.iter().nth(1).expect("the second key");
        assert_eq!(&text[key.span.clone()], "b");
    }

    #[test]
    fn arrays_inline_tables_and_dotted_keys_nest() {
        let text = "a = [1, 'two', [3], { x = 4 }, ]\nb.c.d = 5\nb.e = 6\ne = { f.g = 7 }\n";
        let root = parsed(text);
        let items = root.get("a").and_then(|a| a.value.as_array()).expect("an array");
        let types: Vec<&str> = items.iter().map(|item| item.value.type_str()).collect();
        assert_eq!(types, ["integer", "string", "array", "table"]);
        assert_eq!(&text[items[3].span.clone()], "{ x = 4 }");
        assert_eq!(keys(table(&root, "b")), ["c", "e"]);
        assert_eq!(table(table(&root, "b"), "c").get("d").and_then(|d| d.value.as_integer()), Some(5));
        assert_eq!(table(table(&root, "e"), "f").get("g").and_then(|g| g.value.as_integer()), Some(7));
    }

    #[test]
    fn headers_make_tables_and_arrays_of_tables_spanned_at_the_header() {
        let text = "top = 1\n[a.b]\nx = 1\n[a]\ny = 2\n[[e]]\nk = 1\n[e.sub]\nz = 3\n[[e]]\nk = 2\n";
        let root = parsed(text);
        assert_eq!(keys(&root), ["top", "a", "e"]);
        let a = root.get("a").expect("a");
        assert_eq!(&text[a.span.clone()], "[a]");
        assert_eq!(keys(a.value.as_table().expect("a table")), ["b", "y"]);
        let entries = root.get("e").and_then(|e| e.value.as_array()).expect("an array of tables");
        assert_eq!(entries.len(), 2);
        assert_eq!(&text[entries[1].span.clone()], "[[e]]");
        let first = entries[0].value.as_table().expect("a table");
        assert_eq!(keys(first), ["k", "sub"]);
        assert_eq!(entries[1].value.as_table().and_then(|e| e.get("k")).and_then(|k| k.value.as_integer()), Some(2));
    }

    #[test]
    fn a_key_or_table_defined_twice_is_a_duplicate_at_the_second_key() {
        for (text, second) in [
            ("a = 1\na = 2\n", 6),
            ("[a]\n[a]\n", 5),
            ("a = 1\n[a]\n", 7),
            ("[a]\nb.c = 1\n[a.b]\n", 15),
            ("a = [1]\n[[a]]\n", 10),
            ("[a]\n[[a]]\n", 6),
            ("a = { b = 1 }\n[a.c]\n", 15),
            ("a = { b = 1 }\na.c = 2\n", 14),
            ("[a]\nx = 1\n[b]\n[a]\n", 15),
            ("[a.b]\nx = 1\n[a]\nb = 2\n", 16),
            ("t = { x = 1, x = 2 }\n", 13),
        ] {
            let error = refused(text);
            assert_eq!(error.message, "duplicate key", "{text:?}");
            assert_eq!(error.span.start, second, "{text:?}");
        }
    }

    #[test]
    fn syntax_errors_are_worded_as_toml_words_them() {
        assert_eq!(
            refused("a = \"open\n"),
            Error { message: "invalid basic string, expected `\"`".to_owned(), span: 9..9 }
        );
        assert_eq!(refused("a\n").message, "key with no value, expected `=`");
        assert_eq!(refused("a = 1 b = 2\n").message, "unexpected key or value, expected newline, `#`");
        let deep = format!("a = {}{}\n", "[".repeat(200), "]".repeat(200));
        assert!(refused(&deep).message.contains("recursion"), "{deep:?}");
    }

    proptest::proptest! {
        /// Any text made of TOML's punctuation, keys and values parses or is
        /// refused, never panics, and every span it gives lies in the text.
        #[test]
        fn any_toml_like_text_parses_or_is_refused_with_a_span_inside_it(
            pieces in proptest::collection::vec(
                proptest::sample::select(vec![
                    "[", "]", "[[", "]]", "{", "}", "=", ".", ",", "\n", " ", "a", "b", "\"x\"", "'y'",
                    "1", "0x1f", "1.5", "true", "1979-05-27", "#c", "\"\"\"", "é", "\\",
                ]),
                0..40,
            )
        ) {
            let text: String = pieces.concat();
            match parse(&text) {
                Ok(root) => check_spans(&root, &text),
                Err(error) => proptest::prop_assert!(error.span.end <= text.len() && error.span.start <= error.span.end),
            }
        }
    }

    fn check_spans(table: &Table, text: &str) {
        for (key, value) in table.iter() {
            assert!(text.get(key.span.clone()).is_some(), "{key:?} in {text:?}");
            check_value(value, text);
        }
    }

    fn check_value(value: &Spanned<Value>, text: &str) {
        assert!(text.get(value.span.clone()).is_some(), "{value:?} in {text:?}");
        match &value.value {
            Value::Table(table) => check_spans(table, text),
            Value::Array(array) => array.items.iter().for_each(|item| check_value(item, text)),
            _ => {}
        }
    }
}
