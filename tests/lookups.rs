//! Lookups both ways for every code of every API, and Registration's catch-alls.

use auth_error_catalog::{Api, ErrorCode, Kind, Match, app_native, auth0, authos, registration};

/// Every code survives `as_str` → `from_wire`, `Display` → `FromStr`, and its entry agrees.
fn round_trips<C: ErrorCode + std::str::FromStr>()
where
    C::Err: std::fmt::Debug,
{
    assert_eq!(C::all().len(), C::API.catalog().entries().len());
    for (index, &code) in C::all().iter().enumerate() {
        let entry = code.entry();
        assert_eq!(entry.index(), index);
        assert_eq!(entry.api(), C::API);
        assert_eq!(code.as_str(), entry.code());
        assert_eq!(code.to_string(), entry.code());
        assert_eq!(format!("{code:?}"), entry.variant());
        let wire: &'static str = code.into();
        assert_eq!(wire, entry.code());
        assert_eq!(C::API.catalog().find(entry.code()).map(|e| e.code()), Some(entry.code()));
        let status = code.http_status();
        assert!(status.is_client_error() || status.is_server_error(), "{code}: {status}");
        assert_eq!(code.kind(), entry.kind());
        assert_eq!(code.retryable(), entry.retryable());
        assert_eq!(code.message(), entry.message());
        assert_eq!(code.description(), entry.description());
        assert_eq!(code.resolution(), entry.resolution());
        for placeholder in entry.placeholders() {
            assert!(entry.description().contains(&format!("{{{{{placeholder}}}}}")), "{code}");
        }
    }
}

#[test]
fn every_code_round_trips_through_its_wire_text() {
    round_trips::<app_native::Code>();
    round_trips::<authos::Code>();
    round_trips::<registration::Code>();
    // Auth0 codes repeat: the wire text finds the generic entry of that `error`.
    round_trips_shared::<auth0::Code>();
}

fn round_trips_shared<C: ErrorCode>() {
    for &code in C::all() {
        let found = C::from_wire(code.as_str()).expect("every error string is found");
        assert_eq!(found.as_str(), code.as_str());
        assert!(found.entry().is_generic(), "{code:?}");
        let generic: Vec<&C> =
            C::all().iter().filter(|other| other.as_str() == code.as_str() && other.entry().is_generic()).collect();
        assert_eq!(generic, [&found]);
        // A wildcard matches any text, so it classifies as the generic entry does.
        if code.entry().description() == format!("{{{{{}}}}}", code.entry().placeholders().first().unwrap_or(&"")) {
            assert_eq!((found.kind(), found.retryable()), (code.kind(), code.retryable()), "{code:?}");
        }
    }
}

#[test]
fn unique_wire_codes_map_to_distinct_codes() {
    for api in Api::ALL {
        let catalog = api.catalog();
        for entry in catalog.entries() {
            let found = catalog.find(entry.code()).expect("found");
            if api != Api::Auth0 {
                assert!(std::ptr::eq(found, entry), "{api} {}", entry.code());
            }
        }
    }
}

#[test]
fn app_native_codes_are_found_with_and_without_the_prefix_and_by_number() {
    for code in app_native::Code::ALL {
        let entry = code.entry();
        let number = entry.number().expect("every app-native code is numeric");
        assert_eq!(app_native::Code::from_number(number), Some(code));
        assert_eq!(app_native::Code::from_wire(&number.to_string()), Some(code));
        if number == 401 {
            assert_eq!(entry.code(), "401");
        } else {
            assert_eq!(entry.code(), format!("ABA-{number}"));
        }
    }
    assert_eq!(app_native::Code::from_wire("ABA-401"), None);
    assert_eq!(app_native::Code::from_wire("AD-60001"), None);
    assert_eq!(app_native::Code::from_wire("aba-60004"), None);
}

#[test]
fn app_native_statuses_follow_the_code_ranges() {
    for code in app_native::Code::ALL {
        let number = code.entry().number().unwrap();
        let expected = match number {
            401 => 401,
            60006 => 501,
            60001..=60999 => 400,
            65001..=65999 => 500,
            other => panic!("unexpected app-native code {other}"),
        };
        assert_eq!(code.http_status().as_u16(), expected, "{code}");
    }
}

/// `from_number` indexes a table over Registration's span of numbers: every
/// number inside it, at its edges and far past it answers as a scan of the
/// catalog does.
#[test]
fn every_number_near_the_registration_span_gives_the_catalog_answer() {
    let scan = |number: u32| registration::Code::ALL.iter().copied().find(|code| code.entry().number() == Some(number));
    let numbers = (0..2_000).chain([u32::MAX, u32::MAX - 1, 1 << 31, 100u32.wrapping_sub(101)]);
    for number in numbers {
        assert_eq!(registration::Code::from_number(number), scan(number), "{number}");
    }
}

#[test]
fn registration_codes_are_found_by_number_text_and_name() {
    for code in registration::Code::ALL {
        let entry = code.entry();
        let number = entry.number().unwrap();
        assert_eq!(registration::Code::from_number(number), Some(code));
        assert_eq!(registration::Code::from_wire(&number.to_string()), Some(code));
        assert_eq!(registration::Code::resolve(number), Some(code));
        let name = entry.name().expect("every Registration code has a name");
        let by_name = registration::Code::from_wire(name).unwrap();
        // 214 and 352 share `password_unacceptable`; the name finds the first.
        assert_eq!(by_name.entry().name(), Some(name));
        assert!(by_name <= code);
    }
    assert_eq!(registration::Code::from_wire("password_unacceptable").map(|c| c.as_str()), Some("214"));
    assert_eq!(registration::Code::from_number(352).and_then(|c| c.entry().name()), Some("password_unacceptable"));
}

#[test]
fn registration_catch_alls() {
    use registration::Code;
    let resolved = |number: u32| Code::resolve(number).map(|code| code.as_str());
    assert_eq!(resolved(218), Some("210"));
    assert_eq!(Code::resolve(218).and_then(Code::parent).map(|c| c.as_str()), Some("200"));
    assert_eq!(resolved(199), Some("100"));
    assert_eq!(resolved(229), Some("200"));
    assert_eq!(resolved(355), Some("340"));
    assert_eq!(resolved(379), Some("360"));
    assert_eq!(resolved(399), Some("390"));
    assert_eq!(resolved(309), Some("300"));
    assert_eq!(resolved(599), Some("500"));
    assert_eq!(resolved(419), None, "4xx has no catch-all: there is no code 400 or 410");
    assert_eq!(resolved(99), None);
    assert_eq!(resolved(u32::MAX), None);

    // The parent of every code is a catch-all: a multiple of 10, and a lower number.
    for code in Code::ALL {
        let number = code.entry().number().unwrap();
        if let Some(parent) = code.parent() {
            let parent_number = parent.entry().number().unwrap();
            assert!(parent_number < number && parent_number % 10 == 0, "{number} → {parent_number}");
            assert_eq!(Some(parent.entry().number().unwrap()), code.entry().parent().and_then(|p| p.number()));
        } else {
            let without_catch_all =
                Api::Registration.catalog().ranges().iter().any(|r| r.contains(number) && r.catch_all().is_none());
            assert!(number % 100 == 0 || without_catch_all, "only the hundreds and the 4xx codes are roots: {number}");
        }
    }
    assert_eq!(Code::from_number(205).and_then(Code::parent), Some(Code::InvalidArgument));
    assert_eq!(Code::from_number(341).and_then(Code::parent).map(|c| c.as_str()), Some("340"));
    assert_eq!(Code::from_number(340).and_then(Code::parent).map(|c| c.as_str()), Some("300"));
}

#[test]
fn registration_statuses_are_both_recorded() {
    let catalog = Api::Registration.catalog();
    assert_eq!(catalog.wire_status().map(|s| s.as_u16()), Some(200));
    let status = |number| registration::Code::from_number(number).unwrap().http_status().as_u16();
    assert_eq!(status(210), 401);
    assert_eq!(status(510), 429);
    assert_eq!(status(480), 503);
}

#[test]
fn auth0_pairs_templates_and_error_strings() {
    use auth0::Code;
    for code in Code::ALL {
        let entry = code.entry();
        if entry.placeholders().is_empty() {
            assert_eq!(Code::from_pair(entry.code(), entry.description()), Some(code), "{code:?}");
        } else {
            // Fill every placeholder with text that contains no literal part of the template.
            let mut filled = entry.description().to_owned();
            for name in entry.placeholders() {
                filled = filled.replace(&format!("{{{{{name}}}}}"), "X9");
            }
            assert_eq!(Code::from_pair(entry.code(), &filled), Some(code), "{filled}");
        }
    }
    assert_eq!(Code::from_pair("invalid_grant", "Wrong email or password."), Some(Code::WrongEmailOrPassword));
    assert_eq!(Code::from_pair("invalid_grant", "Some other reason"), Some(Code::InvalidGrant));
    // A generic wildcard takes any text; a generic with a documented description only that.
    assert_eq!(Code::from_pair("invalid_request", "missing username parameter "), Some(Code::InvalidRequest));
    assert_eq!(Code::from_pair("mfa_required", "Multifactor authentication required "), None);
    assert_eq!(Code::from_pair("not_an_error", "missing username parameter"), None);
    // Two templates fill this text; the one with more literal text is the more specific.
    let both = "Unexpected response while calling the SMS gateway:  (Code: )";
    assert_eq!(Code::from_pair("sms_provider_error", both), Some(Code::SmsGatewayUnexpectedResponse));
    assert_eq!(Code::from_pair("sms_provider_error", "Quota (Code: 21)"), Some(Code::SmsProviderError));
    assert_eq!(Code::from_wire("bad.connection").map(|c| c.entry().code()), Some("bad.connection"));
}

#[test]
fn kinds_are_spread_over_the_taxonomy() {
    let used: std::collections::BTreeSet<Kind> = auth_error_catalog::entries().map(|entry| entry.kind()).collect();
    for kind in [
        Kind::InvalidRequest,
        Kind::InvalidCredentials,
        Kind::TokenExpired,
        Kind::PermissionDenied,
        Kind::NotFound,
        Kind::Conflict,
        Kind::RateLimited,
        Kind::Internal,
        Kind::MfaRequired,
        Kind::NotImplemented,
    ] {
        assert!(used.contains(&kind), "no entry of kind {kind}");
    }
    for entry in auth_error_catalog::entries() {
        if entry.kind() == Kind::RateLimited && entry.api() != Api::AppNative {
            assert!(entry.retryable(), "{} {}", entry.api(), entry.code());
        }
    }
}

#[test]
fn strum_traits_agree_with_the_inherent_api() {
    use strum::{EnumCount, IntoEnumIterator, VariantArray};
    assert_eq!(<authos::Code as EnumCount>::COUNT, authos::Code::COUNT);
    assert_eq!(<authos::Code as IntoEnumIterator>::iter().count(), authos::Code::COUNT);
    assert_eq!(authos::Code::VARIANTS, &authos::Code::ALL[..]);
}

#[test]
fn near_misses_are_not_found() {
    for api in Api::ALL {
        let catalog = api.catalog();
        for entry in catalog.entries() {
            let code = entry.code();
            for miss in [
                format!("{code} "),
                format!(" {code}"),
                code.to_lowercase() + "x",
                String::new(),
                code[..code.len() - 1].to_owned(),
            ] {
                if let Some(found) = catalog.find(&miss) {
                    // A shorter code may exist on its own (e.g. "401" inside no other); it must then match exactly.
                    assert_eq!(
                        found.code().trim_start_matches(catalog.code_prefix().unwrap_or("")),
                        miss.trim_start_matches(catalog.code_prefix().unwrap_or(""))
                    );
                }
            }
        }
    }
}

/// A lookup compares every byte: changing any one byte of any key finds
/// nothing, or the entry whose wire text is exactly the changed text.
#[test]
fn every_byte_of_a_key_counts() {
    for api in Api::ALL {
        let catalog = api.catalog();
        let prefix = catalog.code_prefix().unwrap_or("");
        for entry in catalog.entries() {
            let texts =
                [Some(entry.code()), entry.name(), entry.code().strip_prefix(prefix).filter(|_| !prefix.is_empty())];
            for text in texts.into_iter().flatten() {
                for position in 0..text.len() {
                    for replacement in [b'0', b'_', b'Z', b'a', b'.'] {
                        let mut bytes = text.as_bytes().to_vec();
                        if bytes[position] == replacement {
                            continue;
                        }
                        bytes[position] = replacement;
                        let changed = String::from_utf8(bytes).unwrap();
                        if let Some(found) = catalog.find(&changed) {
                            let exact = [Some(found.code()), found.name(), found.code().strip_prefix(prefix)];
                            assert!(
                                exact.contains(&Some(changed.as_str())),
                                "{api}: {changed:?} found {}",
                                found.code()
                            );
                        }
                    }
                }
            }
        }
    }
}

#[test]
fn registered_codes_without_an_entry_get_the_registrys_kind_not_the_statuss() {
    let catalog = Api::Auth0.catalog();
    let registered = catalog.registered_errors();
    assert!(registered.len() >= 29, "the IANA registry as of 2025-02-04 has 29 codes");
    assert!(registered.windows(2).all(|pair| pair[0].code() < pair[1].code()), "sorted, for the binary search");
    let mut without_entry = 0;
    for record in registered {
        assert_eq!(catalog.registered_error(record.code()).map(|found| found.code()), Some(record.code()));
        // HTTP 500 would imply `internal`, not retryable: the registry must win over it.
        let body = format!(r#"{{"error":"{}","error_description":"d"}}"#, record.code());
        let received = auth0::Received::parse(body.as_bytes(), Some(http::StatusCode::INTERNAL_SERVER_ERROR)).unwrap();
        match received.code() {
            // A code with an entry is classified by the entry, and known.
            Some(code) => {
                assert!(matches!(received.matched(), Match::Generic | Match::Wildcard), "{code:?}");
                let generic = auth0::Code::from_wire(record.code()).map(|generic| generic.kind());
                assert_eq!(received.kind(), generic);
            }
            None => {
                without_entry += 1;
                assert_eq!(received.matched(), Match::Unknown);
                assert_eq!((received.kind(), received.retryable()), (Some(record.kind()), record.retryable()));
                assert!(received.registered_error().is_some());
            }
        }
    }
    assert!(without_entry >= 10, "{without_entry}");
    assert!(catalog.registered_error("not_registered").is_none());
    assert!(catalog.registered_error("").is_none());
    let unregistered =
        auth0::Received::parse(br#"{"error":"not_registered"}"#, Some(http::StatusCode::BAD_GATEWAY)).unwrap();
    assert_eq!(unregistered.kind(), Some(Kind::Unavailable), "the status decides when nothing else does");
}
