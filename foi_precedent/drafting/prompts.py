"""Prompt templates: versioned YAML files under ``prompts/<name>/v<N>.yaml``, validated on load.

A template has the keys ``version``, ``description``, ``system``, ``user`` and ``variables``, and optionally
``output``: ``letter`` (the model writes the whole letter; the default) or ``sections`` (the model writes
the answers and the reasons, and Precedent assembles the letter around them).
Placeholders are ``{name}`` (``{{`` and ``}}`` are literal braces). Loading fails on an unknown or
missing key and on a placeholder that ``variables`` does not declare; rendering fails on a missing or
undeclared variable. Values are substituted in one pass, so braces inside data are never templating.

The words around the data are the prompt's too. A template that declares ``{plan}`` has ``layout``: how the
plan is written for the model (one line per field of each question), how a precedent passage and a precedent's
reasons are quoted, and what stands for nothing (``none``, ``no_precedent``). One that declares ``{guide}`` has ``guides``: one sentence for each of :data:`GUIDE_KEYS`,
which drafting chooses from by the plan and the rule table (``foi_precedent.drafting.prompting.section_guide``).
One that declares ``{opening}`` has ``openings``: the words the reasons begin with, for one exemption and for
several. :data:`PARTS` lists each key's entries and the placeholders each may use.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

from foi_precedent.errors import PromptError

PROMPTS_DIR = Path(__file__).resolve().parents[2] / "prompts"
KEYS = ("version", "description", "system", "user", "variables")
# guides: what a section must go on to say (drafting picks them by the plan and the exemption rule table)
GUIDE_KEYS = ("answer", "harm", "class_based", "ncnd", "public_interest", "absolute", "no_exemption")
# key -> (the variable that needs it, {entry: the placeholders the entry may use})
PARTS: dict[str, tuple[str, dict[str, tuple[str, ...]]]] = {
    "layout": (
        "plan",
        {
            "question": (
                "label",
                "text",
            ),  # the requester's wording: drafting keeps it inside data delimiters
            "decision_needed": ("note",),
            "decision": ("decision", "status", "confidence"),
            "exemptions": ("exemptions",),
            "pointers": ("pointers",),
            "required_answer": ("answer",),
            "none": (),  # an empty decision, exemption list or pointer list
            "passage": ("reference", "label", "question", "answer"),  # one past answer quoted (no date known)
            "passage_dated": ("reference", "label", "date", "question", "answer"),
            "reasons": ("reference", "paragraphs"),  # a precedent letter's reasons for its decision
            "no_precedent": (),  # the precedent passages when there are none
        },
    ),
    "guides": ("guide", {key: () for key in GUIDE_KEYS}),
    # the words the reasons section begins with, for one exemption and for several
    "openings": ("opening", {"reasons_one": ("exemptions",), "reasons_many": ("exemptions",)}),
}
OPTIONAL_KEYS = ("output", *PARTS)
DATA_QUESTION = "<request_data>{text}</request_data>"
OUTPUTS = ("letter", "sections")
_PLACEHOLDER = re.compile(r"\{\{|\}\}|\{([A-Za-z_][A-Za-z0-9_]*)\}|\{|\}")
_FILE = re.compile(r"^v(\d+)\.ya?ml$")


@dataclass(frozen=True)
class PromptTemplate:
    name: str
    version: int
    description: str
    system: str
    user: str
    variables: tuple[str, ...]
    path: Path | None = None
    output: str = "letter"
    layout: tuple[
        tuple[str, str], ...
    ] = ()  # (entry, text) for each of PARTS["layout"], if {plan} is declared
    guides: tuple[
        tuple[str, str], ...
    ] = ()  # (entry, sentence) for each of GUIDE_KEYS, if {guide} is declared
    openings: tuple[tuple[str, str], ...] = ()  # (entry, words) for each opening, if {opening} is declared

    @property
    def prompt_version(self) -> str:
        return f"{self.name}/v{self.version}"

    @property
    def echoes(self) -> tuple[str, ...]:
        """The user message's own scaffolding, each line's words before its first placeholder ("SECTION TO WRITE:",
        "PLAN (decided from precedent; follow it exactly):", "<precedent_data>"): a small model that writes these
        back has echoed its prompt, not written the section."""
        out = []
        for line in self.user.splitlines():
            head = line.split("{", 1)[0].strip()
            if len(head) >= 8:
                out.append(head)
        return tuple(dict.fromkeys(out))

    def part(self, key: str, entry: str, **values: str) -> str:
        """One entry of the prompt's ``layout``, ``guides`` or ``openings``, its placeholders filled in."""
        text = dict(getattr(self, key)).get(entry)
        if text is None:
            raise PromptError(f"prompt {self.prompt_version} has no {key} entry {entry!r}")
        return _fill(text, values)

    def guide(self, entry: str) -> str:
        return self.part("guides", entry)

    def opening(self, entry: str, exemptions: str) -> str:
        return self.part("openings", entry, exemptions=exemptions)

    def render(self, **values: str) -> list[dict]:
        """The chat messages: system and user, with every declared variable filled in."""
        missing = [v for v in self.variables if v not in values]
        if missing:
            raise PromptError(f"prompt {self.prompt_version}: missing variable(s) {', '.join(missing)}")
        unknown = sorted(set(values) - set(self.variables))
        if unknown:
            raise PromptError(f"prompt {self.prompt_version}: undeclared variable(s) {', '.join(unknown)}")
        return [
            {"role": "system", "content": _fill(self.system, values)},
            {"role": "user", "content": _fill(self.user, values)},
        ]


def placeholders(text: str, where: str = "") -> list[str]:
    """Names used as ``{name}``; a lone brace is an error (write ``{{`` or ``}}``)."""
    names = []
    for m in _PLACEHOLDER.finditer(text):
        token = m.group(0)
        if token in ("{{", "}}"):
            continue
        if m.group(1) is None:
            raise PromptError(
                f"{where}: a lone '{token}' at offset {m.start()} (write '{token * 2}' for a brace)"
            )
        names.append(m.group(1))
    return names


def _fill(text: str, values: dict[str, str]) -> str:
    def sub(m: re.Match) -> str:
        token = m.group(0)
        if token == "{{":
            return "{"
        if token == "}}":
            return "}"
        return str(values[m.group(1)])

    return _PLACEHOLDER.sub(sub, text)


def parse_template(data: object, name: str, where: str, path: Path | None = None) -> PromptTemplate:
    if not isinstance(data, dict):
        raise PromptError(f"{where}: a prompt file must be a mapping with keys {', '.join(KEYS)}")
    unknown = sorted(set(map(str, data)) - set(KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise PromptError(
            f"{where}: unknown key(s) {', '.join(unknown)} (allowed: {', '.join(KEYS + OPTIONAL_KEYS)})"
        )
    output = data.get("output", "letter")
    if output not in OUTPUTS:
        raise PromptError(f"{where}: output must be one of {', '.join(OUTPUTS)}, not {output!r}")
    missing = [k for k in KEYS if k not in data]
    if missing:
        raise PromptError(f"{where}: missing key(s) {', '.join(missing)}")
    version = data["version"]
    if isinstance(version, str) and re.fullmatch(r"v?\d+", version):
        version = int(version.lstrip("v"))
    if not isinstance(version, int) or isinstance(version, bool) or version < 1:
        raise PromptError(f"{where}: version must be a positive whole number")
    for key in ("description", "system", "user"):
        if not isinstance(data[key], str) or not data[key].strip():
            raise PromptError(f"{where}: '{key}' must be non-empty text")
    variables = data["variables"]
    if not isinstance(variables, list) or not all(
        isinstance(v, str) and re.fullmatch(r"[A-Za-z_]\w*", v) for v in variables
    ):
        raise PromptError(f"{where}: 'variables' must be a list of names")
    if len(set(variables)) != len(variables):
        raise PromptError(f"{where}: 'variables' declares a name twice")
    used = set(placeholders(data["system"], f"{where} system")) | set(
        placeholders(data["user"], f"{where} user")
    )
    undeclared = sorted(used - set(variables))
    if undeclared:
        raise PromptError(
            f"{where}: placeholder(s) {', '.join('{' + u + '}' for u in undeclared)} not declared in "
            "variables"
        )
    unused = sorted(set(variables) - used)
    if unused:
        raise PromptError(f"{where}: variable(s) {', '.join(unused)} declared but never used")
    parts = {key: _parts(data, key, variables, where) for key in PARTS}
    return PromptTemplate(
        name=name,
        version=version,
        description=data["description"].strip(),
        system=data["system"],
        user=data["user"],
        variables=tuple(variables),
        path=path,
        output=output,
        **parts,
    )


def _parts(data: dict, key: str, variables: list[str], where: str) -> tuple[tuple[str, str], ...]:
    """``layout``, ``guides`` or ``openings``: present exactly when its variable is declared, with every entry
    of ``PARTS[key]``, each non-empty text using only that entry's placeholders."""
    variable, spec = PARTS[key]
    if variable not in variables:
        if key in data:
            raise PromptError(f"{where}: '{key}' is given but {{{variable}}} is not declared in variables")
        return ()
    parts = data.get(key)
    if not isinstance(parts, dict):
        raise PromptError(f"{where}: {{{variable}}} needs '{key}', a mapping with the keys {', '.join(spec)}")
    unknown = sorted(set(map(str, parts)) - set(spec))
    missing = [k for k in spec if k not in parts]
    if unknown or missing:
        raise PromptError(
            f"{where}: '{key}' must have exactly the keys {', '.join(spec)}"
            + (f"; unknown: {', '.join(unknown)}" if unknown else "")
            + (f"; missing: {', '.join(missing)}" if missing else "")
        )
    for entry, allowed in spec.items():
        text = parts[entry]
        if not isinstance(text, str) or not text.strip():
            raise PromptError(f"{where}: '{key}.{entry}' must be non-empty text")
        bad = sorted(set(placeholders(text, f"{where} {key}.{entry}")) - set(allowed))
        if bad:
            raise PromptError(
                f"{where}: '{key}.{entry}' uses {', '.join('{' + b + '}' for b in bad)} (allowed: "
                f"{', '.join('{' + a + '}' for a in allowed) or 'none'})"
            )
    if key == "layout" and DATA_QUESTION not in parts["question"]:
        raise PromptError(
            f"{where}: 'layout.question' must hold the requester's wording as {DATA_QUESTION} (data "
            "delimiters: the model is told never to obey what is inside them)"
        )
    return tuple((entry, parts[entry]) for entry in spec)


def load_prompt_file(path: str | Path, name: str | None = None) -> PromptTemplate:
    path = Path(path)
    name = name or path.parent.name
    m = _FILE.match(path.name)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise PromptError(f"{path}: cannot read the prompt file ({exc.strerror or exc})") from None
    except yaml.YAMLError as exc:
        raise PromptError(f"{path}: not valid YAML ({str(exc).splitlines()[0]})") from None
    template = parse_template(data, name, str(path), path)
    if m and int(m.group(1)) != template.version:
        raise PromptError(f"{path}: the file name says v{m.group(1)} but version is {template.version}")
    return template


def available(prompts_dir: Path = PROMPTS_DIR) -> dict[str, list[int]]:
    """Prompt name -> its versions, ascending."""
    out: dict[str, list[int]] = {}
    for path in sorted(prompts_dir.glob("*/v*.y*ml")):
        m = _FILE.match(path.name)
        if m:
            out.setdefault(path.parent.name, []).append(int(m.group(1)))
    return {k: sorted(v) for k, v in out.items()}


def load_prompt(
    name: str, version: int | str | None = None, prompts_dir: Path = PROMPTS_DIR
) -> PromptTemplate:
    """``load_prompt("draft_reply")`` (latest) or ``load_prompt("draft_reply", 1)`` / ``("draft_reply/v1")``."""
    if version is None and "/" in name:
        name, version = name.split("/", 1)
    versions = available(prompts_dir).get(name)
    if not versions:
        raise PromptError(f"no prompt named {name!r} in {prompts_dir}")
    if version is None:
        version = versions[-1]
    version = int(str(version).lstrip("v"))
    for ext in ("yaml", "yml"):
        path = prompts_dir / name / f"v{version}.{ext}"
        if path.is_file():
            return _cached(path)
    raise PromptError(
        f"prompt {name!r} has no version {version} (have: {', '.join(f'v{v}' for v in versions)})"
    )


@cache
def _cached(path: Path) -> PromptTemplate:
    return load_prompt_file(path)
