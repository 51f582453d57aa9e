#!/usr/bin/env python3
"""gen-articles.py DIR N: writes N short invented wire reports (one .txt each)
for queue and throughput tests; every one differs in its numbers."""
import os, sys
out, n = sys.argv[1], int(sys.argv[2])
os.makedirs(out, exist_ok=True)
for i in range(n):
    day = 1 + i % 27
    with open(os.path.join(out, f"r{i:06d}.txt"), "w") as f:
        f.write(f"""Harbour talks round {i} ends, envoy says

PORTVILLE, March {day}, 2031. /NAP/. The harbour talks ended round {i} on Monday, envoy Piotr Lind told reporters in Portville.

"We are ready to sign clause {i}," he said. Minister Ana Sol said the port fees of berth {i} would fall by {i % 40} percent next year.

Talks between Ruritania and Freedonia on the harbour treaty resumed in Vienna last week after a pause of {i % 9 + 2} months. "Nobody wants the quota to rise," a Freedonian delegate said on condition of anonymity. Lind added that a deal on customs could follow "within weeks".
""")
