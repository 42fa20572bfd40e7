#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| auth_error_catalog_fuzz::checks::validate_catalog(data));
