#!/usr/bin/env python3
"""Parley against the GUM news subcorpus: quotes and dates.

    python3 scripts/gum-check.py PARLEY OUT_DIR [--verbose] [--gum DIR] [--no-captions]

GUM (../shared/evaldata/gum-news/, or --gum DIR) holds one article per file in
xml/ (one token per line, seven tab-separated columns, inline elements such as
<p>, <head>, <s>, <quote>, <q>, <date when=...>) and the same tokens in dep/
(CoNLL-U, whose SpaceAfter=No tells the original spacing).

1. Every article becomes one JSON Lines record (OUT_DIR/gum-news.jsonl):
   {"source": "<id>.txt", "title", "published" (dateCreated), "text"}, the text
   rebuilt from the tokens (spacing from CoNLL-U SpaceAfter=No; a punctuation
   rule when dep/ is missing or does not align), blocks (<p>, later <head>s,
   <item>, <caption>) joined with a blank line (sentences outside any block,
   as in GUM_news_flag, make one paragraph), the headline (first <head>) left
   out; captions stay where GUM puts them unless --no-captions. The
   character offsets of every <quote>, <q>, <date> and <s> are kept
   (OUT_DIR/gold.json).
2. `PARLEY extract OUT_DIR/gum-news.jsonl` > OUT_DIR/parley.jsonl. Spans there
   are byte offsets into "body"; Parley keeps a record's text as its body
   (trimmed). That is checked per article; a body that differs is aligned to
   the text with difflib and the offsets mapped.
3. Scores, written to OUT_DIR/report.txt (and the summary to standard output):
   quotes  GUM <quote> spans (quotations; GUM's <q> marks scare quotes, titles
           and mentions and is not counted), all and those of 4 words or more:
           covered when one Parley statement of kind direct or mixed overlaps
           at least 50% of the quote's characters (quote marks and edge blanks
           not counted). Uncovered ones are listed with their sentence and what
           Parley did there; Parley direct statements overlapping no GUM
           <quote> are listed too (marked when they overlap a <q>).
   dates   GUM <date when=...> spans: relaxed recall (any Parley timex overlaps)
           and value accuracy (of those found, an overlapping timex whose value
           equals `when` after normalising: seconds ':00' and time zone
           dropped, case folded). Misses and wrong values are listed.

The last line printed is
    quotes covered 0.xx (n/N); dates recall 0.xx value acc 0.xx
"""
import argparse, bisect, collections, difflib, html, json, os, re, subprocess, sys

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_GUM = os.path.normpath(os.path.join(HERE, "..", "..", "shared", "evaldata", "gum-news"))

BLOCKS = {"p", "head", "item", "caption"}
SPANS = {"quote", "q", "date", "time", "s"}
OPEN_QUOTES = {"``", "\u201c", "\u2018", "\u00ab"}
QUOTE_CHARS = "\"'\u201c\u201d\u2018\u2019\u00ab\u00bb`"
NO_SPACE_BEFORE = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...", "'s", "'S", "n't", "N'T",
                   "'ll", "'re", "'ve", "'m", "'d", "\u2019s", "n\u2019t"}
NO_SPACE_AFTER = {"(", "[", "{", "$", "#", "\u201c", "\u2018"}
REPORTING = re.compile(r"\b(said|says|say|saying|told|tells|added|adds|stated|states|explained|noted|"
                       r"wrote|writes|asked|according|claimed|claims|warned|argued|insisted|continued|"
                       r"commented|remarked|announced|declared|reported|described|called|urged)\b", re.I)


# ---------------------------------------------------------------- GUM reading

def tag_of(line):
    """('open'|'close'|'empty', name, attrs) for an element line, else None."""
    m = re.match(r"^<(/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+=\"[^\"]*\")*)\s*(/?)>$", line)
    if not m:
        return None
    attrs = {k: html.unescape(v) for k, v in re.findall(r"([\w:.-]+)=\"([^\"]*)\"", m.group(3))}
    kind = "close" if m.group(1) else ("empty" if m.group(4) else "open")
    return kind, m.group(2), attrs


def read_conllu(path):
    """[(form, space_after)] for the words of a CoNLL-U file (ranges give the spacing of their last word)."""
    words, range_end, range_space = [], -1, True
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line:
                range_end = -1  # word numbers start again with each sentence
                continue
            if line.startswith("#"):
                continue
            cols = line.split("\t")
            if len(cols) < 10:
                continue
            misc = cols[9].split("|")
            space = "SpaceAfter=No" not in misc
            if "-" in cols[0]:
                a, b = cols[0].split("-")
                range_end, range_space = int(b), space
                continue
            if "." in cols[0]:
                continue
            i = int(cols[0])
            if range_end >= 0 and i <= range_end:
                space = range_space if i == range_end else False
            words.append((cols[1], space))
    return words


def rule_spacing(tokens):
    """Space after each token by rule: none before closing punctuation and clitics, none after opening
    brackets and quotes, straight quotes alternating open/close, tokens inside <w> joined."""
    spaces = [True] * len(tokens)
    open_dq = False
    for i, t in enumerate(tokens):
        form, xpos, in_w = t["form"], t["xpos"], t["w"]
        nxt = tokens[i + 1] if i + 1 < len(tokens) else None
        if nxt is None:
            continue
        if in_w is not None and nxt["w"] == in_w:
            spaces[i] = False
        if (nxt["form"] in NO_SPACE_BEFORE or nxt["xpos"] == "POS"
                or re.match(r"^(n['\u2019]t|['\u2019](s|m|d|ll|re|ve))$", nxt["form"], re.I)):
            spaces[i] = False
        if form in NO_SPACE_AFTER or xpos == "``" and form not in ("\"", "'"):
            spaces[i] = False
        if form in ("\"",):
            if not open_dq:
                spaces[i] = False
            open_dq = not open_dq
        elif form == "'" and xpos == "``":
            spaces[i] = False
        if nxt["form"] in ("\"",) and open_dq:
            spaces[i] = False
        if nxt["form"] in ("\u201d", "\u2019") or nxt["xpos"] == "''" and nxt["form"] in ("'", "\u2019"):
            spaces[i] = False
    return spaces


def read_article(xml_path, conllu_path, captions=True):
    """The article as text with the offsets of its annotated spans."""
    with open(xml_path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    doc_attrs, tokens, elems, stack = {}, [], [], []
    block_no, w_no = 0, 0
    for line in lines:
        if not line.strip():
            continue
        if "\t" in line:
            cols = line.split("\t")
            blk = next((e for e in reversed(stack) if e["name"] in BLOCKS), None)
            w = next((e for e in reversed(stack) if e["name"] == "w"), None)
            tokens.append({"form": html.unescape(cols[0]), "xpos": cols[1] if len(cols) > 1 else "",
                           "block": blk["id"] if blk else -1, "block_name": blk["name"] if blk else "",
                           "w": w["id"] if w else None})
            continue
        t = tag_of(line.strip())
        if t is None:
            raise ValueError("%s: cannot read line %r" % (xml_path, line[:80]))
        kind, name, attrs = t
        if name == "text" and kind == "open":
            doc_attrs = attrs
            continue
        if kind == "open":
            block_no += 1
            e = {"name": name, "attrs": attrs, "start": len(tokens), "id": block_no}
            stack.append(e)
        elif kind == "close":
            for j in range(len(stack) - 1, -1, -1):
                if stack[j]["name"] == name:
                    e = stack.pop(j)
                    e["end"] = len(tokens)
                    elems.append(e)
                    break
    # spacing: CoNLL-U when it aligns, else the rule
    spacing, spacing_from = None, "rule"
    if conllu_path and os.path.exists(conllu_path):
        words = read_conllu(conllu_path)
        if len(words) == len(tokens) and all(w[0] == t["form"] for w, t in zip(words, tokens)):
            spacing, spacing_from = [w[1] for w in words], "conllu"
    if spacing is None:
        spacing = rule_spacing(tokens)
    # the headline: the first <head>
    heads = sorted((e for e in elems if e["name"] == "head"), key=lambda e: e["start"])
    headline = heads[0] if heads else None
    drop = set()
    if headline is not None:
        drop.update(range(headline["start"], headline["end"]))
    if not captions:
        for e in elems:
            if e["name"] == "caption":
                drop.update(range(e["start"], e["end"]))
    # the text
    parts, starts, ends, pos, prev_block = [], [None] * len(tokens), [None] * len(tokens), 0, None
    for i, t in enumerate(tokens):
        if i in drop:
            continue
        if prev_block is not None:
            if t["block"] != prev_block:
                sep = "\n\n"
            else:
                sep = " " if spacing[last] else ""
            parts.append(sep)
            pos += len(sep)
        starts[i] = pos
        parts.append(t["form"])
        pos += len(t["form"])
        ends[i] = pos
        prev_block, last = t["block"], i
    text = "".join(parts)
    headline_text = ""
    if headline is not None:
        hs = []
        for i in range(headline["start"], headline["end"]):
            hs.append(tokens[i]["form"] + (" " if spacing[i] and i + 1 < headline["end"] else ""))
        headline_text = "".join(hs)

    def char_span(e):
        kept = [i for i in range(e["start"], e["end"]) if starts[i] is not None]
        if not kept:
            return None
        return [starts[kept[0]], ends[kept[-1]]]

    spans = collections.defaultdict(list)
    dropped = collections.Counter()
    for e in sorted(elems, key=lambda e: (e["start"], -e["end"])):
        if e["name"] not in SPANS or e["end"] <= e["start"]:
            continue
        sp = char_span(e)
        if sp is None:
            dropped[e["name"]] += 1
            continue
        toks = [tokens[i]["form"] for i in range(e["start"], e["end"]) if starts[i] is not None]
        if re.sub(r"\s", "", text[sp[0]:sp[1]]) != re.sub(r"\s", "", "".join(toks)):
            dropped["offset_mismatch"] += 1  # a self-check: the span's text is its tokens
        rec = {"span": sp, "words": sum(1 for x in toks if re.search(r"\w", x)),
               "attrs": e["attrs"], "block_name": tokens[e["start"]]["block_name"]}
        spans[e["name"]].append(rec)
    published = doc_attrs.get("dateCreated") or None
    return {
        "id": doc_attrs.get("id") or os.path.splitext(os.path.basename(xml_path))[0],
        "title": doc_attrs.get("title") or headline_text,
        "published": published[:10] if published else None,
        "text": text,
        "spacing": spacing_from,
        "quote": spans["quote"], "q": spans["q"], "date": spans["date"], "time": spans["time"],
        "s": [r["span"] for r in spans["s"]],
        "dropped": dict(dropped),
    }


# ---------------------------------------------------------------- offsets

def byte_to_char(s):
    """A function mapping a UTF-8 byte offset in s to a character offset."""
    table = []
    for i, ch in enumerate(s):
        table.extend([i] * len(ch.encode("utf-8")))
    table.append(len(s))
    n = len(table) - 1

    def f(b):
        return table[max(0, min(b, n))]
    return f


def body_to_text(text, body):
    """A function mapping a character offset in body to one in text, and how ('same', 'trimmed', 'aligned')."""
    if body == text:
        return (lambda c: c), "same"
    lead = len(text) - len(text.lstrip())
    if body == text.strip():
        return (lambda c: c + lead), "trimmed"
    sm = difflib.SequenceMatcher(None, body, text, autojunk=False)
    blocks = [b for b in sm.get_matching_blocks() if b.size]
    a_starts = [b.a for b in blocks]

    def f(c):
        k = bisect.bisect_right(a_starts, c) - 1
        if k < 0:
            return blocks[0].b if blocks else 0
        b = blocks[k]
        if c < b.a + b.size:
            return b.b + (c - b.a)
        return b.b + b.size
    return f, "aligned"


# ---------------------------------------------------------------- scoring helpers

def core(text, span):
    """The span without edge blanks and quote marks (and a trailing ', ' before a closing mark)."""
    a, b = span
    strip = set(QUOTE_CHARS) | set(" \n\t")
    while a < b and text[a] in strip:
        a += 1
    while b > a and text[b - 1] in strip:
        b -= 1
    return [a, b] if b > a else list(span)


def overlap(x, y):
    return max(0, min(x[1], y[1]) - max(x[0], y[0]))


def sentence_of(doc, span, width=300):
    """The GUM sentences the span touches, shortened around it."""
    ss = [s for s in doc["s"] if overlap(s, span) > 0 or s[0] <= span[0] < s[1]]
    if not ss:
        a, b = span
    else:
        a, b = min(s[0] for s in ss), max(s[1] for s in ss)
    t = doc["text"][a:b].replace("\n\n", " ¶ ")
    if len(t) > width:
        t = t[: width // 2 - 3] + " ... " + t[-(width // 2 - 3):]
    return t


def short(s, n=110):
    s = s.replace("\n\n", " ¶ ").replace("\n", " ")
    return s if len(s) <= n else s[: n - 3] + "..."


def norm_value(v):
    v = (v or "").strip().upper()
    v = re.sub(r"(Z|[+-]\d\d:?\d\d)$", "", v)
    v = re.sub(r"(T\d\d:\d\d):00(\.0+)?$", r"\1", v)
    return v


def value_relation(pred, gold):
    p, g = norm_value(pred), norm_value(gold)
    if p == g:
        return "equal"
    if p and g and (g.startswith(p) or p.startswith(g)):
        return "granularity"
    if p and g and re.sub(r"^XXXX", g[:4], p) == g:
        return "year-unresolved"
    return "different"


# ---------------------------------------------------------------- main

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("parley")
    ap.add_argument("out_dir")
    ap.add_argument("--verbose", action="store_true", help="list every GUM quote and date with what Parley found")
    ap.add_argument("--gum", default=DEFAULT_GUM, help="GUM news folder (xml/, dep/)")
    ap.add_argument("--no-captions", action="store_true", help="leave figure captions out of the text")
    args = ap.parse_args()

    os.makedirs(args.out_dir, exist_ok=True)
    xml_dir, dep_dir = os.path.join(args.gum, "xml"), os.path.join(args.gum, "dep")
    docs = []
    for name in sorted(os.listdir(xml_dir)):
        if not name.endswith(".xml"):
            continue
        base = name[:-4]
        docs.append(read_article(os.path.join(xml_dir, name), os.path.join(dep_dir, base + ".conllu"),
                                 captions=not args.no_captions))
    inp = os.path.join(args.out_dir, "gum-news.jsonl")
    with open(inp, "w", encoding="utf-8") as g:
        for d in docs:
            g.write(json.dumps({"source": d["id"] + ".txt", "title": d["title"], "published": d["published"],
                                "text": d["text"]}, ensure_ascii=False) + "\n")
    with open(os.path.join(args.out_dir, "gold.json"), "w", encoding="utf-8") as g:
        json.dump([{k: v for k, v in d.items() if k != "text"} for d in docs], g, ensure_ascii=False, indent=1)

    out_path = os.path.join(args.out_dir, "parley.jsonl")
    err_path = os.path.join(args.out_dir, "parley.err")
    with open(out_path, "w", encoding="utf-8") as o, open(err_path, "w", encoding="utf-8") as e:
        rc = subprocess.run([args.parley, "extract", inp], stdout=o, stderr=e).returncode
    outputs = {}
    with open(out_path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                a = json.loads(line)
                outputs[a.get("source")] = a

    rep = []
    say = rep.append
    say("GUM news: %d articles; spacing from %s; parley exit %d; %d outputs" % (
        len(docs), ", ".join("%s %d" % kv for kv in collections.Counter(d["spacing"] for d in docs).items()),
        rc, len(outputs)))

    qstats = collections.Counter()
    dstats = collections.Counter()
    uncovered, extra, date_miss, date_wrong, verbose_lines = [], [], [], [], []
    body_how = collections.Counter()
    for d in docs:
        a = outputs.get(d["id"] + ".txt")
        text = d["text"]
        if a is None:
            body_how["missing"] += 1
            a = {"body": text, "statements": [], "timexes": []}
        body = a.get("body") or ""
        b2c = byte_to_char(body)
        c2t, how = body_to_text(text, body)
        body_how[how] += 1

        def tspan(sp):
            return [c2t(b2c(sp[0])), c2t(b2c(sp[1]))]

        stmts = []
        for s in a.get("statements") or []:
            if not s.get("span"):
                continue
            stmts.append({"span": tspan(s["span"]), "kind": s.get("kind"), "text": s.get("text") or "",
                          "speaker": ((s.get("speaker") or {}).get("name") or ""), "cue": s.get("cue") or ""})
        timexes = [{"span": tspan(x["span"]), "value": x.get("value") or "", "text": x.get("text") or "",
                    "type": x.get("type")} for x in a.get("timexes") or [] if x.get("span")]

        # quotes
        for q in d["quote"]:
            c = core(text, q["span"])
            L = max(1, c[1] - c[0])
            best, best_frac, best_any, best_any_frac = None, 0.0, None, 0.0
            for s in stmts:
                fr = overlap(c, s["span"]) / L
                if s["kind"] in ("direct", "mixed") and fr > best_frac:
                    best, best_frac = s, fr
                if fr > best_any_frac:
                    best_any, best_any_frac = s, fr
            long_ = q["words"] >= 4
            ok = best_frac >= 0.5
            qstats["all"] += 1
            qstats["all_cov"] += ok
            if long_:
                qstats["long"] += 1
                qstats["long_cov"] += ok
            if not ok and long_:
                if best_any_frac >= 0.5:
                    why = "found as %s (%.0f%%)" % (best_any["kind"], 100 * best_any_frac)
                elif best_frac > 0:
                    why = "partly covered by %s (%.0f%%)" % (best["kind"], 100 * best_frac)
                elif best_any_frac > 0:
                    why = "partly covered by %s (%.0f%%)" % (best_any["kind"], 100 * best_any_frac)
                else:
                    why = "no statement"
                marks = text[q["span"][0]:q["span"][0] + 1] in QUOTE_CHARS or text[c[0] - 1:c[0]] in QUOTE_CHARS
                sent = sentence_of(d, q["span"])
                outside = sent.replace(text[c[0]:c[1]].replace("\n\n", " ¶ "), " ")
                verb = REPORTING.search(outside)
                uncovered.append({"doc": d["id"], "words": q["words"], "why": why, "block": q["block_name"],
                                  "quote_marks": bool(marks), "reporting_word": verb.group(0) if verb else "",
                                  "quote": short(text[c[0]:c[1]], 90), "sentence": sent,
                                  "parley": (best or best_any) and {
                                      k: (best or best_any)[k] for k in ("kind", "speaker", "cue")}})
            if args.verbose:
                verbose_lines.append("  Q %-4s %s %s | %s" % ("ok" if ok else "MISS", d["id"][9:], short(text[c[0]:c[1]], 70),
                                     ("%s %.0f%% %s/%s" % (best["kind"], 100 * best_frac, best["speaker"], best["cue"]))
                                     if best else "-"))
        gold_q = [core(text, q["span"]) for q in d["quote"]]
        scare = [q["span"] for q in d["q"]]
        for s in stmts:
            if s["kind"] != "direct":
                continue
            qstats["direct"] += 1
            if not any(overlap(s["span"], g) > 0 for g in gold_q):
                qstats["direct_extra"] += 1
                sq = any(overlap(s["span"], g) > 0 for g in scare)
                qstats["direct_extra_unannotated"] += not d["quote"]
                qstats["direct_extra_q"] += sq
                extra.append({"doc": d["id"], "speaker": s["speaker"], "cue": s["cue"], "overlaps_q": sq,
                              "doc_has_quotes": bool(d["quote"]),
                              "text": short(text[s["span"][0]:s["span"][1]], 140)})

        # dates
        for dt in d["date"]:
            when = dt["attrs"].get("when")
            if not when:
                dstats["other"] += 1
                continue
            dstats["gold"] += 1
            hits = [x for x in timexes if overlap(dt["span"], x["span"]) > 0]
            gtext = text[dt["span"][0]:dt["span"][1]]
            if not hits:
                date_miss.append({"doc": d["id"], "text": gtext, "when": when, "block": dt["block_name"],
                                  "sentence": sentence_of(d, dt["span"], 160)})
                if args.verbose:
                    verbose_lines.append("  D MISS %s %r when=%s" % (d["id"][9:], gtext, when))
                continue
            dstats["found"] += 1
            rels = [(value_relation(x["value"], when), x) for x in hits]
            if any(r == "equal" for r, _ in rels):
                dstats["right"] += 1
                status = "ok"
            else:
                order = {"granularity": 0, "year-unresolved": 1, "different": 2}
                r, x = min(rels, key=lambda rx: order[rx[0]])
                dstats["wrong_" + r] += 1
                status = r
                date_wrong.append({"doc": d["id"], "text": gtext, "when": when, "relation": r,
                                   "parley": ["%s=%s" % (y["text"], y["value"]) for y in hits],
                                   "sentence": sentence_of(d, dt["span"], 160)})
            if args.verbose:
                verbose_lines.append("  D %-4s %s %r when=%s parley=%s" % (
                    status, d["id"][9:], gtext, when, ["%s=%s" % (y["text"], y["value"]) for y in hits]))
        qstats["offset_mismatch"] += d["dropped"].get("offset_mismatch", 0)
        dstats["time_elems"] += len(d["time"])
        dstats["headline_dropped"] += d["dropped"].get("date", 0)
        qstats["q_elems"] += len(d["q"])
        qstats["headline_dropped"] += d["dropped"].get("quote", 0)

    say("bodies: " + ", ".join("%s %d" % kv for kv in sorted(body_how.items())) +
        " (same/trimmed: offsets used as they are; aligned: mapped with difflib)")
    if qstats["offset_mismatch"]:
        say("WARNING: %d GUM spans whose text is not their tokens (offsets wrong)" % qstats["offset_mismatch"])

    def ratio(n, N):
        return n / N if N else 0.0

    say("")
    say("QUOTES  (GUM <quote>; %d <q> scare quotes/titles not counted; %d <quote> in the headline left out)" %
        (qstats["q_elems"], qstats["headline_dropped"]))
    say("  covered by a direct/mixed statement (>=50%% of its characters): all %d/%d = %.2f; >=4 words %d/%d = %.2f" % (
        qstats["all_cov"], qstats["all"], ratio(qstats["all_cov"], qstats["all"]),
        qstats["long_cov"], qstats["long"], ratio(qstats["long_cov"], qstats["long"])))
    say("  Parley direct statements: %d, overlapping no GUM quote: %d (%d in articles with no <quote> annotated"
        " at all, %d overlapping a GUM <q>)" % (qstats["direct"], qstats["direct_extra"],
                                                qstats["direct_extra_unannotated"], qstats["direct_extra_q"]))
    say("")
    say("  uncovered GUM quotes of >= 4 words (%d), by what Parley did:" % len(uncovered))
    for why, n in collections.Counter(re.sub(r" \(.*", "", u["why"]) for u in uncovered).most_common():
        say("    %-28s %d" % (why, n))
    for u in uncovered:
        say("  - [%s] %d words, %s; block %s; quote marks %s; reporting word %r" % (
            u["doc"][9:], u["words"], u["why"], u["block"] or "-", "yes" if u["quote_marks"] else "no",
            u["reporting_word"]))
        say("      quote:    %s" % u["quote"])
        say("      sentence: %s" % u["sentence"])
        if u["parley"]:
            say("      parley:   %s" % json.dumps(u["parley"], ensure_ascii=False))
    say("")
    say("  Parley direct statements overlapping no GUM quote (%d):" % len(extra))
    for x in extra:
        say("  - [%s] %s / %s%s%s: %s" % (x["doc"][9:], x["speaker"] or "?", x["cue"] or "?",
                                         " (overlaps a GUM <q>)" if x["overlaps_q"] else "",
                                         "" if x["doc_has_quotes"] else " (article has no <quote>)", x["text"]))

    dr = ratio(dstats["found"], dstats["gold"])
    va = ratio(dstats["right"], dstats["found"])
    say("")
    say("DATES  (GUM <date when=...>; %d <date> with from/to or notBefore/notAfter and %d <time> not scored; %d in the headline left out)" %
        (dstats["other"], dstats["time_elems"], dstats["headline_dropped"]))
    say("  relaxed recall %d/%d = %.2f; value accuracy %d/%d = %.2f (strict %d/%d = %.2f)" % (
        dstats["found"], dstats["gold"], dr, dstats["right"], dstats["found"], va,
        dstats["right"], dstats["gold"], ratio(dstats["right"], dstats["gold"])))
    say("  wrong values: granularity %d, year unresolved %d, different %d" % (
        dstats["wrong_granularity"], dstats["wrong_year-unresolved"], dstats["wrong_different"]))
    say("")
    say("  missed dates (%d):" % len(date_miss))
    for m in date_miss:
        say("  - [%s] %r when=%s block %s | %s" % (m["doc"][9:], m["text"], m["when"], m["block"] or "-", m["sentence"]))
    say("")
    say("  wrong values (%d):" % len(date_wrong))
    for w in date_wrong:
        say("  - [%s] %r when=%s %s: parley %s | %s" % (w["doc"][9:], w["text"], w["when"], w["relation"],
                                                    ", ".join(w["parley"]), w["sentence"]))
    if args.verbose:
        say("")
        say("EVERY GUM QUOTE AND DATE")
        rep.extend(verbose_lines)
    summary = "quotes covered %.2f (%d/%d); dates recall %.2f value acc %.2f" % (
        ratio(qstats["all_cov"], qstats["all"]), qstats["all_cov"], qstats["all"], dr, va)
    say("")
    say(summary)
    with open(os.path.join(args.out_dir, "report.txt"), "w", encoding="utf-8") as g:
        g.write("\n".join(rep) + "\n")
    with open(os.path.join(args.out_dir, "details.json"), "w", encoding="utf-8") as g:
        json.dump({"quotes": dict(qstats), "dates": dict(dstats), "uncovered": uncovered, "extra_direct": extra,
                   "date_misses": date_miss, "date_wrong": date_wrong}, g, ensure_ascii=False, indent=1)
    if args.verbose:
        print("\n".join(rep))
    else:
        head = [l for l in rep[:-1] if not l.startswith("  - ") and not l.startswith("      ")]
        print("\n".join(head))
        print("(lists: %s; --verbose prints them)" % os.path.join(args.out_dir, "report.txt"))
        print(summary)


if __name__ == "__main__":
    main()
