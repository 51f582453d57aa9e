#!/usr/bin/env bash
# bench-queue.sh PARLEY PG_URL_BASE INPUT_DIR
#
# Articles per second for: a plain SQLite ingest; the queue on SQLite (one
# worker); the queue on PostgreSQL with one and with two worker processes.
# PG_URL_BASE is a server URL whose user may create databases; each run gets
# a fresh one. Prints one line per measurement.
set -euo pipefail
parley=$1 base=$2 input=$3
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
n=$(find "$input" -type f | wc -l)
now() { date +%s.%N; }
rate() { python3 -c "import sys; print(f'{int(sys.argv[1])/(float(sys.argv[3])-float(sys.argv[2])):.1f} articles/s ({float(sys.argv[3])-float(sys.argv[2]):.1f}s)')" "$n" "$1" "$2"; }
newdb() { psql -q "$base" -c "CREATE DATABASE $1" >/dev/null; echo "$base" | sed -E "s#/[^/?]*(\?|$)#/$1\1#"; }

t0=$(now); "$parley" ingest --quiet --db "$tmp/plain.db" "$input" >/dev/null; t1=$(now)
echo "sqlite plain ingest, $n articles: $(rate "$t0" "$t1")"

"$parley" ingest --db "$tmp/queue.db" --enqueue "$input" >/dev/null
t0=$(now); "$parley" worker --db "$tmp/queue.db" --until-idle >/dev/null; t1=$(now)
echo "sqlite queue, 1 worker, $n articles: $(rate "$t0" "$t1")"

for workers in 1 2; do
	db=$(newdb "bench_$$_$workers")
	"$parley" ingest --db "$db" --enqueue "$input" >/dev/null
	t0=$(now)
	pids=()
	for _ in $(seq "$workers"); do
		"$parley" worker --db "$db" --until-idle >/dev/null &
		pids+=($!)
	done
	for p in "${pids[@]}"; do wait "$p"; done
	t1=$(now)
	echo "postgres queue, $workers worker(s), $n articles: $(rate "$t0" "$t1")"
done
