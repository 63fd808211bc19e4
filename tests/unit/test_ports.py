"""The ports are what the adapters and the fakes implement: the same members, the same parameters, so no caller
needs to tell a fake from the real thing."""

from __future__ import annotations

import inspect

import pytest

from foi_precedent.letters.parser import parse_file
from foi_precedent.models import FakeChatModel, OpenAICompatibleChatModel
from foi_precedent.ports import (
    ChatModel,
    IndexWrapper,
    PrecedentIndex,
    PrecedentSearch,
    StoredVectorIndex,
    is_stored_vector_index,
    pointer_keys,
)
from foi_precedent.ui.state import LockedIndex
from retriever.index import PrecedentIndex as ChromaPrecedentIndex
from tests.conftest import SEED_025506, SEED_036325
from tests.fakes import MemoryIndex


def members(protocol) -> dict[str, object]:
    """The methods a protocol declares, its bases' included."""
    out: dict[str, object] = {}
    for cls in reversed(protocol.__mro__):
        if getattr(cls, "_is_protocol", False) and cls is not object:
            out.update({k: v for k, v in vars(cls).items() if callable(v) and not k.startswith("_")})
    return out


def parameters(fn) -> list[str]:
    return list(inspect.signature(fn).parameters)


@pytest.mark.parametrize("implementation", [MemoryIndex, ChromaPrecedentIndex], ids=["memory", "chroma"])
def test_every_index_has_every_member_of_the_port_with_its_parameters(implementation):
    declared = members(PrecedentIndex)
    assert {
        "search",
        "search_many",
        "letter",
        "letters",
        "stats",
        "ingest_paths",
        "known_pointer_keys",
    } <= set(declared)
    for name, fn in declared.items():
        assert parameters(getattr(implementation, name)) == parameters(fn), name


def test_the_real_index_also_offers_its_stored_vectors():
    for name, fn in members(StoredVectorIndex).items():
        assert parameters(getattr(ChromaPrecedentIndex, name)) == parameters(fn), name
    assert not is_stored_vector_index(MemoryIndex([]))


def test_the_checker_port_is_part_of_the_index_port():
    assert set(members(PrecedentSearch)) <= set(members(PrecedentIndex))


def test_memory_index_reads_letters_as_the_real_index_does():
    seeds = [parse_file(SEED_036325), parse_file(SEED_025506)]
    index = MemoryIndex(seeds)
    assert index.letters() == seeds and index.letter(seeds[0].reference) is seeds[0]
    with pytest.raises(KeyError):
        index.letter("NO-SUCH-LETTER")
    assert index.known_pointer_keys() == pointer_keys(seeds) and index.stats() == {"letters": 2}
    hits = index.search("facial recognition watchlists", k=3, exemption="s31(1)(a)")
    assert hits and all("s31(1)(a)" in h.exemptions for h in hits)


def test_a_wrapper_is_the_wrapped_index_except_what_it_overrides():
    seeds = [parse_file(SEED_036325)]

    class LettersOnly:  # an index that does not keep its pointers: the wrapper reads them from its letters
        def letters(self):
            return seeds

    assert IndexWrapper(LettersOnly()).known_pointer_keys() == pointer_keys(seeds)
    memory = MemoryIndex(seeds)
    for view in (IndexWrapper(memory), LockedIndex(memory)):
        assert view.known_pointer_keys() == memory.known_pointer_keys()
        assert view.letters() == memory.letters() and view.wrapped is memory
        assert [h.label for h in view.search("watchlists", k=2)] == [
            h.label for h in memory.search("watchlists", k=2)
        ]


def test_chat_models_follow_the_chat_model_port():
    assert isinstance(FakeChatModel("hello"), ChatModel)
    for adapter in (FakeChatModel, OpenAICompatibleChatModel):
        assert parameters(adapter.stream) == parameters(ChatModel.stream)
