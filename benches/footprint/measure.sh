#!/usr/bin/env bash
# Builds benches/footprint twice (with and without the crate), stripped, and
# prints each binary's size, the difference, and `size -A` by section.
set -euo pipefail
cd "$(dirname "$0")"
# Beside the crate's own outputs, in its target folder.
target="${CARGO_TARGET_DIR:-../../target}/footprint"
cargo build --quiet --release --target-dir "$target/without"
cargo build --quiet --release --features catalog --target-dir "$target/with"
without="$target/without/release/footprint"
with="$target/with/release/footprint"
printf 'lookup 210\nrender ABA-60004\nparse 400 {"error":"invalid_request","error_description":"missing username parameter"}\n' | "$with" >/dev/null
echo "without the crate: $(stat -c %s "$without") bytes"
echo "with the crate:    $(stat -c %s "$with") bytes"
echo "difference:        $(( $(stat -c %s "$with") - $(stat -c %s "$without") )) bytes"
echo
join -j1 <(size -A "$without" | awk 'NF == 3 && $1 ~ /^\./ {print $1, $2}' | sort) \
          <(size -A "$with" | awk 'NF == 3 && $1 ~ /^\./ {print $1, $2}' | sort) |
  awk 'BEGIN {printf "%-20s %10s %10s %10s\n", "section", "without", "with", "difference"}
       $3 != $2 {printf "%-20s %10d %10d %+10d\n", $1, $2, $3, $3 - $2}'
