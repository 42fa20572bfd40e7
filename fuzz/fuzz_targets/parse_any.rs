#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| auth_error_catalog_fuzz::checks::parse_any(data));
