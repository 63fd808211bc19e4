"""Probes of the forms a requester's identity takes as requests really arrive, each through ``split_request``: web
forms, e-mail clients, letters, WhatDoTheyKnow pages, one-line pastes, with the third parties a request is about
beside them. Every request, name, number and address here is invented for the probe (many cultures, many shapes
of name); each case lists the identity that must go and the third parties that must stay. The id's first word is
the form probed."""

from __future__ import annotations

import pytest

from evals.real_requests.suite import outgoing_text, pii_present
from foi_precedent.drafting.request import split_request

ASK = (
    "1. How many fixed penalty notices for fly-tipping were issued in 2023?\n"
    "2. What was the total cost of clearing fly-tipped waste in the same year?\n"
)
ASK_ABOUT = (  # a request about a named person in office, who stays
    "Please provide the expenses claimed by Councillor Margaret Thornbury between April 2022 and March 2024, "
    "and any correspondence she sent about the Elmfield depot.\n"
)
DEAR = "Dear Anyshire County Council,\n\n"


def _p(text, identity, third, form, xfail=None):
    marks = [pytest.mark.xfail(reason=xfail, strict=True)] if xfail else []
    return pytest.param(text, identity, third, id=form, marks=marks)


N = "names"
E = "emails"
P = "phones"
A = "addresses"
THORNBURY = ["Councillor Margaret Thornbury"]

CASES = [
    # ---------------- web forms: a field naming the requester
    _p(
        f"Name: Oluwaseun Adebayo\nEmail: seun.adebayo@example.com\n\nRequest:\n{ASK}",
        [(N, "Oluwaseun Adebayo"), (E, "seun.adebayo@example.com")],
        [],
        "webform-name-colon",
    ),
    _p(
        f"Full name: Aoife Ní Bhriain\nEmail address: aoife.nb@example.ie\n\nRequest details:\n{ASK}",
        [(N, "Aoife Ní Bhriain"), (E, "aoife.nb@example.ie")],
        [],
        "webform-full-name",
    ),
    _p(
        f"Your name: Tomasz Wiśniewski\nYour email: t.wisniewski@example.pl\n\nYour request:\n{ASK_ABOUT}",
        [(N, "Tomasz Wiśniewski"), (E, "t.wisniewski@example.pl")],
        THORNBURY,
        "webform-your-name",
    ),
    _p(
        f"Contact name: Priya Raghunathan\nOrganisation: Riverside Tenants Group\n\n{ASK}",
        [(N, "Priya Raghunathan")],
        [],
        "webform-contact-name",
    ),
    _p(
        f"Requester: Mohammed Al-Rashid\nDate submitted: 3 May 2024\n\n{ASK_ABOUT}",
        [(N, "Mohammed Al-Rashid")],
        THORNBURY,
        "webform-requester",
    ),
    _p(
        f"Applicant: Siobhan McAllister\nReceived: 3 May 2024\n\n{ASK}",
        [(N, "Siobhan McAllister")],
        [],
        "webform-applicant",
    ),
    _p(
        f"Name Kwame Mensah\nEmail kwame.mensah@example.com\n\n{ASK}",
        [(N, "Kwame Mensah"), (E, "kwame.mensah@example.com")],
        [],
        "webform-no-colon",
    ),
    _p(
        f"Name\nFatima Zahra Benali\n\nEmail\nfatima.benali@example.com\n\nYour request\n{ASK}",
        [(N, "Fatima Zahra Benali"), (E, "fatima.benali@example.com")],
        [],
        "webform-label-above-value",
    ),
    _p(
        f"Full name\nHiroshi Tanaka\nEmail address\nhiro.t@example.jp\nDetails of request\n{ASK_ABOUT}",
        [(N, "Hiroshi Tanaka"), (E, "hiro.t@example.jp")],
        THORNBURY,
        "webform-label-above-value",
    ),
    _p(
        f"{ASK}\nName: Lars Eriksson\nEmail: lars.e@example.se\n",
        [(N, "Lars Eriksson"), (E, "lars.e@example.se")],
        [],
        "webform-fields-after-request",
    ),
    _p(
        "Full name: Lars Eriksson Email: lars.e@example.se Request: Please tell me how many fixed penalty notices "
        "for fly-tipping were issued in 2023.",
        [(N, "Lars Eriksson"), (E, "lars.e@example.se")],
        [],
        "webform-one-line",
    ),
    _p(
        f"First name: Giulia\nLast name: Rossi\nEmail: giulia.rossi@example.it\n\n{ASK}",
        [(N, "Giulia"), (N, "Rossi"), (E, "giulia.rossi@example.it")],
        [],
        "webform-first-last",
    ),
    _p(
        f"Title: Mrs\nFirst name(s): Hannah\nSurname: Okafor\n\n{ASK}",
        [(N, "Hannah"), (N, "Okafor")],
        [],
        "webform-first-last",
    ),
    _p(
        f"Requester name: Dmitri Volkov\nRequester email: d.volkov@example.com\n\n{ASK}",
        [(N, "Dmitri Volkov"), (E, "d.volkov@example.com")],
        [],
        "webform-requester-name",
    ),
    _p(
        f"Name of requester: Beatriz Carvalho\n\n{ASK_ABOUT}",
        [(N, "Beatriz Carvalho")],
        THORNBURY,
        "webform-requester-name",
    ),
    _p(
        f"Applicant name: Rhys Llewellyn-Jones\n\n{ASK}",
        [(N, "Rhys Llewellyn-Jones")],
        [],
        "webform-applicant-name",
    ),
    _p(
        f"Your full name*: Amara Okonjo\nYour email address*: amara.o@example.com\n\n{ASK}",
        [(N, "Amara Okonjo"), (E, "amara.o@example.com")],
        [],
        "webform-required-star",
    ),
    _p(
        f"Name (optional): Ewan Drummond\n\n{ASK}",
        [(N, "Ewan Drummond")],
        [],
        "webform-optional",
    ),
    _p(
        f"Name:\tNadia Haddad\nEmail:\tnadia.h@example.com\n\n{ASK}",
        [(N, "Nadia Haddad"), (E, "nadia.h@example.com")],
        [],
        "webform-tab",
    ),
    _p(
        f"NAME: Connor Fitzgerald\nEMAIL: connor.f@example.com\n\n{ASK}",
        [(N, "Connor Fitzgerald"), (E, "connor.f@example.com")],
        [],
        "webform-caps-label",
    ),
    # ---------------- e-mail clients
    _p(
        DEAR + ASK + "\nKind regards,\n\nRavi Shankar\nSenior Policy Analyst\nNorthern Housing Forum\n",
        [(N, "Ravi Shankar")],
        [],
        "email-signature-job-org",
    ),
    _p(
        DEAR + ASK + "\nThanks,\nEmeka\n\nSent from my iPhone\n",
        [(N, "Emeka")],
        [],
        "email-sent-from-device",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nCheers\nMaria\n-- \nMaria González-Ruiz\nFreelance journalist\n07700 900456\n",
        [(N, "Maria González-Ruiz"), (P, "07700 900456")],
        THORNBURY,
        "email-dash-dash-signature",
    ),
    _p(
        "From: Ingrid Johansson <ingrid.j@outlook.com>\nSent: 04 March 2024 10:12\nTo: FOI <foi@anyshire.gov.uk>\n"
        "Subject: Freedom of Information request\n\n" + DEAR + ASK,
        [(N, "Ingrid Johansson"), (E, "ingrid.j@outlook.com")],
        [],
        "email-headers",
    ),
    _p(
        "From: Ingrid Johansson\nSent: 04 March 2024 10:12\nTo: FOI\nSubject: Freedom of Information request\n\n"
        + DEAR
        + ASK,
        [(N, "Ingrid Johansson")],
        [],
        "email-headers",
    ),
    _p(
        "From: Okonkwo, Chidi <chidi.okonkwo@example.com>\nSent: 04 March 2024 10:12\nTo: FOI\n"
        "Subject: FOI request\n\n" + DEAR + ASK,
        [(N, "Chidi"), (N, "Okonkwo"), (E, "chidi.okonkwo@example.com")],
        [],
        "email-headers-surname-first",
    ),
    _p(
        "---------- Forwarded message ---------\nFrom: Chidi Okonkwo <chidi.okonkwo@example.com>\n"
        "Date: Mon, 4 Mar 2024 at 10:12\nSubject: FOI request\nTo: <foi@anyshire.gov.uk>\n\n" + DEAR + ASK,
        [(N, "Chidi Okonkwo"), (E, "chidi.okonkwo@example.com")],
        [],
        "email-forwarded",
    ),
    _p(
        DEAR
        + ASK_ABOUT
        + "\nBest,\nDr. Li Wei\nResearch Fellow\n\n"
        + "On Mon, 4 Mar 2024 at 09:15, FOI Team <foi@anyshire.gov.uk> wrote:\n> Thank you for your request.\n",
        [(N, "Li Wei")],
        THORNBURY,
        "email-quoted-reply-below",
    ),
    _p(
        DEAR + ASK + "\nRegards\nSanjay Patel\n\nGet Outlook for Android\n",
        [(N, "Sanjay Patel")],
        [],
        "email-sent-from-device",
    ),
    _p(
        DEAR
        + ASK
        + "\nBest wishes\n\nAnnika Lindqvist | Data Journalist | The Northern Ledger\nt: 0113 496 0123\n",
        [(N, "Annika Lindqvist"), (P, "0113 496 0123")],
        [],
        "email-signature-piped",
    ),
    _p(
        "Thank you for your reply. Could you also tell me how many of those notices were paid?\n\n"
        "Thanks\nKofi\n\nOn 12 Apr 2024, at 14:02, Kofi Boateng <kofi.boateng@example.com> wrote:\n\n"
        "> Dear Anyshire County Council,\n> How many fixed penalty notices were issued in 2023?\n",
        [(N, "Kofi Boateng"), (E, "kofi.boateng@example.com")],
        [],
        "email-quoted-own-request",
    ),
    _p(
        DEAR + ASK + "\nMany thanks\nMs Zainab Hussain\nSent from my Samsung Galaxy smartphone.\n",
        [(N, "Zainab Hussain")],
        [],
        "email-sent-from-device",
    ),
    # ---------------- letters
    _p(
        "14 Willow Crescent\nHarrogate\nHG1 2AB\n\n3 May 2024\n\nDear Sir or Madam,\n\n"
        + ASK
        + "\nYours faithfully,\n\nMr Graham Pemberton-Lowe\n",
        [(N, "Graham Pemberton-Lowe"), (A, "14 Willow Crescent"), (A, "HG1 2AB")],
        [],
        "letter-address-above-date",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nYours sincerely,\n\nDavid Thompson (Mr)\n",
        [(N, "David Thompson")],
        THORNBURY,
        "letter-bracketed-title",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\n\nJ. A. Fairweather\n",
        [(N, "J. A. Fairweather")],
        [],
        "letter-initials",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nJ.A. Fairweather\n",
        [(N, "Fairweather")],
        [],
        "letter-initials",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nYours faithfully\n\nCharlotte Ashworth-Bligh\n",
        [(N, "Charlotte Ashworth-Bligh")],
        THORNBURY,
        "letter-double-barrelled",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully\n\nCharlotte Ashworth Bligh\n",
        [(N, "Charlotte Ashworth Bligh")],
        [],
        "letter-double-barrelled",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\nPieter van der Berg\n",
        [(N, "Pieter van der Berg")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\nLuis de la Fuente\n",
        [(N, "Luis de la Fuente")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nRegards,\nSeamus O'Donnell\n",
        [(N, "Seamus O'Donnell")],
        THORNBURY,
        "letter-apostrophe",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nFiona McGillivray\n",
        [(N, "Fiona McGillivray")],
        [],
        "letter-mc",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nNguyễn Thị Lan\n",
        [(N, "Nguyễn Thị Lan")],
        [],
        "letter-non-english",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\nAgnieszka Wójcik\n",
        [(N, "Agnieszka Wójcik")],
        [],
        "letter-non-english",
    ),
    _p(
        DEAR + ASK + "\nKind regards,\nOluwadamilare Ogunleye\n",
        [(N, "Oluwadamilare Ogunleye")],
        [],
        "letter-non-english",
    ),
    _p(
        DEAR + ASK + "\nRegards,\nBjörn Ólafsson\n",
        [(N, "Björn Ólafsson")],
        [],
        "letter-non-english",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nThanks,\nNkechi\n",
        [(N, "Nkechi")],
        THORNBURY,
        "letter-single-given-name",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nJANE MARLOWE\n",
        [(N, "JANE MARLOWE")],
        [],
        "letter-capitals",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\n\nMR K. OSEI\n",
        [(N, "OSEI")],
        [],
        "letter-capitals",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\n\nEvelyn Charteris (Mrs)\n22 Orchard Way\nTadcaster\nLS24 9AB\n",
        [(N, "Evelyn Charteris"), (A, "22 Orchard Way"), (A, "LS24 9AB")],
        [],
        "letter-signature-address",
    ),
    _p(
        "Rhiannon Pryce\n7 Heol Las\nAbertawe\nSA1 1AA\n\n3 May 2024\n\n" + DEAR + ASK,
        [(N, "Rhiannon Pryce"), (A, "7 Heol Las"), (A, "SA1 1AA")],
        [],
        "letter-heading-name-address",
    ),
    _p(
        "Aurélie Dubois\n12a Rue du Port\nSaint-Malo\n35400 France\n\n3 May 2024\n\n" + DEAR + ASK_ABOUT,
        [(N, "Aurélie Dubois"), (A, "12a Rue du Port")],
        THORNBURY,
        "letter-heading-name-address",
    ),
    _p(
        "Mrs Evelyn Charteris\n22 Orchard Way\nTadcaster\nLS24 9AB\n\n3 May 2024\n\nFOI Officer\nAnyshire County "
        "Council\nCounty Hall\n\n" + DEAR + ASK,
        [(N, "Evelyn Charteris"), (A, "22 Orchard Way"), (A, "LS24 9AB")],
        [],
        "letter-heading-name-address",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully\n\n\n\nA. Mukherjee (Dr)\n",
        [(N, "Mukherjee")],
        [],
        "letter-bracketed-title",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely\n\nSarah-Jane O'Sullivan-Reid\n",
        [(N, "Sarah-Jane O'Sullivan-Reid")],
        [],
        "letter-double-barrelled",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nMr. Abdul Karim bin Yusof\n",
        [(N, "Abdul Karim bin Yusof")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nSiân ap Gruffydd\n",
        [(N, "Siân ap Gruffydd")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nD'Arcy MacNeil\n",
        [(N, "D'Arcy MacNeil")],
        [],
        "letter-mc",
    ),
    # ---------------- WhatDoTheyKnow pages
    _p(
        "Fly-tipping enforcement\n\nRavinder Gill made this Freedom of Information request to Anyshire County "
        "Council\n\nThis request has been closed to new correspondence.\n\nThe request was successful.\n\n"
        + DEAR
        + ASK
        + "\nYours faithfully,\n\nRavinder Gill\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-page-head",
    ),
    _p(
        DEAR
        + ASK
        + "\nYours faithfully,\n\nRavinder Gill\n\nAnyshire County Council\n\nDear Mr Gill,\nPlease find our response "
        "attached.\n\nRavinder Gill left an annotation (4 May 2024)\nThe figures for 2022 are missing.\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-annotation",
    ),
    _p(
        "Follow up sent to Anyshire County Council by Ravinder Gill on 5 May 2024.\n\n"
        + DEAR
        + "Please pass this on to the person who conducts Freedom of Information reviews.\n"
        + ASK
        + "\nA full history of my FOI request and all correspondence is available on the Internet at this address: "
        "https://www.whatdotheyknow.com/request/fly_tipping_enforcement\n\nYours faithfully,\n\nRavinder Gill\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-follow-up-sent",
    ),
    _p(
        DEAR
        + ASK
        + "\nYours faithfully,\nP. Oyelowo\n\nThings to do with this request\nAnyone:\nFollow this request\n"
        "P. Oyelowo only:\nUpdate the status of this request\n",
        [(N, "P. Oyelowo")],
        [],
        "wdtk-sidebar-only",
    ),
    _p(
        "Ravinder Gill (Account suspended) made this Freedom of Information request to Anyshire County Council\n\n"
        + DEAR
        + ASK
        + "\nYours faithfully,\n\nRavinder Gill\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-page-head",
    ),
    _p(
        "Request sent to Anyshire County Council by Ravinder Gill on 3 May 2024.\n\n"
        + DEAR
        + ASK
        + "\nRavinder\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-request-sent-by",
    ),
    _p(
        DEAR
        + ASK
        + "\nYours faithfully,\n\nMei Ling Chan\n\n-------------------------------------------------------------------\n\n"
        "Please use this email address for all replies to this request:\nrequest-812345-a1b2c3d4@whatdotheyknow.com\n",
        [(N, "Mei Ling Chan"), (E, "request-812345-a1b2c3d4@whatdotheyknow.com")],
        [],
        "wdtk-footer",
    ),
    _p(
        "Fly-tipping enforcement\n\nmei ling chan made this Freedom of Information request to Anyshire County Council"
        "\n\n" + DEAR + ASK + "\nYours faithfully,\n\nmei ling chan\n",
        [(N, "mei ling chan")],
        [],
        "wdtk-page-head",
    ),
    _p(
        DEAR
        + ASK
        + "\nYours faithfully,\n\nRavinder Gill\n\nInternal review request sent to Anyshire County Council by "
        "Ravinder Gill on 20 June 2024.\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-follow-up-sent",
    ),
    # ---------------- one-line pastes
    _p(
        "Dear Anyshire Council, How many fixed penalty notices for fly-tipping were issued in 2023? Kind regards "
        "Ayodele Johnson-Bakare ayo.jb@example.com",
        [(N, "Ayodele Johnson-Bakare"), (E, "ayo.jb@example.com")],
        [],
        "oneline-sign-off",
    ),
    _p(
        "Hello, please tell me how many fixed penalty notices for fly-tipping were issued in 2023. Thanks, "
        "Magnus Thorsen 07700 900789",
        [(N, "Magnus Thorsen"), (P, "07700 900789")],
        [],
        "oneline-sign-off",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? - Yusuf Demir",
        [(N, "Yusuf Demir")],
        [],
        "oneline-dash-name",
    ),
    _p(
        "My name is Olga Petrenko and I would like to know how many fixed penalty notices for fly-tipping were "
        "issued in 2023.",
        [(N, "Olga Petrenko")],
        [],
        "oneline-my-name",
    ),
    _p(
        "I'm Tariq Mahmood, a resident of Elmfield. How many fixed penalty notices for fly-tipping were issued in "
        "2023?",
        [(N, "Tariq Mahmood")],
        [],
        "oneline-i-am",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? Regards, Mr. G. Papadopoulos",
        [(N, "Papadopoulos")],
        [],
        "oneline-sign-off",
    ),
    _p(
        DEAR + "How many fixed penalty notices for fly-tipping were issued in 2023?\n- Yusuf Demir\n",
        [(N, "Yusuf Demir")],
        [],
        "oneline-dash-name",
    ),
    _p(
        "Please provide the diary of the leader for May 2024. - Councillor Amir Khan",
        [],
        ["Councillor Amir Khan"],
        "third-after-dash",
    ),
    _p(
        "Please provide the diary of the leader for May 2024. From Councillor Amir Khan's office, if held.",
        [],
        ["Councillor Amir Khan"],
        "third-after-dash",
    ),
    # ---------------- third parties beside the requester, who stay
    _p(
        DEAR
        + "I have written to my MP, Helen Castleford, about this. How many fixed penalty notices for fly-tipping "
        "were issued in 2023?\n\nYours faithfully,\nGareth Morgan\n",
        [(N, "Gareth Morgan")],
        ["Helen Castleford"],
        "third-my-mp",
    ),
    _p(
        DEAR
        + "Please provide all correspondence between the council and Dr Whitlock's clinic about parking in 2023.\n\n"
        "Thanks,\nLeah Whitlock-Barnes\n",
        [(N, "Leah Whitlock-Barnes")],
        ["Dr Whitlock's clinic"],
        "third-dr-clinic",
    ),
    _p(
        DEAR
        + "Please provide the contracts awarded to John Lewis and to Morgan Sindall in 2023.\n\nRegards,\nJohn Okafor\n",
        [(N, "John Okafor")],
        ["John Lewis", "Morgan Sindall"],
        "third-company-like-person",
    ),
    _p(
        DEAR
        + "Please provide the minutes of meetings attended by Mr David Renshaw, Head of Planning, in 2023, and by "
        "Cllr Anita Desai.\n\nYours sincerely,\nDavid Kowalczyk\n",
        [(N, "David Kowalczyk")],
        ["Mr David Renshaw", "Cllr Anita Desai"],
        "third-officer-councillor",
    ),
    _p(
        DEAR
        + "Please provide the coroner's correspondence about the death of my late father, Arthur Mbeki, in 2019.\n\n"
        "Yours faithfully,\nThandiwe Nkosi\n",
        [(N, "Thandiwe Nkosi")],
        ["Arthur Mbeki"],
        "third-deceased-relative",
    ),
    _p(
        DEAR
        + "Please provide the care records of my grandmother, the late Edith Fairbanks, held in 2018.\n\n"
        "Kind regards,\nRuth Adeyemi\n",
        [(N, "Ruth Adeyemi")],
        ["Edith Fairbanks"],
        "third-deceased-relative",
    ),
    _p(
        DEAR
        + "Please provide any complaints received about Sir Malcolm Fenwick MP in 2023.\n\nYours faithfully,\n"
        "Malcolm Obi\n",
        [(N, "Malcolm Obi")],
        ["Sir Malcolm Fenwick MP"],
        "third-mp-same-first-name",
    ),
    _p(
        "Name: Elena Popescu\nEmail: elena.p@example.ro\n\nPlease provide all emails sent by Councillor Jane "
        "Popescu-Hart to the planning department in 2023.\n",
        [(N, "Elena Popescu"), (E, "elena.p@example.ro")],
        ["Councillor Jane Popescu-Hart"],
        "third-webform-councillor",
    ),
    _p(
        DEAR
        + "Please provide the inspection reports for the care home run by Harrison Grant Ltd.\n\nKind regards,\n"
        "Grant Harrison\n",
        [(N, "Grant Harrison")],
        ["Harrison Grant Ltd"],
        "third-company-like-person",
    ),
    # ---------------- more shapes of the same forms
    _p(
        f"Your name\nKemi Adeyemi\nYour email\nkemi.a@example.com\n\n{ASK_ABOUT}",
        [(N, "Kemi Adeyemi"), (E, "kemi.a@example.com")],
        THORNBURY,
        "webform-label-above-value",
    ),
    _p(
        f"Name: Dr. Kwabena Asante-Mensah\n\n{ASK}",
        [(N, "Kwabena Asante-Mensah")],
        [],
        "webform-name-colon",
    ),
    _p(
        'From: "Ingrid Johansson" <ingrid.j@outlook.com>\nSent: 04 March 2024 10:12\nTo: foi@anyshire.gov.uk\n'
        "Subject: FOI\n\n" + DEAR + ASK,
        [(N, "Ingrid Johansson"), (E, "ingrid.j@outlook.com")],
        [],
        "email-headers",
    ),
    _p(
        "From: Smith, Jane <jane.smith@anyshire.gov.uk>\nSent: 05 March 2024 09:00\nTo: Ingrid Johansson\n"
        "Subject: RE: FOI\n\nDear Ms Johansson,\nThank you for your request.\n\n" + ASK + "\nIngrid\n",
        [(N, "Johansson")],
        ["Smith, Jane"],
        "third-officer-from-header",
    ),
    _p(
        "From: Ingrid Johansson <i.johansson@anyshire.ac.uk>\nSent: 04 March 2024 10:12\nTo: FOI\n"
        "Subject: FOI request\n\n" + DEAR + ASK + "\nThanks,\nIngrid\n",
        [(N, "Ingrid Johansson")],
        [],
        "email-headers-academic",
    ),
    _p(
        DEAR + ASK + "\nRavinder Gill (Account suspended) left an annotation (4 May 2024)\nStill waiting.\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-annotation",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\nHarold Ogilvy\n(Mr)\n",
        [(N, "Harold Ogilvy")],
        [],
        "letter-bracketed-title",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? Thanks - Yusuf Demir",
        [(N, "Yusuf Demir")],
        [],
        "oneline-dash-name",
    ),
    _p(
        DEAR + ASK + "\nYOURS FAITHFULLY\n\nJANE MARLOWE\n",
        [(N, "JANE MARLOWE")],
        [],
        "letter-capitals",
    ),
    _p(
        DEAR + ASK + "\nThanks,\nWei\n\nWei Zhang\nPhD candidate\n",
        [(N, "Wei Zhang")],
        [],
        "email-signature-job-org",
    ),
    _p(
        DEAR + ASK_ABOUT + "\nYours faithfully,\n\nTeresa Ann Delgado-Murphy\n",
        [(N, "Teresa Ann Delgado-Murphy")],
        THORNBURY,
        "letter-double-barrelled",
    ),
    _p(
        f"Requester details\nName: Yaw Owusu\nPostcode: LS6 2AB\n\n{ASK}",
        [(N, "Yaw Owusu"), (A, "LS6 2AB")],
        [],
        "webform-name-colon",
    ),
    _p(
        "For each officer who approved a fixed penalty notice in 2023, please give:\nName\nJob Role\n\n"
        "Yours faithfully,\nIfeoma Eze\n",
        [(N, "Ifeoma Eze")],
        ["Name Job Role"],
        "third-form-columns",
    ),
    # ---------------- a second wave: the same forms in further shapes
    _p(DEAR + ASK + "\nBest regards\n\nJ Whitmore\n", [(N, "Whitmore")], [], "letter-initials"),
    _p(DEAR + ASK + "\nRegards\nJ.Whitmore\n", [(N, "Whitmore")], [], "letter-initials"),
    _p(DEAR + ASK + "\nWith thanks,\nMs A Khan\n", [(N, "Khan")], [], "letter-initials"),
    _p(DEAR + ASK + "\nYours sincerely\nMr Ashdown\n", [(N, "Ashdown")], [], "letter-title-surname"),
    _p(DEAR + ASK + "\nYours sincerely,\nJane P Whitmore\n", [(N, "Jane P Whitmore")], [], "letter-initials"),
    _p(
        f"Name: jane whitmore\nEmail: jw@example.com\n\n{ASK}",
        [(N, "jane whitmore"), (E, "jw@example.com")],
        [],
        "webform-lower-case",
    ),
    _p(
        f"Name: JANE WHITMORE\nEmail: jw@example.com\n\n{ASK}",
        [(N, "JANE WHITMORE"), (E, "jw@example.com")],
        [],
        "webform-caps-value",
    ),
    _p(f"Requester: Ms J Whitmore\n\n{ASK}", [(N, "Whitmore")], [], "webform-requester"),
    _p(
        f"Name: Mrs. J. Whitmore\nAddress: 4 Elm Grove, Leeds LS6 2AB\n\n{ASK}",
        [(N, "Whitmore"), (A, "4 Elm Grove"), (A, "LS6 2AB")],
        [],
        "webform-name-colon",
    ),
    _p(
        "Name: Jane Whitmore Address: 4 Elm Grove, Leeds LS6 2AB Request: How many fixed penalty notices for "
        "fly-tipping were issued in 2023?",
        [(N, "Jane Whitmore"), (A, "4 Elm Grove")],
        [],
        "webform-one-line",
    ),
    _p(
        f"Firstname: Jane\nLastname: Whitmore\n\n{ASK}",
        [(N, "Jane"), (N, "Whitmore")],
        [],
        "webform-first-last",
    ),
    _p(
        f"Forename(s): Jane Ann\nSurname: Whitmore\n\n{ASK}",
        [(N, "Jane Ann"), (N, "Whitmore")],
        [],
        "webform-first-last",
    ),
    _p(
        "Name: withheld\n\nPlease tell me how much information withheld under section 40 was later released.\n",
        [],
        ["information withheld under section 40"],
        "third-form-no-name",
    ),
    _p(f"Contact Name - Jane Whitmore\n\n{ASK}", [(N, "Jane Whitmore")], [], "webform-contact-name"),
    _p(
        "Subject: FOI request from Jane Whitmore\n\n" + DEAR + ASK + "\nThanks,\nJane\n",
        [(N, "Jane Whitmore")],
        [],
        "email-subject-line",
    ),
    _p(
        "Subject: Freedom of Information request - Jane Whitmore\n\n" + DEAR + ASK + "\nThanks\n",
        [(N, "Jane Whitmore")],
        [],
        "email-subject-line",
        xfail=(
            "a subject line's ' - Jane Whitmore' reads as its topic does ('FOI request - Parking Enforcement'): "
            "without a list of given names (not adopted: it removed third parties) a name there cannot be told "
            "from a topic in capitals, and the request signs no name to match it against"
        ),
    ),
    _p(
        DEAR + ASK + "\nKind regards,\nAlex Whitmore (they/them)\n",
        [(N, "Alex Whitmore")],
        [],
        "email-signature-pronouns",
    ),
    _p(
        DEAR + ASK + "\nThanks,\nJane Whitmore\nSent from Yahoo Mail on Android\n",
        [(N, "Jane Whitmore")],
        [],
        "email-sent-from-device",
    ),
    _p(
        "Could you add the figures for 2022?\n\nThanks\n\n-----Original Message-----\n"
        "From: Jane Whitmore [mailto:jw@example.com]\nSent: 04 March 2024 10:12\nTo: FOI\n"
        "Subject: FOI\n\n" + DEAR + ASK,
        [(N, "Jane Whitmore"), (E, "jw@example.com")],
        [],
        "email-original-message",
    ),
    _p(
        DEAR + ASK + "\nRegards,\nJane Whitmore BA (Hons) MSc\n",
        [(N, "Jane Whitmore")],
        [],
        "letter-postnominals",
    ),
    _p(
        DEAR + ASK + "\nIs mise le meas,\nSeosamh Ó Súilleabháin\n",
        [(N, "Seosamh Ó Súilleabháin")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nMaría José García López\n",
        [(N, "María José García López")],
        [],
        "letter-non-english",
    ),
    _p(DEAR + ASK + "\nRegards,\nZHANG Wei\n", [(N, "ZHANG Wei")], [], "letter-capitals"),
    _p(
        DEAR + ASK + "\nYours faithfully,\nAbdullah bin Khalid Al Harbi\n",
        [(N, "Abdullah bin Khalid Al Harbi")],
        [],
        "letter-particle",
    ),
    _p(
        DEAR + ASK + "\nKind regards\nMaria de la Cruz Fernández Ortega\n",
        [(N, "Maria de la Cruz Fernández Ortega")],
        [],
        "letter-particle",
    ),
    _p(DEAR + ASK + "\nThanks,\nJANE\n", [(N, "JANE")], [], "letter-capitals"),
    _p(
        DEAR + ASK + "\nYours faithfully,\n\nJane Whitmore\n\n[FOI #812345 email]\n",
        [(N, "Jane Whitmore")],
        [],
        "wdtk-footer",
    ),
    _p(
        DEAR + ASK + "\nRegards,\nJane Whitmore | 07700 900123\n",
        [(N, "Jane Whitmore"), (P, "07700 900123")],
        [],
        "email-signature-piped",
    ),
    _p(
        DEAR + ASK + "\nMany thanks,\nJane Whitmore, Leeds\n",
        [(N, "Jane Whitmore")],
        [],
        "letter-name-town",
    ),
    _p(
        DEAR + ASK + "\nThank you,\nThe Revd. Canon Jane Whitmore\n",
        [(N, "Jane Whitmore")],
        [],
        "letter-title",
    ),
    _p(
        DEAR + ASK + "\nThanks in advance\nJane Whitmore-Oduya\nChair, Elm Grove Residents' Association\n",
        [(N, "Jane Whitmore-Oduya")],
        [],
        "email-signature-job-org",
    ),
    _p(
        "Hi, Jane Whitmore here. How many fixed penalty notices for fly-tipping were issued in 2023? Cheers",
        [(N, "Jane Whitmore")],
        [],
        "oneline-name-here",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? Jane Whitmore",
        [(N, "Jane Whitmore")],
        [],
        "oneline-bare-name",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? From Jane Whitmore, Leeds",
        [(N, "Jane Whitmore")],
        [],
        "oneline-from-name",
    ),
    # ---------------- a web form's fields run together on one line, as a form pasted or flattened sends them
    _p(
        "Name Kwame Mensah Email kwame.mensah@example.com How many fixed penalty notices were issued in 2023?",
        [(N, "Kwame Mensah"), (E, "kwame.mensah@example.com")],
        [],
        "oneline-webform",
    ),
    _p(
        "Full name Hiroshi Tanaka Email address hiro.t@example.jp Details of request " + ASK_ABOUT,
        [(N, "Hiroshi Tanaka"), (E, "hiro.t@example.jp")],
        THORNBURY,
        "oneline-webform",
    ),
    _p(
        "Your name: jane whitmore Your email: jw@example.com Request: How many notices were issued in 2023?",
        [(N, "jane whitmore"), (E, "jw@example.com")],
        [],
        "oneline-webform",
    ),
    _p(
        "Please provide the Company Name Address and Phone of each contractor paid by Harrison Grant Ltd.\n\n"
        "Thanks,\nIfeoma Eze\n",
        [(N, "Ifeoma Eze")],
        ["Company Name Address and Phone", "Harrison Grant Ltd"],
        "third-form-columns",
    ),
    _p(
        "Please tell me how many fixed penalty notices were issued in 2023. Cheers Maria -- Maria González-Ruiz "
        "Freelance journalist 07700 900456",
        [(N, "Maria González-Ruiz"), (P, "07700 900456")],
        [],
        "oneline-dash-dash-signature",
    ),
    _p(
        "Please tell me how many fixed penalty notices were issued in 2023. -- Dr Ann Lee said in May that the "
        "figures were published.",
        [],
        ["Dr Ann Lee said"],
        "third-after-dash",
    ),
    # ---------------- a third wave: WhatDoTheyKnow's correspondence, mail clients, third parties sharing a name
    _p(
        "From: Anyshire County Council FOI <foi@anyshire.gov.uk>\nTo: 'Ravinder Gill' "
        "<request-812345-a1b2c3d4@whatdotheyknow.com>\nSubject: RE: Freedom of Information request\n\n"
        "Thank you for your request. We hold the information.\n\n" + ASK,
        [(N, "Ravinder Gill"), (E, "request-812345-a1b2c3d4@whatdotheyknow.com")],
        [],
        "wdtk-to-header",
    ),
    _p(
        "To: Ravinder Gill\nSubject: Freedom of Information request FOI-1234\n\nThank you for your request.\n\n"
        + ASK,
        [(N, "Ravinder Gill")],
        [],
        "wdtk-to-header",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nRavinder\n\nThings to do with this request\nRavinder Gill only:\n"
        "Update the status of this request\n",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-sidebar-only",
    ),
    _p(
        "On Mon, Mar 4, 2024 at 10:12 AM Tomoko Hayashi <tomoko.h@example.com> wrote:\n" + ASK,
        [(N, "Tomoko Hayashi"), (E, "tomoko.h@example.com")],
        [],
        "email-quoted-own-request",
    ),
    _p(
        DEAR + ASK + "\nYours faithfully,\nJ. Whitmore (Miss)\n",
        [(N, "Whitmore")],
        [],
        "letter-bracketed-title",
    ),
    _p(
        DEAR + ASK + "\nYours sincerely,\nRobert Whitmore Jnr\n",
        [(N, "Robert Whitmore")],
        [],
        "letter-suffix",
    ),
    _p(
        DEAR + "Please provide the expenses claimed by Councillor John Okafor in 2023.\n\nYours faithfully,\n"
        "Grace Okafor\n",
        [(N, "Grace Okafor")],
        ["Councillor John Okafor"],
        "third-councillor-same-surname",
    ),
    _p(
        DEAR
        + "Your officer, Mr Raj Patel, told me the figures were held. How many fixed penalty notices were issued "
        "in 2023?\n\nKind regards,\nMeera Shah\n",
        [(N, "Meera Shah")],
        ["Mr Raj Patel"],
        "third-officer-in-text",
    ),
    _p(
        DEAR + "Please provide the inquest file for my late husband, Peter Okafor, who died in 2021.\n\n"
        "Yours faithfully,\nGrace Okafor\n",
        [(N, "Grace Okafor")],
        ["Peter Okafor"],
        "third-deceased-relative",
    ),
    _p(
        DEAR
        + "Please provide the planning file for the extension at the home of Dr Aisha Rahman.\n\nThanks,\n"
        "Aisha Begum\n",
        [(N, "Aisha Begum")],
        ["Dr Aisha Rahman"],
        "third-same-first-name",
    ),
    _p(
        DEAR
        + "Please provide the contract with Jane Doe Consulting Ltd and with Baker McKenzie.\n\nRegards,\n"
        "Jane Baker\n",
        [(N, "Jane Baker")],
        ["Jane Doe Consulting Ltd", "Baker McKenzie"],
        "third-company-like-person",
    ),
    _p(
        "Name: Ama Boateng\nEmail: ama.b@example.com\n\nPlease provide all letters sent to Ama Boateng Ltd about "
        "business rates.\n",
        [(E, "ama.b@example.com")],
        [],
        "webform-name-colon",
    ),
    _p(
        "Dear Anyshire County Council, How many fixed penalty notices were issued in 2023? Yours faithfully, Ravinder "
        "Things to do with this request Anyone: Follow this request Ravinder Gill only: Update the status of this "
        "request Request an internal review",
        [(N, "Ravinder Gill")],
        [],
        "wdtk-sidebar-only",
    ),
    _p(
        "To: Ravinder Gill Subject: Freedom of Information request FOI-1234 Thank you for your request. "
        + ASK,
        [(N, "Ravinder Gill")],
        [],
        "wdtk-to-header",
    ),
    _p(
        "Rhiannon Pryce 7 Heol Las Abertawe SA1 1AA 3 May 2024 Dear Anyshire County Council, How many fixed "
        "penalty notices for fly-tipping were issued in 2023?",
        [(N, "Rhiannon Pryce"), (A, "7 Heol Las"), (A, "SA1 1AA")],
        [],
        "oneline-letter-heading",
    ),
    _p(
        "How many fixed penalty notices for fly-tipping were issued in 2023? Kind regards, Jane Whitmore-Oduya "
        "Chair, Elm Grove Residents' Association",
        [(N, "Jane Whitmore-Oduya")],
        [],
        "oneline-sign-off-role",
    ),
]


def _check(text, identity, third):
    request = split_request(text)
    outgoing = outgoing_text(request)
    for person in third:  # as the eval scores it: a third party sharing a name is not a leak
        outgoing = outgoing.replace(person, " ")
    leaked = [f"{kind}: {value}" for kind, value in identity if pii_present(kind, value, outgoing)]
    flat = " ".join(request.text.split())
    dropped = [t for t in third if t not in flat]
    assert not leaked and not dropped, (leaked, dropped, request.text)


@pytest.mark.parametrize(("text", "identity", "third"), CASES)
def test_the_requester_goes_and_the_third_parties_stay(text, identity, third):
    _check(text, identity, third)
