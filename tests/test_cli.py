"""The CLI's plumbing through its real entry point: inputs, outputs, files, exit codes, error lines.

What the rules do to the text is tested with the rules; here the expected text is always what the
library returns for the same input, so these tests hold whatever the rules become.
"""

from __future__ import annotations

import importlib
import os
import stat
import sys

import pytest
from conftest import OTHER, PAGE

import bulletin
from bulletin import textio
from bulletin.clean import RULE_NAMES, RULES
from bulletin.cli import main


def one_line(text: str) -> str:
    """The single line an error prints; fails if there is more than one."""
    lines = text.splitlines()
    assert len(lines) == 1, text
    return lines[0]


# stdin, files, several files


def test_stdin_to_stdout(run):
    result = run("clean", input=PAGE)
    assert result.exit_code == 0
    assert result.stdout == bulletin.clean(PAGE)
    assert result.stderr == ""


def test_dash_reads_stdin(run):
    assert run("clean", "-", input=PAGE).stdout == bulletin.clean(PAGE)


def test_file_and_stdin_give_the_same_output(run, page):
    assert run("clean", str(page)).stdout == run("clean", input=PAGE).stdout


def test_several_files_are_concatenated_in_order(run, page, other):
    result = run("clean", str(other), str(page), "-", input=PAGE)
    assert result.exit_code == 0
    assert result.stdout == bulletin.clean(OTHER) + bulletin.clean(PAGE) + bulletin.clean(PAGE)


# -o and -i


def test_output_file(run, page, tmp_path):
    out = tmp_path / "out.txt"
    result = run("clean", str(page), "-o", str(out))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == bulletin.clean(PAGE)


def test_output_file_gets_every_input(run, page, other, tmp_path):
    out = tmp_path / "out.txt"
    assert run("clean", str(page), str(other), "--output", str(out)).exit_code == 0
    assert out.read_text(encoding="utf-8") == bulletin.clean(PAGE) + bulletin.clean(OTHER)


def test_output_file_untouched_when_every_input_fails(run, tmp_path):
    out = tmp_path / "out.txt"
    out.write_text("keep me", encoding="utf-8")
    result = run("clean", str(tmp_path / "missing.txt"), "-o", str(out))
    assert result.exit_code == 1
    assert out.read_text(encoding="utf-8") == "keep me"


def test_output_may_be_an_input(run, page):
    assert run("clean", str(page), "-o", str(page)).exit_code == 0
    assert page.read_text(encoding="utf-8") == bulletin.clean(PAGE)


def test_in_place_with_backup_keeps_original_and_permissions(run, page, other):
    page.chmod(0o640)
    result = run("clean", "-i", "--backup", ".orig", str(page), str(other))
    assert result.exit_code == 0
    assert result.stdout == ""
    assert page.read_text(encoding="utf-8") == bulletin.clean(PAGE)
    assert other.read_text(encoding="utf-8") == bulletin.clean(OTHER)
    assert page.with_name("page.txt.orig").read_text(encoding="utf-8") == PAGE
    assert page.with_name("other.txt.orig").read_text(encoding="utf-8") == OTHER
    assert stat.S_IMODE(page.stat().st_mode) == 0o640
    assert sorted(p.name for p in page.parent.iterdir()) == [
        "other.txt",
        "other.txt.orig",
        "page.txt",
        "page.txt.orig",
    ]


def test_in_place_refuses_to_overwrite_a_backup(run, page, other):
    backup = page.with_name("page.txt.orig")
    backup.write_text("older backup", encoding="utf-8")
    result = run("clean", "--in-place", "--backup", ".orig", str(page), str(other))
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith(f"bulletin: {page}: ")
    assert "already exists" in line
    assert page.read_text(encoding="utf-8") == PAGE
    assert backup.read_text(encoding="utf-8") == "older backup"
    assert other.read_text(encoding="utf-8") == bulletin.clean(OTHER)  # the other file still done


def test_in_place_follows_a_symlink(run, page):
    link = page.with_name("link.txt")
    link.symlink_to(page.name)
    assert run("clean", "-i", str(link)).exit_code == 0
    assert link.is_symlink()
    assert page.read_text(encoding="utf-8") == bulletin.clean(PAGE)


@pytest.mark.parametrize(
    "args",
    [
        ["-i"],
        ["-i", "-"],
        ["-i", "{page}", "-o", "{page}.out"],
        ["--backup", ".orig", "{page}"],
    ],
)
def test_in_place_usage_errors(run, page, args):
    result = run("clean", *[a.format(page=page) for a in args], input=PAGE)
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("bulletin: clean: ")
    assert page.read_text(encoding="utf-8") == PAGE


def test_ctrl_c_exits_130_and_leaves_no_temporary_file(run, page, monkeypatch):
    def interrupted(fd):
        raise KeyboardInterrupt

    monkeypatch.setattr(os, "fsync", interrupted)
    result = run("clean", "-i", str(page))
    assert result.exit_code == 130
    assert [p.name for p in page.parent.iterdir()] == ["page.txt"]
    assert page.read_text(encoding="utf-8") == PAGE


# errors: one line naming the file, the other files still processed


def test_missing_file(run, page, tmp_path):
    missing = tmp_path / "missing.txt"
    result = run("clean", str(missing), str(page))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"bulletin: {missing}: No such file or directory"
    assert result.stdout == bulletin.clean(PAGE)


def test_directory(run, tmp_path):
    result = run("clean", str(tmp_path))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"bulletin: {tmp_path}: Is a directory"


@pytest.mark.skipif(os.name != "posix" or os.geteuid() == 0, reason="root reads everything")
def test_permission_denied(run, page):
    page.chmod(0)
    result = run("clean", str(page))
    assert result.exit_code == 1
    assert one_line(result.stderr) == f"bulletin: {page}: Permission denied"


def test_binary_input(run, tmp_path):
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00" + bytes(range(256)) * 4)
    result = run("clean", str(png))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {png}: ")
    assert result.stdout == ""


def test_binary_stdin_is_named_stdin(run):
    result = run("clean", input=b"\x00\x01\x02\x03" * 64)
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith("bulletin: <stdin>: ")


def test_undecodable_bytes(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(PAGE.encode("utf-8") + b"\xff\xfe\xff" + "平遥县".encode())
    result = run("clean", "--encoding", "utf-8", str(bad))
    assert result.exit_code == 1
    assert one_line(result.stderr).startswith(f"bulletin: {bad}: ")
    assert result.stdout == ""


def test_undecodable_bytes_replaced_and_counted(run, tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes("平遥县".encode() + b"\xff" + "考核\n".encode())
    result = run("clean", "--encoding", "utf-8", "--errors", "replace", str(bad))
    assert result.exit_code == 0
    assert "\ufffd" in result.stdout
    line = one_line(result.stderr)
    assert line.startswith(f"bulletin: {bad}: 1 ") and "U+FFFD" in line


def test_input_encoding(run, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(PAGE.encode("gb18030"))
    result = run("clean", "--encoding", "gb18030", str(gbk))
    assert result.exit_code == 0
    assert result.stdout == bulletin.clean(PAGE)


def test_output_encoding(run, page):
    result = run("clean", "--output-encoding", "gb18030", str(page))
    assert result.exit_code == 0
    assert result.stdout_bytes == bulletin.clean(PAGE).encode("gb18030")


def test_output_encoding_cannot_hold_a_character(run, tmp_path):
    page = tmp_path / "rare.txt"
    page.write_text("吉祥的𠮷字\n", encoding="utf-8")  # U+20BB7 is in no GB2312 table
    result = run("clean", "--rules", "", "--output-encoding", "gb2312", str(page))
    assert result.exit_code == 1
    line = one_line(result.stderr)
    assert line.startswith(f"bulletin: {page}: ") and "U+20BB7" in line
    assert result.stdout_bytes == b""

    result = run("clean", "--rules", "", "--output-encoding", "gb2312", "--errors", "replace", str(page))
    assert result.exit_code == 0
    assert result.stdout_bytes == "吉祥的?字\n".encode("gb2312")
    assert one_line(result.stderr) == f"bulletin: {page}: 1 characters not in gb2312 written as ?"


@pytest.mark.parametrize("option", ["--encoding", "--output-encoding"])
@pytest.mark.parametrize("codec", ["no-such-codec", "base64"])
def test_unknown_encoding_is_a_usage_error(run, page, option, codec):
    result = run("clean", option, codec, str(page))
    assert result.exit_code == 2
    assert one_line(result.stderr) == f"bulletin: clean: unknown encoding {codec!r}"


def test_unknown_option_is_one_line(run):
    result = run("clean", "--frobnicate")
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("bulletin: clean: No such option: --frobnicate")


def test_bad_choice_is_one_line(run):
    result = run("clean", "--quotes", "fancy")
    assert result.exit_code == 2
    assert one_line(result.stderr).startswith("bulletin: clean: ")


def test_stdout_closed_ends_quietly(run, page, monkeypatch):
    def closed(data):
        raise textio.StdoutClosed

    monkeypatch.setattr(textio, "write_stdout", closed)
    result = run("clean", str(page), str(page))
    assert result.exit_code == 0
    assert result.stderr == ""


class ShortWrites:
    """A stdout whose writes take at most ``chunk`` bytes, then fail as a closed pipe after ``limit``."""

    def __init__(self, chunk: int, limit: int | None = None):
        self.buffer, self.chunk, self.limit, self.got = self, chunk, limit, b""

    def write(self, data) -> int:
        if self.limit is not None and len(self.got) >= self.limit:
            raise BrokenPipeError
        self.got += bytes(data[: self.chunk])
        return min(self.chunk, len(data))

    def flush(self) -> None:
        pass


def test_write_stdout_writes_everything_despite_short_writes(monkeypatch):
    monkeypatch.setattr(sys, "stdout", ShortWrites(chunk=7))
    textio.write_stdout(PAGE.encode("utf-8"))
    assert sys.stdout.got == PAGE.encode("utf-8")


def test_write_stdout_to_a_closed_pipe_raises_stdout_closed(monkeypatch):
    monkeypatch.setattr(sys, "stdout", ShortWrites(chunk=7, limit=14))  # short write, then EPIPE
    with pytest.raises(textio.StdoutClosed):
        textio.write_stdout(PAGE.encode("utf-8"))


# rules: --no-RULE, --rules, --explain


def test_every_rule_runs_by_default_in_order(run, traced_rules):
    assert run("clean", input="本报讯\n").stdout == "本报讯" + "".join(f"<{n}>" for n in traced_rules) + "\n"


@pytest.mark.parametrize("name", RULE_NAMES)
def test_no_rule_skips_that_rule(run, traced_rules, name):
    result = run("clean", f"--no-{name}", input="本报讯\n")
    assert result.exit_code == 0
    assert f"<{name}>" not in result.stdout
    assert result.stdout.count("<") == len(RULE_NAMES) - 1


def test_only_the_rules_given_run_in_pipeline_order(run, traced_rules):
    result = run("clean", "--rules", "reflow, punct", input="本报讯\n")
    assert result.stdout == "本报讯<punct><reflow>\n"


def test_rules_and_no_rule_combine(run, traced_rules):
    assert run("clean", "--rules", "punct,reflow", "--no-reflow", input="x\n").stdout == "x<punct>\n"


def test_empty_rules_runs_none(run, traced_rules):
    assert run("clean", "--rules=", input="本报讯\n").stdout == "本报讯\n"


def test_unknown_rule_is_a_usage_error(run, traced_rules):
    result = run("clean", "--rules", "punct,kerning", input="x\n")
    assert result.exit_code == 2
    line = one_line(result.stderr)
    assert line.startswith("bulletin: clean: ") and "'kerning'" in line and "reflow" in line
    assert result.stdout == ""


def test_explain_plain_lines_on_stderr(run, traced_rules):
    result = run("clean", "--rules", "punct,quotes", "--explain", input="本报讯\n")
    assert result.exit_code == 0
    assert result.stdout == "本报讯<punct><quotes>\n"
    rows = [line.split("\t") for line in result.stderr.splitlines()]
    assert [row[:2] for row in rows] == [["punct", "1"], ["quotes", "1"]]
    assert all(len(row) == 3 and row[2] for row in rows)


def test_explain_per_file(run, traced_rules, page, other):
    result = run("clean", "--rules", "punct", "--explain", str(page), str(other))
    doc = {rule.name: rule.doc for rule in RULES}["punct"]
    assert result.stderr.splitlines() == [f"# {page}", f"punct\t1\t{doc}", f"# {other}", f"punct\t1\t{doc}"]


def test_explain_on_a_terminal_is_a_table(traced_rules, page, capsys, monkeypatch):
    monkeypatch.setattr(sys.stderr, "isatty", lambda: True)
    assert main(["clean", "--rules", "punct,reflow", "--explain", str(page)]) == 0
    table = capsys.readouterr().err
    assert "punct" in table and "reflow" in table and "\t" not in table


def test_explain_is_quiet_when_nothing_changed(run):
    result = run("clean", "--rules", "", "--explain", input="本报讯\n")
    assert result.exit_code == 0
    assert result.stderr == ""


def test_options_reach_the_library(run):
    args = ["--quotes", "corner", "--spacing", "pangu", "--paragraph-sep", "blank", "--indent"]
    expected = bulletin.clean(PAGE, quotes="corner", spacing="pangu", paragraph_sep="blank", indent=True)
    assert run("clean", *args, input=PAGE).stdout == expected


# the other commands, --version, main(argv)


def test_version(run):
    result = run("--version")
    assert result.exit_code == 0
    assert result.stdout == f"bulletin {bulletin.__version__}\n"


def test_cli_returns_the_exit_code(page, tmp_path, capsysbinary):
    assert main(["clean", str(page)]) == 0
    assert capsysbinary.readouterr().out == bulletin.clean(PAGE).encode("utf-8")
    assert main(["clean", str(tmp_path / "missing.txt")]) == 1
    assert main(["summarize", "--chars", "0", str(page)]) == 2
    assert main(["clean", "--no-such-option"]) == 2
    assert main(["--version"]) == 0


# command-line manners


def test_no_command_prints_the_help_and_is_a_usage_error(run):
    result = run()
    assert result.exit_code == 2
    assert result.stdout.startswith("Usage: bulletin [OPTIONS] COMMAND")


@pytest.mark.parametrize("command", ["clean", "split", "summarize", "count", "convert"])
def test_help_names_the_files_as_the_usage_line_does(run, command):
    help_text = run(command, "--help").stdout
    assert f"Usage: bulletin {command} [OPTIONS] [FILE]..." in help_text
    assert "\n  FILE <list[str]>  Input files; '-' or none reads stdin." in help_text  # (typer's own form)


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["count", "--rate", "fast"], "Invalid value for '--rate': 'fast' is not a whole number"),
        (["summarize", "--chars", "0"], "Invalid value for '--chars': 0 is too small; it must be at least 1"),
        (["split", "-j", "-2"], "Invalid value for '-j' / '--jobs': -2 is too small; it must be at least 1"),
        (
            ["clean", "--quotes", "round"],
            "Invalid value for '--quotes': 'round' is not one of keep, curly, corner",
        ),
        (["count", "--wrods"], "no such option: --wrods; did you mean --words?"),
        (["clean", "--outptu", "x.txt"], "no such option: --outptu; did you mean --output?"),
    ],
)
def test_usage_errors_in_the_tools_words(run, args, message):
    result = run(*args, input="")
    assert result.exit_code == 2
    command = args[0]
    assert one_line(result.stderr) == f"bulletin: {command}: {message} (see 'bulletin {command} --help')"
    assert "Value error" not in result.stderr and "Input should" not in result.stderr


def test_convert_to_completes_configurations_and_aliases(monkeypatch, capsys):
    monkeypatch.setenv("_BULLETIN_COMPLETE", "complete_bash")
    monkeypatch.setenv("COMP_WORDS", "bulletin convert --to s2t")
    monkeypatch.setenv("COMP_CWORD", "3")
    main(["convert", "--to", "s2t"])
    assert capsys.readouterr().out.split() == ["s2t", "s2tw", "s2twp"]
    monkeypatch.setenv("COMP_WORDS", "bulletin convert --to h")
    main(["convert", "--to", "h"])
    assert capsys.readouterr().out.split() == ["hk2s", "hk2sp", "hk2t", "hongkong", "hk"]


def test_dir_lists_the_public_api():
    assert dir(bulletin) == sorted(bulletin.__all__)
    assert "annotations" not in dir(bulletin)


@pytest.mark.parametrize(
    "args",
    [
        ["count", "--top", "3", "--user-dict"],
        ["count", "--top", "3", "--stopwords"],
        ["convert", "--to", "tw", "--dict"],
        ["convert", "--to", "tw", "--keep-file"],
    ],
)
def test_a_missing_option_file_is_the_same_usage_error_everywhere(run, page, args):
    result = run(*args, "nowhere.txt", str(page))
    assert result.exit_code == 2
    assert result.stderr == f"bulletin: {args[0]}: {args[-1]} nowhere.txt: No such file or directory\n"
    assert result.stdout == ""


@pytest.mark.parametrize("name", ["out.json", "out.jsonl", "articles.TXT", "page.md"])
def test_split_o_takes_a_folder_not_a_file_name(run, page, tmp_path, name):
    target = tmp_path / name
    result = run("split", "-o", str(target), str(page))
    assert result.exit_code == 2
    assert one_line(result.stderr).endswith(
        f"looks like a file: to write the articles into one file, use > {target}"
    )
    assert not target.exists()
    target.mkdir()  # a folder of that name the user made is a folder
    assert run("split", "-o", str(target), str(page)).exit_code == 0
    assert "folder DIR" in run("split", "--help").stdout


def test_clean_says_it_reads_a_terminal(monkeypatch, capsys, page):
    class Terminal:
        buffer = __import__("io").BytesIO(PAGE.encode())

        def isatty(self):
            return True

    monkeypatch.setattr(sys, "stdin", Terminal())
    assert main(["clean"]) == 0
    out, err = capsys.readouterr()
    assert out == bulletin.clean(PAGE)
    assert one_line(err) == "bulletin: reading stdin (type the text, then Ctrl-D; --help for usage)"
    assert main(["clean", str(page)]) == 0 and capsys.readouterr().err == ""


def test_clean_in_place_says_it_rewrote_another_encoding_as_utf8(run, tmp_path):
    gbk = tmp_path / "gbk.txt"
    gbk.write_bytes(PAGE.encode("gbk"))
    kept = tmp_path / "kept.txt"
    kept.write_bytes(PAGE.encode("gbk"))
    result = run("clean", "-i", str(gbk))
    assert result.exit_code == 0
    assert one_line(result.stderr) == (
        f"bulletin: {gbk}: rewritten as UTF-8 (it was gb18030; --output-encoding keep keeps it)"
    )
    assert gbk.read_text(encoding="utf-8") == bulletin.clean(PAGE)
    result = run("clean", "-i", "--output-encoding", "keep", str(kept))
    assert (result.exit_code, result.stderr) == (0, "")
    assert kept.read_bytes() == bulletin.clean(PAGE).encode("gbk")


def test_convert_summarize_and_count_write_to_a_file_as_clean_does(run, page, tmp_path):
    out = tmp_path / "out.txt"
    for args in (["convert", "--to", "tw"], ["summarize"], ["count"], ["clean"]):
        printed = run(*args, str(page)).stdout
        result = run(*args, "-o", str(out), str(page))
        assert (result.exit_code, result.stdout) == (0, "")
        assert out.read_text(encoding="utf-8") == printed
    result = run("convert", "--to", "tw", "-i", str(page))
    assert (result.exit_code, result.stdout) == (0, "")
    assert page.read_text(encoding="utf-8") == bulletin.convert(PAGE, to="tw")
    assert run("convert", "--to", "tw", "-i", input=PAGE).exit_code == 2  # -i rewrites files, not stdin


def test_every_command_words_its_input_and_output_options_alike(run):
    helps = {command: run(command, "--help").stdout for command in ("clean", "convert", "summarize", "count")}
    for option in ["-o, --output FILE", "--encoding NAME", "-j, --jobs N"]:
        lines = {command: _option_help(text, option) for command, text in helps.items()}
        assert len(set(lines.values())) == 1, lines
    for command in ("clean", "convert"):
        assert _option_help(helps[command], "-i, --in-place") == _option_help(
            helps["clean"], "-i, --in-place"
        )


def _option_help(help_text: str, option: str) -> str:
    """The help of ``option``: its lines up to the next option, without the white space (and the
    hyphens) that click's wrapping adds."""
    start = help_text.index("  " + option)
    rest = help_text[start:].split("\n  -")[0]
    return "".join(rest.split()).replace("in-process", "inprocess").replace("-", "")


# the command layer: every command the CLI runs is a job the library runs the same way

JOBS = [
    (["clean", "--quotes", "corner"], "clean", "CleanJob", {"quotes": "corner"}),
    (["split", "--format", "jsonl"], "split", "SplitJob", {"format": "jsonl"}),
    (["summarize", "--chars", "40"], "summarize", "SummarizeJob", {"chars": 40}),
    (
        ["count", "--format", "tsv", "--by", "article"],
        "count",
        "CountJob",
        {"format": "tsv", "by": "article"},
    ),
    (["convert", "--to", "tw"], "convert", "ConvertJob", {"to": "tw"}),
]


@pytest.mark.parametrize(("args", "module", "job", "options"), JOBS, ids=[a[1] for a in JOBS])
def test_a_job_run_from_the_library_is_the_command(
    run, page, other, capsysbinary, args, module, job, options
):
    from bulletin.commands import run as run_job

    expected = run(*args, str(page), str(other))
    made = getattr(importlib.import_module(f"bulletin.commands.{module}"), job)(**options)
    assert run_job(made, [str(page), str(other)]) == expected.exit_code == 0
    captured = capsysbinary.readouterr()
    assert (captured.out, captured.err) == (expected.stdout_bytes, expected.stderr_bytes)


def test_a_job_refuses_bad_options_as_the_command_does(page, capsys):
    from bulletin.commands import run as run_job
    from bulletin.commands.clean import CleanJob
    from bulletin.commands.convert import ConvertJob

    assert run_job(ConvertJob(), [str(page)]) == 2
    assert capsys.readouterr().err.startswith("bulletin: convert: which way? --to CONFIG is needed")
    assert run_job(CleanJob(backup=".orig"), [str(page)]) == 2
    assert capsys.readouterr().err == "bulletin: clean: --backup needs -i/--in-place\n"


def test_a_big_file_among_others_in_workers_gives_what_it_gives_alone(
    run, page, other, monkeypatch, tmp_path
):
    """A file past ``stream.LIMIT`` is cleaned (split) page by page in this process while the others go
    to the workers: the output, in input order, is what each gives alone."""
    from bulletin import stream

    big = tmp_path / "big.txt"
    big.write_text((PAGE + "\f") * 3, encoding="utf-8")
    files = [str(page), str(big), str(other), str(page)]
    for args in (["clean"], ["split", "--format", "jsonl"]):
        alone = "".join(run(*args, name).stdout for name in files)
        monkeypatch.setattr(stream, "LIMIT", len(PAGE.encode()) * 2)
        together = run(*args, "-j", "2", *files)
        monkeypatch.setattr(stream, "LIMIT", 10**9)
        assert (together.exit_code, together.stderr) == (0, "")
        if args == ["clean"]:
            assert together.stdout == alone
        else:  # (several files: split's jsonl names each line's source, as alone)
            assert together.stdout.splitlines() == alone.splitlines()


def test_counts_reading_rate_is_the_librarys():
    from bulletin.commands.count import CountJob
    from bulletin.counts import DEFAULT_RATE

    assert CountJob.rate == DEFAULT_RATE  # (the job does not import counting: clean need not load it)
