"""Shared words (``segment.overlap``, ``bigrams``): the cheaper ways of asking must give the answers
of the definitions, to the last bit (split's output may not move when they are made faster)."""

from __future__ import annotations

from collections import Counter

from hypothesis import given
from hypothesis import strategies as st

from bulletin.bigrams import han_bigrams, han_text, run_bigrams
from bulletin.model import Block
from bulletin.segment.overlap import anchor_of, body_grams, overlap, overlap_text
from bulletin.segment.units import Unit

TEXT = st.text(alphabet="县委书记乡村振兴工作，。 a1\n“”", max_size=40)


def _overlap_by_definition(head: Counter, body: Counter) -> float:
    return sum(n for g, n in head.items() if g in body) / sum(head.values()) if head else 0.0


@given(TEXT, TEXT)
def test_overlap_is_the_share_of_the_heads_bigrams_the_body_has(head, body):
    h, b = han_bigrams(head), han_bigrams(body)
    assert overlap(h, b) == _overlap_by_definition(h, b)


@given(TEXT, TEXT)
def test_asking_the_han_characters_gives_the_overlap_with_the_bigrams(head, body):
    h = han_bigrams(head)
    assert overlap_text(h, han_text(body)) == overlap(h, han_bigrams(body))


def test_han_text_keeps_only_han_and_its_pairs_are_the_bigrams():
    assert han_text("县委 书记，a1乡村\n振兴") == "县委书记乡村振兴"
    assert han_bigrams("县委，县委") == Counter({"县委": 2, "委县": 1})  # joined across the comma
    assert run_bigrams("县委，ab c") == frozenset({"县委", "ab", "c"})  # not across it; c alone


def test_body_grams_counts_a_text_once_for_all_the_calls_that_share_known():
    units = [Unit("body", [Block("县委书记调研乡村振兴工作。", 1, 1)]), Unit("run", [Block("标题", 3, 3)])]
    known: dict[str, Counter] = {}
    first = body_grams(units, known)
    again = body_grams([units[1], units[0]], known)
    assert first == body_grams(units) and list(first) == [0] and list(again) == [1]
    assert again[1] is first[0]  # the same text: the same Counter, not counted again


def test_anchor_of_names_the_body_that_stands_out():
    grams = {0: han_bigrams("县委书记调研乡村振兴工作。"), 5: han_bigrams("全县春耕备耕工作有序推进。")}
    assert anchor_of("县委书记调研乡村振兴", grams) == 0
    assert anchor_of("今日天气晴朗适宜出行", grams) is None  # shares nothing with either
