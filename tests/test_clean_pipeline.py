"""The clean pipeline as a whole: one ``CleanConfig``, every rule one signature, and the steps
``clean_and_explain`` returns, which ``apply_steps`` replays to the same text."""

import dataclasses
import importlib
import pickle
from pathlib import Path

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

import bulletin
from bulletin.clean import RULE_NAMES, RULES, Draft, Step, apply_steps, clean_and_explain, select_rules
from bulletin.cleanconfig import CleanConfig
from bulletin.commands.clean import CleanJob
from bulletin.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))

# A county paper's short items, with the damage clean repairs: half-width punctuation, letter
# spacing, hard wrapping, blank lines in mid-paragraph, straight quotes, CRLF, form feeds.
PIECES = [
    "本报讯 (记者 王立新)",
    "城关镇今年新修村道12公里,",
    "惠及群众3000余人.",
    "本 报 讯",
    '他说:"路通了,果子好卖了."',
    "杏花村举办首届农民读书节",
    "　　县农业农村局组织技术人员深入田间地头，",
    "指导农户做好秋播准备工作。",
    "(责任编辑 李 娜)",
    "全县 3 个乡镇... 5 个村--",
    "ＡＢＣ１２３",
    "",
    " ",
    "\r",
    "\f",
]
TEXT = st.one_of(
    st.lists(st.sampled_from(PIECES), max_size=12).map("\n".join),
    st.lists(st.sampled_from(PIECES), max_size=8).map("".join),
    st.text(alphabet=st.sampled_from(list("中文本报讯,.:\"' \u3000\n\f\r123")), max_size=40),
)
CONFIGS = st.builds(
    CleanConfig,
    quotes=st.sampled_from(["keep", "curly", "corner"]),
    spacing=st.sampled_from(["newspaper", "pangu", "keep"]),
    paragraph_sep=st.sampled_from(["line", "blank"]),
    indent=st.booleans(),
    skip=st.lists(st.sampled_from(RULE_NAMES), max_size=3, unique=True).map(tuple),
)
PROPERTY = settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])


@PROPERTY
@given(text=TEXT, config=CONFIGS)
@example(text="本报讯", config=CleanConfig())  # no line break at the end: reflow's layout adds one
@example(text="本报讯\n\n城关镇\n", config=CleanConfig())  # reflow joins nothing, drops a blank line
@example(text="本报讯\n", config=CleanConfig(paragraph_sep="blank", indent=True))
def test_the_steps_replayed_give_the_same_text(text, config):
    cleaned, steps = clean_and_explain(text, config)
    assert cleaned == bulletin.clean(text, config)
    names = [step.rule for step in steps]
    assert names == [name for name in RULE_NAMES if name in names], "in pipeline order, once each"
    assert all(config.runs(step.rule) and step.changes >= 0 for step in steps)
    assert apply_steps(text, steps, config) == cleaned
    assert apply_steps(text, [tuple(step) for step in steps], config) == cleaned


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
@pytest.mark.parametrize(
    "config", [CleanConfig(), CleanConfig(quotes="corner", paragraph_sep="blank", indent=True)]
)
def test_the_steps_of_every_sample_page_replay(sample, config):
    text = bulletin.decode(sample.read_bytes()).text
    cleaned, steps = clean_and_explain(text, config)
    assert apply_steps(text, steps, config) == cleaned
    assert "reflow" in {step.rule for step in steps} and all(step.changes >= 0 for step in steps)


def test_a_rule_that_changed_nothing_is_no_step():
    cleaned, steps = clean_and_explain("本报讯 城关镇新修村道。\n")
    assert (cleaned, steps) == ("本报讯 城关镇新修村道。\n", [])
    assert clean_and_explain("本报讯 城关镇新修村道,\n惠及群众。\n")[1] == [
        Step("punct", 1),
        Step("reflow", 1),
    ]


def test_reflow_that_joined_nothing_is_a_step_when_it_laid_the_page_out_anew():
    lines, parted = (
        "杏花村举办首届农民读书节\n城关镇新修村道。\n",
        "杏花村举办首届农民读书节\n\n城关镇新修村道。\n",
    )
    assert clean_and_explain(lines)[1] == [] == clean_and_explain(parted, paragraph_sep="blank")[1]
    assert clean_and_explain(parted)[1] == [Step("reflow", 0)]  # the blank line goes
    assert clean_and_explain(lines, paragraph_sep="blank")[1] == [Step("reflow", 0)]


def test_the_steps_of_pages_parted_by_form_feeds_add_up():
    page = "本报讯 城关镇新修村道,\n惠及群众.\n"
    cleaned, steps = clean_and_explain(page + "\f" + page + "\f本报讯\n")
    assert cleaned.split("\f") == [bulletin.clean(page)] * 2 + ["本报讯\n"]
    assert steps == [Step("punct", 4), Step("reflow", 2)]
    assert apply_steps(page + "\f" + page + "\f本报讯\n", steps) == cleaned


def test_the_config_is_one_frozen_picklable_value():
    config = CleanConfig(quotes="corner", rules=["punct", "quotes"], skip=["quotes"])
    assert (config.rules, config.skip) == (("punct", "quotes"), ("quotes",)), "lists kept as tuples"
    assert pickle.loads(pickle.dumps(config)) == config and hash(config) == hash(
        pickle.loads(pickle.dumps(config))
    )
    with pytest.raises(dataclasses.FrozenInstanceError):
        config.quotes = "keep"  # type: ignore[misc]
    assert [r.name for r in select_rules(config)] == ["punct"]


@pytest.mark.parametrize(
    "bad",
    [{"quotes": "smart"}, {"paragraph_sep": "para"}, {"rules": "punct"}, {"skip": "reflow"}],
)
def test_a_bad_config_is_a_usage_error(bad):
    with pytest.raises(UsageError):
        CleanConfig(**bad)


def test_an_unknown_rule_name_is_a_usage_error_when_the_rules_are_selected():
    with pytest.raises(UsageError, match="'kerning'.*reflow"):
        bulletin.clean("本报讯\n", skip=["kerning"])


def test_every_rule_takes_a_draft_and_the_config():
    draft = Draft("本 报 讯 城关镇新修村道,\n惠及群众.\n")
    for rule in RULES:
        after, changes = rule.func(draft, CleanConfig())
        assert isinstance(after, Draft) and changes >= 0
        draft = after
    assert draft.blocks is not None and draft.page(CleanConfig()) == "本报讯 城关镇新修村道，惠及群众。\n"


def test_the_rules_are_the_table_a_replaced_row_is_what_runs(monkeypatch):
    """No rule is called by who it is: a row of RULES replaced (reflow here) is the one that runs."""
    engine = importlib.import_module("bulletin.clean")  # bulletin.clean is also the function

    def keep_lines(draft, config):
        return draft, 0

    rules = tuple(dataclasses.replace(r, func=keep_lines) if r.name == "reflow" else r for r in engine.RULES)
    monkeypatch.setattr(engine, "RULES", rules)
    assert bulletin.clean("本报讯 城关镇新修村道,\n惠及群众.\n") == "本报讯 城关镇新修村道，\n惠及群众。\n"


def test_the_command_builds_one_config_for_its_workers():
    job = CleanJob(quotes="corner", indent=True, rules="punct, reflow", skipped=("reflow",))
    ready = job.ready(["page.txt"], None, 2)
    assert ready.config == CleanConfig(
        quotes="corner", indent=True, rules=("punct", "reflow"), skip=("reflow",)
    )
    assert pickle.loads(pickle.dumps(ready)).config == ready.config


def test_explain_prints_the_steps(run, tmp_path):
    text = "本报讯 城关镇新修村道,\n惠及群众.\n\n杏花村举办首届农民读书节\n"
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    result = run("clean", "--explain", "--quotes", "corner", str(path))
    cleaned, steps = clean_and_explain(text, quotes="corner")
    assert result.exit_code == 0 and result.stdout == cleaned
    assert [tuple(line.split("\t")[:2]) for line in result.stderr.splitlines()] == [
        (step.rule, str(step.changes)) for step in steps
    ]
