"""Russian word stress by silero-stress, for comparison with Bishop's.

usage: silero_stress_marks.py <unpacked silero-stress wheel dir>  (sentences on stdin, one per line)
Prints one JSON line per input line: silero's text with '+' before each stressed vowel.
"""
import json
import sys

sys.path.insert(0, sys.argv[1])
from silero_stress import load_accentor  # noqa: E402

accentor = load_accentor()
for line in sys.stdin:
    print(json.dumps(accentor(line.rstrip("\n")), ensure_ascii=False), flush=True)
