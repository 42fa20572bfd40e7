//! What every API's `Code` enum offers: the [`ErrorCode`] trait, and the
//! macro that gives each generated enum its methods and trait impls.

use core::fmt::{Debug, Display};
use core::hash::Hash;
use core::str::FromStr;

use http::StatusCode;

use crate::api::Api;
use crate::catalog::{Catalog, Entry};
use crate::kind::Kind;

/// The common interface of `app_native::Code`, `auth0::Code`,
/// `authos::Code` and `registration::Code`, for code that works over any API.
///
/// ```
/// use auth_error_catalog::{ErrorCode, Kind};
///
/// fn retryable_codes<C: ErrorCode>() -> Vec<&'static str> {
///     C::all().iter().filter(|code| code.retryable()).map(|code| code.as_str()).collect()
/// }
///
/// let codes = retryable_codes::<auth_error_catalog::authos::Code>();
/// assert!(codes.contains(&"RATE_LIMIT_EXCEEDED"));
///
/// // Every `Code` parses from its wire text, with one error type.
/// fn kind_of<C: ErrorCode>(wire: &str) -> Result<Kind, auth_error_catalog::UnknownCode> {
///     Ok(wire.parse::<C>()?.kind())
/// }
/// assert_eq!(kind_of::<auth_error_catalog::authos::Code>("TOKEN_EXPIRED"), Ok(Kind::TokenExpired));
/// assert!(kind_of::<auth_error_catalog::auth0::Code>("TOKEN_EXPIRED").is_err());
/// ```
pub trait ErrorCode:
    Copy + Eq + Hash + Ord + Debug + Display + Send + Sync + 'static + Into<&'static str> + FromStr<Err = UnknownCode>
{
    /// The API the codes belong to.
    const API: Api;

    /// The API's catalog.
    ///
    /// ```
    /// use auth_error_catalog::{Api, ErrorCode, registration};
    /// assert_eq!(registration::Code::catalog().api(), Api::Registration);
    /// ```
    fn catalog() -> &'static Catalog;

    /// Every code, in catalog order.
    fn all() -> &'static [Self];

    /// The code a wire text names, if the catalog has it.
    fn from_wire(wire: &str) -> Option<Self>;

    /// The code's catalog entry.
    fn entry(self) -> &'static Entry;

    /// The code exactly as sent on the wire.
    fn as_str(self) -> &'static str {
        self.entry().code()
    }

    /// The HTTP status a service sends the error with.
    fn http_status(self) -> StatusCode {
        self.entry().http_status()
    }

    /// The short message or title.
    fn message(self) -> &'static str {
        self.entry().message()
    }

    /// The description template.
    fn description(self) -> &'static str {
        self.entry().description()
    }

    /// What the caller should do, where known.
    fn resolution(self) -> Option<&'static str> {
        self.entry().resolution()
    }

    /// The cross-API kind.
    fn kind(self) -> Kind {
        self.entry().kind()
    }

    /// Whether repeating the request later can succeed.
    fn retryable(self) -> bool {
        self.entry().retryable()
    }
}

/// The error returned when a wire text names no code of an API.
///
/// ```
/// use auth_error_catalog::authos::Code;
///
/// let err = "NO_SUCH_CODE".parse::<Code>().unwrap_err();
/// assert_eq!(err.to_string(), "`NO_SUCH_CODE` is not a code of the authos catalog");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct UnknownCode {
    /// The API whose catalog was searched.
    pub api: Api,
    /// The text that was looked up.
    pub wire: String,
}

impl Display for UnknownCode {
    fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
        write!(f, "`{}` is not a code of the {} catalog", self.wire, self.api)
    }
}

impl std::error::Error for UnknownCode {}

/// Gives a generated `Code` enum its methods and trait impls. The generated
/// file names one variant and its wire code for the documentation examples.
macro_rules! error_code {
    (module: $module:ident, api: $api:ident, example: $example:ident = $wire:literal $(,)?) => {
        impl Code {
            #[doc = concat!(
                "The number of codes.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n",
                "assert_eq!(Code::COUNT, Code::ALL.len());\n```"
            )]
            pub const COUNT: usize = Self::ALL.len();

            #[doc = concat!(
                "The code a wire text names, through a perfect-hash table built at compile time.\n\n```\n",
                "use auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "assert_eq!(Code::from_wire(", stringify!($wire), "), Some(Code::", stringify!($example), "));\n",
                "assert_eq!(Code::from_wire(\"no such code\"), None);\n```"
            )]
            // One copy per API, however many callers: the lookup inlined in
            // it is a `match` on the length with a perfect hash in its arms.
            #[inline(never)]
            pub fn from_wire(wire: &str) -> Option<Code> {
                Code::lookup(wire)
            }

            #[doc = concat!(
                "The code's catalog entry.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "assert_eq!(Code::", stringify!($example), ".entry().variant(), \"", stringify!($example), "\");\n```"
            )]
            pub fn entry(self) -> &'static $crate::Entry {
                &ENTRIES[self as usize]
            }

            #[doc = concat!(
                "The code exactly as sent on the wire.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "assert_eq!(Code::", stringify!($example), ".as_str(), ", stringify!($wire), ");\n```"
            )]
            pub fn as_str(self) -> &'static str {
                self.entry().code()
            }

            #[doc = concat!(
                "The HTTP status a service sends the error with.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "let status = Code::", stringify!($example), ".http_status();\n",
                "assert!(status.is_client_error() || status.is_server_error());\n```"
            )]
            pub fn http_status(self) -> http::StatusCode {
                self.entry().http_status()
            }

            #[doc = concat!(
                "The short message or title.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "assert!(!Code::", stringify!($example), ".message().is_empty());\n```"
            )]
            pub fn message(self) -> &'static str {
                self.entry().message()
            }

            #[doc = concat!(
                "The description template, with `{{name}}` placeholders.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "let code = Code::", stringify!($example), ";\n",
                "for name in code.entry().placeholders() {\n",
                "    assert!(code.description().contains(&format!(\"{{{{{name}}}}}\")));\n}\n```"
            )]
            pub fn description(self) -> &'static str {
                self.entry().description()
            }

            #[doc = concat!(
                "What the caller should do, where the source documents say.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "if let Some(resolution) = Code::", stringify!($example), ".resolution() {\n    assert!(!resolution.is_empty());\n}\n```"
            )]
            pub fn resolution(self) -> Option<&'static str> {
                self.entry().resolution()
            }

            #[doc = concat!(
                "The cross-API kind.\n\n```\nuse auth_error_catalog::{", stringify!($module), "::Code, Kind};\n\n",
                "assert!(Kind::ALL.contains(&Code::", stringify!($example), ".kind()));\n```"
            )]
            pub fn kind(self) -> $crate::Kind {
                self.entry().kind()
            }

            #[doc = concat!(
                "Whether repeating the same request later can succeed.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "let retryable: Vec<Code> = Code::ALL.into_iter().filter(|code| code.retryable()).collect();\n",
                "assert!(retryable.len() < Code::COUNT);\n```"
            )]
            pub fn retryable(self) -> bool {
                self.entry().retryable()
            }

            #[doc = concat!(
                "Iterates over every code, in catalog order.\n\n```\nuse auth_error_catalog::", stringify!($module), "::Code;\n\n",
                "assert_eq!(Code::iter().count(), Code::COUNT);\n```"
            )]
            pub fn iter() -> core::iter::Copied<core::slice::Iter<'static, Code>> {
                Self::ALL.iter().copied()
            }
        }

        impl core::fmt::Display for Code {
            /// Writes the wire code.
            fn fmt(&self, f: &mut core::fmt::Formatter<'_>) -> core::fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl core::str::FromStr for Code {
            type Err = $crate::UnknownCode;

            /// Parses a wire code, as [`Code::from_wire`] does.
            fn from_str(wire: &str) -> Result<Code, $crate::UnknownCode> {
                Code::from_wire(wire).ok_or_else(|| $crate::UnknownCode {
                    api: $crate::Api::$api,
                    wire: wire.to_owned(),
                })
            }
        }

        impl From<Code> for &'static str {
            fn from(code: Code) -> &'static str {
                code.as_str()
            }
        }

        impl From<Code> for http::StatusCode {
            fn from(code: Code) -> http::StatusCode {
                code.http_status()
            }
        }

        impl $crate::ErrorCode for Code {
            const API: $crate::Api = $crate::Api::$api;

            fn catalog() -> &'static $crate::Catalog {
                &CATALOG
            }

            fn all() -> &'static [Code] {
                &Self::ALL
            }

            fn from_wire(wire: &str) -> Option<Code> {
                Code::from_wire(wire)
            }

            fn entry(self) -> &'static $crate::Entry {
                Code::entry(self)
            }
        }

        impl strum::EnumCount for Code {
            const COUNT: usize = Code::COUNT;
        }

        impl strum::VariantArray for Code {
            const VARIANTS: &'static [Code] = &Code::ALL;
        }

        impl strum::IntoEnumIterator for Code {
            type Iterator = core::iter::Copied<core::slice::Iter<'static, Code>>;

            fn iter() -> Self::Iterator {
                Code::iter()
            }
        }
    };
}

pub(crate) use error_code;
