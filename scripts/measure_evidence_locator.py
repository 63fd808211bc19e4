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

Stop 29, with today's words beside a question (99 targets, 67 with the evidence among the sentences, the locator's
pick holding it for 30): sent 59/38/21/4, sure50 86/54/32/5, base 85/47/38/8, and ``reader``, what the reader now
does (``locator.Letter.locate``: sure50 among sentences that name no other question only and are no heading, a
withholding only where the sentence names the question) 83/51/32/5. The locator, its features and training now live
in ``foi_precedent/letters/locator.py`` and ``scripts/train_evidence_locator.py``, shared with this script. On the
two batches collected blind at stop 29 (fresh19 and fresh20, read with 51a6fb2; 160 questions, 15 targets): reader
15/13/2/0. This script cannot see which readings the reader took from a shared response (``Question.own_answer``),
which the reader never fills, so it counts some targets the reader leaves alone (wmp-roads-policing's questions 1, 3
and 4, read ``other`` with no answer through the shared path): ``precedent eval real_letters`` is the measure of what
the reader does (on fresh19 and fresh20, measured once: 8 gained, 1 lost).

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
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from measure_treatment_classifier import BLIND, ORDER, records  # noqa: E402
from train_evidence_locator import (  # noqa: E402
    Letters,
    fit,
    holds_evidence,
    today_letters,
    training_pairs,
    treatment_models,
)

from foi_precedent.letters import locator  # noqa: E402
from foi_precedent.letters.locator import sure  # noqa: E402

# --- the measurement --------------------------------------------------------------------------------------------


def baseline(cand, qlines: list[int], model) -> str:
    """The first sentence after the question's line the model is sure of."""
    if not qlines:
        return ""
    for line, s in cand:
        if line > qlines[0] and sure(model, s):
            return s
    return ""


def main() -> None:
    from foi_precedent.letters import decision

    ap = argparse.ArgumentParser()
    ap.add_argument("--work", type=Path, default=Path("/tmp/mtc3"))
    ap.add_argument("--cache", type=Path)
    ap.add_argument("--show", action="store_true", help="print each target's located sentence")
    ap.add_argument("--batch", action="append", help="only these blind batches (repeatable)")
    args = ap.parse_args()

    today = today_letters(args.cache)
    model_of = treatment_models()
    letters = Letters()
    total: dict[str, int] = {}
    print("targets: filled/as labelled/otherwise/losses per way; shared: changed/gains/losses per way")
    for batch in BLIND:
        if args.batch and batch not in args.batch:
            continue
        earlier = ORDER[: ORDER.index(batch)]
        x, y = training_pairs(
            today, [i for i, e in today.items() if e["batch"] in earlier], model_of, letters
        )
        found = fit(x, y)
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
            cand, x = letters.pairs(r["file"], r["questions"], r["index"], model)
            if not cand:
                add("t_none" if target else "s_none")
                continue
            score = found.likelihood(x)
            best = int(score.argmax())
            line = " ".join(s for n, s in cand if n == cand[best][0])
            sure_ones = [k for k, (_, s) in enumerate(cand) if sure(model, s)]
            readings = {
                "sent": sure(model, cand[best][1]),
                "line": sure(model, line),
                "sure": sure(model, cand[max(sure_ones, key=lambda k: score[k])][1]) if sure_ones else None,
            }
            # the same, only where the locator holds that sentence likelier than not to be the evidence
            top = max(sure_ones, key=lambda k: score[k]) if sure_ones else None
            readings["sure50"] = readings["sure"] if top is not None and score[top] > 0.5 else None
            # what the reader does: sure50 among the sentences that do not name only other questions and are no
            # heading, and a withholding only where the sentence names the question
            picked = letters.get(r["file"], r["questions"], model).locate(r["index"], found, model)
            readings["reader"] = sure(model, picked) if picked else None
            if target:
                sents = locator.sentences(letters.lines[r["file"]])
                b = baseline(cand, locator.question_lines(sents, r["questions"][r["index"]]["text"]), model)
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
                        f"    Q: {decision.flat(r['questions'][r['index']]['text'])[:100]}\n"
                        f"    S: {decision.flat(cand[best][1])[:160]}\n    E: {decision.flat(r['evidence'])[:160]}"
                    )
            else:
                readings["named"] = readings["sent"] if x[best, locator.FEATURES.index("names_it")] else None
                for way, got in readings.items():
                    if got and got != rules:
                        add(f"s{way}_changed")
                        add(f"s{way}_gain", got == want and rules != want)
                        add(f"s{way}_loss", rules == want and got != want)
        for k, v in c.items():
            total[k] = total.get(k, 0) + v
        weights = ", ".join(f"{f} {w:+.2f}" for f, w in zip(locator.FEATURES, found.coef, strict=True))
        _line(batch, c)
    _line("all", total)
    print(f"the last locator's weights (standardised features): {weights}")


def _line(name: str, c: dict) -> None:
    t = " ".join(
        f"{way}={c.get(f'{way}_filled', 0)}/{c.get(f'{way}_right', 0)}/{c.get(f'{way}_wrong', 0)}/"
        f"{c.get(f'{way}_loss', 0)}"
        for way in ("sent", "line", "sure", "sure50", "reader", "base")
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
