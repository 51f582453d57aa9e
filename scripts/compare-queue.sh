#!/usr/bin/env bash
# compare-queue.sh PARLEY PG_URL DOSSIER INPUT...
#
# Ingests INPUT... twice: plainly into a new SQLite file, and through the
# job queue on PostgreSQL (parley ingest --enqueue, then two
# `parley worker --until-idle` at once). Fails unless both hold the same
# articles (by content hash, with the same statement counts) and
# `parley positions --format json` gives exactly the same cells. Article ids
# are the stores' own surrogate keys (the queue stores in whatever order the
# workers finish), so they are replaced by content hashes before comparing.
set -euo pipefail
parley=$1 url=$2 dossier=$3
shift 3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

"$parley" ingest --quiet --db "$tmp/plain.db" "$@" >"$tmp/plain.out"
"$parley" ingest --db "$url" --enqueue "$@"
start=$(date +%s.%N)
"$parley" worker --db "$url" --until-idle >"$tmp/w1.out" &
w1=$!
"$parley" worker --db "$url" --until-idle >"$tmp/w2.out" &
w2=$!
wait "$w1"
wait "$w2"
end=$(date +%s.%N)
cat "$tmp/w1.out" "$tmp/w2.out"

for side in plain queue; do
	db="$tmp/plain.db"
	[ "$side" = queue ] && db=$url
	"$parley" articles --db "$db" --limit 10000 --format json >"$tmp/$side.articles.json"
	"$parley" positions --db "$db" --dossier "$dossier" --format json >"$tmp/$side.positions.json"
done
python3 - "$tmp" "$start" "$end" <<'PY'
import json, sys
tmp, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
def load(side):
    arts = json.load(open(f"{tmp}/{side}.articles.json"))
    ids = {a["id"]: a["content_hash"] for a in arts}
    summary = sorted((a["content_hash"], a["source"], a["published"], a["statements"]) for a in arts)
    def norm(x):
        if isinstance(x, dict):
            return {k: (ids.get(v, f"?{v}") if k == "article_id" else norm(v)) for k, v in x.items()}
        if isinstance(x, list):
            return [norm(v) for v in x]
        return x
    pos = norm(json.load(open(f"{tmp}/{side}.positions.json")))
    return summary, pos
a_plain, p_plain = load("plain")
a_queue, p_queue = load("queue")
ok = True
if a_plain != a_queue:
    ok = False
    print("FAIL: articles differ:", set(a_plain) ^ set(a_queue))
if p_plain != p_queue:
    ok = False
    print("FAIL: positions differ")
    print(json.dumps(p_plain, indent=1)[:3000])
    print(json.dumps(p_queue, indent=1)[:3000])
cells = len(p_plain) if isinstance(p_plain, list) else 0
print(f"queue comparison: {len(a_plain)} articles, {cells} position cells, identical: {p_plain == p_queue}; two workers took {end-start:.1f}s ({len(a_queue)/(end-start):.1f} articles/s)")
sys.exit(0 if ok else 1)
PY
