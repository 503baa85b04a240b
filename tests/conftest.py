"""Shared fixtures: a page in the style of the seeds, the CLI run in-process, rules that trace themselves."""

from __future__ import annotations

import dataclasses
import importlib
import os

import clirun
import pytest
from hypothesis import settings

# CI replays a fixed set of examples, so a run that passed here passes there; a developer's run
# explores new ones (and Hypothesis remembers any failure it finds in .hypothesis/).
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

# A short page as pdftotext gives it: a dateline, half-width punctuation, lines hard-wrapped mid-word.
PAGE = (
    " 本报讯 去年以来,平遥县不断\n"
    "探索、创新、完善考核机制,通过“四\n"
    "抓四严”,充分发挥目标责任考核指\n"
    "挥棒作用。\n"
    "\n"
    "抓制度建设,严考核办法制定。平遥县\n"
    "制定出台《平遥县 2023年度综合考核办法》。\n"
)
OTHER = "县疾控中心传达学习省市疫情防控专题会议\n\n本报讯 2022 年 12 月 28 日,县疾控中心组织全体干部。\n"


@pytest.fixture
def run():
    """``run("clean", "x.txt", input=...)``: the real entry point, ``bulletin.cli.main(argv)``, in this
    process (tests/clirun.py); returns its exit status and what it wrote (typer's Result)."""
    return clirun.run


@pytest.fixture
def page(tmp_path):
    path = tmp_path / "page.txt"
    path.write_text(PAGE, encoding="utf-8")
    return path


@pytest.fixture
def other(tmp_path):
    path = tmp_path / "other.txt"
    path.write_text(OTHER, encoding="utf-8")
    return path


@pytest.fixture
def traced_rules(monkeypatch):
    """Every rule replaced by one that appends ``<name>`` and counts 1 change: the output shows what ran.

    Lets CLI tests check --no-RULE, --rules and --explain whatever the real rules do to the text.
    """
    engine = importlib.import_module("bulletin.clean")

    def tracer(name):
        return lambda text, options: (text.rstrip("\n") + f"<{name}>\n", 1)

    rules = tuple(dataclasses.replace(rule, func=engine.on_text(tracer(rule.name))) for rule in engine.RULES)
    monkeypatch.setattr(engine, "RULES", rules)
    return [rule.name for rule in rules]
