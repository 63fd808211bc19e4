"""Eval suite files: YAML with ``version``, ``name``, ``kind`` and ``cases``, checked on load.

Kinds:

* ``retrieval`` - a question and the precedents (reference + label) that should be found in the top k;
* ``request`` - a request text and the expected treatments, exemptions and pointers per question;
* ``flags`` - a draft (inline ``draft`` text, or a corpus ``letter`` by reference, or a ground-truth ``pair``
  of letters) with the flag kinds it must raise on a label, or ``expected: []`` for a sound draft.

An unknown key, a missing field or a wrong type raises :class:`EvalSuiteError` naming the file and the case.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from foi_precedent.errors import EvalSuiteError

SUITE_VERSION = 1
KINDS = ("retrieval", "request", "flags")
TREATMENTS = (
    "disclosed",
    "partly_disclosed",
    "withheld",
    "ncnd",
    "not_held",
    "public_domain",
    "cost_limit",
    "vexatious",
    "other",
)


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class PrecedentRef(_Strict):
    reference: str
    label: str


class RetrievalCase(_Strict):
    id: str
    question: str = Field(min_length=1)
    expected: list[PrecedentRef] = Field(min_length=1)
    k: int = Field(default=5, ge=1, le=50)
    authority: str | None = None
    note: str | None = None


class ExpectedAnswer(_Strict):
    label: str | None = None  # the request's own label, for the report; questions are matched in order
    treatments: list[Literal[TREATMENTS]] = Field(min_length=1)  # type: ignore[valid-type]
    exemptions: list[str] = []
    pointers: list[str] = []


class RequestCase(_Strict):
    id: str
    request: str = Field(min_length=1)
    expected: list[ExpectedAnswer] = Field(min_length=1)
    authority: str | None = None
    exclude: list[str] = []  # references that may not serve as precedent (the letters the request restates)
    source: list[PrecedentRef] = []
    note: str | None = None


class ExpectedFlag(_Strict):
    label: str
    kinds: list[str] = Field(min_length=1)  # any one of these kinds on this label passes


class Derivation(_Strict):
    reference: str
    label: str
    op: str


class FlagCase(_Strict):
    id: str
    draft: str | None = None  # inline letter text (front matter allowed)
    letter: str | None = None  # a corpus letter (by reference) checked against all the others
    pair: list[PrecedentRef] | None = None  # a ground-truth inconsistency: either side must flag the other
    expected: list[ExpectedFlag] = []  # [] = a sound draft: no flag of the considered kinds at all
    kinds: Literal["divergence", "statutory", "all"] = "divergence"  # which flags count for this case
    exclude: list[str] = []  # references that may not serve as precedent (e.g. the letter a draft perturbs)
    authority: str | None = None
    derived_from: Derivation | None = None
    note: str | None = None

    @model_validator(mode="after")
    def _one_source(self) -> FlagCase:
        given = [x for x in (self.draft, self.letter, self.pair) if x]
        if len(given) != 1:
            raise ValueError("give exactly one of draft, letter or pair")
        if self.pair is not None and len(self.pair) != 2:
            raise ValueError("a pair names exactly two letters")
        return self


Case = Annotated[RetrievalCase | RequestCase | FlagCase, Field()]
CASE_MODELS = {"retrieval": RetrievalCase, "request": RequestCase, "flags": FlagCase}


class Suite(_Strict):
    version: int
    name: str
    kind: Literal["retrieval", "request", "flags"]
    description: str | None = None
    cases: list
    path: str | None = None


def _where(loc) -> str:
    return ".".join(str(p) for p in loc) if loc else "(top level)"


def _errors(exc: ValidationError) -> str:
    parts = []
    for e in exc.errors()[:5]:
        msg = e["msg"]
        if e["type"] == "extra_forbidden":
            msg = "unknown key"
        parts.append(f"{_where(e['loc'])}: {msg}")
    return "; ".join(parts)


def parse_suite(data, source: str = "<suite>") -> Suite:
    """Validate a loaded YAML document; raises EvalSuiteError naming ``source`` and the case."""
    if not isinstance(data, dict):
        raise EvalSuiteError(f"{source}: a suite is a mapping with version, name, kind and cases")
    head = {k: v for k, v in data.items() if k != "cases"}
    head["cases"] = []
    try:
        suite = Suite(**head)
    except ValidationError as exc:
        raise EvalSuiteError(f"{source}: {_errors(exc)}") from None
    if suite.version != SUITE_VERSION:
        raise EvalSuiteError(
            f"{source}: suite version {suite.version} is not supported (this version reads {SUITE_VERSION})"
        )
    raw_cases = data.get("cases")
    if not isinstance(raw_cases, list) or not raw_cases:
        raise EvalSuiteError(f"{source}: 'cases' must be a non-empty list")
    model = CASE_MODELS[suite.kind]
    cases, seen = [], set()
    for i, raw in enumerate(raw_cases):
        name = raw.get("id") if isinstance(raw, dict) else None
        where = f"{source}: case {name!r}" if name else f"{source}: case #{i + 1}"
        if not isinstance(raw, dict):
            raise EvalSuiteError(f"{where}: a case is a mapping")
        try:
            case = model(**raw)
        except ValidationError as exc:
            raise EvalSuiteError(f"{where}: {_errors(exc)}") from None
        if case.id in seen:
            raise EvalSuiteError(f"{where}: duplicate case id")
        seen.add(case.id)
        cases.append(case)
    return suite.model_copy(update={"cases": cases, "path": source})


def load_suite(path: str | Path) -> Suite:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise EvalSuiteError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise EvalSuiteError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    return parse_suite(data, str(path))


SUITES_DIR = Path(__file__).resolve().parent / "suites"


def shipped_suites() -> list[Path]:
    return sorted(SUITES_DIR.glob("*.yaml"))


def resolve_suites(names: list[str] | None) -> list[Path]:
    """Suite files from names or paths ('retrieval' -> evals/suites/retrieval.yaml); all shipped when empty."""
    if not names:
        found = shipped_suites()
        if not found:
            raise EvalSuiteError(f"no suites in {SUITES_DIR}")
        return found
    out = []
    for name in names:
        p = Path(name)
        if p.is_file():
            out.append(p)
            continue
        candidate = SUITES_DIR / (name if name.endswith(".yaml") else name + ".yaml")
        if candidate.is_file():
            out.append(candidate)
            continue
        raise EvalSuiteError(
            f"{name}: no such suite file (shipped suites: "
            f"{', '.join(s.stem for s in shipped_suites()) or 'none'})"
        )
    return out
