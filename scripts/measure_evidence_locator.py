"""Would a learned evidence locator let the learned reader fill in questions the rules tie no answer? Measure only.

The reader (``answers.below_the_line``) fills in a question the rules read ``other`` for want of wording or of an
answer with the learned reader's sure reading of the question's own answer, or of the words beside it
(``parser._answer_beside``). On fifteen blind batches (``scripts/measure_treatment_classifier.py``'s readings,
each batch read by the reader of the day it was measured blind), 86 found questions are still ``other`` with
nothing to read: no passage, nothing beside. Their evidence is elsewhere in the letter (a refusal naming the
question, a table, a general paragraph). This script measures a *locator*: for such a question it scores every
sentence of the letter (``parser.clean_lines``, each line cut by ``decision.sentences``, the questions' own words
left out), takes the likeliest, lets the treatment model read it and fills in only where that reading is sure
(every treatment over one half) and not ``other``, as the reader does.

Features of a (question, sentence) pair: the sentence names the question's number ("question 3", "Q3",
"questions 1 to 4", "3." or "(3)" at its start) or only other questions' numbers; the share of the question's
content words in it; the treatment model's highest non-``other`` probability on it and whether it is sure of a
treatment; where it stands (after the question, before the next question, distance in lines, before the first
or after the last question, share of the letter); whether it is boilerplate (``decision.relied_on_lines`` empty);
its length. One logistic regression, trained for each blind batch only on the tuning letters of the batches
labelled before it (``ORDER``): their questions as today's rules find them (``learned.off()``), aligned with the
labels; positives are the sentences holding the labelled evidence's first 60 normalised characters (or that
evidence's opening, for a shorter sentence). The treatment model a sentence's features come from, and that reads
the located sentence, is the one trained (as ``measure_treatment_classifier`` trains it) on the batches before
the sentence's own batch; a blind batch's is trained on the batches before it. Held-back letters are never read.

Reported per blind batch and in total, over the 86 (``target``) and over all 1,261 labelled answered questions:
filled, filled as labelled, filled otherwise, losses (filled where the rules were right; none can be, they read
``other``), the locator's hit rate (the picked sentence holds the evidence) and the ceiling (some sentence does);
beside a baseline: the first sentence after the question's line the model is sure of (not ``other``).
Ways of filling (``filled/as labelled/otherwise/losses``): ``sent``, the locator's likeliest sentence (the design
fixed before any blind result was seen); ``line``, that sentence's whole line; ``sure``, the locator's likeliest
among the sentences the model is sure of; ``sure50``, the same where the locator gives it over one half; ``base``,
the baseline. ``line``, ``sure`` and ``sure50`` were added after the ``sent`` results were seen, so they are not
blind in the strict sense. A question both a target and ``shared`` counts as a target.

Stop 28, measured while ``_answer_beside`` still took the next line (dropped since, so there are a few more targets
now; not re-run) (86 targets, 59 with the evidence among the sentences, the locator's pick holding it for 27): sent 49/29/20/4,
line 47/28/19/3, sure 85/47/38/11, sure50 73/43/30/5, base 72/36/36/8. Shared (390): changed/gains/losses sent
103/29/46, sure 157/37/87, sure50 140/32/77, named (sent, only where the sentence names the question's number)
2/2/0: the located sentence reads shared responses worse than the shared reading.

Second experiment (``shared``): found questions whose reading comes from a shared response (empty passage,
non-empty ``relied_on``): the located sentence's sure reading in place of the shared one, gains and losses apart.

    PYTHONPATH=. .venv/bin/python scripts/measure_evidence_locator.py [--work /tmp/mtc3] [--cache /tmp/loc-cache]
        [--show]

``--work`` is a directory of ``measure_treatment_classifier.py --work`` readings (fresh4.json ... fresh18.json);
its readings are not made here. A few minutes (today's rules read every tuning letter once; cached with --cache).
"""

from __future__ import annotations

import argparse
import json
import math
import pickle
import re
import sys
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from measure_treatment_classifier import BLIND, ORDER, records  # noqa: E402

EVIDENCE_CHARS = 60
_STOP_WORDS = (
    "the and for that this with from your have has had will would which what when where who how many much any "
    "all are was were been being into onto about over under than then there their them they you our out per "
    "each such also please provide information request requested details number numbers held hold data year "
    "years total copy copies list including include within between regarding relating related"
)
STOP = set(_STOP_WORDS.split())


def norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text.lower())).strip()


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text).strip()


def content(text: str) -> set[str]:
    return {w for w in norm(text).split() if len(w) >= 4 and w not in STOP and not w.isdigit()}


# --- the letters ------------------------------------------------------------------------------------------------


def letter_sentences(path: Path) -> tuple[list[tuple[int, str]], int]:
    """Each sentence of the letter (line by line, as the reader cleans them) with its line's index."""
    from foi_precedent.letters import decision, parser
    from foi_precedent.letters.sources import read_document

    lines = parser.clean_lines(read_document(path).text)
    return [(i, s) for i, line in enumerate(lines) for s in decision.sentences(line)], len(lines)


def question_lines(sents: list[tuple[int, str]], text: str) -> list[int]:
    """The lines the question's opening words stand on (the request quoted, the answer restating it)."""
    head = flat(text)[:30].lower()
    if len(head) < 10:
        return []
    return sorted({i for i, s in sents if head in flat(s).lower()})


def is_question(sentence: str, questions: list[str]) -> bool:
    s = flat(sentence).lower()
    if len(s) < 4:
        return True
    for q in questions:
        fq = flat(q).lower()
        if len(s) >= 10 and s in fq or len(fq) >= 10 and fq[:30] in s:
            return True
    return False


_NAMED = re.compile(
    r"\b(?:questions?|q|requests?|parts?|points?|items?|nos?\.?|numbers?)\s*"
    r"((?:\(?\d{1,2}[a-z]?\)?(?:\s*(?:,|and|&|to|-|\u2013|or)\s*)?)+)",
    re.I,
)
_START = re.compile(r"^\s*(?:q\s*)?\(?(\d{1,2})(?:[.):]|\s*[-\u2013])\s", re.I)


def named_numbers(sentence: str) -> set[int]:
    """The question numbers a sentence names ("question 3", "Q3", "questions 1 to 4", "3." at its start)."""
    out: set[int] = set()
    for m in _NAMED.finditer(sentence):
        nums = [int(n) for n in re.findall(r"\d{1,2}", m.group(1))]
        if (
            re.search(r"\d\s*(?:to|-|\u2013)\s*\(?\d", m.group(1))
            and len(nums) == 2
            and nums[0] < nums[1] <= 40
        ):
            out.update(range(nums[0], nums[1] + 1))
        else:
            out.update(nums)
    m = _START.match(sentence)
    if m:
        out.add(int(m.group(1)))
    return out


def number_of(label: str | None, index: int) -> int:
    m = re.search(r"\d{1,2}", label or "")
    return int(m.group()) if m else index + 1


# --- pairs ------------------------------------------------------------------------------------------------------

FEATURES = (
    "names_it",
    "starts_with_it",
    "names_others_only",
    "names_many",
    "overlap",
    "overlap_any",
    "p_treatment",
    "p_other",
    "sure_treatment",
    "after",
    "before_next",
    "dist",
    "before_first",
    "after_last",
    "position",
    "boilerplate",
    "length",
    "no_position",
)


def pair_features(q: dict, qs: list[dict], sents, n_lines: int, probs: np.ndarray, classes) -> np.ndarray:
    """(candidates, features) for one question against the letter's candidate sentences."""
    from foi_precedent.letters import decision

    k = number_of(q["label"], q["index"])
    others = {number_of(o["label"], o["index"]) for o in qs if o is not q}
    own = q["lines"]
    starts = sorted({i for o in qs for i in o["lines"]})
    first, last = (starts[0], starts[-1]) if starts else (None, None)
    words = content(q["text"])
    other_col = classes.index("other") if "other" in classes else None
    rows = []
    for c, (line, s) in enumerate(sents):
        named = named_numbers(s)
        cw = content(s)
        p = probs[c]
        pt = max((p[j] for j in range(len(classes)) if j != other_col), default=0.0)
        po = p[other_col] if other_col is not None else 0.0
        prev = [i for i in own if i < line]
        after = bool(prev)
        nxt = [i for i in starts if i > (prev[-1] if prev else -1) and i not in own]
        before_next = after and (not nxt or line < nxt[0])
        dist = line - prev[-1] if prev else (min(abs(line - i) for i in own) if own else n_lines)
        rows.append(
            [
                k in named,
                bool(_START.match(s)) and k in named,
                bool(named) and k not in named and bool(named & others),
                len(named) >= 3,
                len(words & cw) / max(1, len(words)),
                bool(words & cw),
                pt,
                po,
                pt > 0.5,
                after,
                before_next,
                math.log1p(dist),
                first is not None and line < first,
                last is not None and line > last,
                line / max(1, n_lines),
                not decision.relied_on_lines(s).strip(),
                math.log1p(len(s)),
                not own,
            ]
        )
    return np.array(rows, dtype=np.float32)


def holds_evidence(sentence: str, evidence: str) -> bool:
    ev = norm(evidence)
    s = norm(sentence)
    if not ev or not s:
        return False
    return ev[:EVIDENCE_CHARS] in s or (len(s) >= 15 and ev.startswith(s))


# --- the data ---------------------------------------------------------------------------------------------------


def today_letters(cache: Path | None) -> dict[str, dict]:
    """Every tuning letter (never a held-back one) as today's rules read it: its questions (label, words) aligned
    with its labelled questions (treatments, evidence)."""
    if cache and cache.exists():
        return pickle.loads(cache.read_bytes())
    from evals.holdout import is_held_back
    from evals.real_letters import suite
    from foi_precedent.errors import PrecedentError
    from foi_precedent.letters import learned
    from foi_precedent.letters.parser import parse_file

    out = {}
    with learned.off():
        for label in suite.load_labels():
            if is_held_back(label["id"]):
                continue
            try:
                letter = parse_file(ROOT / label["file"])
            except PrecedentError:
                continue
            got = [{"label": q.label, "text": q.text} for q in letter.questions]
            expected = label.get("questions") or []
            for e, j in zip(expected, suite.align(expected, got), strict=True):
                if j is not None and e.get("treatments") and e.get("evidence"):
                    got[j]["want"] = sorted(e["treatments"])
                    got[j]["evidence"] = e["evidence"]
            out[label["id"]] = {"batch": label["_batch"], "file": label["file"], "questions": got}
    if cache:
        cache.write_bytes(pickle.dumps(out))
    return out


class Letters:
    """Each letter's candidate sentences, their raw n-gram counts (once) and each model's probabilities."""

    def __init__(self):
        self.sents: dict[str, tuple] = {}
        self.counts: dict[str, list] = {}
        self.probs: dict[tuple[str, int], np.ndarray] = {}

    def get(self, file: str):
        from foi_precedent.letters import learned

        if file not in self.sents:
            sents, n = letter_sentences(ROOT / file)
            self.sents[file] = (sents, n)
            self.counts[file] = learned.counts([s for _, s in sents] or [""])
        return self.sents[file]

    def probabilities(self, file: str, model) -> np.ndarray:
        from foi_precedent.letters import learned

        key = (file, id(model))
        if key not in self.probs:
            self.get(file)
            x = learned.features(self.counts[file], list(model.kept), list(model.idfs))
            z = np.asarray(x @ model.coef.T) + model.intercept
            self.probs[key] = 1 / (1 + np.exp(-z))
        return self.probs[key]


def question_pairs(letters: Letters, file: str, qs: list[dict], i: int, model):
    """The candidates (line, sentence) of question ``i`` of ``qs`` (the letter's questions) and their features."""
    sents, n = letters.get(file)
    probs = letters.probabilities(file, model)
    qs = [dict(q, index=k, lines=question_lines(sents, q["text"])) for k, q in enumerate(qs)]
    texts = [q["text"] for q in qs]
    keep = [c for c, (_, s) in enumerate(sents) if not is_question(s, texts)]
    if not keep:
        return [], None
    cand = [sents[c] for c in keep]
    x = pair_features(qs[i], qs, cand, n, probs[keep], list(model.classes))
    return cand, x


# --- the measurement --------------------------------------------------------------------------------------------


def sure(model, text: str) -> set[str] | None:
    reading = model.read(text)
    if min(reading.values()) > 0.5 and set(reading) != {"other"}:
        return set(reading)
    return None


def baseline(cand, qlines: list[int], model) -> str:
    """The first sentence after the question's line the model is sure of."""
    if not qlines:
        return ""
    for line, s in cand:
        if line > qlines[0] and sure(model, s):
            return s
    return ""


def main() -> None:
    from sklearn.linear_model import LogisticRegression
    from sklearn.preprocessing import StandardScaler
    from train_treatment_model import examples, shipped_examples, train

    from foi_precedent.letters import decision

    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/mtc3"))
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--show", action="store_true", help="print each target's located sentence")
    ap.add_argument("--batch", action="append", help="only these blind batches (repeatable)")
    args = ap.parse_args()

    today = today_letters(args.cache)
    corpus = shipped_examples()
    models = {}  # the treatment model of each batch: trained on the batches labelled before it

    def model_of(batch: str):
        if batch not in models:
            later = frozenset(ORDER[ORDER.index(batch) :])
            models[batch] = train(examples(exclude=later) + corpus)
        return models[batch]

    letters = Letters()
    pairs: dict[
        str, tuple
    ] = {}  # each tuning letter's training pairs (features, positives), by its batch's model

    def training(letter_id: str):
        if letter_id not in pairs:
            entry = today[letter_id]
            xs, ys = [], []
            for i, q in enumerate(entry["questions"]):
                if not q.get("evidence"):
                    continue
                cand, x = question_pairs(
                    letters, entry["file"], entry["questions"], i, model_of(entry["batch"])
                )
                y = np.array([holds_evidence(s, q["evidence"]) for _, s in cand])
                if cand and y.any():
                    xs.append(x)
                    ys.append(y)
            pairs[letter_id] = (xs, ys)
        return pairs[letter_id]

    total: dict[str, int] = {}
    print("targets: filled/as labelled/otherwise/losses per way; shared: changed/gains/losses per way")
    for batch in BLIND:
        if args.batch and batch not in args.batch:
            continue
        earlier = ORDER[: ORDER.index(batch)]
        xs, ys = [], []
        for letter_id, entry in today.items():
            if entry["batch"] in earlier:
                x, y = training(letter_id)
                xs += x
                ys += y
        x, y = np.vstack(xs), np.concatenate(ys)
        scaler = StandardScaler().fit(x)
        locator = LogisticRegression(C=1.0, max_iter=2000, class_weight="balanced").fit(
            scaler.transform(x), y
        )
        model = model_of(batch)
        c: dict[str, int] = {}

        def add(key: str, n: int = 1, c: dict[str, int] = c) -> None:
            c[key] = c.get(key, 0) + n

        for r in records(batch, json.loads((args.work / f"{batch}.json").read_text())):
            add("asked")
            if not r["found"]:
                continue
            want, rules = set(r["want"]), set(r["rules"])
            target = (
                rules == {"other"}
                and decision.unanswered(r["review"])
                and not r["passage"].strip()
                and not r["beside"].strip()
            )
            shared = not r["passage"].strip() and r["relied_on"].strip()
            if not (target or shared):
                continue
            add("target" if target else "shared")
            cand, x = question_pairs(letters, r["file"], r["questions"], r["index"], model)
            if not cand:
                add("t_none" if target else "s_none")
                continue
            score = locator.predict_proba(scaler.transform(x))[:, 1]
            best = int(score.argmax())
            line = " ".join(s for n, s in cand if n == cand[best][0])
            sure_ones = [k for k, (_, s) in enumerate(cand) if sure(model, s)]
            sents, _ = letters.get(r["file"])
            readings = {
                "sent": sure(model, cand[best][1]),
                "line": sure(model, line),
                "sure": sure(model, cand[max(sure_ones, key=lambda k: score[k])][1]) if sure_ones else None,
            }
            # the same, only where the locator holds that sentence likelier than not to be the evidence
            top = max(sure_ones, key=lambda k: score[k]) if sure_ones else None
            readings["sure50"] = readings["sure"] if top is not None and score[top] > 0.5 else None
            if target:
                b = baseline(cand, question_lines(sents, r["questions"][r["index"]]["text"]), model)
                readings["base"] = sure(model, b) if b else None
                add("t_ceiling", any(holds_evidence(s, r["evidence"]) for _, s in cand))
                add("t_hit", holds_evidence(cand[best][1], r["evidence"]))
                for way, got in readings.items():
                    if got:
                        add(f"{way}_filled")
                        add(f"{way}_right", got == want)
                        add(f"{way}_wrong", got != want)
                        add(f"{way}_loss", rules == want)
                if args.show:
                    print(
                        f"  {r['id']} q{r['index']} want={sorted(want)} sent={sorted(readings['sent'] or [])} "
                        f"line={sorted(readings['line'] or [])} sure50={sorted(readings['sure50'] or [])} "
                        f"base={sorted(readings['base'] or [])} p={score[best]:.2f} "
                        f"hit={holds_evidence(cand[best][1], r['evidence'])}\n"
                        f"    Q: {flat(r['questions'][r['index']]['text'])[:100]}\n"
                        f"    S: {flat(cand[best][1])[:160]}\n    E: {flat(r['evidence'])[:160]}"
                    )
            else:
                readings["named"] = readings["sent"] if x[best, FEATURES.index("names_it")] else None
                for way, got in readings.items():
                    if got and got != rules:
                        add(f"s{way}_changed")
                        add(f"s{way}_gain", got == want and rules != want)
                        add(f"s{way}_loss", rules == want and got != want)
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        weights = ", ".join(f"{f} {w:+.2f}" for f, w in zip(FEATURES, locator.coef_[0], strict=True))
        _line(batch, c)
    _line("all", total)
    print(f"the last locator's weights (standardised features): {weights}")


def _line(name: str, c: dict) -> None:
    t = " ".join(
        f"{way}={c.get(f'{way}_filled', 0)}/{c.get(f'{way}_right', 0)}/{c.get(f'{way}_wrong', 0)}/"
        f"{c.get(f'{way}_loss', 0)}"
        for way in ("sent", "line", "sure", "sure50", "base")
    )
    s = " ".join(
        f"{way}={c.get(f's{way}_changed', 0)}/{c.get(f's{way}_gain', 0)}/{c.get(f's{way}_loss', 0)}"
        for way in ("sent", "line", "sure", "sure50", "named")
    )
    print(
        f"{name:8} asked={c.get('asked', 0)} target={c.get('target', 0)} (none {c.get('t_none', 0)}, ceiling "
        f"{c.get('t_ceiling', 0)}, hit {c.get('t_hit', 0)}) {t} | shared={c.get('shared', 0)} "
        f"(none {c.get('s_none', 0)}) {s}",
        flush=True,
    )


if __name__ == "__main__":
    main()
