#!/usr/bin/env python3
"""Layout invariance of records kept as given, without gold.

    scripts/records-invariance.py PARLEY SET OUTDIR [KIND...]

SET is a folder of ../shared/evaldata holding input.jsonl (a "text" per
record), or a folder of *.txt files (each made into one record). Each layout
variant made by ../shared/tools/variants.py (--force: the records' text is
re-laid out too) is read by `PARLEY extract`, and what it reads is compared
with what it reads from the original records: per record, the statements
(speaker, kind, text, date), the time expressions (text, value) and the
mentions (text, actor), texts compared with white space folded and quotes
made straight. A record's text is kept byte for byte, so offsets differ
between layouts; nothing else may. Prints one line per kind:

    KIND: D of N statements, D of N time expressions, D of N mentions differ

and exits 1 when any kind differs in more than 1% of the statements.
"""
import collections, json, os, re, subprocess, sys, tempfile

QUOTES = str.maketrans({"\u201c": '"', "\u201d": '"', "\u201e": '"', "\u2018": "'", "\u2019": "'"})


def norm(s):
    return re.sub(r"\s+", " ", (s or "").translate(QUOTES)).strip().lower()


def records(set_dir, out_path):
    """Writes set_dir's records (input.jsonl, or one per *.txt) to out_path."""
    inp = os.path.join(set_dir, "input.jsonl")
    with open(out_path, "w", encoding="utf-8") as g:
        if os.path.exists(inp):
            with open(inp, encoding="utf-8") as f:
                for line in f:
                    if line.strip():
                        g.write(line if line.endswith("\n") else line + "\n")
            return
        tdir = os.path.join(set_dir, "text")
        if not os.path.isdir(tdir):
            tdir = set_dir
        for name in sorted(os.listdir(tdir)):
            if name.endswith(".txt"):
                with open(os.path.join(tdir, name), encoding="utf-8", newline="") as f:
                    g.write(json.dumps({"source": name, "text": f.read()}, ensure_ascii=False) + "\n")


def reading(parley, path):
    out = subprocess.run([parley, "extract", path], capture_output=True, text=True, check=False).stdout
    docs = {}
    for line in out.splitlines():
        a = json.loads(line)
        docs[a["source"]] = a
    return docs


def counters(a):
    st = collections.Counter((norm(s["speaker"]["name"]), s["kind"], norm(s["text"]), s.get("date") or "") for s in a["statements"])
    tx = collections.Counter((norm(x["text"]), x["value"]) for x in a["timexes"])
    me = collections.Counter((norm(m["text"]), norm(m.get("actor"))) for m in a["mentions"])
    return st, tx, me


def diff(a, b):
    return sum((a - b).values()) + sum((b - a).values())


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    parley, set_dir, out = sys.argv[1], sys.argv[2], sys.argv[3]
    kinds = sys.argv[4:] or ["wrap", "indent", "crlf", "straight", "all"]
    here = os.path.dirname(os.path.abspath(__file__))
    shared = os.environ.get("PARLEY_SHARED") or os.path.join(here, "..", "..", "shared")
    os.makedirs(out, exist_ok=True)
    records(set_dir, os.path.join(out, "original.jsonl"))
    base = reading(parley, os.path.join(out, "original.jsonl"))
    failed = False
    for kind in kinds:
        vdir = os.path.join(out, kind)
        subprocess.run([sys.executable, os.path.join(shared, "tools", "variants.py"), set_dir, vdir, "--kind", kind, "--force"],
                       check=True, capture_output=True)
        records(vdir, os.path.join(out, kind + ".jsonl"))
        got = reading(parley, os.path.join(out, kind + ".jsonl"))
        if len(got) != len(base):
            print(f"{kind}: {len(got)} records read, {len(base)} in the original")
            failed = True
            continue
        n = [0, 0, 0]
        d = [0, 0, 0]
        for src, a in base.items():
            b = got.get(src, {"statements": [], "timexes": [], "mentions": []})
            for i, (x, y) in enumerate(zip(counters(a), counters(b))):
                n[i] += sum(x.values())
                d[i] += diff(x, y)
        print(f"{kind}: {d[0]} of {n[0]} statements, {d[1]} of {n[1]} time expressions, {d[2]} of {n[2]} mentions differ")
        if d[0] * 100 > n[0]:
            failed = True
    sys.exit(1 if failed else 0)


if __name__ == "__main__":
    main()
