#!/usr/bin/env python3
"""Writes src/bin/autherr/real_bodies.rs: every body named in expected.txt,
embedded for `autherr vectors`. Run from the repository root, then
`cargo fmt`; tests/vectors.rs checks the two agree."""
import pathlib

root = pathlib.Path(__file__).resolve().parents[2]
expected = root / "tests/data/bodies/expected.txt"
files = [line.split()[0] for line in expected.read_text().splitlines() if line.strip() and not line.startswith("#")]
head = (root / "src/bin/autherr/real_bodies.rs").read_text().split("pub const BODIES")[0]
lines = [head + "pub const BODIES: &[(&str, &[u8])] = &["]
lines += [f'    ("{name}", include_bytes!("../../../tests/data/bodies/{name}")),' for name in files]
lines.append("];\n")
(root / "src/bin/autherr/real_bodies.rs").write_text("\n".join(lines))
