//! The `Bearer` challenge of `WWW-Authenticate` (RFC 6750 §3): a 401 or 403
//! whose only information is in that header still names its error.

use http::HeaderMap;
use http::header::WWW_AUTHENTICATE;

use crate::catalog::RegisteredError;
use crate::kind::Kind;

/// The RFC 6750 §3 `Bearer` challenge of a response: its `error`,
/// `error_description`, `scope` and `realm` parameters, each the first given.
///
/// ```
/// use auth_error_catalog::{BearerChallenge, Kind};
///
/// let mut headers = http::HeaderMap::new();
/// headers.insert(
///     "www-authenticate",
///     r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#.parse().unwrap(),
/// );
/// let challenge = BearerChallenge::from_headers(&headers).unwrap();
/// assert_eq!(challenge.error(), Some("invalid_token"));
/// assert_eq!(challenge.description(), Some("The access token expired"));
/// assert_eq!(challenge.realm(), Some("example"));
/// assert_eq!(challenge.kind(), Some(Kind::Unauthenticated));
/// ```
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct BearerChallenge {
    error: Option<String>,
    description: Option<String>,
    scope: Option<String>,
    realm: Option<String>,
}

/// RFC 9110's `tchar`.
fn is_token_byte(byte: u8) -> bool {
    byte.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&byte)
}

/// Reads auth-params of one header value; the cursor is a byte index.
struct Cursor<'h> {
    text: &'h [u8],
    at: usize,
}

impl<'h> Cursor<'h> {
    fn skip_space(&mut self) {
        while self.text.get(self.at).is_some_and(|byte| matches!(byte, b' ' | b'\t')) {
            self.at += 1;
        }
    }

    fn token(&mut self) -> &'h [u8] {
        let start = self.at;
        while self.text.get(self.at).copied().is_some_and(is_token_byte) {
            self.at += 1;
        }
        &self.text[start..self.at]
    }

    fn eat(&mut self, byte: u8) -> bool {
        self.skip_space();
        let found = self.text.get(self.at) == Some(&byte);
        if found {
            self.at += 1;
        }
        found
    }

    /// A quoted-string's contents, unescaped; an unclosed one runs to the end.
    fn quoted(&mut self) -> String {
        let mut out = Vec::new();
        while let Some(&byte) = self.text.get(self.at) {
            self.at += 1;
            match byte {
                b'"' => break,
                b'\\' => {
                    if let Some(&escaped) = self.text.get(self.at) {
                        out.push(escaped);
                        self.at += 1;
                    }
                }
                other => out.push(other),
            }
        }
        String::from_utf8_lossy(&out).into_owned()
    }

    /// Skips to just after the next comma outside a quoted-string.
    fn skip_item(&mut self) {
        let mut quoted = false;
        while let Some(&byte) = self.text.get(self.at) {
            self.at += 1;
            match byte {
                b'\\' if quoted => self.at += 1,
                b'"' => quoted = !quoted,
                b',' if !quoted => return,
                _ => {}
            }
        }
    }
}

impl BearerChallenge {
    /// The first `Bearer` challenge of `headers`' `WWW-Authenticate` values,
    /// if any. Any bytes are read without a panic: a malformed parameter is
    /// skipped, an unclosed quoted-string ends the value, and bytes that are
    /// not UTF-8 become U+FFFD.
    ///
    /// ```
    /// use auth_error_catalog::BearerChallenge;
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("www-authenticate", "Basic realm=\"x\", Bearer error=insufficient_scope, scope=\"read write\"".parse().unwrap());
    /// let challenge = BearerChallenge::from_headers(&headers).unwrap();
    /// assert_eq!((challenge.error(), challenge.scope()), (Some("insufficient_scope"), Some("read write")));
    /// assert_eq!(BearerChallenge::from_headers(&http::HeaderMap::new()), None);
    /// ```
    pub fn from_headers(headers: &HeaderMap) -> Option<BearerChallenge> {
        headers.get_all(WWW_AUTHENTICATE).iter().find_map(|value| BearerChallenge::parse(value.as_bytes()))
    }

    fn parse(text: &[u8]) -> Option<BearerChallenge> {
        let mut cursor = Cursor { text, at: 0 };
        let mut challenge: Option<BearerChallenge> = None;
        loop {
            cursor.skip_space();
            if cursor.at >= text.len() {
                return challenge;
            }
            let start = cursor.at;
            let name = cursor.token();
            if name.is_empty() {
                cursor.skip_item();
                continue;
            }
            if cursor.eat(b'=') {
                // An auth-param of the current challenge.
                cursor.skip_space();
                let value = if cursor.eat(b'"') {
                    cursor.quoted()
                } else {
                    String::from_utf8_lossy(cursor.token()).into_owned()
                };
                if let Some(current) = challenge.as_mut() {
                    current.set(name, value);
                }
                cursor.skip_item();
                continue;
            }
            // A scheme: a new challenge starts. One after Bearer ends it.
            if challenge.is_some() {
                return challenge;
            }
            if name.eq_ignore_ascii_case(b"bearer") {
                challenge = Some(BearerChallenge::default());
            } else {
                // Another scheme's token68 or first parameter follows on the same item.
                cursor.at = start + name.len();
                cursor.skip_space();
                if cursor.text.get(cursor.at).is_some_and(|byte| *byte != b',') {
                    let _ = cursor.token();
                    if !cursor.eat(b'=') {
                        cursor.skip_item();
                        continue;
                    }
                    cursor.skip_space();
                    if cursor.eat(b'"') {
                        let _ = cursor.quoted();
                    } else {
                        let _ = cursor.token();
                    }
                }
                cursor.skip_item();
            }
        }
    }

    fn set(&mut self, name: &[u8], value: String) {
        let slot = match name.to_ascii_lowercase().as_slice() {
            b"error" => &mut self.error,
            b"error_description" => &mut self.description,
            b"scope" => &mut self.scope,
            b"realm" => &mut self.realm,
            _ => return,
        };
        // RFC 6750 §3: no parameter more than once; the first one given counts.
        if slot.is_none() {
            *slot = Some(value);
        }
    }

    /// The `error` parameter: `invalid_request`, `invalid_token` or `insufficient_scope`.
    ///
    /// ```
    /// let mut headers = http::HeaderMap::new();
    /// headers.insert("www-authenticate", "Bearer realm=\"example\"".parse().unwrap());
    /// assert_eq!(auth_error_catalog::BearerChallenge::from_headers(&headers).unwrap().error(), None);
    /// ```
    pub fn error(&self) -> Option<&str> {
        self.error.as_deref()
    }

    /// The `error_description` parameter.
    pub fn description(&self) -> Option<&str> {
        self.description.as_deref()
    }

    /// The `scope` parameter: the scopes the resource needs.
    pub fn scope(&self) -> Option<&str> {
        self.scope.as_deref()
    }

    /// The `realm` parameter.
    pub fn realm(&self) -> Option<&str> {
        self.realm.as_deref()
    }

    /// The kind of the `error`, as the registry of any catalog gives it
    /// (the IANA OAuth Extensions Error Registry: `invalid_token` is
    /// unauthenticated, `insufficient_scope` a permission denied).
    pub fn kind(&self) -> Option<Kind> {
        self.registered_error().map(RegisteredError::kind)
    }

    /// The registry's record of the `error`, in the first catalog whose
    /// registry has it.
    pub(crate) fn registered_error(&self) -> Option<&'static RegisteredError> {
        let error = self.error.as_deref()?;
        crate::catalogs().find_map(|catalog| catalog.registered_error(error))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Option<BearerChallenge> {
        BearerChallenge::parse(text.as_bytes())
    }

    #[test]
    fn rfc_6750_examples() {
        let expired =
            parsed(r#"Bearer realm="example", error="invalid_token", error_description="The access token expired""#)
                .unwrap();
        assert_eq!(expired.error(), Some("invalid_token"));
        assert_eq!(expired.description(), Some("The access token expired"));
        assert_eq!(parsed(r#"Bearer realm="example""#).unwrap().realm(), Some("example"));
        let scope = parsed(r#"Bearer error="insufficient_scope", scope="openid profile""#).unwrap();
        assert_eq!((scope.error(), scope.scope()), (Some("insufficient_scope"), Some("openid profile")));
        assert_eq!(parsed("Bearer").unwrap(), BearerChallenge::default());
    }

    #[test]
    fn other_schemes_escapes_and_case() {
        let after_basic =
            parsed(r#"Basic realm="a, b", bearer ERROR=invalid_request, Error_Description="say \"hi\"""#).unwrap();
        assert_eq!(after_basic.error(), Some("invalid_request"));
        assert_eq!(after_basic.description(), Some(r#"say "hi""#));
        assert_eq!(parsed("Negotiate abc==, Basic realm=x"), None);
        // A stray quoted-string is skipped whole, commas and escaped quotes in it too.
        let stray = parsed(r#"Bearer error=x "junk, more", error_description=d"#).unwrap();
        assert_eq!(stray.description(), Some("d"));
        let escaped = parsed(r#"Bearer error=x "a\", b", error_description=d"#).unwrap();
        assert_eq!(escaped.description(), Some("d"));
        // Outside a quoted-string a backslash escapes nothing.
        assert_eq!(parsed(r#"Bearer error=x \, error_description=d"#).unwrap().description(), Some("d"));
        // The first of a repeated parameter counts, and the next scheme ends the challenge.
        let repeated = parsed("Bearer error=a, error=b, DPoP algs=\"ES256\", error=c").unwrap();
        assert_eq!(repeated.error(), Some("a"));
    }

    #[test]
    fn hostile_values_do_not_panic() {
        for text in [
            "Bearer error=\"unclosed",
            "Bearer error=\"ends in a backslash\\",
            "Bearer ,,,, =, =x, error",
            "Bearer error=\u{fffd}\u{0}",
            "\"Bearer\" error=x",
            "",
            ",",
            "Bearer error==x",
        ] {
            let _ = parsed(text);
        }
        let long = format!("Bearer error=\"{}\"", "x".repeat(8 * 1024));
        assert_eq!(parsed(&long).unwrap().error().map(str::len), Some(8 * 1024));
        let bytes = BearerChallenge::parse(b"Bearer error=\"caf\xe9\"").unwrap();
        assert_eq!(bytes.error(), Some("caf\u{fffd}"));
        assert_eq!(parsed("Bearer error=\"unclosed").unwrap().error(), Some("unclosed"));
    }
}
