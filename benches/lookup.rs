//! Lookup from wire text and numbers: the crate's perfect-hash tables beside
//! the baselines the performance target names (a generated `match` on the
//! same keys, `FxHashMap`) and phf's own SipHash-based lookup.
//!
//! Each benchmark cycles through a fixed, shuffled mix of hits and near
//! misses, one non-inlined lookup per iteration, so criterion's time is the
//! time of one lookup. Run: `cargo bench --bench lookup`.

use std::hint::black_box;
use std::time::Instant;

use auth_error_catalog::{app_native, auth0, authos, registration};
use criterion::{Criterion, criterion_group, criterion_main};

type Group<'a> = criterion::BenchmarkGroup<'a, criterion::measurement::WallTime>;
use rustc_hash::FxHashMap;

mod baselines {
    include!(concat!(env!("OUT_DIR"), "/lookup_baselines.rs"));
}

/// Hits and near misses (last byte changed), shuffled by a fixed LCG.
fn workload(keys: &[&'static str]) -> Vec<String> {
    let mut texts: Vec<String> = keys.iter().map(|key| (*key).to_owned()).collect();
    for key in keys {
        let mut miss = key.to_string();
        let last = miss.pop().map_or('x', |c| if c == 'x' { 'y' } else { 'x' });
        miss.push(last);
        texts.push(miss);
    }
    let mut state: u64 = 0x2545_f491_4f6c_dd1d;
    for i in (1..texts.len()).rev() {
        state = state.wrapping_mul(6_364_136_223_846_793_005).wrapping_add(1);
        texts.swap(i, (state >> 33) as usize % (i + 1));
    }
    texts
}

struct PhfBaseline {
    state: phf_generator::HashState,
    keys: &'static [&'static str],
}

impl PhfBaseline {
    fn new(keys: &'static [&'static str]) -> Self {
        PhfBaseline { state: phf_generator::generate_hash(keys), keys }
    }

    #[inline(never)]
    fn get(&self, key: &str) -> Option<usize> {
        let hashes = phf_shared::hash(key, &self.state.key);
        let index = phf_shared::get_index(&hashes, &self.state.disps, self.state.map.len());
        let position = self.state.map[index as usize];
        (self.keys[position] == key).then_some(position)
    }
}

fn fx_map(keys: &'static [&'static str]) -> FxHashMap<&'static str, u16> {
    keys.iter().enumerate().map(|(index, key)| (*key, index as u16)).collect()
}

#[inline(never)]
fn fx_get(map: &FxHashMap<&'static str, u16>, key: &str) -> Option<u16> {
    map.get(key).copied()
}

/// `FxHashMap::get` as one non-inlined call, as each crate lookup is.
#[inline(never)]
fn fx_get_key<K: std::hash::Hash + Eq>(map: &FxHashMap<K, u16>, key: &K) -> Option<u16> {
    map.get(key).copied()
}

#[inline(never)]
fn binary_search(sorted: &[u32], number: u32) -> Option<usize> {
    sorted.binary_search(&number).ok()
}

/// Times one lookup: each sample runs the whole workload, and the elapsed
/// time is divided by its length, so the loop's cost is shared out.
fn bench_each<W, T>(group: &mut Group<'_>, name: &str, workload: &[W], lookup: impl Fn(&W) -> T) {
    group.bench_function(name, |b| {
        b.iter_custom(|iterations| {
            let start = Instant::now();
            for _ in 0..iterations {
                for item in workload {
                    black_box(lookup(black_box(item)));
                }
            }
            start.elapsed() / workload.len() as u32
        })
    });
}

fn string_lookups(c: &mut Criterion) {
    string_lookup(
        "app_native",
        c,
        baselines::APP_NATIVE_KEYS,
        baselines::app_native_match,
        app_native::Code::from_wire,
    );
    string_lookup("auth0", c, baselines::AUTH0_KEYS, baselines::auth0_match, auth0::Code::from_wire);
    string_lookup("authos", c, baselines::AUTHOS_KEYS, baselines::authos_match, authos::Code::from_wire);
    string_lookup(
        "registration",
        c,
        baselines::REGISTRATION_KEYS,
        baselines::registration_match,
        registration::Code::from_wire,
    );
}

/// One API's lookups from text. The crate's is called as the baselines
/// are: through a function pointer, one non-inlined call (`from_wire` is
/// `#[inline(never)]`).
fn string_lookup<C>(
    api: &str,
    c: &mut Criterion,
    keys: &'static [&'static str],
    generated_match: fn(&str) -> Option<u16>,
    crate_lookup: fn(&str) -> Option<C>,
) {
    let owned = workload(keys);
    let texts: Vec<&str> = owned.iter().map(String::as_str).collect();
    let fx = fx_map(keys);
    let phf = PhfBaseline::new(keys);
    for &text in &texts {
        let expected = generated_match(text).is_some();
        assert_eq!(crate_lookup(text).is_some(), expected, "{api}: {text}");
        assert_eq!(fx_get(&fx, text).is_some(), expected);
        assert_eq!(phf.get(text).is_some(), expected);
    }
    let mut group = c.benchmark_group(format!("lookup_str/{api}"));
    bench_each(&mut group, "crate_perfect_hash", &texts, |k| crate_lookup(k));
    bench_each(&mut group, "generated_match", &texts, |k| generated_match(k));
    bench_each(&mut group, "fx_hash_map", &texts, |k| fx_get(&fx, k));
    bench_each(&mut group, "phf_siphash", &texts, |k| phf.get(k));
    group.finish();
}

#[inline(never)]
fn crate_number(number: u32) -> Option<registration::Code> {
    registration::Code::from_number(number)
}

#[inline(never)]
fn crate_resolve(number: u32) -> Option<registration::Code> {
    registration::Code::resolve(number)
}

fn number_lookups(c: &mut Criterion) {
    let numbers: Vec<u32> = registration::Code::ALL.iter().filter_map(|code| code.entry().number()).collect();
    let mut workload: Vec<u32> = numbers.iter().flat_map(|n| [*n, n + 1]).collect();
    workload.sort_by_key(|n| n.wrapping_mul(2_654_435_761));
    let fx: FxHashMap<u32, u16> = numbers.iter().enumerate().map(|(i, n)| (*n, i as u16)).collect();
    let mut sorted = numbers.clone();
    sorted.sort_unstable();
    let mut group = c.benchmark_group("lookup_number/registration");
    for &number in &workload {
        let expected = fx_get_key(&fx, &number).is_some();
        assert_eq!(crate_number(number).is_some(), expected, "{number}");
        assert_eq!(binary_search(&sorted, number).is_some(), expected, "{number}");
    }
    bench_each(&mut group, "crate_from_number", &workload, |n| crate_number(*n));
    bench_each(&mut group, "fx_hash_map", &workload, |n| fx_get_key(&fx, n));
    bench_each(&mut group, "binary_search", &workload, |n| binary_search(&sorted, *n));
    bench_each(&mut group, "crate_resolve_with_catch_all", &workload, |n| crate_resolve(*n));
    group.finish();
}

#[inline(never)]
fn crate_pair(error: &str, description: &str) -> Option<auth0::Code> {
    auth0::Code::from_pair(error, description)
}

fn pair_lookups(c: &mut Criterion) {
    let pairs: Vec<(&'static str, &'static str)> = auth0::Code::ALL
        .iter()
        .map(|code| (code.entry().code(), code.entry().description()))
        .filter(|(_, description)| !description.contains("{{"))
        .collect();
    let fx: FxHashMap<(&str, &str), u16> = pairs.iter().enumerate().map(|(i, pair)| (*pair, i as u16)).collect();
    for pair in &pairs {
        assert_eq!(crate_pair(pair.0, pair.1).map(|code| code.entry().description()), Some(pair.1));
        assert!(fx_get_key(&fx, pair).is_some());
    }
    let mut group = c.benchmark_group("lookup_pair/auth0");
    bench_each(&mut group, "crate_perfect_hash_exact", &pairs, |(e, d)| crate_pair(e, d));
    bench_each(&mut group, "fx_hash_map", &pairs, |pair| fx_get_key(&fx, pair));
    let blocked = [("too_many_attempts", "Your account has been blocked after multiple consecutive login attempts.")];
    bench_each(&mut group, "crate_template_match", &blocked, |(e, d)| crate_pair(e, d));
    group.finish();
}

#[path = "support/shared.rs"]
#[allow(dead_code)] // the render floor is for benches/wire.rs
mod support;

criterion_group! {
    name = benches;
    config = support::config();
    targets = string_lookups, number_lookups, pair_lookups
}
criterion_main!(benches);
