#!/usr/bin/env bash
# Layout invariance: scores Parley on each layout variant of an evaluation set
# made by ../shared/tools/variants.py, beside the original.
#
#   scripts/variants.sh PARLEY SET OUTDIR [KIND...]
#
# SET is a folder of ../shared/evaldata (text/*.txt) or ../shared/seeds; each
# line printed is "KIND end-to-end F1: X". Kinds default to all of them.
set -euo pipefail
parley=$1 set=$2 out=$3; shift 3
shared=${PARLEY_SHARED:-$(cd "$(dirname "$0")/../.." && pwd)/shared}
kinds=${*:-wrap indent crlf straight caps signoff all}
mkdir -p "$out"
gold=$set
[ -d "$set/text" ] || gold=$shared/evaldata/$(basename "$set")
texts() { if [ -d "$1/text" ]; then echo "$1"/text/*.txt; else echo "$1"/*.txt; fi; }
"$parley" extract $(texts "$set") > "$out/original.jsonl"
printf 'original %s\n' "$(python3 "$shared/tools/score_extract.py" "$gold" "$out/original.jsonl" | grep 'end-to-end F1')"
for k in $kinds; do
  python3 "$shared/tools/variants.py" "$set" "$out/$k" --kind "$k" >/dev/null
  "$parley" extract $(texts "$out/$k") > "$out/$k.jsonl"
  g=$out/$k
  [ -d "$set/text" ] || g=$gold
  printf '%s %s\n' "$k" "$(python3 "$shared/tools/score_extract.py" "$g" "$out/$k.jsonl" | grep 'end-to-end F1')"
done
