#!/usr/bin/env bash
# Layout invariance: scores Parley on each layout variant of an evaluation set
# made by ../shared/tools/variants.py, beside the original.
#
#   scripts/variants.sh PARLEY SET OUTDIR [KIND...]
#
# SET is a folder of ../shared/evaldata (text/*.txt) or ../shared/seeds; each
# line printed is "KIND end-to-end F1: X". Kinds default to all of
# variants.py's; "telex" (the whole text in capitals) is ours.
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
# telex (our own kind, not variants.py's): the whole text in capitals, as
# old telex and teletype copy is written; the gold files are copied.
telex() {
  python3 - "$1" "$2" <<'PY'
import os, shutil, sys
src, dst = sys.argv[1], sys.argv[2]
tdir = os.path.join(src, "text") if os.path.isdir(os.path.join(src, "text")) else src
odir = os.path.join(dst, "text") if tdir != src else dst
os.makedirs(odir, exist_ok=True)
if tdir != src:
    for f in os.listdir(src):
        if f.endswith(".jsonl"):
            shutil.copy(os.path.join(src, f), dst)
for f in os.listdir(tdir):
    if f.endswith(".txt"):
        with open(os.path.join(tdir, f), encoding="utf-8") as i, open(os.path.join(odir, f), "w", encoding="utf-8") as o:
            o.write(i.read().upper())
PY
}
for k in $kinds; do
  if [ "$k" = telex ]; then
    telex "$set" "$out/$k"
  else
    python3 "$shared/tools/variants.py" "$set" "$out/$k" --kind "$k" >/dev/null
  fi
  "$parley" extract $(texts "$out/$k") > "$out/$k.jsonl"
  g=$out/$k
  [ -d "$set/text" ] || g=$gold
  printf '%s %s\n' "$k" "$(python3 "$shared/tools/score_extract.py" "$g" "$out/$k.jsonl" | grep 'end-to-end F1')"
done
