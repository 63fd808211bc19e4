"""The requester's identity in a request, found and replaced by placeholders before anything reaches the index
or a model.

A requester shows who they are in a few ways, all of them handled here by general rules rather than lists of
people: a name signed under the request ("Yours faithfully," "Kind regards" "Many thanks for your help." then a
name, or a name alone on the last lines), a name given in the text ("My name is ...", "I, Jane Smith, ...", "I am
Jane Smith and ...", "on behalf of Jane Smith"), the head of a WhatDoTheyKnow page ("Jane Smith made this Freedom of
Information request to ..."), e-mail addresses (WhatDoTheyKnow's ``request-NNN-xxxx@...`` reply
address among them), UK and international phone numbers, postcodes, street addresses and a house name above
them in a signature, and social-media handles; a web form's fields ("First name:", "Address line 1:"); the same
run together when a request comes on one line ("... in 2024? Yours sincerely, Jane Smith PS ..."). A person the
request is *about* ("Chief Constable Smith's expenses", "payments made on behalf of Jane Doe", "Councillor Jane Doe"
beside a requester who signs "Jane") is not the requester and stays. Pure: text in, clean text out. The forms are
tested one by one, in six layouts, in tests/unit/test_identity_variants.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# letters beyond ASCII, so that 'José Müller' and 'Seán Ó Briain' are names too
_UPPER_EXTRA = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.isupper())
_LOWER_EXTRA = "".join(c for c in map(chr, range(0xC0, 0x250)) if c.islower())
_UP = f"A-Z{_UPPER_EXTRA}"
_LETTER = f"a-zA-Z{_UPPER_EXTRA}{_LOWER_EXTRA}"

EMAIL = re.compile(
    r"[\w.+'-]+[ \t]?@[ \t]?[\w-]+(?:\.[\w-]+)+"
    # written out to beat scrapers: "sam.lee at gmail dot com", "sam [at] example [dot] org"
    r"|\b[\w.+'-]+[ \t]*(?:\[at\]|\(at\)|[ \t]at[ \t])[ \t]*[\w-]+(?:[ \t]*(?:\[dot\]|\(dot\)|[ \t]dot[ \t])"
    r"[ \t]*[\w-]+)+\b"
    # WhatDoTheyKnow's reply address without its domain ('request-123456-ab12cd34'), or cut off after its number in a
    # stored copy ('SENT BY EMAIL TO: ... request-491181- Email')
    r"|\b(?:foi\+)?request-\d{3,}-(?:[0-9a-f]{6,10}\b|(?=[ \t\n]|$))",
    re.I,
)
# 07700 900123, 07700 900 123, 07700900123, 020 7946 0958, (020) 7946 0958, +44 7700 900123, +447700900123,
# +44 (0)20 7946 0958, 0044 20 7946 0958, 0161-496-0000, and international numbers written with a '+'
_PHONE_SHAPE = re.compile(
    r"(?<![\w.+/-])(?:(?:\+|00)[ \t]?\d{1,3}[ \t-]?(?:\(0\)[ \t]?|\(\d{1,4}\)[ \t-]?)?\d(?:[ \t-]?\d){6,12}"
    r"|\(\+\d{1,3}\)[ \t-]?(?:\(0\)[ \t]?)?\d(?:[ \t-]?\d){6,12}"
    r"|\(0\d{1,4}\)[ \t-]?\d(?:[ \t-]?\d){4,8}|0\d(?:[ \t-]?\d){8,9})(?![\w/]|\.\d)"
)
# any number a requester labels as theirs ('Tel: 01 234 5678', 'Mobile (US): 415.555.0134', 'Phone 555 0134 ext 12')
_PHONE_CUE = re.compile(
    r"\b(?i:tel(?:ephone)?|phone|mobile|mob|cell(?:phone)?|landline|fax|whatsapp|ph|contact[ \t]+(?:no|number))"
    r"\b\.?[ \t]*(?:\([^()\n]{1,20}\)[ \t]*)?(?i:(?:no|number)\b\.?[ \t]*)?[:.-]?[ \t]*"
    r"(?P<num>\+?\(?\d[\d ().\t-]{5,22}\d)(?![\w/])"
)


def _is_phone(number: str) -> bool:
    digits = re.sub(r"\D", "", number.replace("(0)", ""))
    if number.lstrip("(").startswith("+"):
        return 8 <= len(digits) <= 15
    if number.startswith("00"):
        return 10 <= len(digits) <= 15
    return len(digits) in (10, 11)  # a UK number: 0 and nine or ten digits


@dataclass(frozen=True)
class _PhoneMatch:
    number: str
    start: int
    end: int

    def group(self, _: int = 0) -> str:
        return self.number


class _Phone:
    """PHONE.finditer / PHONE.sub / PHONE.search over UK-shaped and '+' numbers (the digit count checked), and
    any number of seven to fifteen digits after 'Tel:', 'Mobile' and the like."""

    @staticmethod
    def finditer(text: str):
        spans = [(m.start(), m.end()) for m in _PHONE_SHAPE.finditer(text) if _is_phone(m.group(0))]
        spans += [
            (m.start("num"), m.end("num"))
            for m in _PHONE_CUE.finditer(text)
            if 7 <= len(re.sub(r"\D", "", m.group("num"))) <= 15
            and not re.fullmatch(r"(?:(?:19|20)\d\d\W*)+", m.group("num"))  # 'mobile 2019-2023'
            and not any(a <= m.start("num") < b for a, b in spans)
        ]
        return (_PhoneMatch(text[a:b], a, b) for a, b in sorted(spans))

    def search(self, text: str):
        return next(self.finditer(text), None)

    def sub(self, repl: str, text: str) -> str:
        out, last = [], 0
        for m in self.finditer(text):
            out.append(text[last : m.start] + repl)
            last = m.end
        return "".join(out) + text[last:]


PHONE = _Phone()
POSTCODE = re.compile(
    r"\b(?:GIR ?0AA|[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b"
    # an Irish Eircode ('D08 XY12', 'T12 X2Y3'): a routing key, then four letters and digits mixed
    r"|\b(?:[AC-FHKNPRTV-Y]\d{2}|D6W) ?(?=[0-9AC-FHKNPRTV-Y]{0,3}\d)(?=[0-9AC-FHKNPRTV-Y]{0,3}[A-Z])"
    r"[0-9AC-FHKNPRTV-Y]{4}\b"
)
_POSTCODE_ANY_CASE = re.compile(r"\b(?:[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]? ?\d[ABD-HJLNP-UW-Z]{2})\b", re.I)
_STREET_WORDS = (
    "Street|St|Road|Rd|Avenue|Ave|Lane|Ln|Close|Drive|Dr|Way|Place|Pl|Court|Ct|Crescent|Gardens|Terrace|Grove|Hill|"
    "Square|Sq|Park|Row|Walk|Mews|Parade|Rise|View|Green|Wynd|Gate|Brae|Vale|Meadows?|Boulevard|Quay|Wharf|Yard|"
    "Circus|Broadway|Embankment|Causeway|Glen|Heights|Croft|Chase|Grange|Mount|Fields|Cottages|Villas|Terr|Cres|Gdns|"
    "Esplanade|Promenade|Loan|Hollow|Approach|Avenue"
)
STREET = re.compile(
    rf"\b(?:(?:Flat|Apartment|Apt|Unit)\.? \d+[A-Za-z]?(?:/\d+)?,?\s+)?\d{{1,4}}[A-Za-z]?(?:/\d+)?,?\s+"
    rf"(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_STREET_WORDS})\b\.?|\bP\.?\s?O\.?\s?Box\s+\d+"
)
# a street named without its number on a line of its own in a signature ('Mill Lane')
_STREET_LINE = re.compile(rf"^(?:[A-Z][\w'-]*\s+){{1,3}}(?:{_STREET_WORDS})\.?,?$")
_URL = re.compile(
    r"\b(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|co\.uk|org\.uk|io)/\S*", re.I
)
# a requester's profile on WhatDoTheyKnow names them ('https://www.whatdotheyknow.com/user/jane_smith')
_PROFILE_URL = re.compile(r"\b(?:https?://)?(?:www\.)?whatdotheyknow\.com/user/[\w.-]+", re.I)
# '@jane_smith' (not the '@' of an e-mail address)
HANDLE = re.compile(r"(?<![\w.@])@[A-Za-z0-9_]{2,15}\b(?![.@]\w)")

_TITLE = r"(?:Mr|Mrs|Ms|Miss|Mx|Dr|Prof|Professor|Reverend|Rev|Revd|Fr|Rabbi|Imam|Pastor|Sir|Dame)\.?"
# a title after a name, in brackets ('Jane Smith (Ms)')
_BRACKETED_TITLE = r"\((?:Ms|Mr|Mrs|Miss|Mx|Dr|Prof)\.?\)"
_PARTICLE = r"(?:de|da|di|du|del|della|van|von|der|den|le|la|bin|ibn|al|el|ap|Ó|Ní|Nic|Mac|Mc)"
_WORD = rf"[{_UP}][{_LETTER}'’-]+"
# the label of a form's next field is not part of a name ('First name: Jane Surname: Smith Email address: ...')
_FIELD_WORD = r"(?:Surname|Forename|First|Last|Email|E-mail|Address|Tel|Telephone|Phone|Mobile|Postcode|Town|Title|Date)"
_NAME = (
    rf"(?P<name>(?:{_TITLE}[ \t]+)?(?:[{_UP}]\.[ \t]*|[{_UP}][ \t]+){{0,3}}{_WORD}"
    rf"(?:[ \t]+(?:{_PARTICLE}[ \t]+){{0,2}}(?!{_FIELD_WORD}\b)(?:{_WORD}|[{_UP}]\.?)(?![\w'’-]*:)){{0,3}})"
)
# a web form's field for the name, as forms word it ('Name:', 'First name(s):', 'Your full name*:', 'Name (optional):')
_NAME_FIELD = r"(?:sur|fore|first|last|given|family)?name(?:\(s\))?(?:[ \t]*\([a-z ]{1,20}\))?[ \t]*\*?"
# ... and its value as some type it, in lower case, alone on the field's line ('Name: jane smith')
_FIELD_PLAIN_NAME = re.compile(
    rf"^[ \t]*(?i:(?:(?:your|full|contact|requester'?s?|applicant'?s?)[ \t]+){{0,2}}{_NAME_FIELD})[ \t]*:[ \t]*"
    r"(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,3})[ \t]*$",
    re.M,
)
# ... and a form's fields run together on one line, the name between its label and the next field's ('Name Jane
# Smith Email ...', 'Your name: jane smith Your email: ...'); the label capitalised, as a form prints it
_FLAT_FORM_NAME = re.compile(
    r"(?:^|(?<=[\s.,;]))(?:Name|NAME|(?:Full|Your|Contact|Requester|Applicant)(?:[ \t]+full)?[ \t]+[Nn]ame)"
    r"[ \t]*\*?[ \t]*:?[ \t]+(?P<name>[^\W\d_][\w'’.-]*(?:[ \t]+[^\W\d_][\w'’.-]*){0,3}?)[ \t]+"
    r"(?=(?i:(?:your[ \t]+)?(?:e-?mail|(?:postal[ \t]+)?address|phone|telephone|tel|mobile|post[ \t]*code|"
    r"organi[sz]ation))\b)"
)
# what a form's name field holds when the requester gives none ('Name: withheld', 'Name: not given')
_NO_NAME_GIVEN = re.compile(
    r"(?:\b(?:not|no|withheld|anonymous|anon|unknown|none|redacted|private|prefer|given|provided|supplied|"
    r"applicable|declined|confidential)\b)"
)
# ... with the value on the line under the label, or after it with no colon ('Full name' / 'Jane Smith', 'Name Jane
# Smith'), where the form's other fields stand beside it ('Email', 'Address', ...)
_NAME_LABEL = re.compile(
    r"^[ \t]*(?i:(?:(?:your|full|your[ \t]+full|contact|requester'?s?|applicant'?s?|first|given|last|family)[ \t]+)?"
    r"(?:sur|fore)?name(?:\(s\))?(?:[ \t]+of[ \t]+(?:the[ \t]+)?(?:requester|applicant))?(?:[ \t]*\([a-z ]{1,20}\))?)"
    r"[ \t]*\*?[ \t]*(?::[ \t]*)?(?:$|(?<=[a-z)*])[ \t]+(?P<value>\S.*)$)"
)
_OTHER_FIELD = re.compile(
    r"^[ \t]*(?i:(?:your[ \t]+)?(?:e-?mail(?:[ \t]+address)?|(?:postal[ \t]+)?address|post[ \t]*code|phone|"
    r"telephone|tel|mobile|organi[sz]ation|company|title|date|(?:your[ \t]+)?request|details))\b"
    # (the field's label alone, or with its value: not a column heading in a list, 'Date of appointment')
    r"(?:[ \t]*\*?[ \t]*(?::.*)?$|[ \t]+\S*[@\d].*$)"
)
# only the cue ignores case: the name itself is capitalised ("My name is Peter Brown and I ..." -> Peter Brown)
MY_NAME = re.compile(
    rf"\b(?i:my name is|my name's|I am called|{_NAME_FIELD}[ \t]*:|name[ \t]*[-–](?=[ \t])|from:|"
    rf"requester:|requestor:|applicant:|sent[ \t]+by:|signed:?|contact(?:[ \t]+name)?:|"
    # (the name in quotes, as an e-mail header may give it: 'From: "Jane Smith" <jane@x.org>')
    rf"signature:|\(signed\))[ \t]+[\"“]?{_NAME}"
)
# 'my name is bob jones.': a lower-case name only where it ends the clause
_MY_PLAIN_NAME = re.compile(
    r"\bmy name(?: is|'s)[ \t]+(?P<name>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){0,2})"
    r"(?=[ \t]*(?:[,.;:!]|$|\band\b))",
    re.I | re.M,
)
# the requester's family named in the request ('my son, Tom Smith,'): personal data that shares the surname
_RELATIVE = re.compile(
    rf"\b(?i:my)[ \t]+(?:(?i:elderly|disabled|youngest|eldest|older|younger)[ \t]+)?"
    r"(?i:son|daughter|wife|husband|partner|mother|father|mum|mom|dad|brother|sister|child|"
    r"grandson|granddaughter|grandmother|grandfather|grandma|grandad|aunt|uncle|nephew|niece|"
    r"fianc[ée]e?|stepson|stepdaughter|stepfather|stepmother)[ \t]*,?[ \t]+"
    # (not one who has died, 'my father, the late Arthur Smith': the person the request is about, who stays)
    rf"(?!(?i:the[ \t]+late|deceased)\b){_NAME}"
)
# 'Jane Smith <jane@x.org>', 'Jane Smith (jane@x.org)', 'Jane Smith jane@x.org': a name with its e-mail; one at a
# public body's domain is an officer's, not the requester's
_NAME_EMAIL = re.compile(
    rf"{_NAME}[ \t]*,?[ \t]*[<(\[]?[ \t]*(?:mailto:)?[\w.+'-]+@(?P<domain>[\w-]+(?:\.[\w-]+)+)"
)
_PUBLIC_DOMAIN = re.compile(
    r"(?:\.gov\.uk|\.gov\.scot|\.gov\.wales|\.llyw\.cymru|\.nhs\.uk|\.nhs\.net|\.nhs\.scot|"
    r"\.police\.uk|\.pnn\.police\.uk|\.ac\.uk|\.sch\.uk|\.parliament\.uk|\.mod\.uk|\.gov|"
    r"\.gov\.ie|\.gsi\.gov\.uk)$"
)


def _public_address(address: str) -> bool:
    """An e-mail address at a public body's domain: an officer's, not a requester's."""
    return "@" in address and bool(_PUBLIC_DOMAIN.search(address.rsplit("@", 1)[1].strip(" \t>)").lower()))


# an e-mail header naming the sender surname first, in quotes or before the address ('From: "Smith, Jane"
# <jane@x.org>', 'From: Smith, Jane <jane@x.org>')
_FROM_QUOTED = re.compile(
    rf"^[ \t]*(?i:from|sender)[ \t]*:[ \t]*(?:[\"'](?P<last>{_WORD}),[ \t]*(?P<first>{_WORD})[\"']"
    rf"|(?P<last2>{_WORD}),[ \t]*(?P<first2>{_WORD})(?=[ \t]*(?:[<\[(]|$)))(?P<rest>[^\n]*)",
    re.M,
)
# the header of quoted correspondence ('Jane Smith wrote:', 'On Fri, 3 May 2024 at 10:12, Jane Smith
# <jane@x.org> wrote:'): whoever wrote in the thread, the requester or an officer, never a person asked about
_WROTE = re.compile(
    rf"^[ \t]*>?[ \t]*(?:(?i:on)\b[^\n]*?[, \t])?{_NAME}[ \t]*(?:<(?P<email>[^>\n]*)>|\((?P<paren>[^)\n]*@[^)\n]*)\))?"
    r"[ \t]*(?i:wrote)[ \t]*:?[ \t]*$",
    re.M,
)
# a person's name alone on the first line, with a title before it or after it in brackets ('Mrs J. Smith',
# 'Jane Smith (Ms)'): the sender, as a letter is headed
_TITLED_NAME_LINE = re.compile(
    rf"(?=(?:{_TITLE})[ \t]|[^\n]*{_BRACKETED_TITLE}[ \t]*$){_NAME}(?:[ \t]*{_BRACKETED_TITLE})?[ \t]*",
)
# WhatDoTheyKnow's page gives the request's status above the requester's name and the greeting ('The request was
# successful.' / 'Jane Smith' / 'Dear Leeds City Council,')
_WDTK_STATUS = re.compile(
    r"^[ \t]*(?:The[ \t]+request[ \t]+(?:was|is)[ \t]+(?:partially[ \t]+)?(?:successful|refused|withdrawn|"
    r"awaiting[ \t]+classification|long[ \t]+overdue|delayed|waiting[ \t]+for[ \t]+(?:a[ \t]+response|clarification))"
    r"|(?:Awaiting[ \t]+classification|Long[ \t]+overdue|Delayed|Successful|Partially[ \t]+successful|Refused))\b[^\n]*$"
    # ('Belfast City Council did not have the information requested.'; on the site's Welsh pages, 'Roedd y cais yn
    # llwyddiannus.', 'Gwrthodwyd y cais gan NHS England.')
    r"|^[ \t]*[A-Z][^\n]{1,100}[ \t]did[ \t]+not[ \t]+have[ \t]+the[ \t]+information[ \t]+requested\.?[ \t]*$"
    r"|^[ \t]*(?:Roedd[ \t]+y[ \t]+cais[ \t]+yn[ \t]+(?:rhannol[ \t]+)?l?lwyddiannus|Gwrthodwyd[ \t]+y[ \t]+cais)\b[^\n]*$",
    re.I,
)
# 'I, Jane Smith, ...'; 'I am Jane Smith and ...'; '... on behalf of Jane Smith'
_I_NAME = re.compile(rf"\bI,[ \t]+(?:the[ \t]+undersigned,?[ \t]+)?{_NAME}[ \t]*,")
# a web form's or a log's line naming who asked ('Requested by: Jane Smith', 'Submitted by Jane Smith on 3 May')
_BY_LINE = re.compile(
    rf"(?:^|(?<=[.!?])[ \t])[ \t]*(?i:requested|submitted)[ \t]+(?i:by)[ \t]*:?[ \t]+{_NAME}"
    r"(?=[ \t]*(?:$|[,.;(]|on\b|via\b))",
    re.M,
)
# a requester's own page heading the request with its byline ('by Jane Smith' / 'article from Wednesday 21 March
# 2018', 'Posted on 3 May 2024')
_BYLINE = re.compile(
    rf"^[ \t]*(?i:by)[ \t]+{_NAME}[ \t]*(?=\n[ \t]*(?i:article|posted|published|written|updated)\b)",
    re.M,
)
# 'Jane Smith here, from Headingley.', 'Hi, Jane Smith here.'
_NAME_HERE = re.compile(
    rf"(?:^|(?<=[,.!?])[ \t]+)[ \t]*{_NAME}[ \t]+here"
    r"(?=[ \t]*[,.!;:]|[ \t]+(?:from|and|with|at)\b)",
    re.M,
)
# WhatDoTheyKnow's page heads a request with who made it ('Jane Smith made this Freedom of Information request to
# Leeds City Council'), in the third person: a requester never writes of their own request so
_MADE_THIS_REQUEST = re.compile(
    r"[ \t]+made[ \t]+this[ \t]+(?:(?:Freedom[ \t]+of[ \t]+Information|FOI|FOIA|FOISA|EIR|"
    r"Environmental[ \t]+Information(?:[ \t]+Regulations)?)[ \t]+)request[ \t]+to\b"
)
# a page that quotes a person's request heads it with their name ('Jane Smith FOI:', "Jane Smith's FOI request:"),
# on a line of its own or run on after a sentence
_NAMED_REQUEST_HEADING = re.compile(
    rf"(?:^|(?<=[.!?…\"”'’][ \t]))[ \t]*{_NAME}[ \t]+(?:FOI|FOIA|FOISA|EIR|Freedom[ \t]+of[ \t]+Information)"
    r"(?:[ \t]+(?i:request))?[ \t]*:",
    re.M,
)
# ... and the name is a person's where a title or an office stands before it, or it put the request in
_PERSON_BEFORE = rf"(?:{_TITLE}|Councillor|Cllr\.?)[ \t]+"
_PUT_IN_A_REQUEST = (
    r",?[ \t]+(?:put[ \t]+in|submitted|made|lodged|sent|filed)[ \t]+(?:a|an|this|the)[ \t]+(?:FOI|FOIA|EIR|"
    r"Freedom[ \t]+of[ \t]+Information|information)\b"
)
# the same name run on after the page's title (the page on one line): a title, initials and one or two words
_NAME_BEFORE_CUE = re.compile(
    rf"(?<![\w'’-])(?P<name>(?:{_TITLE}[ \t]+)?(?:[{_UP}]\.?[ \t]+){{0,3}}{_WORD}(?:[ \t]+{_WORD})?)$"
)
# a WhatDoTheyKnow display name alone on its line, as its user typed it: one to four words of letters, any case
_DISPLAY_NAME = re.compile(rf"[{_LETTER}][{_LETTER}.'’-]*(?:[ \t]+[{_LETTER}][{_LETTER}.'’-]*){{0,3}}")
# ... and names them again where the request waits on them, in the site's words ('If you are Jane Smith, please sign
# in to send a follow up message.'; "We're waiting for Jane Smith to read recent responses and update the status.",
# "We're waiting for Jane Smith (Account suspended) to read a recent response"):
# the display name as its user typed it
_WDTK_WAITS_ON = (
    re.compile(
        rf"\bIf[ \t]+you[ \t]+are[ \t]+(?P<name>{_DISPLAY_NAME.pattern}),[ \t]+please[ \t]+sign[ \t]+in\b"
    ),
    re.compile(
        rf"\b(?:We(?:'re|’re|[ \t]+are)|is)[ \t]+waiting[ \t]+for[ \t]+(?P<name>{_DISPLAY_NAME.pattern})"
        # (with the site's note on the account after it: '(Account suspended)', in Welsh '(Ataliwyd y cyfrif)')
        r"(?:[ \t]+\([^()\n]{1,30}\))?[ \t]+to[ \t]+read"
        r"[ \t]+(?:(?:a|the)[ \t]+)?(?:recent[ \t]+|new[ \t]+)?responses?\b"
    ),
)
# ... and in the lines of its correspondence log ('Follow up sent to Leeds City Council by Jane Smith on 5 May
# 2024.', 'Request sent to ... by ...', 'Jane Smith (Account suspended) left an annotation (4 May 2024)')
_WDTK_EVENT = (
    re.compile(
        r"(?:^|(?<=[.!?][ \t]))[ \t]*(?:Request|Follow[ \t]+up|Internal[ \t]+review[ \t]+request|Clarification|"
        r"Message)[ \t]+sent[ \t]+to[ \t]+[^\n]{1,150}?[ \t]+by[ \t]+"
        rf"(?P<name>{_DISPLAY_NAME.pattern})[ \t]+on[ \t]+\d",
        re.M,
    ),
    re.compile(
        rf"(?:^|(?<=[.!?)][ \t]))[ \t]*(?P<name>{_DISPLAY_NAME.pattern})(?:[ \t]+\([^()\n]{{1,30}}\))?[ \t]+left[ \t]+"
        r"an[ \t]+annotation\b",
        re.M,
    ),
)
# ... and its list of what may be done with a request, which names who made it ('Jane Smith only:' / 'Update the
# status of this request'), on a line of its own or run on with the page
_WDTK_ONLY = re.compile(
    rf"(?:^[ \t]*(?P<name>{_DISPLAY_NAME.pattern})|(?<![\w'’-])(?P<run>[{_UP}][\w'’.-]+(?:[ \t]+[{_UP}][\w'’.-]+){{1,2}}))"
    r"[ \t]+only:\s*(?:Update[ \t]+the[ \t]+status|Send[ \t]+(?:a[ \t]+)?follow[ \t-]?up|Write[ \t]+a[ \t]+reply|"
    r"Request[ \t]+an[ \t]+internal[ \t]+review)",
    re.M,
)
_I_AM = re.compile(
    rf"(?:\bI(?:'m|[ \t]+am)|(?:^|(?<=[.!?][ \t]))(?i:this[ \t]+is))[ \t]+{_NAME}"
    r"(?=[ \t]*(?:[,.;:(]|$|\band\b|\bwho\b|\bfrom\b))",
    re.M,
)
# who acts on someone's behalf: the writer ('I am writing on behalf of', 'This request is made on behalf of', a
# line of its own 'On behalf of ...'), a few words before the cue in the same sentence
_FIRST_PERSON_BEFORE = re.compile(
    r"(?:(?:\b(?:I|we|I'm|I’m)|\b(?i:this[ \t]+request|my[ \t]+request))(?:[ \t]+[\w'’]+){0,4}[ \t]+|(?:^|\n)[ \t]*)$"
)
_ON_BEHALF = re.compile(
    rf"\bon[ \t]+behalf[ \t]+of[ \t]+{_NAME}(?=[ \t]*(?:[,.;:(]|$|\band\b|\bwho\b))", re.M
)
# a name as some sign it, in lower case ("rajesh kumar"), accepted only on the line after a sign-off
# (any script: 'Yifan Bao', '王伟', 'Αλέξης Παππάς')
_PLAIN_NAME = re.compile(
    r"[^\W\d_](?:[^\W\d_]|['’-]|\.(?=[^\W\d_]))*\.?(?:[ \t]+[^\W\d_](?:[^\W\d_]|['’.-])*){0,3}"
)
_TITLE_AFTER = re.compile(rf"\s*{_BRACKETED_TITLE}\s*$", re.I)
# letters after a name ('Bob Jones BSc MRTPI', 'Dr. Bob Jones, PhD')
_POSTNOMINALS = re.compile(
    r"(?:[ \t]*,?[ \t]+(?:[A-Z]{2,6}|PhD|BSc|MSc|MA|BA|LLB|LLM|MBA|MPhil|DPhil|MD|QC|KC|MP|MSP|"
    r"\(Hons\)|FRCS|FCA|ACA|CEng))+[ \t]*$"
)
# how an authority's reply opens under its salutation: it thanks the requester for the request, or names it
_REPLY_OPENING = re.compile(
    # (a requester may thank an officer for an e-mail or a letter, never for a request)
    r"\bthank you for your (?:recent )?(?:request|(?:e-?mail|letter) requesting)\b|"
    r"\b(?:we|i) (?:have )?received your request\b|\baccess to information request\b|"
    r"\byour request for information\b|"
    # ('Thank you for your email of 31 August 2016, in which you asked for the following information')
    r"\bin which you (?:asked|requested|made a request)\b|"
    # ('Thank you for your email, which we received on 9 September 2021. Your request has been handled under ...',
    # 'Thank you for your email which was received by the University on 6 February'): received, in the authority's
    # voice
    r"\bthank you for your (?:recent )?(?:e-?mail|letter),?\s+(?:which|that)\s+(?:we\s+|was\s+|has\s+been\s+)received\b|"
    r"\byour request has been (?:handled|considered|dealt with|processed)\b|"
    # ('We write with regard to your request received by SEPA on 22 October 2016'): a request is "your" request only
    # in the authority's voice
    r"\b(?:with regard to|in response to|further to|in relation to) your (?:recent )?request\b|"
    r"\byour request (?:was )?received\b|"
    # ('I refer to your Freedom of Information (FOI) request received 9 July 2021'): a requester refers to "my" request
    r"\b(?:i|we) (?:would )?refer to your\b[^.\n]{0,60}?\brequest\b",
    re.I,
)
# 'Annwyl' is Welsh for 'Dear'
# ('DearMr Gray': text taken from a PDF loses the space before a title)
DEAR = re.compile(
    rf"^(?P<lead>\s*(?:(?:dear|annwyl|hi|hello)[ \t]+|dear(?={_TITLE}[ \t]))){_NAME}(?P<rest>.*)$",
    re.I | re.M,
)
_DEAR_INLINE = re.compile(
    rf"(?<![\w'\"‘“])Dear[ \t]*(?P<name>(?:Mr|Mrs|Ms|Miss|Mx|Dr)\.?[ \t]+(?:[{_UP}]\.?[ \t]+)?{_WORD})"
)
# a letter's addressee header naming a person ('To: / Mr R Gray'), as a reply that restates the request has it
# an authority's reply e-mail addressed to the requester by name ('To: Jane Smith' / 'Subject: ...' / 'Thank you for
# your request ...')
_TO_HEADER = re.compile(
    rf"^[ \t]*To:[ \t]*['\"“]?{_NAME}['\"”]?[ \t]*(?:<[^>\n]*>)?"
    # (the header run on with the next, as a page pasted on one line has it)
    r"(?:[ \t]*$|[ \t]+(?=(?:Subject|Sent|Date|Cc)[ \t]*:))",
    re.M,
)
_TO_PERSON = re.compile(rf"^[ \t]*To:[ \t]*(?:/[ \t]*)?(?=(?:{_TITLE})[ \t]){_NAME}[ \t]*$", re.M)
_SIGN_OFF_WORDS = (
    # misspelt as often as not: 'Yours sincerly', "Your's faithfuly", 'Thankyou'
    r"your'?s?[ \t]+(?:sinc[a-z]*|faith[a-z]*|truly|respectfully|ever|aye|in[ \t]+anticipation)|"
    r"(?:sincerely|sincerly|faithfully|respectfully)(?:[ \t]+yours)?|thankyou|thx|rgds|"
    r"(?:with[ \t]+)?(?:kind(?:est)?|best|warm(?:est)?|many|good)[ \t]+(?:regards|wishes)|"
    r"(?:with[ \t]+)?(?:many[ \t]+)?thanks(?:[ \t]+(?:and|&)[ \t]+(?:(?:kind|best)[ \t]+)?(?:regards|wishes))?|"
    r"regards|thank you|thanking you|all the best|warmly|take care|yours(?=[ \t]*(?:,|$))|"
    r"best(?=[ \t]*(?:[,–—-]|$))|cheers|kr(?=[ \t]*(?:,|$))|ta(?=[ \t]*(?:[,!.]|$))|"
    # Welsh: 'Yn gywir' (yours sincerely), 'Cofion' (regards), 'Diolch' (thanks)
    r"yn[ \t]+gywir|(?:gyda[ \t]+)?(?:cofion(?:[ \t]+gorau)?|diolch(?:[ \t]+yn[ \t]+fawr)?)"
)
SIGN_OFF = re.compile(rf"^\s*(?:{_SIGN_OFF_WORDS})\b[ \t]*[,.!]?[ \t]*(?P<tail>.*)$", re.I | re.M)
# Irish and Scottish Gaelic sign-offs ('Le meas,', 'Is mise le meas,', 'Le deagh dhùrachd,'), read as sign-offs by
# the signature finder only
_GAELIC_SIGN_OFF = re.compile(
    r"^\s*(?:(?:is[ \t]+)?mise[ \t]+le[ \t]+meas|le[ \t]+meas|le[ \t]+(?:deagh[ \t]+)?dh?ùrachd)\b[ \t]*[,.!]?[ \t]*"
    r"(?P<tail>.*)$",
    re.I | re.M,
)
# a closing sentence on a line of its own that stands where a sign-off would ('I look forward to your reply.'
# then 'Jo'): a sign-off to the signature block only, not to the request reader
_CLOSING = (
    r"^\s*I[ \t]+look[ \t]+forward[ \t]+to[ \t]+(?:hearing[ \t]+from[ \t]+you|(?:receiving[ \t]+)?(?:your|a|the)[ \t]+"
    r"(?:reply|response|answer|information))(?:[ \t]+(?:(?:very[ \t]+)?soon|shortly|in[ \t]+due[ \t]+course|"
    r"within[ \t]+[^?\n]{0,50}))?"
)
_CLOSING_LINE = re.compile(_CLOSING + r"[ \t]*[.!]?[ \t]*$", re.I)
# the same with the name after it at the end of a line, as a request sent on one line has it
_CLOSING_THEN_NAME = re.compile(
    _CLOSING + r"[ \t]*[.!,][ \t]+(?P<name>[^.?!,\n]{2,40}?)[ \t]*[.!]?[ \t]*$", re.I
)
# a signature run on after the last sentence of a line: '-- Ann Lee ...', 'Ann Lee | Campaigns Lead | ...'
_RUN_ON_SIGNATURE = re.compile(
    r"^(?:(?:--+|__+|—+)[ \t]+(?P<ruled>.+)|(?P<piped>[^|\n]{3,40}?)[ \t]+\|[ \t]+(?P<after>[^|\n]+?)[ \t]*(?:\||$))"
)
# what may follow a sign-off word before the name on the next line ('Thanks very much,', 'Thank you for your help.')
_COURTESY_TAIL = re.compile(
    r"^(?:very[ \t]+much|so[ \t]+much|a[ \t]+(?:lot|million|bunch)|again|in[ \t]+(?:advance|anticipation)|once[ \t]+again|"
    r"kindly|(?:and|&)[ \t]+(?:many[ \t]+)?thanks|"
    r"(?:in[ \t]+advance[ \t]+)?for[ \t]+(?:your|all[ \t]+your|the|this|considering|"
    r"dealing|reading|taking)\b[^?\n]{0,60}|(?:and|&)[ \t]+(?:(?:kind|best|warm)[ \t]+)?"
    r"(?:regards|wishes))[ \t]*[,.!]*[ \t]*$",
    re.I,
)
_ORGANISATION = re.compile(
    r"\b(?:council|police|service|authority|department|constabulary|commissioner|office|"
    r"trust|team|unit|board|government|ministry|agency|university|college|school|nhs|"
    r"executive|committee|foundation|company|limited|ltd|plc|group|association|society|"
    r"partnership|campaign|club|network|alliance|federation|union|institute|centre|center|"
    r"corporation|commission|inspectorate|directorate|news|press|times|guardian|telegraph|bbc|itv)\b",
    re.I,
)
# a public body a greeting addresses whose name has none of those words ('Dear Transport for Greater Manchester,',
# 'Dear Network Rail', 'Dear Natural England', 'Dear Companies House', 'Dear HM Revenue and Customs', 'Dear Museum of
# London', 'Dear Merseytravel'): no person, unless a title stands before it
_ADDRESSED_BODY = re.compile(
    r"^(?!(?:mr|mrs|ms|miss|mx|dr|sir|dame|lord|lady|prof(?:essor)?)\.?\s)(?:"
    r"[^\n]*\b(?:transport|highways|rail|railways?|water|treasury|registry|inspectorate|ombudsman|regulator|"
    r"england|scotland|wales|cymru|ireland|britain|house|academy|academies|museums?|gallery|galleries|library|"
    r"libraries|universities|customs|royal|armour(?:y|ies)|archives|mint)\b|\w+travel\b|(?-i:HM\s+[A-Z])"
    # a body named as what it is for ('Transport for Greater Manchester', 'Health Education for England')
    r"|(?-i:[A-Z][\w&'’-]*\s+for\s+(?:the\s+)?[A-Z]))",
    re.I,
)
# capitalised words that stand on a line of their own without being a name (headings, list entries)
_NOT_NAME_WORD = re.compile(
    r"^(?:the|a|an|and|of|for|to|in|on|by|with|from|all|any|total|number|numbers|data|information|details|request|"
    r"requests|freedom|act|appendix|annex|attachment|attached|note|notes|summary|policy|report|reports|yes|no|"
    r"sent|from|subject|date|reference|ref|please|thanks|thank|regards|kind|best|sincerely|faithfully|yours|heads?|"
    r"managers?|directors?|staff|officers?|associates?|patients?|total|year|years|month|months|question|questions|"
    r"part|section|table|figure|page|response|answer|answers|contracts?|costs?|spend|budget|list|copy|copies|"
    r"minutes|emails?|letters?|correspondence|documents?|records?|files?|guidance|procedures?|manual|meeting|"
    r"meetings|briefing|briefings|review|reviews|assessment|assessments|plan|plans|strategy|framework|scheme|"
    r"programme|project|projects|unknown|other|others|none|n/a|na|tbc|ok|okay|update|updates|edit|edited|"
    r"journalist|editor|reporter|researcher|student|resident|campaigner|chair|secretary|treasurer|member|"
    # a published log's headings of a request's stages ('Clarification sought', 'Clarification Received')
    r"clarification|clarifications|received|sought|requested|provided|outcome|decision|status|reply|replies)$",
    re.I,
)
# words that start a line under a sign-off without being a name ('Sent from my iPhone', 'PS ...', 'Attachments')
_NOT_SIGNED = re.compile(
    r"^(?:sent|thanks|thank|regards|please|yours|note|notes|attachments?|attached|ps|p\.s|enc|"
    r"encl|cc|the|this|i|we|my|our|a|an|"
    # words that open a sentence run on after a sign-off ('... your response. If I can help ...')
    # (not 'Will', 'Can', 'He', 'Do', 'So', 'To', 'Her': first or family names too)
    r"if|it|its|in|as|also|and|but|or|at|for|with|any|all|there|these|those|that|what|when|where|which|"
    r"who|how|why|you|your|she|they|his|their|could|would|should|does|is|are|was|were|"
    # courtesy words run on from the sign-off ('Thanks' / 'again Councillor Jane Doe', as a line torn from it has it)
    r"again|very|much|once|kindly|(?-i:to))$",
    re.I,
)
_GENERIC_ADDRESSEE = re.compile(
    # ('Sir' alone, not a knight's title before a name, 'Sir John Smith', 'Sir J. Smith', 'Sir John,': signing, the
    # requester; 'Dear Sir Or Madam' and a greeting run on into the request, 'Dear Sir Under the Act', 'Dear Sir FOI
    # request', are still no one)
    r"^(sir(?![ \t]+(?!(?i:or|and|madam|please|under|could|can|would|we|my|re|regarding|request|further|"
    r"following|thanks?|with|in|on|as|i)\b)(?-i:[A-Z](?:[a-z'’-]+|\.))(?=[ \t]+(?-i:[A-Z])|[ \t]*(?:[,.;:!]|$)))|"
    r"madam|sirs|sir or madam|sir/madam|sir / madam|foi|foi team|freedom of information|information|"
    r"officer|team|colleague|colleagues|all|data|records|disclosure|the|metropolitan|council|police|there|everyone|"
    r"(?:mr|mrs|ms|miss|dr)\b(?!\.?[ \t]+[A-Z])|"
    r"whom|to whom)\b",
    re.I,
)
_GREETING = re.compile(
    r"^\s*(?:(?:dear|annwyl)\b.*|hello|hi|good (?:morning|afternoon|evening)|to whom it may concern|greetings)"
    r"\W{0,3}\s*$",
    re.I,
)
_IDENTITY_LINE = re.compile(
    r"^\s*(?:address|tel(?:ephone)?|phone|mobile|mob|email|e-mail|twitter|x)\s*[.:]", re.I
)
_ADDRESS_LINE = re.compile(
    r"(?:^|(?<=[.?!;][ \t]))(?P<lead>[ \t]*(?:(?:(?:postal|home|my|street)[ \t]+)?address(?:[ \t]+line)?[ \t]*\d?|"
    r"street|house[ \t]+(?:name|number)|house[ \t]+name[ \t]*/[ \t]*number)[ \t]*:[ \t]*)"
    r"(?P<value>\S.*)$",
    re.I | re.M,
)
# where the requester lives, given in a sentence ('I live at 4 Glebe Farm, Little Snoring.', 'outside my home at
# 22 Elm Grove'): the address runs to the end of the clause
_LIVE_AT = re.compile(
    r"(?P<lead>\b(?i:I[ \t]+(?:live|reside)[ \t]+at|residing[ \t]+at|(?:my|our)[ \t]+(?:home[ \t]+|postal[ \t]+|"
    r"house[ \t]+)?address[ \t]+is|(?:my|our)[ \t]+(?:home|house|property|flat)[ \t]+(?:at|on)|"
    r"(?:a[ \t]+)?resident[ \t]+(?:of|at))[ \t]+)"
    r"(?P<value>(?:(?i:number|no\.?)[ \t]+)?(?:\d|[A-Z])[^.;?!\n]{2,80}?)"
    r"(?=[ \t]*(?:[.;?!\n]|$)|,?[ \t]+(?:and|which|where|but|so|for|since|because|who|I)\b)"
)
_LIVE_AT_CUE_ALONE = re.compile(r"(?i:I[ \t]+(?:live|reside)[ \t]+at|residing[ \t]+at|.*address[ \t]+is)")
_OWN_HOME = re.compile(
    r"\b(?:(?:my|our)[ \t]+(?:own[ \t]+)?(?:home|house|property|flat|address|residence|street|road|"
    r"cottage|bungalow|garden|driveway|front[ \t]+door)|(?:I|we)[ \t]+(?:live|reside|own|rent|"
    r"occupy|lived|moved)|where[ \t]+(?:I|we)[ \t]+live)\b",
    re.I,
)
# where the requester lives, given as a postcode district ('I live in Leeds (LS6)', 'my postcode is LS6')
_LIVE_IN = re.compile(
    r"\b(?:I[ \t]+live|I'm[ \t]+based|I[ \t]+am[ \t]+based|my[ \t]+(?:home|house|postcode|post[ \t]+code)|"
    r"post[ \t]*code(?=[ \t]*:))"
    r"\b[^.?!\n]{0,60}",
    re.I,
)
_DISTRICT = re.compile(r"\b[A-PR-UWYZ][A-HK-Y]?\d[A-Z\d]?\b")
_DATE_LINE = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*,?[ \t]+)?(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9}"
    r"|[A-Za-z]{3,9}[ \t]+\d{1,2}(?:st|nd|rd|th)?,?)[ \t]+\d{4}\.?$|^\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}$",
    re.I,
)
# a town or county on a line of its own in an address ('Anytown', 'Newcastle upon Tyne', 'West Yorkshire')
_DATE_START = re.compile(
    r"^(?:\d{1,2}(?:st|nd|rd|th)?[ \t]+[A-Za-z]{3,9},?[ \t]+\d{4}|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4})[ \t,]+(?=\S)"
)
_TOWN_LINE = re.compile(rf"{_WORD}(?:[ \t]+(?:upon|on|under|in|le|by|the|{_WORD})){{0,3}},?")
_MAIL_HEADER = re.compile(r"^\s*(?:from|sent|date|to|subject|cc|bcc)\s*:", re.I)
_SIGNATURE_RULE = re.compile(r"^\s*(?:--+|__+|—+)\s*$")  # '-- ' above an e-mail signature
_DEVICE_LINE = re.compile(r"^\s*sent from my\b", re.I)
# an office before a name is about a person in office (a third party), not the requester signing
_OFFICE_TITLE = re.compile(
    r"^(?:councillor|cllr|chief|deputy|assistant|minister|secretary|president|chair|"
    r"inspector|sergeant|constable|superintendent|commissioner|mayor|lord|lady|judge|"
    r"justice|professor|sir|dame)\b",
    re.I,
)


@dataclass(frozen=True)
class Requester:
    """Who asked. Never sent to the index or a model; used only for the letter's salutation."""

    name: str | None = None
    emails: tuple[str, ...] = ()
    phones: tuple[str, ...] = ()
    postcodes: tuple[str, ...] = ()
    address: tuple[str, ...] = ()
    handles: tuple[str, ...] = ()
    affiliation: tuple[str, ...] = ()  # a job title or an organisation signed under the name

    @property
    def salutation(self) -> str:
        return f"Dear {self.name}," if self.name else "Dear Requester,"

    def values(self) -> list[str]:
        """Every identifying string (for tests and for a last scrub of outgoing text)."""
        out = [self.name] if self.name else []
        return out + [
            *self.emails,
            *self.phones,
            *self.postcodes,
            *self.address,
            *self.handles,
            *self.affiliation,
        ]


_SENTENCE_OPENER = (
    r"(?:On|In|At|The|This|That|These|We|My|Our|Please|If|It|As|Also|And|But|Or|For|With|From|By|Yours|"
    r"Regards|Thanks|Thank|Thankyou|Kind|Kindest|Best|Many|Warm|Warmest|Warmly|Cheers|Sincerely|Faithfully|"
    r"Respectfully|Rgds|Love|Cofion|Diolch|Hi|Hello|Dear|Sent|Date|Subject|Could|Would|How|What|When|Where|"
    r"Which|Why|Is|Are|Did|Signed|Name|Regarding)"
)


def _replace_name(name: str, clean: str) -> str:
    """The requester's whole name anywhere; one part of it ('Thanks, Jane') only where it stands alone, so that
    another person who shares a first name ('Councillor Jane Doe') is not redacted. A name of one word ('Jane',
    signed alone) is such a part too."""
    if len(name.split()) > 1:
        clean = re.sub(rf"(?<![\w\[]){re.escape(name)}(?![\w\]])", "[NAME]", clean)
        # the whole name again in another case, its initials' stops left out ('p cialfi' for 'P. Cialfi', as a
        # WhatDoTheyKnow display name may be typed): two or more words together are the person, whatever the case
        loose = r"[ \t]+".join(
            re.escape(w.rstrip(".")) + (r"\.?" if w.endswith(".") else "") for w in name.split()
        )
        clean = re.sub(rf"(?<![\w\[]){loose}(?![\w\]])", "[NAME]", clean, flags=re.I)
    surname = name.split()[-1] if len(name.split()) > 1 else ""
    if len(surname.strip(".")) > 1:  # 'Ms Smith' for 'Jane Smith' is the requester too
        clean = re.sub(rf"\b{_TITLE}[ \t]+{re.escape(surname)}(?![\w\]])", "[NAME]", clean)
        # and with initials, the surname in any case: 'Mr I Hillas' in a reply's address block beside 'Dear Mr HIllas'
        # (a title, initials and the surname are the person, however the surname was typed)
        clean = re.sub(
            rf"\b{_TITLE}(?:[ \t]+[A-Z]\.?){{1,3}}[ \t]+(?i:{re.escape(surname)})(?![\w\]])", "[NAME]", clean
        )
    parts = [
        p
        for p in re.split(r"[\s,]+", name)
        if len(p.strip(".")) > 2
        and not p.endswith(".")
        and not re.fullmatch(_TITLE, p)
        and not re.fullmatch(_PARTICLE, p)
    ]
    if len(name.split()) == 1:
        parts = [name]
    for part in parts:
        clean = re.sub(
            rf"(?<![\w\[]){re.escape(part)}(?![\w\]])", lambda m: _part_of_another(m) or "[NAME]", clean
        )
    # the same in capitals, as a reference or a subject line writes it ('telecom SMITH/JONES', 'FOI - JANE SMITH'):
    # the whole name anywhere, the surname where no other word in capitals or number stands beside it ('TOWN
    # HALL', 'MAY 2024' are not Jane Hall's or Jane May's)
    if len(name.split()) > 1 and not name.isupper():
        clean = re.sub(rf"(?<![\w\[]){re.escape(name.upper())}(?![\w\]])", "[NAME]", clean)
    if len(surname.strip(".")) > 2 and not surname.isupper():
        clean = re.sub(
            rf"(?<![\w\[]){re.escape(surname.upper())}(?![\w\]])",
            lambda m: _in_capitals(m) or "[NAME]",
            clean,
        )
    return clean


def _in_capitals(m: re.Match[str]) -> str:
    """The word as written when a word in capitals or a number stands beside it (a heading or a phrase in
    capitals, 'TOWN HALL', 'MAY 2024'), or a capitalised word that makes another person's name; '' otherwise."""
    text = m.string
    before = re.search(r"(?:\b[A-Z]{2,}|\d)[ \t]+$", text[max(0, m.start() - 40) : m.start()])
    after = re.match(r"[ \t]+(?:[A-Z]{2,}\b|\d)", text[m.end() : m.end() + 40])
    return m.group(0) if before or after else _part_of_another(m)


def _part_of_another(m: re.Match[str]) -> str:
    """The word as written when a capitalised word stands next to it, making another person's name ('Councillor
    Jane Doe', 'Chief Constable Smith', 'Amelia Hughes'), unless that word opens a sentence or signs off ('Kind
    regards, Liam On 3 May ... wrote:', 'Thanks Jane'); '' when the word is the requester's."""
    text = m.string
    before = re.search(
        # (a nickname in quotes or brackets is the requester's own: 'Robert 'Bob' Smith')
        r"(?<![\w\['‘\"“(])([A-Z][a-z][\w'’-]*)[ \t]$|(?<![\w\[])([A-Z][a-z]{1,4})\n$",
        text[max(0, m.start() - 40) : m.start()],
    )
    after = re.match(r"\s([A-Z][a-z][\w'’-]*)", text[m.end() : m.end() + 40])
    for word in (before and (before.group(1) or before.group(2)), after and after.group(1)):
        if word and not re.fullmatch(_SENTENCE_OPENER, word):
            return m.group(0)
    return ""


def _name_of(item: str, strict: bool = False) -> list[str]:
    """The name(s) on a signature line ('Jane Smith', 'John Fox, University of York', 'Smith, Jane',
    'Jane Smith (Ms)', 'Dr. Bob Jones, PhD', 'Jane Smith on behalf of Friends of Mill Park', 'rajesh kumar');
    [] when the line is not a name. ``strict``: a name alone on the last lines, with no sign-off above it, must
    be capitalised, two to four words, and none of them a word that heads a list."""
    item = _SIGNATURE_RULE.sub("", item).strip().strip("-–— \t")
    item = re.sub(r"^(?:from|by|sent\s+by|signed)\b[ \t:]*", "", item, flags=re.I)  # 'From Jane Smith'
    if (
        not strict
    ):  # under a sign-off, a bullet or a quote mark before the name ('* Jane Smith', '> Jane Smith')
        item = item.lstrip("*•·> \t")
    item = _URL.sub("", item)  # 'Jane Smith linkedin.com/in/janesmith'
    item = HANDLE.sub("", PHONE.sub("", EMAIL.sub("", item))).strip(" ,;|-–—\t")  # 'Jane Smith jane@x.org'
    item = re.sub(rf"^The[ \t]+(?={_TITLE}[ \t])", "", item)  # 'The Reverend Jane Smith'
    item, aliases = _bracketed_name(item)
    whole = item
    item = re.split(
        r"[ \t]+(?:on[ \t]+behalf[ \t]+of|for|of|at|from)[ \t]+|[ \t]+[|/–—-][ \t]+|[ \t]*[(<]", item
    )[0]
    item = _TITLE_AFTER.sub("", item).strip()
    if not strict:  # 'Cllr Jane Smith' signing: the office goes, the name is the requester's
        item = re.sub(r"^(?:Councillor|Cllr\.?)[ \t]+", "", item)
    parts = [p.strip() for p in item.split(",") if p.strip()]
    if not parts:
        return []
    # 'A concerned resident, Jane Smith': a description of the requester, then the name
    if len(parts) > 1 and re.fullmatch(r"(?i:a|an|the|your)(?:[ \t]+[a-z][a-z'’-]*){1,3}", parts[0]):
        parts = parts[1:]
    first = parts[0]
    stripped = _POSTNOMINALS.sub("", first).strip()
    if stripped and not stripped.isupper():
        first = stripped
    first = first.rstrip(".").strip() if not re.search(r"\b[A-Z]\.$", first) else first.strip()
    pair = re.fullmatch(r"(?P<one>\S.*?)[ \t]+(?:and|&)[ \t]+(?P<two>\S.*)", first)
    if (
        pair
        and not _ORGANISATION.search(first)
        and (one := _name_of(pair.group("one"), strict))
        and (two := _name_of(pair.group("two"), strict))
    ):
        return one + two  # two people signing ('Jane Smith and John Brown', 'Jane & John Smith')
    # (a particle is not counted: 'Abdullah bin Khalid Al Harbi', 'Maria de la Cruz Fernandez' are names)
    counted = [w for w in first.split() if not re.fullmatch(_PARTICLE, w, re.I)]
    if len(counted) > 4 or _ORGANISATION.search(first) or _GENERIC_ADDRESSEE.fullmatch(first.strip(" ,.")):
        return []
    if len(counted) == 1 and _NOT_NAME_WORD.match(first) and whole.strip() != first:
        return []  # 'Freedom' cut from 'Freedom of Information Team' signing a reply: a word, not a name
    capitalised = re.fullmatch(_NAME, first) is not None
    if strict:
        words = first.split()
        if (
            not capitalised
            or not 2 <= len(words) <= 4 + len(words) - len(counted)
            or any(_NOT_NAME_WORD.match(w.strip(".")) for w in words)
        ):
            return []
        if _OFFICE_TITLE.match(first):
            return []
    elif not capitalised and not _PLAIN_NAME.fullmatch(first):
        return []
    given = [
        w for w in first.split() if not re.fullmatch(rf"[{_UP}]\.?|{_TITLE}", w)
    ]  # past initials and titles
    if _DEVICE_LINE.match(item) or any(_NOT_SIGNED.match(w.strip(".")) for w in given[:1]):
        return []
    names = [first]
    # 'Smith, Jane': a surname then the first name
    if (
        len(parts) > 1
        and len(first.split()) == 1
        and re.fullmatch(_WORD, parts[1])
        and not _ORGANISATION.search(parts[1])
        and not _NOT_NAME_WORD.match(parts[1])
    ):
        names = [f"{parts[1]} {first}"]
    return names + aliases


def _bracketed_name(item: str) -> tuple[str, list[str]]:
    """A one-word name in brackets is part of the name, not an aside to cut: 'John (Smith)' is 'John Smith', and
    'Yifan (Evan) Bao' is 'Yifan Bao', also known as 'Evan'. A title ('(Ms)') or a place or job after a full
    name ('Jane Smith (Leeds)') is not taken. A nickname in quotes is the same ('Robert 'Bob' Smith')."""
    m = re.fullmatch(
        rf"(?P<before>{_WORD}|[^\W\d_]+)[ \t]*\((?P<inner>{_WORD}|[^\W\d_]+)\)(?P<after>[ \t]+(?:{_WORD}|[^\W\d_]+))?",
        item.strip(),
    ) or re.fullmatch(
        rf"(?P<before>{_WORD})[ \t]+['‘\"“](?P<inner>{_WORD})['’\"”](?P<after>[ \t]+{_WORD})",
        item.strip(),
    )
    if not m:
        return item, []
    inner = m.group("inner")
    if (
        re.fullmatch(_TITLE, inner, re.I)
        or _NOT_NAME_WORD.match(inner)
        or _ORGANISATION.search(inner)
        or _NOT_SIGNED.match(m.group("before"))
    ):
        return item, []
    if m.group("after"):
        return m.group("before") + m.group("after"), [inner]
    return f"{m.group('before')} {inner}", []


def _courtesy_only(tail: str) -> bool:
    return not tail.strip() or bool(_COURTESY_TAIL.match(tail.strip()))


# courtesy words run on into the name with no stop between them ('Thanks in advance Jane Smith'): only these, not all
# that _COURTESY_TAIL allows, since an open 'for ...' would take in a word that only looks like a name ('Thank you for
# your reply of 6 August')
_COURTESY_WORDS = re.compile(
    r"(?:(?:very|so)[ \t]+much|a[ \t]+(?:lot|million|bunch)|(?:once[ \t]+)?again|in[ \t]+(?:advance|anticipation)|"
    r"kindly|(?:and|&)[ \t]+(?:many[ \t]+)?thanks|(?:and|&)[ \t]+(?:(?:kind|best|warm)[ \t]+)?(?:regards|wishes))?"
    r"(?:[ \t]*(?:in[ \t]+advance[ \t]+)?for[ \t]+(?:your|all[ \t]+your)[ \t]+(?:help|time|assistance|consideration|"
    r"attention|patience)(?:[ \t]+(?:with[ \t]+this|in[ \t]+(?:this[ \t]+matter|advance)))?)?",
    re.I,
)


# a title a person signs with, not an office they hold ('Sir John Smith', 'Lady Jane Smith', 'Professor Ann Lee')
_OWN_TITLE = rf"(?:{_TITLE}|Lord|Lady)"
# thanks, not regards: what may be said to a person by name ('Thanks again Councillor Jane Doe')
_THANKS_WORD = re.compile(r"(?i:thank|thx|cheers|diolch)")


def courtesy_then_name(tail: str) -> int | None:
    """Where the name starts in what follows a sign-off word when courtesy words come first, with or without a
    stop after them ('in advance Jane Smith', 'very much, Jane', 'for your help Dr Ann Lee, ann@x.org'); None when
    the tail does not open with courtesy words then a name. A one-line request keeps no line break between them."""
    for gap in re.finditer(r"[ \t,.!]+(?=\S)", tail[:80]):
        courtesy = tail[: gap.start()].strip()
        if not courtesy or not (
            _COURTESY_WORDS.fullmatch(courtesy) if not gap.group(0).strip() else _courtesy_only(courtesy)
        ):
            continue
        # the name and nothing else up to a comma, but an e-mail, phone or handle after it ('Jane Smith jane@x.org');
        # not a person in office, whom the thanks is for ('Thanks again Councillor Jane Doe'); a title of one's own is
        # the signer's ('Thanks in advance Professor Jane Smith', 'Sir John Smith')
        first = HANDLE.sub("", PHONE.sub("", EMAIL.sub("", tail[gap.end() :].split(",")[0]))).strip(" .!;|\t")
        office = _OFFICE_TITLE.match(first) and not re.match(rf"{_OWN_TITLE}[ \t]", first)
        names = _name_of(first) if re.fullmatch(_NAME, first) and not office else []
        words = names[0].split() if names else []
        if (
            words
            and len(words) <= 4
            and not any(_NOT_NAME_WORD.match(w.strip(".")) for w in words)
            and not _ORGANISATION.search(names[0])
        ):
            return gap.end()
    return None


def _past_courtesy_words(tail: str) -> str:
    """What follows the longest run of courtesy words a tail opens with, with no stop after them ('again Councillor
    Jane Doe' -> 'Councillor Jane Doe'); the tail itself when it opens with none."""
    for gap in reversed(list(re.finditer(r"[ \t]+(?=\S)", tail[:80]))):
        if _COURTESY_WORDS.fullmatch(tail[: gap.start()].strip()):
            return tail[gap.end() :]
    return tail


def thanks_whom(sign_off: str) -> bool:
    """Whether a sign-off word may name whom it thanks after it: thanks with no stop ('Thanks again', 'Thank you'),
    not 'Thanks,' (a councillor signing 'Thanks, Cllr Jane Smith') or regards."""
    return bool(_THANKS_WORD.search(sign_off)) and not re.search(r"[,.!:;][ \t]*$", sign_off)


def thanked_then_signer(tail: str) -> str | None:
    """The signer's part of what follows thanks that name whom they thank ('again Councillor Margaret Thornbury',
    then perhaps ', Ann Lee', '. Ann Lee' or ' Ann Lee'; 'to Jane Doe for her help'): a person in office thanked, or
    anyone thanked 'to', is a third party, who stays; '' when no signer follows on the line (the signer, if any, is
    on the next); None when the tail thanks no one by name."""
    rest = _past_courtesy_words(tail)
    to = re.match(r"(?i:to)[ \t]+", rest)
    rest = rest[to.end() :] if to else rest
    if not to and not (_OFFICE_TITLE.match(rest) and not re.match(rf"{_OWN_TITLE}[ \t]", rest)):
        return None
    # the person thanked runs to a stop, a comma, 'for ...' or 'and ...'; what follows is the signer's
    person = re.match(
        r"(?P<who>[^,.!;\n]+?)(?:[ \t]+(?:(?i:for|and)\b|&)[^,.!;\n]*)?(?:[ \t]*[,.!;]+[ \t]*|[ \t]*$)", rest
    )
    words = person.group("who").split() if person else []
    while words and _OFFICE_TITLE.match(words[0]) and len(words) > 1:  # 'Chief Constable Sir John Smith'
        words = words[1:]
    if not person or not words:
        return None
    # (or no one by name: 'Thanks to all', 'Many thanks to you and your team')
    anyone = to and re.fullmatch(r"[a-z]+(?:[ \t]+[a-z]+){0,3}", person.group("who").strip())
    if not anyone and not re.fullmatch(_NAME, " ".join(words[:4])):
        return None
    signer = rest[person.end() :].strip()
    if not signer:
        # two names with no stop between them ('Councillor Margaret Thornbury Ann Lee'): two words and two, the
        # signer's last; a name of three words after the office may be either's, and is left as the thanked one's
        if len(words) == 4:
            return " ".join(words[2:]) if _name_of(" ".join(words[2:]), strict=True) else ""
        return ""
    if _courtesy_only(signer):  # ('Thanks again Councillor Jane Doe for all your help!')
        return ""
    return signer if _name_of(signer) else None


def _sign_off_line(line: str) -> tuple[bool, str]:
    """Whether a line is a sign-off ('Kind regards,', 'Thank you for your help.', 'Regards, Ann Lee'), and the
    name-bearing tail on the same line ('' when the name, if any, is on the next line)."""
    if _CLOSING_LINE.match(line):
        return True, ""
    m = SIGN_OFF.match(line) or _GAELIC_SIGN_OFF.match(line)
    if not m or len(line) >= 100 or "?" in line:
        return False, ""
    if _REPLY_OPENING.match(line):  # 'Thank you for your request for information.' opens an authority's reply
        return False, ""
    tail = m.group("tail").strip().lstrip("-–—:; \t")  # ('Regards:' / 'Jane Smith')
    tail = _DATE_START.sub("", tail)  # 'Yours faithfully, 3 May 2024 Jane Smith'
    # 'Many thanks for your help with this, Owain Pritchard': the courtesy would run on over the name
    named = re.fullmatch(r"(?P<courtesy>[^,]+,)[ \t]*(?P<rest>[^,]+?)[ \t]*[.!]?", tail)
    if (
        named
        and _courtesy_only(named.group("courtesy"))
        and re.fullmatch(_NAME, named.group("rest"))
        and _name_of(named.group("rest"))
    ):
        return True, named.group("rest")
    # 'Thanks in advance Jane Smith', 'Thank you for your help Jane': no stop between the courtesy and the name (a
    # courtesy 'for ...' would run on over the name)
    if (at := courtesy_then_name(tail)) is not None and _name_of(tail[at:]) and len(tail) < 80:
        return True, tail[at:]
    # thanks that name whom they thank ('Thanks again Councillor Jane Doe')
    if thanks_whom(line[: m.start("tail")]) and (signer := thanked_then_signer(tail)) is not None:
        return True, signer
    if _courtesy_only(tail):
        return True, ""
    lead = re.match(r"(?P<courtesy>[^,.!]*[,.!])[ \t]*(?P<rest>\S.*)$", tail)
    if lead and _courtesy_only(lead.group("courtesy")):  # 'Thanks in advance, Jane'
        tail = lead.group("rest")
    # courtesy words with no stop before a name in lower case are not the name's ('Thanks again ann lee')
    tail = _past_courtesy_words(tail)
    if _name_of(tail) and len(tail) < 80:
        return True, tail
    return False, ""


def _leading_name(text: str) -> list[str]:
    """A sign-off with the name run on into what else the signature holds ('Yours faithfully, Ann Lee
    Investigative journalist Twitter: @...', 'Yours sincerely, Ann Lee PS I note ...', a request sent on one
    line): the name at the start of what follows the sign-off word."""
    m = SIGN_OFF.match(text) or _GAELIC_SIGN_OFF.match(text)
    return _name_at_start(m.group("tail")) if m else []


def _run_on_signature(text: str) -> list[str]:
    """The name in what follows the last sentence of a line when it is a signature ('-- Ann Lee 07700 900123',
    'Ann Lee | Campaigns Lead | Clean Air Leeds', 'I look forward to your reply. Ann'), as a request sent on one
    line has it."""
    if m := _CLOSING_THEN_NAME.match(text):
        name = m.group("name")
        return _name_of(name) if re.fullmatch(_NAME, name) and not SIGN_OFF.match(name) else []
    # (a short sign-off before the rule: 'Cheers Maria -- Maria Lopez Freelance journalist ...')
    rule = re.search(r"[ \t](?:--+|—+)[ \t]+(?=\S)", text[:60])
    if rule and _sign_off_line(text[: rule.start()])[0]:
        text = text[rule.start() :].lstrip()
    m = _RUN_ON_SIGNATURE.match(text[:160])
    if m and m.group("ruled"):
        ruled = m.group("ruled")
        # (what follows the rule is a signature: the name, then perhaps a job title in lower case and a phone,
        # 'Ann Lee Freelance journalist 07700 900123')
        return (
            (_name_of(ruled, strict=True) if len(ruled) < 80 else [])
            or _name_then_postscript(ruled)
            or _name_at_start(ruled)
        )
    if m and _TITLE_CASE_RUN.fullmatch(m.group("after")):  # a job title or an employer after the '|'
        return _name_of(m.group("piped"), strict=True)
    return []


# what follows a person's name in a sentence about them, not in a signature ('... Ann Lee Investigative journalist')
_VERB_AFTER_NAME = re.compile(
    r"said|says|wrote|writes|told|tells|is|was|were|has|had|have|will|would|could|should|may|might|can|did|does|"
    r"stated|states|confirmed|claimed|asked|asks|replied|responded|sent|made|gave|agreed|announced|explained|"
    r"noted|reported|met|visited|decided|approved|signed|became|resigned|died|left|joined|spoke|speaks|who|that|"
    r"which"
)


def _address_after(text: str, name: str) -> list[str]:
    """The street address run on after a signed name ('Yours sincerely, Ann Lee 14 Acacia Avenue Leeds'), or all
    of it up to its postcode when the street is not named as STREET knows ('12 Heol y Frenhines Caerdydd CF10')."""
    at = text.find(name)
    rest = text[at + len(name) :].lstrip(" ,;|-–—\t") if at >= 0 else ""
    if not _ADDRESS_START.match(rest):
        return []
    streets = [m.group(0).strip(" ,.") for m in STREET.finditer(rest)]
    posted = POSTCODE.search(rest[:100])
    return streets or ([rest[: posted.start()].strip(" ,")] if posted and posted.start() > 3 else [])


def _name_before_role(text: str) -> list[str]:
    """The name before a role word that a signature run on gives after it ('Jane Smith Chair', 'Ann Lee
    Journalist', as 'Yours sincerely, Jane Smith Chair, Elm Grove Residents' Association' sent on one line has it)."""
    words = text.split()
    for size in (3, 2):
        if (
            len(words) > size
            and _NOT_NAME_WORD.match(words[size])
            and words[size][:1].isupper()
            and (found := _name_of(" ".join(words[:size]), strict=True))
        ):
            return found
    return []


def _name_at_start(text: str) -> list[str]:
    """The name in the first two or three capitalised words of a longer run ('Ann Lee Investigative journalist',
    'Ann Lee PS I note ...'): three only when a capitalised word follows them, not a job title's lower-case second
    word; [] when the run is a name alone (read whole elsewhere) or does not start with one."""
    words = text.split(",")[0].split()
    if len(words) <= 3 or _VERB_AFTER_NAME.fullmatch(words[3]):  # 'Dr Ann Lee said ...' is about someone
        return []
    for size in (3, 2) if not words[3][:1].islower() else (2,):
        if found := _name_of(" ".join(words[:size]), strict=True):
            return found
    return []


_POSTSCRIPT_CUE = re.compile(
    r"(?:P\.?[ \t]?S\.?|N\.?B\.?|Tel|Mob|Mobile|Phone|E-?mail|Twitter|Address|https?:|www\.)(?!\w)", re.I
)
_ADDRESS_WORD = re.compile(rf"(?:Flat|Apartment|Apt|Unit|House|{_STREET_WORDS})\.?,?")
# a house number and a street in any language ('7 Heol Las', '12a Rue du Port'), not a date ('3 May 2024')
_NUMBERED_LINE = re.compile(
    r"(?:(?:Flat|Apartment|Apt|Unit)\.?[ \t]+\d+[A-Za-z]?,?[ \t]+)?\d{1,4}[A-Za-z]?,?[ \t]+[A-Z]"
    r"(?![a-z]*[ \t]+\d{4}\b)(?!(?i:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b)"
)
_ADDRESS_START = re.compile(r"(?:(?:Flat|Apartment|Apt|Unit)\.?[ \t]+)?\d")
# 'Campaign Officer', 'Director, Open Records Trust', 'Head of Policy & Research': capitalised words and connectors
_TITLE_CASE_RUN = re.compile(rf"{_WORD}(?:,?[ \t]+(?:{_WORD}|of|and|for|the|in|at|&)){{0,8}}")
_LIST_ENTRY = re.compile(r"^[.•·*\-–][ \t]+(?P<rest>\S.*)$")


def _trailing_name_block(lines: list[str]) -> int | None:
    """A name alone near the end of a request with no sign-off word above it ('How many potholes?' then
    'Jane Smith'): the index of that line, when everything after it is short (an e-mail, a phone, an address)
    and what is above it ends a sentence."""
    nonblank = [j for j, line in enumerate(lines) if line.strip()]
    for j in reversed(nonblank[-6:]):
        line = lines[j].strip()
        # measured without an e-mail or a phone on the same line ('Jane Smith | Officer | 020 7946 0000')
        if len(PHONE.sub("", EMAIL.sub("", line))) >= 60 or "?" in line:
            break
        if not _name_of(line, strict=True):
            continue
        above = [k for k in nonblank if k < j]
        if not above:
            return None
        prev = lines[above[-1]].strip()
        entry = _LIST_ENTRY.match(prev)
        if entry and _name_of(entry.group("rest").strip(" .,;"), strict=True):
            return None  # a list of people the request is about ('held by: . Jane Smith . John Brown')
        after = [lines[k].strip() for k in nonblank if k > j]
        if (prev.endswith((".", "?", "!", ")", '"', "”", ",")) or _SIGNATURE_RULE.match(prev)) and all(
            len(a) < 80 and "?" not in a for a in after
        ):
            return j
        return None
    return None


def _lines_under(lines: list[str], i: int) -> list[tuple[int, str]]:
    """The nine lines under line ``i``, with their indexes: where a signature under a sign-off is looked for."""
    return [(j, lines[j]) for j in range(i + 1, min(len(lines), i + 10))]


def _block_name(block: list[tuple[int, str]]) -> tuple[int, list[str]] | None:
    """Where the name stands in a signature block (its index in the block) and the name(s) on it: the first line
    with something on it, or the line after it when the first holds an e-mail, a phone or a '--' rule."""
    seen = 0
    for k, (_, item) in enumerate(block):
        item = item.strip()
        # ('-- ' above the signature; 'From' or 'Signed:' on a line of its own above the name)
        if (
            not item
            or _SIGNATURE_RULE.match(item)
            or re.fullmatch(r"(?i:from|by|signed)[ \t]*:?", item)
            or _DATE_LINE.match(item)  # 'Yours faithfully,' / '3 May 2024' / 'Jane Smith'
            or re.fullmatch(_TITLE, item)  # 'Dr' / 'Jane Smith'
        ):
            continue
        if _sign_off_line(item)[0]:  # another sign-off under this one ('Many thanks,' / 'Yours faithfully,')
            return None
        # the rest of thanks torn from the sign-off word above it ('Thanks' / 'again Councillor Jane Doe' / 'Ann
        # Lee', as a request sent on one line is put on lines): whom they thank stays, the signer is under it (not
        # 'Councillor Jane Smith' alone, a councillor signing)
        if not seen and not _OFFICE_TITLE.match(item) and (signer := thanked_then_signer(item)) is not None:
            if found := _name_of(signer) if signer else []:
                return k, found
            continue
        found = _name_of(item)
        if found:
            return k, found
        if not seen and (found := _name_then_postscript(item)):
            return k, found
        seen += 1
        identity = EMAIL.search(item) or PHONE.search(item) or HANDLE.search(item)
        # an e-mail, a phone, or a short line naming a group ('Mill Lane Residents') may stand above the name
        if seen >= 2 or not (identity or (len(item) < 60 and _ORGANISATION.search(item) and "?" not in item)):
            return None
    return None


def _name_then_postscript(item: str) -> list[str]:
    """The name at the start of a line under a sign-off that runs on into what else a signature holds, as a
    request sent on one line and broken again has it: a postscript or contact details ('Ann Lee PS I note ...',
    'Ann Lee Tel 0113 ...'), an address ('Ann Lee Flat 3'), a job title or an employer in capitals ('Ann Lee
    Campaign Officer'); not a sentence about someone ('Dr Ann Lee said ...')."""
    words = item.split()
    for size in (3, 2):
        if len(words) <= size or _ADDRESS_WORD.fullmatch(words[size - 1]):
            continue
        found = _name_of(" ".join(words[:size]), strict=True)
        rest = " ".join(words[size:]).lstrip(" ,;|-–—\t")
        if found and (
            _POSTSCRIPT_CUE.match(rest) or _ADDRESS_START.match(rest) or _TITLE_CASE_RUN.fullmatch(rest)
        ):
            return found
    return []


def _name_run(text: str, at: int) -> str:
    """The capitalised words and connectors that go on after a greeting's name on its line: 'Dear Hereford and
    Worcester Fire' + ' and Rescue Service' is a body, not a person, and so is 'Dear Armagh City' + ', Banbridge
    and Craigavon Borough Council'."""
    line = text[at : at + 120].split("\n", 1)[0]
    run = re.match(r"(?:,?[ \t]+(?:and|of|for|the|on|&|[A-Z][\w'’-]*))*", line)
    return run.group(0) if run else ""


# the salutation of a letter, on a line of its own or run on in a letter sent on one line: a first name, or a title
# and a surname ('Dear Jane,', 'Dear Ms Smith')
_DEAR_ONE_NAME = re.compile(
    rf"(?<![\w'\"‘“])(?:Dear|Annwyl)[ \t]*(?P<title>{_TITLE}[ \t]+(?:[{_UP}]\.?[ \t]+)?)?(?P<name>{_WORD})"
    r"(?![\w'’-])"
)
# prose: a run of lower-case words, as a sentence has and a letter's head (addresses, dates, references) has not
_PROSE = re.compile(r"(?:\b[a-z][\w'’-]*[ \t,;]+){6}")


def _reply_head_names(text: str) -> list[str]:
    """The requester's full name in the head of an authority's reply ('Anyshire Police HQ / ... / Jane Smith /
    AB1 2CD / By email / Date: ...' above 'Dear Jane,' or 'Dear Ms Smith,' and 'your request for information'):
    the part of the name the salutation gives, with the other part beside it in the lines just above it. Not
    after an office ('Councillor Jane Doe'), and not in prose above the salutation (a request quoting a reply)."""
    out: list[str] = []
    for m in _DEAR_ONE_NAME.finditer(text):
        name, title = m.group("name"), m.group("title") or ""
        if (
            not _REPLY_OPENING.search(text[m.end() : m.end() + 300])
            or _GENERIC_ADDRESSEE.match(title + name)
            or _NOT_NAME_WORD.match(name)
            or _ORGANISATION.search(name + _name_run(text, m.end("name")))
        ):
            continue
        head = text[max(0, m.start() - 400) : m.start()]
        if title:  # 'Jane Smith' or 'Jane A. Smith' above 'Dear Ms Smith'
            pattern = (
                rf"(?<![\w'’-])(?P<other>{_WORD})[ \t]+(?:[{_UP}]\.?[ \t]+)?{re.escape(name)}(?![\w'’-])"
            )
        else:  # 'Jane Smith' above 'Dear Jane'
            pattern = rf"(?<![\w'’-]){re.escape(name)}[ \t]+(?P<other>{_WORD})(?![\w'’-])"
        for h in re.finditer(pattern, head):
            other = h.group("other")
            before = re.search(r"([\w.]+)[ \t]*$", head[: h.start()])
            if (
                re.fullmatch(_TITLE, other)
                or re.fullmatch(_FIELD_WORD, other)
                or _NOT_NAME_WORD.match(other)
                or _ORGANISATION.search(other)
                or (before and _OFFICE_TITLE.match(before.group(1)))
                or "?" in head[h.end() :]
                or _PROSE.search(head[h.end() :])
            ):
                continue
            out.append(f"{other} {name}" if title else f"{name} {other}")
    return out


# how an authority's reply says it is sent, on the line under the addressee's name ('By email:', 'Sent by e-mail')
_BY_EMAIL = re.compile(r"^[ \t]*(?:sent[ \t]+)?(?:by|via)[ \t]+e-?mail\b[ \t]*:?", re.I | re.M)
# a reply's own words about the request it answers ('Thank you for your letter of 26 April requesting', 'FOI
# Reference: 31525')
_REPLY_HEAD = re.compile(
    r"\bthank you for your (?:letter|e-?mail|request)\b|\b(?:foi|our|your)\s+ref(?:erence)?\b", re.I
)


def _addressed_by_email(text: str) -> list[str]:
    """The addressee's name in the head of an authority's reply: alone on the line above 'By email' ('Freedom of
    Information Team / ... / CR9 2BY / U. Karki / By email: / FOI Reference: 31525'), in a text that replies ('Thank
    you for your letter ... requesting', 'FOI Reference: ...')."""
    if not (_REPLY_OPENING.search(text) or _REPLY_HEAD.search(text)):
        return []
    lines = text.split("\n")
    out: list[str] = []
    for i, line in enumerate(lines[1:], start=1):
        if not _BY_EMAIL.match(line):
            continue
        out += _name_of(lines[i - 1], strict=True)
    return out


def redact_identity(text: str) -> tuple[str, Requester]:
    """Replace the requester's identity by placeholders; return the clean text and what was removed."""
    names: list[str] = []
    address: list[str] = []
    runs: list[str] = []  # an address run on after a signed name on its line, replaced wherever it stands
    block_lines: set[int] = set()  # signature-block lines that hold an address
    affiliation: list[str] = []
    affiliation_lines: set[int] = set()  # signature-block lines that hold a job title or an organisation

    def add_name(name: str) -> None:
        name = name.strip(" ,.") if not re.search(r"\b[A-Z]\.$", name.strip(" ,")) else name.strip(" ,")
        if (
            name
            and not _GENERIC_ADDRESSEE.match(name)
            and not _ORGANISATION.search(name)
            and name not in names
        ):
            names.append(name)

    def field_value_names(value: str) -> bool:  # a form field's value that is a person's name
        return (
            not any(_NOT_NAME_WORD.match(w.strip(".")) for w in value.split())
            and not _ORGANISATION.search(value)
            and not _OFFICE_TITLE.match(value)
        )

    officers: set[str] = set()  # named under 'From:' at a public body's address: kept where they stand
    for m in _FLAT_FORM_NAME.finditer(text):
        if not _NO_NAME_GIVEN.search(value := m.group("name")) and field_value_names(value):
            add_name(re.sub(rf"^{_TITLE}[ \t]+", "", value))
    for m in _FIELD_PLAIN_NAME.finditer(text):
        if not _NO_NAME_GIVEN.search(m.group("name")) and not _NOT_NAME_WORD.match(
            m.group("name").split()[0]
        ):
            add_name(m.group("name"))
    for pattern in (MY_NAME, _I_NAME, _MY_PLAIN_NAME):
        for m in pattern.finditer(text):
            rest = text[m.end() : text.find("\n", m.end()) % (len(text) + 1)]
            officer = (email := EMAIL.search(rest)) and _public_address(email.group(0))
            if (
                not officer
            ):  # 'From: Sarah Jones <sarah.jones@leeds.gov.uk>' quoted is the authority's officer
                add_name(m.group("name"))
            elif pattern is MY_NAME and email and not re.search(r"\.(?:ac|sch)\.uk$", email.group(0).lower()):
                officers.add(m.group("name"))  # (a university's address may be a researcher's own: not kept)
    # a web form's name field with the value under it or after it with no colon, beside the form's other fields
    form_lines = [line.strip() for line in text.split("\n")]
    for j, line in enumerate(form_lines):
        if not (label := _NAME_LABEL.match(line)) or MY_NAME.match(line):
            continue
        at, value = (j, label.group("value")) if label.group("value") else (j + 1, "")
        if not value:
            while at < len(form_lines) and not form_lines[at]:
                at += 1
            value = form_lines[at] if at < len(form_lines) else ""
        after = next((b for b in form_lines[at + 1 :] if b), "")
        before = next((b for b in reversed(form_lines[:j]) if b), "")
        beside = [b for b in (after, before) if _OTHER_FIELD.match(b) or _NAME_LABEL.match(b)]
        if (
            re.fullmatch(_NAME, value)
            and len(value.split()) <= 4
            and field_value_names(value)
            # (or the value ends the text, the form's last field; not under a list's lead-in, 'for each:')
            and (beside or not after and not before.endswith(":"))
        ):
            add_name(re.sub(rf"^{_TITLE}[ \t]+", "", value))
    for m in _WROTE.finditer(text):
        officer = _public_address(m.group("email") or m.group("paren") or "")
        # a person's whole name ('You wrote:', 'The council wrote:' name nobody); an officer at a public body's
        # address is the authority's, as under 'From:'
        for name in [] if officer else _name_of(m.group("name"), strict=True):
            add_name(name)
    filled = [line.strip() for line in text.split("\n") if line.strip()]
    for i, line in enumerate(filled[:8]):
        if (
            _WDTK_STATUS.match(line)
            and i + 2 < len(filled)
            and (DEAR.match(filled[i + 2]) or _GREETING.match(filled[i + 2]))
        ):
            for name in _name_of(filled[i + 1], strict=True):
                add_name(name)
    first_line = filled[0] if filled else ""
    if (titled := _TITLED_NAME_LINE.fullmatch(first_line)) and not _OFFICE_TITLE.match(titled.group("name")):
        add_name(re.sub(rf"^{_TITLE}[ \t]+", "", titled.group("name")))
    for m in _FROM_QUOTED.finditer(text):  # 'From: "Smith, Jane" <jane@x.org>'
        if (sender := EMAIL.search(m.group("rest"))) and _public_address(sender.group(0)):
            continue  # an officer at a public body's address, quoted in the thread
        add_name(f"{m.group('first') or m.group('first2')} {m.group('last') or m.group('last2')}")
    for m in _NAME_EMAIL.finditer(text):
        name = re.sub(
            r"^(?:(?i:contact|e-?mail|reply|write|cc|to|from|by|me|regards|thanks|signed)[ \t]+)+",
            "",
            m.group("name"),
        )
        domain = m.group("domain").lower()
        if (
            2 <= len(name.split()) <= 4
            and not any(_NOT_NAME_WORD.match(w.strip(".")) for w in name.split())
            and not _OFFICE_TITLE.match(name)
            and not _PUBLIC_DOMAIN.search(domain)
        ):
            add_name(name)
    for pattern in (_I_AM, _ON_BEHALF, _NAME_HERE, _BY_LINE, _BYLINE):
        for m in pattern.finditer(text):
            name = m.group("name")
            if pattern is _ON_BEHALF and not _FIRST_PERSON_BEFORE.search(
                text[max(0, m.start() - 60) : m.start()]
            ):
                continue  # 'payments made on behalf of Jane Doe' is about her, not from her
            words = name.split()
            if (
                2 <= len(words) <= 4
                and not any(_NOT_NAME_WORD.match(w) for w in words)
                and not _OFFICE_TITLE.match(name)
            ):
                add_name(name)
    for m in _MADE_THIS_REQUEST.finditer(text):
        lead = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
        # the name alone on its line, else the last words before the cue (the page's title run on before them)
        short = _NAME_BEFORE_CUE.search(lead)
        name = lead if re.fullmatch(_NAME, lead) else short.group("name") if short else ""
        if not name and _DISPLAY_NAME.fullmatch(lead):
            # alone on its line, the site's display name as its user typed it, in any case ('p cialfi', 'jsmith')
            name = lead
        before = lead[: len(lead) - len(name)].split()
        # (not a person in office, 'Councillor Jane Doe', whom the request is about)
        office = bool(before) and before[-1][:1].isupper() and _OFFICE_TITLE.match(before[-1])
        if name and not _OFFICE_TITLE.match(name) and not office:
            add_name(name)
    # the site's own lines naming who made the request
    for maker in [m.group("name") or m.group("run") for m in _WDTK_ONLY.finditer(text)] + [
        m.group("name") for pattern in _WDTK_WAITS_ON + _WDTK_EVENT for m in pattern.finditer(text)
    ]:
        if not _OFFICE_TITLE.match(maker):
            add_name(maker)
    for m in _NAMED_REQUEST_HEADING.finditer(text):
        name = re.sub(r"['’]s$", "", m.group("name"))
        person = re.search(rf"{_PERSON_BEFORE}{re.escape(name)}(?![\w'’-])", text) or re.search(
            rf"(?<![\w'’-]){re.escape(name)}{_PUT_IN_A_REQUEST}", text
        )
        if person and _name_of(name, strict=True):
            add_name(name)
    relatives = [
        name
        for m in _RELATIVE.finditer(text)
        if (name := m.group("name").strip(" ,."))
        and not _NOT_NAME_WORD.match(name.split()[0])
        and not _ORGANISATION.search(name)
    ]
    # a letter's heading above the greeting: the name on the first line, then perhaps the sender's address,
    # e-mail, phone and the date ('Jane Smith' / '14 Acacia Avenue' / 'jane@x.org' / 'Dear Council,')
    top = [(j, line.strip()) for j, line in enumerate(text.split("\n")) if line.strip()][:9]
    greeting = next((n for n, (_, line) in enumerate(top) if _GREETING.match(line) or DEAR.match(line)), None)
    # (an e-mail's header, 'From: ...' / 'Sent: ...', is not a letter's heading: 'From:' is read above)
    # (above an authority's reply, 'Amgueddfa Cymru' / 'Cathays Park' / ... / 'Dear Mr Mantle' / 'Thank you for your
    # request for information', the heading is the authority's letterhead: its addressee is read below)
    replying = greeting is not None and bool(
        _REPLY_OPENING.search("\n".join(text.split("\n")[top[greeting][0] :])[:400])
    )
    found = (
        _name_of(top[0][1], strict=True)
        if greeting and not replying and not _MAIL_HEADER.match(top[0][1])
        else []
    )
    heading = top[1:greeting] if found else top[:greeting] if greeting and not replying else []
    # (with no name above it, a street and a postcode: the sender's address, as a letter is headed)
    posted = any(STREET.search(line) or _STREET_LINE.search(line) for _, line in heading) and any(
        _POSTCODE_ANY_CASE.search(line) for _, line in heading
    )
    if (
        (found or posted and not _MAIL_HEADER.match(top[0][1]))
        and all(
            len(line) < 80
            and "?" not in line
            and (
                EMAIL.search(line)
                or PHONE.search(line)
                or _IDENTITY_LINE.match(line)
                or _DATE_LINE.match(line)
                or re.search(r"\d", line)
                or _STREET_LINE.search(line)
                or _POSTCODE_ANY_CASE.search(line)
                # the town, county under the street ('12 High Street' / 'Anytown' / 'Anyshire')
                or n > 0
                and _TOWN_LINE.fullmatch(line)
                and any(
                    STREET.search(a) or _STREET_LINE.search(a) or _NUMBERED_LINE.match(a)
                    for _, a in heading[:n]
                )
            )
            for n, (_, line) in enumerate(heading)
        )
    ):
        for n in found:
            add_name(n)
        for j, line in heading:
            if not (
                EMAIL.search(line)
                or PHONE.search(line)
                or _IDENTITY_LINE.match(line)
                or _DATE_LINE.match(line)
            ):
                address.append(line)
                block_lines.add(j)
    # a heading that lost its line breaks, the sender first on one line with the greeting ('Jane Smith Director
    # Acme Email: jane@acme.org Tel: ... Dear Ms Findlay, ...'): the name that opens it is the requester's when
    # the heading carries a private e-mail address or a phone number
    flat = text.lstrip()
    dear = re.search(r"\b(?:Dear|Hello|Hi)\b", flat[:600])
    # (or on a line of its own above 'Dear', or that line hard-wrapped: no blank line in it)
    if dear and "\n\n" not in flat[: dear.start()].rstrip():
        prefix = re.sub(r"\s*\n\s*", " ", flat[: dear.start()])
        sender = EMAIL.search(prefix)
        private = bool(sender and "@" in sender.group(0) and not _public_address(sender.group(0)))
        # (or a street and a postcode: a person's address; a body's own address names the body, not a person)
        # (the street as STREET knows it, or a house number then a name, '7 Heol Las', before the postcode)
        postcode = _POSTCODE_ANY_CASE.search(prefix)
        numbered = postcode and re.search(
            rf"(?<![\w/])(?:{_NUMBERED_LINE.pattern})", prefix[: postcode.start()]
        )
        posted = bool(postcode and (STREET.search(prefix) or numbered))
        if private or PHONE.search(prefix) or posted:
            words = prefix.split()
            for size in (3, 2):
                if (
                    len(words) > size
                    and (found := _name_of(" ".join(words[:size]), strict=True))
                    # (not the first words of a body's own name, 'British Broadcasting Corporation', above its
                    # phone number in a reply's letterhead)
                    and not _ORGANISATION.search(" ".join(words[: size + 1]))
                    and (
                        private
                        or PHONE.search(prefix)
                        or not _ORGANISATION.search(" ".join(words[: size + 3]))
                    )
                ):
                    for n in found:
                        add_name(n)
                    if numbered:
                        runs.extend(_address_after(prefix, found[0]))
                    break
    # a sign-off run on after the last sentence of a line ('... in 2024? Yours faithfully, Jo Bloggs', as a web
    # form sends it): the name after it is the requester's, as on a line of its own
    for line in text.split("\n"):
        for boundary in re.finditer(r"[.?!][ \t]+(?=\S)", line):
            ok, tail = _sign_off_line(line[boundary.end() : boundary.end() + 100])  # longer is no sign-off
            if ok and tail:
                head = tail.split(",")[0].strip()
                for n in _name_of(head, strict=True) or _name_before_role(head):
                    add_name(n)
                break
            if found := _leading_name(line[boundary.end() : boundary.end() + 100]):
                for n in found:
                    add_name(n)
                runs.extend(_address_after(line[boundary.end() :], found[0]))
                break
            if found := _run_on_signature(line[boundary.end() :]):
                for n in found:
                    add_name(n)
                break
    # a name after a dash or 'From' that ends the request ('... issued in 2023? - Jane Smith', '... From Jane
    # Smith, Leeds'), as one pasted on a line signs; a place after a comma is not the name's
    if dashed := re.search(
        r"[.?!][ \t]+(?:[-–—]|(?:From|Signed)\b:?)[ \t]*(?P<name>[^\n.?!,]{3,60}?)(?:,[ \t]*[^\n.?!,]{2,40})?[ \t]*$",
        text.rstrip(),
    ):
        for n in _name_of(dashed.group("name"), strict=True):
            add_name(n)
    for line in text.split(
        "\n"
    ):  # the same on a line of its own ('Yours faithfully, Ann Lee Journalist ...')
        for n in (found := _leading_name(line[:100])):
            add_name(n)
        if found:
            runs.extend(_address_after(line, found[0]))
        elif SIGN_OFF.match(line):  # ('Cheers Maria -- Maria Lopez Freelance journalist ...')
            for n in _run_on_signature(line.strip()):
                add_name(n)
    # "Dear ..." in a request names whoever it is addressed to (an FOI officer, the authority), never the
    # requester: a person's name there is removed as written, and is not the reply's salutation.
    addressees = list(
        dict.fromkeys(
            name
            for m in DEAR.finditer(text)
            if (name := m.group("name").strip(" ,."))
            and not _GENERIC_ADDRESSEE.match(name)
            and not _ORGANISATION.search(whole := name + _name_run(text, m.end("name")))
            and not _ADDRESSED_BODY.match(whole)
        )
    )

    addressees += [m.group("name") for m in _TO_PERSON.finditer(text) if m.group("name") not in addressees]
    for m in _TO_HEADER.finditer(text):
        if _REPLY_OPENING.search(text[m.end() : m.end() + 600]) and not _OFFICE_TITLE.match(m.group("name")):
            for n in _name_of(m.group("name"), strict=True):
                add_name(n)
    # ... unless the text is the authority's reply to the requester, which quotes the request ('Dear Mr Armitage /
    # Access to information request - Acknowledgement / Thank you for your request for information about: ...'): its
    # salutation names the requester
    for m in DEAR.finditer(text):
        if (
            _REPLY_OPENING.search(text[m.end() : m.end() + 300])
            and m.group("name").strip(" ,.") in addressees
        ):
            add_name(m.group("name"))
    # ... and its head, above the salutation, names the addressee in full ('Anyshire Jane Smith AB1 2CD By email
    # ... Dear Jane,' as a PDF's columns flatten): the full name there is the requester's
    for name in _reply_head_names(text):
        add_name(name)
    # ... or on the line above how the reply is sent ('U. Karki' / 'By email:'), whatever the salutation
    for name in _addressed_by_email(text):
        add_name(name)

    lines = text.split("\n")
    # The signature block: after the last sign-off line that a name follows (the name on it or on the next
    # line), else a name alone on the last lines; then the address lines under the name.
    block: list[tuple[int, str]] = []
    signed = [(i, tail) for i, line in enumerate(lines) for ok, tail in [_sign_off_line(line)] if ok]
    for i, tail in reversed(signed):
        candidate = ([(i, tail)] if tail else []) + _lines_under(lines, i)
        if _block_name(candidate) is not None:
            block = candidate
            break
    # a thread of messages (a request, then a clarification under it) is signed more than once, and not always
    # alike ('Anna Powell-Smith', then 'Anna Smith'): every earlier signed name is the requester's too
    for i, tail in signed:
        if block and i >= block[0][0]:
            break
        if (earlier := _block_name(([(i, tail)] if tail else []) + _lines_under(lines, i))) is not None:
            for n in earlier[1]:
                add_name(n)
    if not block and (j0 := _trailing_name_block(lines)) is not None:
        block = [(j, lines[j]) for j in range(j0, min(len(lines), j0 + 9))]
    at = _block_name(block) if block else None
    if at is None and signed:  # a sign-off with no name under it may still have an address under it
        i, tail = signed[-1]
        block = [(i, tail)] + _lines_under(lines, i)
        starts = [k for k, (_, item) in enumerate(block) if STREET.search(item) or POSTCODE.search(item)]
        if starts and all(not block[k][1].strip() or len(block[k][1]) < 80 for k in range(starts[0])):
            at = (starts[0] - 1, [])
    if at is not None:
        k, found = at
        for n in found:
            add_name(n)
        # the address run on after the name on its line ('Ann Lee 12 Acacia Avenue', a one-line request broken
        # again): the line is the address's
        j, item = block[k]
        after = item.strip()[len(found[0]) :] if found and item.strip().startswith(found[0]) else ""
        if _ADDRESS_START.match(after.lstrip(" ,;|-–—\t")):
            address.append(after.strip(" ,;|-–—\t"))
            block_lines.add(j)
        pending: list[
            tuple[int, str]
        ] = []  # lines under the name not yet known to be an address ('Rose Cottage')
        for j, item in ((j, b.strip()) for j, b in block[k + 1 :]):
            if not item:
                break
            if _DEVICE_LINE.match(item) or _SIGNATURE_RULE.match(item):
                continue
            if (
                EMAIL.search(item)
                or PHONE.search(item)
                or HANDLE.search(item)
                or _IDENTITY_LINE.match(item)
                or "?" in item
            ):
                continue
            long_address = len(item) < 140 and _POSTCODE_ANY_CASE.search(
                item
            )  # 'The Old Rectory, ..., NR21 0AA'
            if (
                long_address
                or len(item) < 60
                and (
                    re.search(r"\d", item)
                    or address
                    or STREET.search(item)
                    or _POSTCODE_ANY_CASE.search(item)
                    or _STREET_LINE.search(item)
                )
            ):
                for m, earlier in pending:  # a house name or street without a number above the postcode
                    address.append(earlier)
                    block_lines.add(m)
                pending = []
                address.append(item)
                block_lines.add(j)
            elif len(item) < 60:
                pending.append((j, item))
        # the name signed again in full below ('Jane' then, under a blank line, 'Jane Smith' over a job title)
        signed = {w for n in found for w in n.split() if len(w) > 2}
        for item in (b.strip() for _, b in block[k + 1 :]):
            again = _name_of(item, strict=True) if len(item) < 60 else []
            if again and signed & set(again[0].split()):
                add_name(again[0])
        # what else stands under the name in the signature: a job title, an employer, a group ('Freelance
        # Researcher', 'Smith Consulting Ltd'); it says who the requester is as much as an address does
        for m, item in pending:
            affiliation.append(item)
            affiliation_lines.add(m)

    emails = tuple(dict.fromkeys(m.group(0) for m in EMAIL.finditer(text)))
    phones = tuple(dict.fromkeys(m.group(0).strip() for m in PHONE.finditer(text)))
    postcodes = tuple(dict.fromkeys(POSTCODE.findall(text)))
    handles = tuple(dict.fromkeys(HANDLE.findall(text)))
    # Street addresses next to other identity (a postcode, "my address is", "I live at", the signature).
    for line in lines:
        if (
            POSTCODE.search(line)
            or MY_NAME.search(line)
            or re.search(r"\b(?:my address|i live at|address:)", line, re.I)
        ):
            address.extend(m.group(0).strip(" ,.") for m in STREET.finditer(line))
        # a street address in a sentence about the requester's home ('our home, 12 Acacia Avenue, flooded')
        for sentence in re.split(r"(?<=[.?!])\s+", line):
            if _OWN_HOME.search(sentence):
                address.extend(m.group(0).strip(" ,.") for m in STREET.finditer(sentence))
    address.extend(m.group("value").strip() for m in _ADDRESS_LINE.finditer(text))
    lived_at = [
        m.group("value").strip()
        for m in _LIVE_AT.finditer(text)
        if re.search(r"\d", m.group("value")) or _LIVE_AT_CUE_ALONE.match(m.group("lead"))
    ]
    address.extend(lived_at + runs)
    address = list(dict.fromkeys(a for a in address if a))
    streets = [a for a in address if STREET.fullmatch(a)]

    clean = "\n".join(
        "[ADDRESS]" if j in block_lines else "[AFFILIATION]" if j in affiliation_lines else line
        for j, line in enumerate(lines)
    )
    clean = _ADDRESS_LINE.sub(lambda m: m.group("lead") + "[ADDRESS]", clean)
    clean = EMAIL.sub("[EMAIL]", clean)
    clean = PHONE.sub("[PHONE]", clean)
    clean = _PROFILE_URL.sub("[HANDLE]", clean)
    clean = HANDLE.sub("[HANDLE]", clean)
    for a in sorted(
        set(streets + lived_at + runs), key=len, reverse=True
    ):  # specific enough to replace anywhere
        clean = clean.replace(a, "[ADDRESS]")
    clean = POSTCODE.sub("[POSTCODE]", clean)
    # a postcode written in lower case ('my postcode is ls6 2ab') where the requester says where they live
    clean = _LIVE_IN.sub(
        lambda m: _DISTRICT.sub("[POSTCODE]", _POSTCODE_ANY_CASE.sub("[POSTCODE]", m.group(0))), clean
    )
    clean = MY_NAME.sub(
        lambda m: (
            m.group(0)
            if m.group("name") in officers and m.group("name") not in names
            else m.group(0)[: m.start("name") - m.start()] + "[NAME]"
        ),
        clean,
    )
    # a first name signed alone ('Patrick') and written in full under it ('Patrick Hayes | Director'): the full name
    for name in [n for n in names if len(n.split()) == 1]:
        for m in re.finditer(rf"(?<![\w\[]){re.escape(name)}[ \t]+(?P<last>{_WORD})(?![\w'’-])", text):
            office = re.search(
                r"(?:^|[ \t(])(?P<word>[\w.]+)[ \t]+$", text[max(0, m.start() - 40) : m.start()]
            )
            if office and _OFFICE_TITLE.match(office.group("word")):
                continue  # 'Councillor Jane Doe' is not the requester who signs 'Jane'
            # (where a signature or a subject line has it: at the start of a line, after the sign-off or the first
            # name alone, in 'Subject: FOI request from Jane Doe'; 'the e-mails of Jane Doe' is about someone else)
            lead = text[text.rfind("\n", 0, m.start()) + 1 : m.start()].strip()
            if (
                lead
                and lead != name
                and not _sign_off_line(lead)[0]
                and not _SIGNATURE_RULE.match(lead)
                and not re.match(r"(?i:subject|re|fwd?)[ \t]*:", lead)
            ):
                continue
            if not _NOT_NAME_WORD.match(m.group("last")) and not _ORGANISATION.search(m.group("last")):
                add_name(f"{name} {m.group('last')}")
    for name in sorted(names, key=len, reverse=True):
        clean = _replace_name(name, clean)
    for name in sorted((a for a in addressees + relatives if a not in names), key=len, reverse=True):
        clean = re.sub(rf"(?<![\w\[]){re.escape(name)}(?![\w\]])", "[NAME]", clean)
    # a letter addressed to the requester by title ('Dear Mr Gray', with no name of the writer's own signed): the
    # surname is the requester's wherever it stands ('My Reference: cb/13.05.15/Gray'); such a letter sent on one
    # line has the greeting inside it ('... Your Reference: 2470 Dear Mr Gray I am writing ...'): there only a
    # title and a surname, near the top, and not quoted ("the letter 'Dear Mr Gove'")
    greeted = None
    if not names:
        inline = list(_DEAR_INLINE.finditer(text[:600]))
        for a in addressees + [m.group("name") for m in inline]:
            if re.match(_TITLE + r"[ \t]", a) and len(a.split()) > 1 and len(a.split()[-1]) > 2:
                clean = re.sub(rf"(?<![\w\[]){re.escape(a.split()[-1])}(?![\w\]])", "[NAME]", clean)
        # the greeting inside a reply's line, the reply opening under it ('15 November 2016 Dear Ms Kelly' / 'We write
        # with regard to your request received ...'): the requester, as a reply addresses them
        greeted = next(
            (m.group("name") for m in inline if _REPLY_OPENING.search(text[m.end() : m.end() + 300])), None
        )
    clean = re.sub(r"\[NAME\](?:[ \t]+\[NAME\])+", "[NAME]", clean)
    return clean, Requester(
        name=names[0] if names else greeted,
        emails=emails,
        phones=phones,
        postcodes=postcodes,
        address=tuple(address),
        handles=handles,
        affiliation=tuple(affiliation),
    )
