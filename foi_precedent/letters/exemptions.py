"""Exemption citations: find them in text and normalise them ('Section 31(1)(a)&(b)' -> s31(1)(a), s31(1)(b)).

Also the exemption table (``rules/foia_exemptions.yaml``), which is data read once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import yaml

RULES_FILE = Path(__file__).resolve().parent.parent / "rules" / "foia_exemptions.yaml"
FOISA_RULES_FILE = RULES_FILE.with_name("foisa_exemptions.yaml")

# "(1)", "( 2 )", and "(5" left unclosed before the next bracket ("Regulation 12(5(b)")
_PARENS = r"(?:\s?\(\s?[0-9A-Za-z]{1,3}\s?(?:\)|(?=\()))"
_CONT = rf"(?:\s*(?:&|and|,|or|/)\s*{_PARENS}+)"
# "Section 31(1)(a)&(b)", "s.40(2) and (3)", "Sec 31", "sections 23(5)", "Regulation 12(5)(b)"
# "section 33 1(b)": a subsection written without its brackets before a bracketed paragraph is read as (1)(b).
_CITATION = re.compile(
    rf"\b(?P<kw>sections?|secs?\.?|ss?\.|s(?=\d)|regulations?|regs?\.?|exceptions?)\s?"
    rf"(?P<num>\d{{1,2}}(?:A(?![a-z]))?)(?:\s(?P<loose>\d{{1,2}})(?=\([a-z]\)))?(?P<parens>{_PARENS}*)(?P<cont>{_CONT}*)",
    re.I,
)
# A bare "40(2)&(3)" or "31(1)(a)" (an exemption number from 21 to 44 with a subsection).
_BARE = re.compile(rf"(?<![\w(./£$+-])(?P<num>22A|2[1-9]|3\d|4[0-4])(?P<parens>{_PARENS}+)(?P<cont>{_CONT}*)")
# A regulation cited by its number alone, the Regulations named after it ("Under 10(4)(b) of EI(S)R 2004", "12(5)(e)
# of the Environmental Information Regulations"): a number before "of the EIRs" is a regulation.
_BARE_REGULATION = re.compile(
    rf"(?<![\w(./£$+-])(?P<num>\d{{1,2}})(?P<parens>{_PARENS}+)(?P<cont>{_CONT}*)(?=\s+of\s+(?:the\s+)?"
    r"(?:EI\(?S?\)?Rs?\b|Environmental Information))",
    re.I,
)
# "Sections 30 and 31": a further section number after a citation.
_AND_SECTION = re.compile(
    rf"^\s*(?:,|and|&)\s*(?P<num>\d{{1,2}}A?)(?!\w)(?P<parens>{_PARENS}*)(?!\s*(?:hours|working|days|%))"
)

_EXEMPTION_RANGE = range(21, 45)
_PROCEDURAL_REFUSALS = (12, 14)
NOT_HELD_EXCEPTION = "reg12(4)(a)"  # EIR: information not held
NOT_HELD_EXCEPTIONS = (NOT_HELD_EXCEPTION, "reg10(4)(a)")  # and the Scottish EIRs' number for it
_SECTION_OF = re.compile(r"(?:s|reg)\d+[A-Za-z]?")
_PARTS = re.compile(r"(s|reg)(\d+A?)((?:\(\w+\))*)")


def section_of(exemption: str) -> str:
    """The section or regulation an exemption belongs to: 's31(1)(a)' -> 's31', 'reg12(5)(b)' -> 'reg12',
    's22A(1)' -> 's22A' (another exemption than s22); anything else unchanged."""
    m = _SECTION_OF.match(exemption)
    return m.group(0) if m else exemption


def citation_parts(exemption: str) -> tuple[str, str, list[str]] | None:
    """A normalised citation in its parts: 's31(1)(a)' -> ('s', '31', ['(1)', '(a)']), 'reg12(5)(b)' -> ('reg', '12',
    ['(5)', '(b)']), 's22A(1)' -> ('s', '22A', ['(1)']); None for anything else. The one place that knows the
    shape of a normalised citation, beside ``section_of``."""
    m = _PARTS.match(exemption)
    if not m:
        return None
    return m.group(1), m.group(2), re.findall(r"\(\w+\)", m.group(3))


@dataclass(frozen=True)
class Citation:
    text: str  # normalised, e.g. "s31(1)(a)" or "reg12(5)(b)"
    start: int
    end: int

    @property
    def section(self) -> str:
        """'s31(1)(a)' -> 's31'; 's22A(1)' -> 's22A'."""
        return section_of(self.text)

    @property
    def is_exemption(self) -> bool:
        """Part II exemptions, EIR exceptions, and the s12 (cost) and s14 (vexatious) refusals."""
        if self.text.startswith("reg"):
            # EIR 2004 exceptions (reg 12, 13); the Scottish EIRs number them reg 10 (and reg 11 personal data)
            # and reg 6(1)(b), information already publicly available: the EIR's "otherwise accessible"
            return self.text.startswith(
                ("reg12(4)", "reg12(5)", "reg13", "reg10(4)", "reg10(5)", "reg11(2)", "reg6(1)(b)")
            )
        numbered = re.match(r"s(\d+)", self.section)
        if numbered is None:
            return False
        number = int(numbered.group(1))
        return number in _EXEMPTION_RANGE or number in _PROCEDURAL_REFUSALS


def _parens(raw: str) -> list[str]:
    return [
        p.strip().lower() if p.strip().isalpha() else p.strip()
        for p in re.findall(r"\(\s?([0-9A-Za-z]{1,3})\s?(?:\)|(?=\())", raw)
    ]


def _sibling_letters(parens: list[str]) -> list[str]:
    """The trailing run of paragraph letters in alphabetical order ('a', 'b', 'c'), if it has two or more."""
    run: list[str] = []
    for p in reversed(parens):
        if len(p) == 1 and p.isalpha() and (not run or ord(p) == ord(run[0]) - 1):
            run.insert(0, p)
        else:
            break
    return run if len(run) >= 2 else []


def _expand(prefix: str, num: str, parens: str, cont: str) -> list[str]:
    base = _parens(parens)
    num = num.upper()  # "22a" -> "22A"
    # "Section 31(1)(g)(2)(a)(b)": a number after a letter starts another subsection -> (1)(g), (2)(a), (2)(b)
    split = next((i for i in range(1, len(base)) if base[i].isdigit() and base[i - 1].isalpha()), None)
    if split is not None and prefix == "s":
        first, rest = base[:split], base[split:]
        out = [prefix + num + "".join(f"({p})" for p in first)]
        letters = [p for p in rest[1:] if p.isalpha()]
        out.extend(prefix + num + f"({rest[0]})" + (f"({x})" if x else "") for x in (letters or [""]))
        return out
    # "Section 31(1)(a)(b)", "s36(2)(b)(c)": letters in order after a subsection are its paragraphs, each cited
    # (a letter followed by a roman numeral, "(2)(b)(i)", is a sub-paragraph and stays nested)
    run = _sibling_letters(base)
    if run:
        head = base[: len(base) - len(run)]
        out = [prefix + num + "".join(f"({p})" for p in head + [x]) for x in run]
    else:
        out = [prefix + num + "".join(f"({p})" for p in base)]
    for group in re.findall(rf"{_PARENS}+", cont or ""):
        extra = _parens(group)
        # "... (b)(i) and (ii) and (c)": each continues at its own level (a numeral, a letter, a roman numeral)
        level = next((j for j in range(len(base) - 1, -1, -1) if _level(base[j]) == _level(extra[0])), None)
        keep = base[:level] if level is not None else base[: max(0, len(base) - len(extra))]
        out.append(prefix + num + "".join(f"({p})" for p in keep + extra))
    return out


def _level(part: str) -> str:
    """What a bracketed part numbers: 'n' a subsection (1), 'r' a sub-paragraph (i), 'a' a paragraph (a)."""
    if part[:1].isdigit():
        return "n"
    return "r" if re.fullmatch(r"[ivx]+", part) and (part != "x" and (len(part) > 1 or part in "iv")) else "a"


# what follows a section named as the EIRs' ("... and section 13 of the Environmental Information Regulations 2004")
_OF_THE_EIR = re.compile(
    r"(?:\s*(?:,|and|&)\s*(?:sections?|s\.)\s?\d{1,2}(?:\s?\([0-9a-z]{1,4}\))*)*"
    r"\s+of\s+(?:the\s+)?(?:environmental\s+information\s+regulations|eirs?\b)",
    re.I,
)


def find_citations(text: str) -> list[Citation]:
    """Every section or regulation cited in ``text``, normalised, in order of appearance."""
    found: list[Citation] = []
    taken: list[tuple[int, int]] = []
    for m in _CITATION.finditer(text):
        prefix = "reg" if m.group("kw").lower().startswith(("reg", "exc")) else "s"
        if prefix == "s" and _OF_THE_EIR.match(text[m.end() : m.end() + 160]):
            prefix = "reg"  # "section 12(5)(f) and section 13 of the Environmental Information Regulations": regulations
        parens = (f"({m.group('loose')})" if m.group("loose") else "") + m.group("parens")
        for t in _expand(prefix, m.group("num"), parens, m.group("cont")):
            found.append(Citation(t, m.start(), m.end()))
        end = m.end()
        # "Sections 30 and 31": pick up the following bare section numbers.
        while (more := _AND_SECTION.match(text[end:])) and m.group("kw").lower().startswith("sections"):
            for t in _expand(prefix, more.group("num"), more.group("parens"), ""):  # "and 38(1)(b)"
                found.append(Citation(t, end, end + more.end()))
            end += more.end()
        taken.append((m.start(), end))
    for m in _BARE_REGULATION.finditer(text):
        if any(a <= m.start() < b for a, b in taken) or re.search(
            r"(?:paragraph|para\.?|schedule|article|part)\s*$", text[max(0, m.start() - 12) : m.start()], re.I
        ):
            continue
        for t in _expand("reg", m.group("num"), m.group("parens"), m.group("cont")):
            found.append(Citation(t, m.start(), m.end()))
        taken.append((m.start(), m.end()))
    for m in _BARE.finditer(text):
        if any(a <= m.start() < b for a, b in taken):
            continue
        before = text[max(0, m.start() - 12) : m.start()].lower()
        if re.search(r"(£|\$|page|para|tel|no\.?)\s*$", before):
            continue
        for t in _expand("s", m.group("num"), m.group("parens"), m.group("cont")):
            found.append(Citation(t, m.start(), m.end()))
    found.sort(key=lambda c: c.start)
    return found


# "section 34(1) of the Data Protection Act 2018", "Article 5(1) of the General Data Protection Regulation": a
# provision of another enactment than the access regime (FOIA, FOISA, the EIRs), quoted in a reason.
_OTHER_ENACTMENT = re.compile(
    r"^\s*(?:of|under) (?:the )?(?!(?i:freedom of information|environmental information|fo(?:i|ia|isa)\b|eirs?\b|ei\(s\)r))"
    r"(?!Act\b)[A-Z](?:(?!\bsections?\b)[A-Za-z()' ]){0,60}?\b(?:Act|Regulations?|Order)\b"
)


def of_another_enactment(text: str, citation: Citation) -> bool:
    """The citation is followed by the name of another enactment ('... of the Data Protection Act 2018')."""
    return bool(_OTHER_ENACTMENT.match(text[citation.end : citation.end + 90]))


def normalise_exemptions(text: str) -> list[str]:
    """The Part II exemptions (and EIR exceptions) cited in ``text``, normalised, unique, in order."""
    seen: dict[str, None] = {}
    for c in find_citations(text):
        if c.is_exemption:
            seen.setdefault(c.text, None)
    return list(seen)


@dataclass(frozen=True)
class ExemptionRule:
    key: str
    name: str
    kind: str  # absolute | qualified
    test: str  # class | prejudice | endanger | required_for | reasonable_opinion
    ncnd: str | None

    @property
    def qualified(self) -> bool:
        return self.kind == "qualified"

    @property
    def prejudice_based(self) -> bool:
        return self.test == "prejudice"


@dataclass(frozen=True)
class RuleTable:
    exemptions: dict[str, ExemptionRule]
    cost_limits: dict

    def rule_for(self, exemption: str) -> ExemptionRule | None:
        """Most specific entry first: s40(1)(...) -> 's40(1)', then 's40'."""
        parts = citation_parts(exemption)
        if not parts:
            return None
        section, parens = parts[0] + parts[1], parts[2]  # "s31" or "reg12"
        for n in range(len(parens), -1, -1):
            key = section + "".join(parens[:n])
            if key in self.exemptions:
                return self.exemptions[key]
        return None

    def is_ncnd_subsection(self, exemption: str) -> bool:
        """True for citations such as s31(3) or s40(5B)(a)(i) that neither confirm nor deny."""
        rule = self.rule_for(exemption)
        if rule and rule.ncnd and exemption.lower().startswith(rule.ncnd.lower()):
            return True
        return bool(re.match(r"s40\(5[AB]?\)", exemption, re.I))

    @property
    def ncnd_subsections(self) -> set[str]:
        return {r.ncnd for r in self.exemptions.values() if r.ncnd}


@cache
def rule_table(path: Path = RULES_FILE) -> RuleTable:
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    rules = {
        key: ExemptionRule(key=key, name=v["name"], kind=v["kind"], test=v["test"], ncnd=v.get("ncnd"))
        for key, v in data["exemptions"].items()
    }
    return RuleTable(exemptions=rules, cost_limits=data.get("cost_limits", {}))


def rule_table_for(regime: str | None) -> RuleTable:
    """The exemption table a letter's provisions are read with: its regime's (``rules/regimes.yaml``), FOIA's
    when the regime is unknown."""
    from foi_precedent.letters.regimes import profile

    return rule_table(RULES_FILE.with_name(profile(regime).exemption_table))
