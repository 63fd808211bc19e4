"""Where a question's answer stands when the reader tied it none: a learned evidence locator.

The rules tie each question an answer by the letter's layout. Where they tie none and the letter writes nothing
beside the question, its treatment is often still in the letter: a refusal naming the question, a table under the
request, a general paragraph. The locator scores every sentence of the letter as that question's evidence, and
``locate`` gives the likeliest among those the learned reader is sure of (every treatment it reads over one half,
not ``other`` alone), where the locator holds it likelier than not. ``answers.below_the_line`` reads it so, below
the flag line and marked for review, as it reads the question's own answer where the rules find no wording.

Features of a (question, sentence) pair (``FEATURES``): whether the sentence names the question's number ("question
3", "Q3", "questions 1 to 4", "3." at its start) or only other questions' numbers; the share of the question's
content words in it; the learned reader's highest probability of a treatment other than ``other`` on it; where it
stands (after the question, before the next one, how far, before the first or after the last question, its share
of the letter); whether it is boilerplate (``decision.relied_on_lines`` keeps nothing of it); its length. One
logistic regression over the standardised features, trained by ``scripts/train_evidence_locator.py`` on the
labelled evidence of the development set's tuning letters (never a held-back one), each batch's features from a
learned reader trained only on the batches labelled before it, as it meets letters it has not read at run time.
Weights are data: ``rules/evidence_locator.json``. Pure given the two model files; nothing here reads labels.

Measured on fifteen blind batches (``scripts/measure_evidence_locator.py``, ``reader``: the locator and the learned
reader of each batch trained only on the batches before it): of the 99 found questions the rules read ``other``
with nothing to read, it filled 83, 51 as labelled, 32 otherwise, 5 where the rules' ``other`` was right (+46 over
1,261 labelled answered questions). Two guards keep it from what the rules already decide: a withholding reaches
only a question it names (as a partial overall decision does), and a sentence naming only other questions, or a
heading, is never taken; neither changed those numbers beyond 3 fills, and the first keeps seed 025506's unanswered
REQUEST 2 unanswered. Then, committed before two new blind batches entered the repository (fresh19 and fresh20, 73
letters) and measured once on them with ``precedent eval real_letters``: treatment agreement 0.515 to 0.545, 8
questions gained and 1 lost.
"""

from __future__ import annotations

import json
import math
import os
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import numpy as np

from foi_precedent.letters import decision, learned
from foi_precedent.letters.layout import _DECISION_HEADING, _REQUEST_START, _RESPONSE_START

LOCATOR_PATH = Path(
    os.environ.get("PRECEDENT_EVIDENCE_LOCATOR")
    or Path(__file__).resolve().parent.parent / "rules" / "evidence_locator.json"
)

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

_STOP_WORDS = (
    "the and for that this with from your have has had will would which what when where who how many much any "
    "all are was were been being into onto about over under than then there their them they you our out per "
    "each such also please provide information request requested details number numbers held hold data year "
    "years total copy copies list including include within between regarding relating related"
)
_STOP = frozenset(_STOP_WORDS.split())
# A sentence naming question numbers ("question 3", "Q3", "questions 1 to 4", "items 2, 3 and 5"), or starting
# with one ("3.", "(3)", "Q3 -")
_NAMED = re.compile(
    r"\b(?:questions?|q|requests?|parts?|points?|items?|nos?\.?|numbers?)\s*"
    r"((?:\(?\d{1,2}[a-z]?\)?(?:\s*(?:,|and|&|to|-|\u2013|or)\s*)?)+)",
    re.I,
)
_WITHHOLDING = frozenset({"partly_disclosed", "withheld"})
_START = re.compile(r"^\s*(?:q\s*)?\(?(\d{1,2})(?:[.):]|\s*[-\u2013])\s", re.I)


def _norm(text: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"[^a-z0-9]+", " ", text.lower())).strip()


def _content(text: str) -> set[str]:
    return {w for w in _norm(text).split() if len(w) >= 4 and w not in _STOP and not w.isdigit()}


_CHOICES = re.compile(r"^\W*yes\s*/\s*no\W*$", re.I)


def _heading(sentence: str) -> bool:
    """A section's heading ("Response", "Our response:", "You asked") or a form's choices ("Yes/No"): no answer."""
    text = sentence.strip()
    return bool(
        _REQUEST_START.match(text.lower())
        or _RESPONSE_START.match(text.lower())
        or _DECISION_HEADING.match(text)
        or _CHOICES.match(text)
    )


def sentences(lines: Sequence[str]) -> list[tuple[int, str]]:
    """Each sentence of the letter's lines (``parser.clean_lines``) with its line's index."""
    return [(i, s) for i, line in enumerate(lines) for s in decision.sentences(line)]


def question_lines(sents: Sequence[tuple[int, str]], text: str) -> list[int]:
    """The lines a question's opening words stand on (the request quoted, an answer restating it)."""
    head = decision.flat(text)[:30].lower()
    if len(head) < 10:
        return []
    return sorted({i for i, s in sents if head in decision.flat(s).lower()})


def is_question(sentence: str, questions: Sequence[str]) -> bool:
    """Whether a sentence is (part of) one of the letter's questions, or too short to be anything's evidence."""
    s = decision.flat(sentence).lower()
    if len(s) < 4:
        return True
    for q in questions:
        fq = decision.flat(q).lower()
        if len(s) >= 10 and s in fq or len(fq) >= 10 and fq[:30] in s:
            return True
    return False


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
    start = _START.match(sentence)
    if start:
        out.add(int(start.group(1)))
    return out


def number_of(label: str | None, index: int) -> int:
    """A question's number: the first number of its label, else its place in the letter."""
    m = re.search(r"\d{1,2}", label or "")
    return int(m.group()) if m else index + 1


def pair_features(
    index: int,
    questions: Sequence[tuple[str | None, str]],
    question_at: Sequence[list[int]],
    candidates: Sequence[tuple[int, str]],
    n_lines: int,
    probs: np.ndarray,
    classes: Sequence[str],
    facts: Sequence[tuple[set[int], set[str], bool]] | None = None,
) -> np.ndarray:
    """(candidates, ``FEATURES``) for question ``index`` of ``questions`` (label, text), whose opening words stand
    on the lines ``question_at``, against the letter's candidate sentences and the learned reader's probabilities
    of each (candidates, classes); ``facts``, each candidate's ``sentence_facts``, when worked out already."""
    label, text = questions[index]
    k = number_of(label, index)
    others = {number_of(lb, i) for i, (lb, _) in enumerate(questions) if i != index}
    own = question_at[index]
    starts = sorted({i for lines in question_at for i in lines})
    first, last = (starts[0], starts[-1]) if starts else (None, None)
    words = _content(text)
    other_col = list(classes).index("other") if "other" in classes else None
    treatment_cols = [j for j in range(len(classes)) if j != other_col]
    rows = []
    for c, (line, s) in enumerate(candidates):
        named, sentence_words, boilerplate = facts[c] if facts is not None else sentence_facts(s)
        p = probs[c]
        pt = float(max((p[j] for j in treatment_cols), default=0.0))
        po = float(p[other_col]) if other_col is not None else 0.0
        prev = [i for i in own if i < line]
        after = bool(prev)
        nxt = [i for i in starts if i > (prev[-1] if prev else -1) and i not in own]
        dist = line - prev[-1] if prev else (min(abs(line - i) for i in own) if own else n_lines)
        shared_words = words & sentence_words
        rows.append(
            [
                k in named,
                bool(_START.match(s)) and k in named,
                bool(named) and k not in named and bool(named & others),
                len(named) >= 3,
                len(shared_words) / max(1, len(words)),
                bool(shared_words),
                pt,
                po,
                pt > 0.5,
                after,
                after and (not nxt or line < nxt[0]),
                math.log1p(dist),
                first is not None and line < first,
                last is not None and line > last,
                line / max(1, n_lines),
                boilerplate,
                math.log1p(len(s)),
                not own,
            ]
        )
    return np.array(rows, dtype=np.float32).reshape(len(rows), len(FEATURES))


def sentence_facts(sentence: str) -> tuple[set[int], set[str], bool]:
    """What a sentence's features take from it whatever the question: the question numbers it names, its content
    words, and whether it is boilerplate (``decision.relied_on_lines`` keeps nothing of it)."""
    return named_numbers(sentence), _content(sentence), not decision.relied_on_lines(sentence).strip()


def candidates_of(
    sents: Sequence[tuple[int, str]], questions: Sequence[tuple[str | None, str]]
) -> tuple[list[int], list[list[int]]]:
    """Which of the letter's sentences may be a question's evidence (not the questions' own words), and the lines
    each question's opening words stand on."""
    texts = [t for _, t in questions]
    keep = [c for c, (_, s) in enumerate(sents) if not is_question(s, texts)]
    return keep, [question_lines(sents, t) for t in texts]


@dataclass(frozen=True, eq=False)
class Locator:
    """A logistic regression over standardised ``FEATURES``."""

    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def likelihood(self, x: np.ndarray) -> np.ndarray:
        """Each row's probability of being the question's evidence."""
        z = ((x - self.mean) / self.scale) @ self.coef + self.intercept
        return 1 / (1 + np.exp(-z))

    def save(self, path: Path, meta: dict) -> None:
        data = {
            "features": list(FEATURES),
            "mean": [float(v) for v in self.mean],
            "scale": [float(v) for v in self.scale],
            "coef": [float(v) for v in self.coef],
            "intercept": float(self.intercept),
            "meta": meta,
        }
        path.write_text(json.dumps(data, indent=1, sort_keys=True) + "\n", encoding="utf-8")

    @classmethod
    def load(cls, path: Path) -> Locator:
        data = json.loads(path.read_text(encoding="utf-8"))
        if tuple(data["features"]) != FEATURES:
            raise ValueError(f"{path}: trained on other features than this version computes")
        return cls(
            mean=np.array(data["mean"]),
            scale=np.array(data["scale"]),
            coef=np.array(data["coef"]),
            intercept=float(data["intercept"]),
        )


@cache
def locator() -> Locator | None:
    return Locator.load(LOCATOR_PATH) if LOCATOR_PATH.exists() else None


def sure(model: learned.TreatmentModel, text: str) -> set[str] | None:
    """The treatments the learned reader reads in ``text`` where it is sure of each, not ``other`` alone."""
    reading = model.read(text)
    return set(reading) if learned.sure(reading) else None


class Letter:
    """One letter's sentences and the learned reader's probabilities of each, worked out once, on first use."""

    def __init__(self, lines: Sequence[str], questions: Sequence[tuple[str | None, str]]):
        self.lines = lines
        self.questions = list(questions)
        self._worked: tuple | None = None

    def _work(self, model: learned.TreatmentModel) -> tuple:
        if self._worked is None:
            sents = sentences(self.lines)
            keep, question_at = candidates_of(sents, self.questions)
            cands = [sents[c] for c in keep]
            probs = model.probabilities([s for _, s in cands]) if cands else np.zeros((0, len(model.classes)))
            # (what the learned reader reads sure, as ``learned.sure`` reads it, from the probabilities worked out
            # together)
            over = probs > 0.5
            other_alone = (
                over[:, model.classes.index("other")] & (over.sum(axis=1) == 1)
                if "other" in model.classes
                else np.zeros(len(cands), dtype=bool)
            )
            sure_ones = over.any(axis=1) & ~other_alone
            # (nor a heading, "Response", or a form's choices, "Yes/No", which the learned reader reads as the
            # majority's disclosed: on the blind batches keeping them out changed nothing)
            eligible = sure_ones & ~np.array([_heading(s) for _, s in cands], dtype=bool)
            facts = [sentence_facts(s) for _, s in cands]
            self._worked = (cands, question_at, probs, eligible, facts)
        return self._worked

    def features(self, index: int, model: learned.TreatmentModel) -> tuple[list[tuple[int, str]], np.ndarray]:
        """The candidate sentences (line, sentence) for question ``index`` and their ``FEATURES``, the learned
        reader's probabilities from ``model``."""
        cands, question_at, probs, _, facts = self._work(model)
        if not cands:
            return [], np.zeros((0, len(FEATURES)), dtype=np.float32)
        x = pair_features(
            index, self.questions, question_at, cands, len(self.lines), probs, model.classes, facts
        )
        return cands, x

    def locate(
        self, index: int, found: Locator | None = None, model: learned.TreatmentModel | None = None
    ) -> str:
        """The sentence likeliest to be question ``index``'s evidence among those the learned reader is sure of,
        where the locator holds it likelier than not; empty where there is none, or the learned reader or the
        locator is off. ``found`` and ``model``: a locator and a learned reader other than the shipped ones (to
        measure them)."""
        found = found or locator()
        if found is None or not learned.enabled():
            return ""
        model = model or learned.model()
        cands, x = self.features(index, model)
        if not cands:
            return ""
        _, _, probs, eligible, _ = self._work(model)
        score = found.likelihood(x)
        # (not a sentence that names only other questions: "1. 1,204 fines were issued" answers question 1, whatever
        # the locator makes of it for question 2; on the blind batches this changed nothing)
        mine = eligible & ~x[:, FEATURES.index("names_others_only")].astype(bool)
        best = int(np.argmax(np.where(mine, score, -1.0))) if mine.any() else None
        if best is None or score[best] <= 0.5:
            return ""
        # (a withholding reaches only what it names, as the rules read a letter's overall decision: a question left
        # out of a partial decision stays unanswered; on the blind batches this left 3 of the 86 unfilled, 3 read
        # as labelled, and keeps seed 025506's unanswered REQUEST 2 so)
        reading = {model.classes[j] for j in np.flatnonzero(probs[best] > 0.5)}
        if reading & _WITHHOLDING and not x[best, FEATURES.index("names_it")]:
            return ""
        return cands[best][1]
