#!/bin/sh
# wordlist.sh DIR: rebuilds DIR/words.txt.gz and DIR/names.txt.gz from
# Debian's wamerican word list (see internal/text/wordlist/PROVENANCE.md).
set -eu
dir=${1:-internal/text/wordlist}
src=/usr/share/dict/american-english
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
grep -v "'s\$" "$src" | grep "^[a-z][a-z'-]*\$" | LC_ALL=C sort -u > "$tmp/lower"
grep -v "'s\$" "$src" | grep '^[A-Z]' | tr 'A-Z' 'a-z' | LC_ALL=C sort -u > "$tmp/caps"
LC_ALL=C comm -12 "$tmp/lower" "$tmp/caps" > "$tmp/both"
gzip -9 -n -c "$tmp/lower" > "$dir/words.txt.gz"
gzip -9 -n -c "$tmp/both" > "$dir/names.txt.gz"
cp /usr/share/doc/wamerican/copyright "$dir/LICENSE"
