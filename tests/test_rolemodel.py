"""The role model of pass 2: the cue tables as features, fitted weights, a verdict only where sure."""

from __future__ import annotations

import json

from bulletin.model import Block
from bulletin.segment import rolefit, rolemodel
from bulletin.segment.form import SPACES
from bulletin.segment.roles import classify_explained, kind_and_cue

PAGE = [
    Block("今日城关", 1, 1),
    Block("春耕备耕正当时", 3, 3),
    Block("本报讯（通讯员 李明）连日来，城关镇各村组织农户平整土地，为春耕做好准备。", 5, 5, indent=4),
    Block("（王建国）", 7, 7),
    Block("责任编辑：张华", 9, 9),
]


def test_every_cue_that_fires_is_a_feature_not_only_the_first():
    # 责任编辑 is both a credit and page furniture: the verdict takes the first, the model sees both
    assert {"cue:credit", "cue:furniture"} <= set(rolemodel.own_features("责任编辑：张华"))
    assert "cue:names" in rolemodel.own_features("（王建国）")


def test_features_read_form_place_and_neighbours():
    verdicts = ["heading", "heading", "body", "heading", "note"]
    feats = rolemodel.features(PAGE, verdicts)
    assert "pos:first" in feats[0] and "pos:last" in feats[-1]
    assert {"open-bracket", "close-bracket", "prev:body", "next:note"} <= set(feats[3])
    assert "next:dateline" in feats[1] and "indented" in feats[2]
    assert "apart:both" in feats[1]  # blank lines above and below
    flush = rolemodel.features(PAGE, verdicts, flush=True)
    assert "flush-page:indented" in flush[2] and "flush-page:flush" in flush[1]


def test_the_shipped_model_reads_its_roles_and_names_its_reasons():
    model = rolemodel.load()
    assert tuple(model["roles"]) == rolemodel.ROLES
    role, strongest = rolemodel.best(model, ["bias", *rolemodel.own_features("责任编辑：张华")])
    assert role == "note"
    assert len(strongest) == rolemodel.STRONGEST and strongest[0][1] >= strongest[-1][1]


def test_a_role_becomes_a_kind_of_split_keeping_the_verdicts_finer_kind():
    assert rolemodel.kind_of("caption", "photo_byline", "李明摄") == "photo_byline"
    assert rolemodel.kind_of("caption", "body", "本报记者 李明摄") == "photo_byline"
    assert rolemodel.kind_of("note", "heading", "· 乡镇动态 ·") == "section"
    assert rolemodel.kind_of("note", "heading", "本版文图均由城关镇提供") == "credit"
    assert rolemodel.kind_of("byline", "heading", "王建国") == "byline"


def test_pass_two_gives_every_block_the_models_reason():
    blocks, why = classify_explained(PAGE)
    assert [b.kind for b in blocks] == ["section", "heading", "body", "byline", "credit"]
    assert all(any(name.startswith("model:") for name, _ in reasons) for reasons in why)
    # the bracketed name: the model is sure it is a byline, and says so first
    assert why[3][0][0] == "model:byline" and "cue:names" in why[3][0][1]


def test_gold_roles_read_off_the_answer_pieces():
    gold = {
        "page_notes": ["今日城关"],
        "articles": [
            {
                "title": "春耕备耕正当时",
                "bylines": ["王建国"],
                "captions": [],
                "paragraphs": ["连日来，城关镇各村组织农户。"],
            }
        ],
    }
    pieces = rolefit.gold_pieces(gold)
    assert rolefit.gold_role("春耕备耕 正当时", pieces) == "heading"
    assert rolefit.gold_role("城关镇各村", pieces) == "body"
    assert rolefit.gold_role("王建国", pieces) == "byline"
    assert rolefit.gold_role("今日城关", pieces) == "note"
    assert rolefit.gold_role("春耕备耕正当时连日来", pieces) == "mixed"


def test_the_fit_is_deterministic_and_learns_a_separable_rule():
    ex = [(["bias", "cue:credit"], "note")] * 5 + [(["bias", "form:headline"], "heading")] * 5
    a, b = rolefit.fit(ex, {**rolefit.FIT, "steps": 60}), rolefit.fit(ex, {**rolefit.FIT, "steps": 60})
    assert json.dumps(a, sort_keys=True) == json.dumps(b, sort_keys=True)
    assert rolemodel.best(a, ["bias", "cue:credit"])[0] == "note"
    assert rolemodel.best(a, ["bias", "form:headline"])[0] == "heading"


def test_the_facts_read_once_give_the_verdicts_and_features_read_alone():
    for b in PAGE:
        t = b.text.strip(SPACES)
        facts = rolemodel.block_facts(t)
        assert kind_and_cue(b.text, facts) == kind_and_cue(b.text)
        assert rolemodel.own_features(t, facts) == rolemodel.own_features(t)
    assert rolemodel.cue_flags("责任编辑：张华") == ["credit", "furniture"]


def test_scores_from_the_feature_table_are_the_weights_added_up_in_order():
    model = rolemodel.load()
    plain = {"roles": model["roles"], "weights": model["weights"]}  # no by_feature: the slow way
    w = model["weights"]
    for f in rolemodel.features(PAGE, ["heading", "heading", "body", "heading", "note"]):
        by_hand = {r: sum(w[r].get(k, 0.0) for k in f) for r in rolemodel.ROLES}
        assert rolemodel.score(model, f) == rolemodel.score(plain, f) == by_hand
        assert rolemodel.best(model, f) == rolemodel.best(plain, f)
