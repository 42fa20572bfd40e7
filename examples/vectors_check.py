#!/usr/bin/env python3
"""Checks an error classifier, in any language, against the conformance
vectors of auth-error-catalog (`autherr vectors`, one JSON object per line,
described by schema/vectors.schema.json).

    autherr vectors | python3 examples/vectors_check.py -- autherr parse
    python3 examples/vectors_check.py --vectors vectors.jsonl -- ./my-sdk-classifier

For each case the classifier is run as

    CLASSIFIER... --status STATUS --header "NAME: VALUE" (one per header)

with the response body on standard input. It prints one JSON object on
standard output (its exit code is free: `autherr parse` exits 1 for a
response with nothing readable). Every member of the case's `expected`
must be in that object with an equal value; members the case does not
expect are ignored. Numbers compare by value (30 equals 30.0).

Standard library only. Exit 0 when every case passes, 1 when one fails, 2
on usage errors or a classifier that prints no JSON.
"""

import argparse
import json
import subprocess
import sys


def run(classifier, case, timeout):
    response = case["response"]
    command = list(classifier) + ["--status", str(response["status"])]
    for name, value in response["headers"]:
        command += ["--header", f"{name}: {value}"]
    completed = subprocess.run(
        command,
        input=response["body"].encode("utf-8"),
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        timeout=timeout,
        check=False,
    )
    try:
        return json.loads(completed.stdout.decode("utf-8"))
    except ValueError as error:
        stderr = completed.stderr.decode("utf-8", "replace").strip()
        raise SystemExit(f"{case['name']}: the classifier printed no JSON ({error}); exit {completed.returncode}: {stderr}")


def differences(expected, answered):
    for member, value in expected.items():
        if member not in answered:
            yield f"{member}: expected {json.dumps(value)}, missing"
        elif answered[member] != value:
            yield f"{member}: expected {json.dumps(value)}, got {json.dumps(answered[member])}"


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vectors", default="-", help="the JSON Lines file; standard input by default")
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per case")
    parser.add_argument("classifier", nargs=argparse.REMAINDER, help="-- then the classifier and its arguments")
    arguments = parser.parse_args()
    classifier = arguments.classifier[1:] if arguments.classifier[:1] == ["--"] else arguments.classifier
    if not classifier:
        parser.error("give the classifier after --, e.g. -- autherr parse")
    source = sys.stdin if arguments.vectors == "-" else open(arguments.vectors, encoding="utf-8")
    cases = [json.loads(line) for line in source if line.strip()]
    if not cases:
        parser.error("no vectors read")
    failed = 0
    compared = 0
    for case in cases:
        answered = run(classifier, case, arguments.timeout)
        found = list(differences(case["expected"], answered))
        compared += len(case["expected"])
        if found:
            failed += 1
            print(f"FAIL {case['name']} ({case['source']})")
            for line in found:
                print(f"     {line}")
    print(f"{len(cases)} cases, {compared} expected members compared, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
