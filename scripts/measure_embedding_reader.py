"""Would the MiniLM sentence embedding of a passage make the learned treatment reader's sure readings safe to take?

Measure only: nothing here is shipped. Each variant is scored exactly as ``measure_treatment_classifier.py`` scores
the current model (per blind batch, trained only on the batches labelled before it and the shipped corpus, on the
saved readings of that batch by its old reader; ``--work`` names them), and besides:

* ``phrases``: the readings of short answers from the unit tests written from real letters, by a model trained on
  every tuning batch (the shipped model's training set);
* ``passages``: exact-set accuracy on each blind batch's labelled evidence passages (trained on earlier batches),
  and among the passages where the model is sure (``learned.sure``);
* ``--speed``: MiniLM embeddings per second for short passages, one at a time and in a batch.

Variants (``--variants``):

* ``current``: the shipped recipe (``train_treatment_model.train``);
* ``stack1`` / ``stack2``: the embedding (unit length) as a third feature family beside the two tf-idf families,
  scaled by 1 or 2, one logistic regression per treatment (C as shipped);
* ``average``: the mean of the current model's probabilities and those of a logistic regression on the embedding
  alone (C = ``EMBED_C``).

Stop 30 (seventeen blind batches, 1,421 questions; takes / taken / filled, passages right, phrases sure and wrong
of 45): current 0.521 / 0.519 / 0.508, 0.800, 5; stack1 0.520 / 0.517 / 0.512, 0.801, 7; stack2 0.512 / 0.510 /
0.510, 0.782, 10; average 0.517 / 0.514 / 0.510, 0.787, 8. No variant fixes the short plain answers ("No such data
exists." is still read sure as disclosed, with or beside not held, by every one) and none keeps more of the blind
gain; MiniLM reads about 80-240 short passages a second here, one at a time. Not adopted.

    PRECEDENT_HOME=/work/main/.precedent .venv/bin/python scripts/measure_embedding_reader.py --work /tmp/mtc30 \
        [--variants current stack1 ...] [--speed]
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "scripts"))

from measure_treatment_classifier import BLIND, ORDER, _line, records, score  # noqa: E402
from minilm import Embedder  # noqa: E402
from train_treatment_model import C, examples, shipped_examples, train  # noqa: E402

from foi_precedent.letters import learned  # noqa: E402

VARIANTS = ("current", "stack1", "stack2", "average")
EMBED_C = 16.0  # the embedding-only regression's inverse regularisation (unit-length inputs: small weights)

# Short answers from the unit tests written from real letters (their parametrised lists), with the treatments the
# tests expect the reader to read.
PHRASES: list[tuple[str, set[str]]] = [
    # tests/unit/test_parser_real_layouts.py: test_treatment_wording_published_replies_use
    ("We don\u2019t hold that information.", {"not_held"}),
    ("The Council doesn't record this information.", {"not_held"}),
    (
        "We do not record these costs separately, so Regulation 10(4)(a) of the Environmental Information (Scotland) "
        "Regulations 2004 applies: information not held.",
        {"not_held"},
    ),
    ("Response (all information to be supplied) - application/pdf - Download", {"disclosed"}),
    ("In order to locate the information I require some further information from you.", {"other"}),
    ("We have no records of this.", {"not_held"}),
    ("No such data exists.", {"not_held"}),
    ("The information requested does not exist.", {"not_held"}),
    ("We do not collect this data.", {"not_held"}),
    ("There are no such documents.", {"not_held"}),
    ("Nil return.", {"disclosed"}),
    ("The Trust has not received any correspondence from the Inquiry to date.", {"not_held"}),
    ("I have enclosed a copy of the policy.", {"disclosed"}),
    # test_the_authority_has_no_records_or_does_not_have_the_data_is_not_held
    ("The Council has no records of agency staff costs.", {"not_held"}),
    ("We do not have this data.", {"not_held"}),
    ("We did not have such figures.", {"not_held"}),
    # test_the_cost_limit_given_in_its_own_figures_is_a_cost_refusal
    (
        "We estimate that it would cost more than \u00a3450 to locate and extract this information.",
        {"cost_limit"},
    ),
    (
        "Answering this part would take more than 18 hours, so we are not required to answer it.",
        {"cost_limit"},
    ),
    # test_cost_refusals_in_other_words
    ("Answering this exceeds the 'appropriate level' as stated in the Fees Regulations.", {"cost_limit"}),
    ("Answering this would exceed the 18-hour time limit.", {"cost_limit"}),
    ("Answering this it would exceed the fees limit.", {"cost_limit"}),
    # test_neither_confirms_nor_denies_is_a_refusal_to_confirm_or_deny
    ("The Trust neither confirms nor denies that it holds the information you have asked for", {"ncnd"}),
    ("We are neither confirming nor denying that any such reports are held", {"ncnd"}),
    # test_a_whole_response_that_refuses_some_of_it_is_a_partial_disclosure
    (
        "Parts of this request are exempt by virtue of Section 40(2) Personal information.",
        {"partly_disclosed"},
    ),
    # test_a_refusal_naming_the_information_requested_by_its_words_applies_to_that_question_only (q2: s43(2))
    (
        "The information you requested regarding correspondence with suppliers concerning the faulty charging points "
        "is exempt under section 43(2) of the Freedom of Information Act, as its release would prejudice the "
        "commercial interests of the council.",
        {"withheld"},
    ),
    # the same letter's second answer as the reader gives it to the model (both lines; the rules read it partly)
    (
        "The council operates 46 charging points, as shown in the attached table.\nThe information you requested "
        "regarding correspondence with suppliers concerning the faulty charging points is exempt under section "
        "43(2) of the Freedom of Information Act, as its release would prejudice the commercial interests of the "
        "council.",
        {"partly_disclosed"},
    ),
    # test_harm_in_other_words_or_spacing_is_a_harm_statement
    (
        "The rates are withheld under section 43(2) of the Freedom of Information Act 2000. Release of this "
        "information would adversely affect the company's position in future tenders.",
        {"withheld"},
    ),
    # test_an_answer_that_states_a_fact_is_the_information
    ("The decision not to appeal was taken by the First Minister.", {"disclosed"}),
    # test_an_answer_that_declines_explains_the_act_or_states_nothing_is_not_a_disclosure (read as other)
    ("We cannot answer on behalf of the Police and Crime Commissioner.", {"other"}),
    (
        "The Freedom of Information Act is based on recorded information, it is not a tool to ask questions.",
        {"other"},
    ),
    # test_a_short_answer_of_its_own_is_the_information
    ("A) Yes", {"disclosed"}),
    ("Three.", {"disclosed"}),
    ("\u2022 No", {"disclosed"}),
    ("Not at this time", {"disclosed"}),
    # test_a_published_summary_of_the_reply_in_the_third_person_reads_as_a_release
    ("The department released all of the information it held.", {"disclosed"}),
    ("The information requested was supplied in a spreadsheet.", {"disclosed"}),
    # test_an_answer_that_names_another_body_as_holding_the_information_is_redirected (other: redirected)
    ("The Academy Trust would hold this information as it runs the school from day 6.", {"other"}),
    ("This information would be held by the school, which keeps its own attendance records.", {"other"}),
    # tests/unit/test_reading_real_forms_s26.py
    (
        "The information is withheld under Section 43(2). Full reasoning can be seen at Annex A below.",
        {"withheld"},
    ),
    (
        "We have enclosed some of the information you have requested. We consider the rest exempt under Section "
        "43(2) of the Act.",
        {"partly_disclosed"},
    ),
    (
        "Having considered your request, the Council considers that some of the information held within the scope "
        "of your request is exempt under Section 40(2).",
        {"partly_disclosed"},
    ),
    (
        "In order to take your request forward we need to know what specific information you are seeking.",
        {"other"},
    ),
    (
        "We will not be able to answer your request without further clarification of the 2019 figures.",
        {"other"},
    ),
    (
        "Your request has been refused as vexatious under Section 14 of the Act. Section 14 (1) of the Act does not "
        "oblige a public authority to comply with a request for information if the request is vexatious.",
        {"vexatious"},
    ),
    (
        "The Constabulary does not hold any further information about the camera logs.",
        {"not_held"},
    ),
]


class _Reads:
    classes: tuple[str, ...]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        raise NotImplementedError

    def read(self, text: str) -> dict[str, float]:
        cache = self.__dict__.setdefault("_cache", {})
        if text not in cache:
            cache[text] = learned.chosen(self.classes, self.probabilities([text])[0])
        return cache[text]


class Stacked(_Reads):
    """The two tf-idf families and the embedding times ``weight``, one logistic regression per treatment."""

    def __init__(self, rows: list[dict], embed: Embedder, weight: float) -> None:
        from sklearn.linear_model import LogisticRegression

        self.embed, self.weight = embed, weight
        texts = [r["text"] for r in rows]
        self.classes = tuple(sorted({t for r in rows for t in r["want"]}))
        raw = learned.counts(texts)
        self.kept, self.idfs = learned.fit_vocabulary(raw)
        x = self._x(texts, raw)
        self.fits = [
            LogisticRegression(C=C, max_iter=3000).fit(x, np.array([t in r["want"] for r in rows]))
            for t in self.classes
        ]

    def _x(self, texts: list[str], raw: list | None = None):
        from scipy.sparse import csr_matrix, hstack

        tfidf = learned.features(raw or learned.counts(texts), self.kept, self.idfs)
        return hstack([tfidf, csr_matrix(self.weight * self.embed(texts))]).tocsr()

    def probabilities(self, texts: list[str]) -> np.ndarray:
        x = self._x(texts)
        return np.column_stack([f.predict_proba(x)[:, 1] for f in self.fits])


class Averaged(_Reads):
    """The mean of the current model's probabilities and an embedding-only regression's."""

    def __init__(self, rows: list[dict], embed: Embedder) -> None:
        from sklearn.linear_model import LogisticRegression

        self.embed = embed
        self.base = train(rows)
        self.classes = self.base.classes
        e = embed([r["text"] for r in rows])
        self.fits = [
            LogisticRegression(C=EMBED_C, max_iter=3000).fit(e, np.array([t in r["want"] for r in rows]))
            for t in self.classes
        ]

    def probabilities(self, texts: list[str]) -> np.ndarray:
        e = self.embed(texts)
        p = np.column_stack([f.predict_proba(e)[:, 1] for f in self.fits])
        return (self.base.probabilities(texts) + p) / 2


def build(variant: str, rows: list[dict], embed: Embedder):
    if variant == "current":
        return train(rows)
    if variant.startswith("stack"):
        return Stacked(rows, embed, float(variant.removeprefix("stack")))
    if variant == "average":
        return Averaged(rows, embed)
    raise ValueError(variant)


def phrases(model) -> None:
    wrong = 0
    print("phrases (trained on all tuning batches; * = sure and wrong):")
    for phrase, want in PHRASES:
        r = model.read(phrase)
        bad = learned.sure(r) and set(r) != want
        wrong += bad
        got = ", ".join(f"{t} {p:.2f}" for t, p in r.items())
        print(f"  {'*' if bad else ' '} {phrase[:70]!r:74} want {'+'.join(sorted(want)):17} got {got}")
    print(f"phrases sure and wrong: {wrong} of {len(PHRASES)}")


def speed(embed: Embedder) -> None:
    texts = [f"We do not hold information about the {n} depots you asked for." for n in range(200)]
    texts += [f"No such data exists for {n}." for n in range(200)]
    t = time.perf_counter()
    for s in texts:
        embed.ef([s])
    one = len(texts) / (time.perf_counter() - t)
    t = time.perf_counter()
    embed.ef(texts)
    batch = len(texts) / (time.perf_counter() - t)
    model = train(examples() + shipped_examples())
    t = time.perf_counter()
    for s in texts:
        model.probabilities([s])
    tfidf = len(texts) / (time.perf_counter() - t)
    print(
        f"speed: MiniLM {one:.0f} passages/s one at a time, {batch:.0f}/s in a batch; current tf-idf model "
        f"{tfidf:.0f} passages/s"
    )


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--work", type=Path, required=True, help="the saved readings (measure_treatment_classifier)"
    )
    ap.add_argument("--variants", nargs="*", default=list(VARIANTS), choices=VARIANTS)
    ap.add_argument("--speed", action="store_true", help="only time the embedding")
    ap.add_argument("--phrases-only", action="store_true", help="only the phrases' readings")
    args = ap.parse_args()
    embed = Embedder()
    if args.speed:
        speed(embed)
        return
    if args.phrases_only:
        everything = examples() + shipped_examples()
        for variant in args.variants:
            print(f"\n== {variant}")
            phrases(build(variant, everything, embed))
        return

    corpus = shipped_examples()
    everything = examples() + corpus
    batches = {b: records(b, json.loads((args.work / f"{b}.json").read_text())) for b in BLIND}
    blind_passages = {b: examples(only=frozenset({b})) for b in BLIND}
    embed(
        [r["text"] for r in everything]
        + [
            t
            for rows in batches.values()
            for r in rows
            for t in (r.get("passage", ""), r.get("beside", ""))
            if t
        ]
        + [p for p, _ in PHRASES]
    )
    for variant in args.variants:
        print(f"\n== {variant}")
        print(
            f"{'batch':10} {'asked':>6} {'rules':>6} {'taken':>6} {'filled':>6} {'unsure':>6} {'takes':>6} "
            f"{'confident':>10} {'precise':>8} {'disputed':>9} {'after':>6}"
        )
        totals: dict[str, dict[str, int]] = {}
        accuracy = []
        for batch, rows in batches.items():
            later = frozenset(ORDER[ORDER.index(batch) :])
            model = build(variant, examples(exclude=later) + corpus, embed)
            result = score(rows, model)
            for mode, counts in result.items():
                totals[mode] = {k: totals.get(mode, {}).get(k, 0) + v for k, v in counts.items()}
            _line(batch, result)
            readings = [(model.read(p["text"]), set(p["want"])) for p in blind_passages[batch]]
            sure = [(set(r) == w) for r, w in readings if learned.sure(r)]
            accuracy.append(
                (batch, sum(set(r) == w for r, w in readings), len(readings), sum(sure), len(sure))
            )
        _line("all", totals)
        print("passages (batch right/n, sure right/sure):")
        print(
            "  "
            + "  ".join(f"{b} {a}/{n} {sa}/{sn}" for b, a, n, sa, sn in accuracy)
            + f"\n  all {sum(a[1] for a in accuracy)}/{sum(a[2] for a in accuracy)}"
            f" = {sum(a[1] for a in accuracy) / sum(a[2] for a in accuracy):.3f};"
            f" sure {sum(a[3] for a in accuracy)}/{sum(a[4] for a in accuracy)}"
            f" = {sum(a[3] for a in accuracy) / max(1, sum(a[4] for a in accuracy)):.3f}"
        )
        phrases(build(variant, everything, embed))
        sys.stdout.flush()


if __name__ == "__main__":
    main()
