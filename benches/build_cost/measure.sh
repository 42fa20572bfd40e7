#!/usr/bin/env bash
# Builds benches/build_cost from scratch with `cargo build --timings` (pass
# `--release` for the release profile) and prints the seconds of each unit
# the crate brings: the library, its build script (compiled and run) and its
# build-only dependencies, as the timings report gives them.
set -euo pipefail
cd "$(dirname "$0")"
# The crate is a path dependency here, which cargo would build incrementally;
# from crates.io it never is, so neither is it here.
export CARGO_INCREMENTAL=0
target="${CARGO_TARGET_DIR:-../../target}/build_cost"
rm -rf "$target"
cargo build --quiet --timings "$@" --target-dir "$target"
report="$(ls -t "$target"/cargo-timings/cargo-timing-*.html | head -n 1)"
# Build-only: in the crate's tree with its build dependencies, not without.
deps() { cargo tree --quiet -p auth-error-catalog -e "$1" --prefix none | sed 's/ v.*//' | sort -u; }
build_only="$(comm -13 <(deps normal) <(deps normal,build) | tr '\n' ' ')"
python3 - "$report" "$build_only" <<'PY'
import json, re, sys
html = open(sys.argv[1]).read()
units = json.loads(re.search(r"const UNIT_DATA = (\[.*?\]);\n", html, re.S).group(1))
build_only = set(sys.argv[2].split())
total = 0.0
for unit in units:
    mine = unit["name"] == "auth-error-catalog" or unit["name"] in build_only
    if mine:
        print(f'{unit["duration"]:6.2f} s  {unit["name"]} {unit.get("target", "").strip() or "lib"}')
        total += unit["duration"]
print(f"{total:6.2f} s  in all (the whole build: {sum(unit['duration'] for unit in units):.1f} s of units)")
PY
