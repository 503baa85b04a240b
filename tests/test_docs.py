"""README.md and docs/*.md tell the truth: every command is in README with a page of its own in docs/,
every option is on that page, the examples (in every one of these files) and the rules table are what
the code gives, and every command's --help ends with an example. README stays short and, like the
pages in docs/, names nothing a user's clone lacks.

After a change to the rules: ``BULLETIN_UPDATE_README=1 python -m pytest tests/test_docs.py`` rewrites
the examples' output and the rules table in README.md and docs/*.md; review the diff.
"""

from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from bulletin.clean import RULES

ROOT = Path(__file__).resolve().parent.parent
README = ROOT / "README.md"
DOCS = ROOT / "docs"
PAGES = [README, *sorted(DOCS.glob("*.md"))]
"""Every file whose examples are run: README and each page of the reference."""
NOT_EXECUTED = {"archives.md": "its code needs Dask and an archive: tests/test_archives.py runs it"}
README_MAX_LINES = 250  # the first screen, the commands and a tour; the reference is in docs/
UPDATE = os.environ.get("BULLETIN_UPDATE_README") == "1"
COMMANDS = ["clean", "split", "summarize", "count", "convert"]

CONSOLE_BLOCK = re.compile(r"^```console\n(.*?)^```\n", re.S | re.M)
RULES_TABLE = re.compile(r"(<!-- rules:start.*?-->\n)(.*?)(<!-- rules:end -->)", re.S)


def readme() -> str:
    return README.read_text(encoding="utf-8")


def page(name: str) -> str:
    """A page of the reference: docs/NAME.md (one for each command)."""
    return (DOCS / f"{name}.md").read_text(encoding="utf-8")


def section(help_text: str, title: str) -> str:
    """The lines of one section (``Options:``, ``Commands:``) of click's help."""
    match = re.search(rf"^{title}:\n(.*?)(?:\n\S|\Z)", help_text, re.S | re.M)
    assert match, help_text
    return match.group(1)


# every command and option is documented, every help ends with an example


def test_every_command_is_in_readme(run):
    listed = re.findall(r"^  (\w+) ", section(run("--help").stdout, "Commands"), re.M)
    assert listed == COMMANDS
    for command in listed:
        assert f"bulletin {command}" in readme(), command
        assert f"(docs/{command}.md)" in readme(), command
        assert page(command).startswith(f"# `bulletin {command}`"), command


def test_every_page_of_docs_is_linked_from_readme():
    pages = sorted(p.name for p in DOCS.glob("*.md"))
    assert len(pages) >= 10
    assert not [name for name in pages if f"(docs/{name})" not in readme()]


def test_readme_is_short():
    assert len(readme().splitlines()) <= README_MAX_LINES


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_user_docs_name_nothing_a_user_lacks(path):
    """No development machine's paths, no evaluation folder beside the clone, no issue numbers."""
    text = path.read_text(encoding="utf-8")
    assert not re.findall(r"\.\./shared|/work/|[Ii]ssues? #?\d+|project's machines", text)


@pytest.mark.parametrize(
    ("command", "some"),
    [
        ("clean", {"-o", "-i", "--no-punct", "--no-reflow", "--explain"}),
        ("split", {"-o", "--output-dir", "--format", "--force", "--encoding", "--errors"}),
    ],
)
def test_every_option_is_on_its_page(run, command, some):
    option = r"(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)"
    options = set(re.findall(option, section(run(command, "--help").stdout, "Options"))) - {"-h", "--help"}
    assert some <= options
    text = page(command) + page("pdf")  # --pages, which every command has, is on the PDF page
    assert not sorted(o for o in options if not re.search(rf"(?<![\w-]){o}(?![\w-])", text))


def test_the_first_command_splits_a_bundled_sample():
    first = re.search(r"^```sh\n(.*?)\n", readme(), re.M).group(1)
    assert first == "pip install . && bulletin split samples/page-headline-after.txt"
    assert (ROOT / "samples" / "page-headline-after.txt").is_file()


@pytest.mark.parametrize("command", [None, *COMMANDS])
def test_every_help_ends_with_an_example(run, command):
    result = run(*([command] if command else []), "--help")
    assert result.exit_code == 0
    lines = [line.strip() for line in result.stdout.strip().splitlines()]
    examples = lines[lines.index("Example:") + 1 :]
    assert examples and all(f"bulletin {command or ''}".strip() in line for line in examples)


def test_first_commands_install_and_test_as_ci_does():
    text = readme()
    first_screen = "\n".join(text.splitlines()[:20])
    assert "pip install . && bulletin " in first_screen
    assert "pip install '.[test]' && python -m pytest" in first_screen
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "pip install '.[test]'" in ci
    assert "python -m pytest" in ci
    assert os.stat(ROOT / ".ci" / "run").st_mode & stat.S_IXUSR


# the generated parts: the rules table and the examples' output


def rules_table() -> str:
    rows = ["| rule | switch | what it does |", "| --- | --- | --- |"]
    rows += [f"| `{r.name}` | `--no-{r.name}` | {r.doc.replace('|', chr(92) + '|')} |" for r in RULES]
    return "\n".join(rows) + "\n"


def examples(text: str) -> list[tuple[str, list[str]]]:
    """``[(command, output lines)]`` of every ``$ command`` in the README's console blocks."""
    found = []
    for block in CONSOLE_BLOCK.findall(text):
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            command, *output = chunk.rstrip("\n").split("\n")
            found.append((command, output))
    return found


def run_example(command: str, cwd: Path) -> list[str]:
    """Run ``command`` as a user would in bash from a checkout's root (``samples/`` is there),
    ``bulletin`` being this checkout; stdout+stderr."""
    if not (cwd / "samples").exists():
        shutil.copytree(ROOT / "samples", cwd / "samples")
    shim = cwd.parent / "bin"
    shim.mkdir(exist_ok=True)
    (shim / "bulletin").write_text(f'#!/bin/sh\nexec "{sys.executable}" -m bulletin "$@"\n')
    (shim / "bulletin").chmod(0o755)
    env = {**os.environ, "PATH": f"{shim}{os.pathsep}{os.environ.get('PATH', '')}", "LC_ALL": "C.UTF-8"}
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
    done = subprocess.run(
        ["bash", "-c", command],
        cwd=cwd,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        timeout=60,
    )
    return done.stdout.decode("utf-8").rstrip("\n").split("\n") if done.stdout.strip() else []


def regenerate(text: str, workdir: Path) -> str:
    """README with every example's output replaced by what the command prints now."""
    text = RULES_TABLE.sub(lambda m: m.group(1) + rules_table() + m.group(3), text)

    def block(match: re.Match) -> str:
        cwd = workdir / f"block{match.start()}"
        cwd.mkdir()
        out = []
        for command, _ in examples(match.group(0)):
            out += [f"$ {command}", *run_example(command, cwd)]
        return "```console\n" + "\n".join(out) + "\n```\n"

    return CONSOLE_BLOCK.sub(block, text)


def test_readme_and_each_command_page_have_examples():
    assert examples(readme())
    for command in COMMANDS:
        assert examples(page(command)), command
    assert RULES_TABLE.search(page("clean")), "the rules table is in docs/clean.md"


@pytest.mark.parametrize("path", PAGES, ids=lambda p: p.name)
def test_docs_are_what_the_code_gives(tmp_path, path):
    text = path.read_text(encoding="utf-8")
    fresh = regenerate(text, tmp_path)
    if UPDATE and fresh != text:
        path.write_text(fresh, encoding="utf-8")
        pytest.skip(f"{path.name} regenerated: review the diff")
    table = RULES_TABLE.search(text)
    if table:
        assert table.group(2) == rules_table(), "run with BULLETIN_UPDATE_README=1"
    for (command, documented), (_, actual) in zip(examples(text), examples(fresh), strict=True):
        assert documented == actual, f"$ {command}\n(run with BULLETIN_UPDATE_README=1 and review the diff)"


@pytest.mark.parametrize("path", [p for p in PAGES if p.name not in NOT_EXECUTED], ids=lambda p: p.name)
def test_docs_python_runs(tmp_path, monkeypatch, path):
    monkeypatch.chdir(tmp_path)
    for code in re.findall(r"^```python\n(.*?)^```\n", path.read_text(encoding="utf-8"), re.S | re.M):
        exec(compile(code, path.name, "exec"), {})
