#!/usr/bin/env python3
"""meantime-timex.py OUT_DIR [MEANTIME_DIR] [--full-text]: turn the MEANTIME English corpus into the
two files of a timex gold set, so that score_timex.py scores parley on it unchanged:

  OUT_DIR/input.jsonl         one {"source": "<doc_id>.txt", "title", "published", "text"} per document
  OUT_DIR/timexes.gold.jsonl  one {"doc", "text", "start", "end", "type", "value"} per TIMEX3

MEANTIME_DIR defaults to ../shared/evaldata/meantime-en/intra-doc_annotation beside the repository (its
corpus_*/*.xml files are read). Each file is tokenized text (<token t_id sentence>) and,
under <Markables>, TIMEX3 elements anchored to tokens.

- Only sentences 0-5 are annotated in MEANTIME (headline, date line and the first four
  sentences of the body; no markable lies further on), so "text" stops after sentence 5:
  timexes found further on would count as false positives. --full-text keeps the whole
  article (for reading; its precision is then meaningless).
- Sentence 0 is the headline: it becomes "title" and is left out of "text".
- Sentence 1 is the date line: the TIMEX3 with functionInDocument="CREATION_TIME" covers it
  exactly in 118 of the 120 documents; in the other two a plain DATE timex with a full
  YYYY-MM-DD value covers it. That value is "published" (the date line's own reading where
  the two disagree: two documents); the line and its timex are left out.
  A document with no such line keeps sentence 1 in its text and gets no "published".
- The tokens are detokenized: no space before , . ; : ? ! ) ] % ... 's n't 're and the like,
  none after ( [ or a currency sign before a number; `` '' and " become " (opening or
  closing by position), ` and ' single quotes likewise; "/" joins its neighbours.
- MEANTIME keeps no paragraph breaks, so each sentence is its own paragraph ("\\n\\n"
  between sentences): closer to news layout (mostly one- or two-sentence paragraphs) than
  one block of 20-40 sentences. A "*" list bullet also starts a paragraph.
- Gold offsets are in characters of "text" (score_timex.py turns the predicted byte spans
  into characters before comparing); every span is checked against its tokens.
- A TIMEX3 with no token anchors (an implicit time) is skipped, and so are timexes in the
  headline or the date line. Type and value are copied as given.
"""
import glob, json, os, re, sys
from collections import Counter
from xml.etree import ElementTree as ET

DEFAULT_SRC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "shared", "evaldata", "meantime-en", "intra-doc_annotation")
# MEANTIME annotates sentences 0-5 only (headline, date line, four body sentences): no
# TIMEX3 anchors past sentence 5 in the 120 files, and no markable at all but for two
# VALUEs in sentence 6 of one file (which then keeps sentence 6)
ANNOTATED = 5

# tokens that attach to the token before them
ATTACH_LEFT = {",", ".", ";", ":", "?", "!", ")", "]", "}", "%", "...", "n't", "'s", "'re", "'ve",
               "'ll", "'m", "'d", "'S", "N'T"}
# tokens that attach to the token after them
ATTACH_RIGHT = {"(", "[", "{"}
# what follows an apostrophe written as a token of its own ("they ' re", "Anna ’ s")
CLITIC_TAILS = {"s", "t", "re", "ve", "ll", "m", "d"}
CURRENCY = re.compile(r"^(?:[A-Z]{0,3}\$|£|€|¥|#)$")


def is_word(tok):
    return bool(tok) and tok[-1].isalnum()


def detokenize(toks, sents):
    """toks: token strings; sents: their sentence numbers. Returns (text, spans) with
    spans[i] = (start, end) of token i in text."""
    n = len(toks)
    out = []      # pieces of output
    spans = []
    pos = 0
    dq_open = False   # a double quote is open
    dq_since = 0      # the sentence that opened it
    sq_open = False   # a single quote is open
    glue_next = False  # the previous token asked for no space after it
    for i, tok in enumerate(toks):
        prev = toks[i - 1] if i else None
        nxt = toks[i + 1] if i + 1 < n else None
        form = tok
        space = i > 0 and not glue_next
        glue_next = False
        was_open = dq_open

        if tok in ("``", "\u201c"):
            form = '"' if tok == "``" else tok
            dq_open, glue_next = True, True
        elif tok in ("''", "\u201d"):
            form = '"' if tok == "''" else tok
            # '' with no quote open, after "that" or ":" or at the start, opens one
            if not dq_open and (prev is None or prev in (":", "that", "(")):
                dq_open, glue_next = True, True
            else:
                dq_open, space = False, False
        elif tok == '"':
            if dq_open:
                dq_open, space = False, False
            else:
                dq_open, glue_next = True, True
        elif tok.startswith("''") and len(tok) > 2:
            # ''X' : an opening quote fused to the next word
            form = '"' + tok[2:]
            dq_open = True
        elif tok == "`":
            form = "'"
            sq_open, glue_next = True, True
        elif tok in ("'", "\u2019"):
            if nxt in CLITIC_TAILS and prev is not None and is_word(prev):
                space, glue_next = False, True          # Anna’s, they're
            elif sq_open:
                sq_open, space = False, False            # closing single quote
            elif prev is not None and (is_word(prev) or prev in (".", ",", "?", "!")):
                space = False                            # the Smiths' (possessive) or a close
            else:
                sq_open, glue_next = True, True          # opening single quote
        elif re.match(r"^'[A-Za-z]", tok) and tok not in ATTACH_LEFT:
            if prev == "O":
                space = False                            # O 'Hara
            else:
                sq_open = True                           # 'word' opens a quote
        elif tok in ATTACH_LEFT:
            space = False
        elif tok in ATTACH_RIGHT:
            glue_next = True
        elif tok == "/":
            space, glue_next = False, True
        elif tok == "-":
            if nxt in ("and", "or") and prev is not None and is_word(prev) and not prev.isdigit():
                space = False                            # pre- and post-war
        elif tok == "+" and prev is not None and prev[-1:].isdigit():
            space = False                                # 40+ hours
        elif CURRENCY.match(tok) and nxt is not None and nxt[:1].isdigit():
            glue_next = True                             # US$5
        # a word ending in an apostrophe runs into the next one (I' ve, O' Hara)
        if re.match(r"^\W*[A-Za-z]+'$", tok) and nxt is not None and nxt[:1].isalpha():
            glue_next = True

        if i > 0 and space:
            # a new sentence starts a paragraph, unless it goes on with a quote
            # opened in the last few sentences; a "*" bullet always does
            new_par = (sents[i] != sents[i - 1] and not (was_open and sents[i] - dq_since <= 3)) or tok == "*"
            sep = "\n\n" if new_par else " "
            out.append(sep)
            pos += len(sep)
        if dq_open and not was_open:
            dq_since = sents[i]
        spans.append((pos, pos + len(form)))
        out.append(form)
        pos += len(form)
    return "".join(out), spans


MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august",
          "september", "october", "november", "december"]


def line_date(line):
    """'March 05 , 2010' -> '2010-03-05'; None when the line is not such a date."""
    m = re.match(r"^([A-Za-z]+) (\d{1,2}) , (\d{4})$", line.strip())
    if not m or m.group(1).lower() not in MONTHS:
        return None
    return f"{m.group(3)}-{MONTHS.index(m.group(1).lower()) + 1:02d}-{int(m.group(2)):02d}"


def squash(s):
    return re.sub(r"\s+", "", s)


def convert(path, stats, full=False):
    root = ET.parse(path).getroot()
    doc = root.get("doc_id") or os.path.basename(path).split("_")[0]
    toks = [t for t in root.iter("token")]
    idx = {t.get("t_id"): i for i, t in enumerate(toks)}
    sent = [int(t.get("sentence")) for t in toks]
    words = [t.text or "" for t in toks]
    by_sent = {}
    for i, s in enumerate(sent):
        by_sent.setdefault(s, []).append(i)

    timexes = []
    for tx in root.find("Markables").findall("TIMEX3"):
        anchors = sorted(idx[a.get("t_id")] for a in tx.findall("token_anchor"))
        timexes.append((tx, anchors))

    # the date line: sentence 1, covered exactly by the creation time (or a full date)
    s1 = by_sent.get(1, [])
    dct = None
    for tx, anchors in timexes:
        if tx.get("functionInDocument") == "CREATION_TIME":
            dct = (tx, anchors)
    if dct is None or dct[1] != s1:
        if dct is not None:
            stats["creation time not the date line"] += 1
        for tx, anchors in timexes:
            if anchors and anchors == s1 and tx.get("type") == "DATE" and re.match(r"^\d{4}-\d\d-\d\d$", tx.get("value") or ""):
                dct = (tx, anchors)
                stats["date line from a plain DATE timex"] += 1
                break
    if dct is not None and dct[1] == s1 and s1:
        published = dct[0].get("value")
        # two creation times disagree with their own date line (one is written
        # DD-MM-YYYY, one is ten days off while the document's relative dates follow
        # the line): the line, when it reads as a date, wins
        shown = line_date(" ".join(words[i] for i in s1))
        if shown and shown != published:
            published = shown
            stats["creation time value mended from the date line"] += 1
        skip_sents = {0, 1}
    else:
        published = dct[0].get("value") if dct is not None else ""
        skip_sents = {0}
        stats["no date line"] += 1

    title_toks = by_sent.get(0, [])
    title, _ = detokenize([words[i] for i in title_toks], [0] * len(title_toks))
    # only the headline and the first sentences are annotated (see ANNOTATED)
    last = max([ANNOTATED] + [sent[idx[a.get("t_id")]] for m in root.find("Markables")
                              for a in m.findall("token_anchor")])
    if last > ANNOTATED:
        stats["annotation runs on to sentence %d" % last] += 1
    body = [i for i in range(len(toks)) if sent[i] not in skip_sents and (full or sent[i] <= last)]
    if not full and max(by_sent) > last:
        stats["documents cut after their annotated sentences"] += 1
    text, spans = detokenize([words[i] for i in body], [sent[i] for i in body])
    where = {tok_i: k for k, tok_i in enumerate(body)}

    gold = []
    for tx, anchors in timexes:
        if not anchors:
            stats["skipped: no token anchors"] += 1
            continue
        if dct is not None and tx is dct[0] and 1 in skip_sents:
            stats["skipped: date line"] += 1
            continue
        if all(sent[i] in skip_sents for i in anchors):
            stats["skipped: in headline" if all(sent[i] == 0 for i in anchors) else "skipped: in date line"] += 1
            continue
        assert all(i in where for i in anchors), (path, tx.get("m_id"))
        assert anchors == list(range(anchors[0], anchors[-1] + 1)), (path, tx.get("m_id"), "gap")
        a, b = spans[where[anchors[0]]][0], spans[where[anchors[-1]]][1]
        span_text = text[a:b]
        expect = "".join(text[spans[where[i]][0]:spans[where[i]][1]] for i in anchors)
        assert squash(span_text) == squash(expect) and a < b, (path, span_text, expect)
        gold.append(dict(doc=doc, text=span_text, start=a, end=b, type=tx.get("type"), value=tx.get("value")))
    gold.sort(key=lambda g: (g["start"], g["end"]))
    for g in gold:
        assert text[g["start"]:g["end"]] == g["text"]
    rec = dict(source=doc + ".txt", title=title, published=published, text=text)
    return rec, gold


def main():
    args = [a for a in sys.argv[1:] if a != "--full-text"]
    full = len(args) < len(sys.argv) - 1
    if not args or args[0] in ("-h", "--help"):
        sys.exit(__doc__)
    out = args[0]
    src = args[1] if len(args) > 1 else DEFAULT_SRC
    files = sorted(glob.glob(os.path.join(src, "corpus_*", "*.xml")))
    if not files:
        sys.exit(f"no corpus_*/*.xml under {src}")
    os.makedirs(out, exist_ok=True)
    stats = Counter()
    seen = set()
    ngold = 0
    with open(os.path.join(out, "input.jsonl"), "w", encoding="utf-8") as fin, \
         open(os.path.join(out, "timexes.gold.jsonl"), "w", encoding="utf-8") as fg:
        for path in files:
            rec, gold = convert(path, stats, full)
            assert rec["source"] not in seen, rec["source"]
            seen.add(rec["source"])
            fin.write(json.dumps(rec, ensure_ascii=False) + "\n")
            for g in gold:
                fg.write(json.dumps(g, ensure_ascii=False) + "\n")
            ngold += len(gold)
    print(f"{len(files)} documents, {ngold} gold timexes", file=sys.stderr)
    for k, v in sorted(stats.items()):
        print(f"  {k}: {v}", file=sys.stderr)


if __name__ == "__main__":
    main()
