//! What the benches share: criterion settings, and the render floor that
//! `benches/wire.rs` and `examples/instruction_count.rs` compare with: an
//! app-native `ABA-60004` body written as static fragments, with only the
//! two values escaped, in runs, as serde_json escapes.

const HEX: &[u8; 16] = b"0123456789abcdef";

fn escape(out: &mut Vec<u8>, text: &str) {
    let bytes = text.as_bytes();
    let mut start = 0;
    for (index, &byte) in bytes.iter().enumerate() {
        let escaped: &[u8] = match byte {
            b'"' => b"\\\"",
            b'\\' => b"\\\\",
            0..=0x1f => &[b'\\', b'u', b'0', b'0', HEX[usize::from(byte >> 4)], HEX[usize::from(byte & 15)]],
            _ => continue,
        };
        out.extend_from_slice(&bytes[start..index]);
        out.extend_from_slice(escaped);
        start = index + 1;
    }
    out.extend_from_slice(&bytes[start..]);
}

/// Appends the body of `ABA-60004` for `authenticator_id` and `trace_id`.
#[inline(never)]
pub fn hand_written(out: &mut Vec<u8>, authenticator_id: &str, trace_id: &str) {
    out.extend_from_slice(
        br#"{"code":"ABA-60004","message":"Invalid authenticatorId.","description":"Provided authenticatorId "#,
    );
    escape(out, authenticator_id);
    out.extend_from_slice(br#" is invalid.","traceId":""#);
    escape(out, trace_id);
    out.extend_from_slice(br#""}"#);
}

/// Criterion settings shared by the benches: short, so CI can run them once.
#[allow(dead_code)]
pub fn config() -> criterion::Criterion {
    criterion::Criterion::default()
        .warm_up_time(std::time::Duration::from_millis(500))
        .measurement_time(std::time::Duration::from_secs(2))
        .sample_size(50)
}
