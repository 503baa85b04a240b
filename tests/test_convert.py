"""``bulletin convert`` and ``bulletin.convert``: phrase traps as data (tests/cases/convert.json), the
user's table and kept words, lines kept, JSON from split, --explain, encodings, the engine built once.

Each case is {"to", "input", "expected", "comment"} plus, where it matters, {"dict": {...}, "keep": [...]};
the expected outputs are worked out by hand, not taken from OpenCC (whose own cases are run by
``bench/opencc_cases.py``, outside this repository's tests).
"""

from __future__ import annotations

import json
import re
import subprocess
import sys
from collections import Counter
from pathlib import Path

import opencc
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletin
from bulletin import opencc_engine
from bulletin.convert import (
    ALIASES,
    CONFIGS,
    KEEP_KEYS,
    Change,
    Converter,
    DictionaryError,
    Entry,
    config_name,
    convert,
    convert_report,
    detect_format,
    load_dict,
    load_keep,
    unencodable,
)
from bulletin.errors import BulletinError, UsageError
from bulletin.render.formats import CONVERT_FORMATS as FORMATS

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
CASES = json.loads((Path(__file__).parent / "cases" / "convert.json").read_text(encoding="utf-8"))
BULLETIN = [sys.executable, "-m", "bulletin"]
TRAPS = "她的头发很干燥，老干部说后来皇后面条里面台湾发展。"


def write(path: Path, text: str, encoding: str = "utf-8") -> Path:
    path.write_bytes(text.encode(encoding))
    return path


# the phrase traps, both ways


@pytest.mark.parametrize("case", CASES, ids=[f"{c['to']}: {c['comment'][:50]}" for c in CASES])
def test_case(case):
    out = convert(case["input"], to=case["to"], user_dict=case.get("dict"), keep=case.get("keep", ()))
    assert out == case["expected"]


@pytest.mark.parametrize("case", [c for c in CASES if "dict" not in c and "keep" not in c][:6])
def test_case_through_the_command(run, case):
    result = run("convert", "--to", case["to"], input=case["input"].encode("utf-8"))
    assert result.exit_code == 0, result.stderr
    assert result.stdout == case["expected"]


def test_the_package_and_the_module_both_convert():
    """``bulletin.convert`` is the function when asked for first (and OpenCC not yet loaded), the
    callable module once ``bulletin.convert`` has been imported by name, as here."""
    code = (
        "import bulletin, sys\n"
        "assert 'opencc' not in sys.modules and 'bulletin.convert' not in sys.modules\n"
        "print(bulletin.convert('头发', to='s2t'), type(bulletin.convert).__name__)\n"
    )
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, check=True, cwd=ROOT)
    assert done.stdout.decode("utf-8") == "頭髮 function\n"
    assert bulletin.convert("头发", "s2t", keep=["发"]) == "頭发"


# configurations and aliases


def test_the_configurations_are_the_installed_opencc_ones():
    assert sorted(CONFIGS) == sorted(opencc_engine.available())
    assert len(CONFIGS) == 16


def test_the_reference_table_is_the_configurations_and_aliases():
    readme = (ROOT / "docs" / "convert.md").read_text(encoding="utf-8")
    rows = [
        row for row in re.findall(r"^\| `(\w+)` \| (.+?) \| (.*?) ?\|$", readme, re.M) if row[0] in CONFIGS
    ]
    aliases = {config: [f"`{a}`" for a, (c, _) in ALIASES.items() if c == config] for config in CONFIGS}
    assert rows == [(config, doc, ", ".join(aliases[config])) for config, doc in CONFIGS.items()]


@pytest.mark.parametrize(
    ("name", "config"),
    [
        ("s2twp", "s2twp"),
        ("S2TWP", "s2twp"),
        ("s2twp.json", "s2twp"),
        ("traditional", "s2t"),
        ("simplified", "t2s"),
        ("Taiwan", "s2tw"),
        ("tw", "s2tw"),
        ("hongkong", "s2hk"),
        ("hk", "s2hk"),
    ],
)
def test_config_names_and_aliases(name, config):
    assert config_name(name) == config


def test_an_unknown_configuration_lists_the_valid_names():
    with pytest.raises(UsageError) as err:
        config_name("zh-tw")
    message = str(err.value)
    assert message.startswith("unknown configuration 'zh-tw'; configurations are: s2t, t2s, ")
    assert all(name in message for name in [*CONFIGS, *ALIASES])


@pytest.mark.parametrize("config", CONFIGS)
def test_every_configuration_runs_from_the_command(run, config):
    result = run("convert", "-t", config, input="头发 乾燥 軟體\n")
    assert result.exit_code == 0
    assert result.stdout == opencc.OpenCC(config).convert("头发 乾燥 軟體\n")


# the user's table and kept words


def test_a_table_file_with_bom_crlf_comments_and_blank_lines(tmp_path):
    table = write(
        tmp_path / "terms.tsv",
        "\ufeff# 本报用字\r\n鼠标\t滑鼠\r\n\r\n  \r\n 软件 \t 軟體 \r\n# 干部\t乾部\r\n",
    )
    assert load_dict(table) == [
        Entry("鼠标", "滑鼠", f"user:{table}:2"),
        Entry("软件", "軟體", f"user:{table}:5"),
    ]
    assert convert("软件和鼠标，干部", to="s2t", user_dict=table) == "軟體和滑鼠，幹部"
    assert convert("软件和鼠标", to="s2t", user_dict=str(table)) == "軟體和滑鼠"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("鼠标\t滑鼠\n软件 軟體\n", "{path}:2: no tab; a line is source<TAB>target: '软件 軟體'"),
        ("鼠标\t滑鼠\t鼠\n", "{path}:1: more than one tab; a line is source<TAB>target: '鼠标\\t滑鼠\\t鼠'"),
        ("\n\n鼠标\t\n", "{path}:3: empty target: '鼠标\\t'"),
        (" \t滑鼠\n", "{path}:1: empty source: ' \\t滑鼠'"),
        ("鼠标\t滑鼠\n鼠标\t鼠標\n", "{path}:2: 鼠标 -> 鼠標, but 鼠标 -> 滑鼠 on line 1"),
    ],
)
def test_a_malformed_table_line_names_file_and_line(tmp_path, content, message):
    table = write(tmp_path / "terms.tsv", content)
    with pytest.raises(DictionaryError) as err:
        load_dict(table)
    assert str(err.value) == message.format(path=table)
    assert err.value.exit_code == 2


def test_the_same_entry_twice_is_no_conflict(tmp_path):
    table = write(tmp_path / "terms.tsv", "鼠标\t滑鼠\n鼠标\t滑鼠\n")
    assert load_dict(table) == [Entry("鼠标", "滑鼠", f"user:{table}:1")]


def test_a_table_that_is_not_utf8_or_not_there(tmp_path):
    gbk = write(tmp_path / "gbk.tsv", "鼠标\t滑鼠\n", "gbk")
    with pytest.raises(DictionaryError, match=r"gbk.tsv: not UTF-8 \(byte 0xca at offset 0\)$"):
        load_dict(gbk)
    with pytest.raises(DictionaryError, match=r"missing.tsv: No such file or directory$"):
        load_dict(tmp_path / "missing.tsv")


def test_a_keep_file(tmp_path):
    words = write(tmp_path / "keep.txt", "\ufeff乾安县\r\n# a comment\n\n 老干部 \n")
    assert load_keep(words) == ["乾安县", "老干部"]
    with pytest.raises(DictionaryError, match=r"keep.txt:1: a tab; a keep file has one word a line"):
        load_keep(write(tmp_path / "keep.txt", "乾安县\t乾安縣\n"))


@pytest.mark.parametrize(
    ("user_dict", "keep"),
    [({"头\n发": "頭髮"}, ()), ({"头发": "頭\r髮"}, ()), (None, [""]), (None, ["干\n部"])],
)
def test_entries_stay_within_a_line(user_dict, keep):
    with pytest.raises(UsageError):
        Converter("s2t", user_dict, keep)


def test_keep_is_a_list_of_words():
    with pytest.raises(TypeError):
        convert("乾安县", "t2s", keep="乾安县")


def test_user_entries_win_where_opencc_would_convert_a_longer_phrase():
    # OpenCC alone: 互联网 -> 網際網路 and 头发 -> 頭髮, phrases around the user's words
    assert convert("互联网和头发", "s2twp") == "網際網路和頭髮"
    assert convert("互联网和头发", "s2twp", {"联网": "聯網"}, keep=["发"]) == "互聯網和頭发"


# lines kept, and what OpenCC does not know


PIECES = [*"头发干部燥后来皇面条里台湾软件鼠标乾隆臺灣軟體 ，。a1\t", "\n", "\r", "\r\n", "😀", "𠀀"]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=60, deadline=None)
@given(text=TEXT, config=st.sampled_from(["s2t", "s2twp", "t2s", "tw2sp", "s2hk"]))
def test_output_line_n_is_input_line_n_converted(text, config):
    converter = Converter(config, {"后来": "後來", "皇后": "皇后"}, keep=["台湾"])
    out = converter(text)
    lines = text.splitlines(keepends=True)
    assert out == "".join(converter(line) for line in lines)
    assert [line[len(line.rstrip("\r\n")) :] for line in out.splitlines(keepends=True)] == [
        line[len(line.rstrip("\r\n")) :] for line in lines
    ]


def test_a_page_converts_line_for_line():
    text = (SAMPLES / "page-headline-after.txt").read_text(encoding="utf-8")
    out = convert(text, "s2t")
    assert out.count("\n") == text.count("\n") and out.endswith("\n") == text.endswith("\n")
    assert re.sub(r"[^\x00-\x7f]", "", out) == re.sub(r"[^\x00-\x7f]", "", text)


def test_lone_surrogates_from_json_escapes_are_kept():
    assert convert("\ud800头发\udfff里面", "s2t") == "\ud800頭髮\udfff裏面"


# JSON from bulletin split


def converted_strings(value, to):
    if isinstance(value, str):
        return convert(value, to)
    if isinstance(value, list):
        return [converted_strings(v, to) for v in value]
    if isinstance(value, dict):
        return {k: v if k in KEEP_KEYS else converted_strings(v, to) for k, v in value.items()}
    return value


def test_jsonl_from_split_has_every_text_field_converted():
    source = "/tmp/县里/page.txt"  # a path with Simplified in it must not change
    page = bulletin.split((SAMPLES / "page-headline-after.txt").read_text(encoding="utf-8"), source=source)
    jsonl = "".join(
        json.dumps({"source": source, **a.to_dict()}, ensure_ascii=False) + "\n" for a in page.articles
    )
    out, fmt = Converter("tw").convert_document(jsonl)
    assert fmt == "jsonl"
    docs = [json.loads(line) for line in out.splitlines()]
    originals = [json.loads(line) for line in jsonl.splitlines()]
    assert [list(d) for d in docs] == [list(o) for o in originals]
    assert docs == [converted_strings(o, "tw") for o in originals]
    assert docs[0]["source"] == source and docs[0]["title"] != originals[0]["title"]
    assert out == "".join(json.dumps(d, ensure_ascii=False) + "\n" for d in docs)


def test_a_json_document_keeps_source_and_encoding():
    doc = {
        "source": "台湾.txt",
        "encoding": "gb18030",
        "articles": [{"title": "头发", "index": 1}],
        "notes": ["里面"],
    }
    pretty = json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
    out, fmt = Converter("s2t").convert_document(pretty)
    assert fmt == "json"
    assert (
        out
        == json.dumps(
            {
                "source": "台湾.txt",
                "encoding": "gb18030",
                "articles": [{"title": "頭髮", "index": 1}],
                "notes": ["裏面"],
            },
            ensure_ascii=False,
        )
        + "\n"
    )


def test_json_lines_keep_blank_lines_and_line_ends():
    text = '{"title": "头发"}\r\n\n["里面", 1, null]'
    assert Converter("s2t").convert_document(text) == ('{"title": "頭髮"}\r\n\n["裏面", 1, null]', "jsonl")


def test_json_lines_are_cut_at_newlines_only():
    text = '{"title": "头发\u2028里面\x85"}\n{"title": "干部"}\n'
    assert Converter("s2t").convert_document(text) == (
        '{"title": "頭髮\u2028裏面\x85"}\n{"title": "幹部"}\n',
        "jsonl",
    )


@pytest.mark.parametrize(
    ("text", "fmt"),
    [
        ("头发\n", "txt"),
        ("[图] 头发\n", "txt"),
        ('{"a": "头发"}', "json"),
        ('  [\n  "头发"\n]\n', "json"),
        ('{"a": 1}\n{"a": 2}\n', "jsonl"),
        ('{"a": 1}\n头发\n', "txt"),
        ('{"a": 1}\n"头发"\n', "txt"),
        ('"头发"', "txt"),
        ("", "txt"),
    ],
)
def test_detect_format(text, fmt):
    assert detect_format(text) == fmt


@pytest.mark.parametrize(
    ("fmt", "text", "message"),
    [
        ("json", "头发", "<stdin>: not JSON: Expecting value (line 1, column 1)"),
        ("json", '"头发"', "<stdin>: JSON, but not an object or array"),
        ("jsonl", '{"a": 1}\n{"a": \n', "<stdin>: line 2: not JSON: Expecting value (line 1, column 7)"),
        ("jsonl", '{"a": 1}\n3\n', "<stdin>: line 2: not a JSON object or array"),
    ],
)
def test_forced_json_that_is_not(fmt, text, message):
    with pytest.raises(BulletinError) as err:
        Converter("s2t").convert_document(text, fmt)
    assert str(err.value) == message


def test_txt_converts_json_as_text():
    assert Converter("s2t").convert_document('{"source": "县里"}', "txt") == ('{"source": "縣裏"}', "txt")


# --explain


def test_report_names_the_phrases_and_who_converted_them(tmp_path):
    table = write(tmp_path / "terms.tsv", "# terms\n台湾\t臺灣\n")
    out, report = convert_report(TRAPS + "\n头发", "s2twp", user_dict=table, keep=["皇后"])
    assert out == "她的頭髮很乾燥，老幹部說後來皇后麵條裡面臺灣發展。\n頭髮"
    assert report == [
        Change("头发", "頭髮", "opencc:s2twp", 2),
        Change("干燥", "乾燥", "opencc:s2twp", 1),
        Change("皇后", "皇后", "keep", 1),
        Change("面条", "麵條", "opencc:s2twp", 1),
        Change("台湾", "臺灣", f"user:{table}:2", 1),
        Change("干", "幹", "opencc:s2twp", 1),
        Change("说", "說", "opencc:s2twp", 1),
        Change("后", "後", "opencc:s2twp", 1),
        Change("来", "來", "opencc:s2twp", 1),
        Change("里", "裡", "opencc:s2twp", 1),
        Change("发", "發", "opencc:s2twp", 1),
    ]


def test_report_of_phrases_that_change_length():
    assert convert_report("互联网算法", "s2twp")[1] == [
        Change("互联网", "網際網路", "opencc:s2twp", 1),
        Change("算法", "演算法", "opencc:s2twp", 1),
    ]


def test_report_of_nothing_converted():
    assert convert_report("GDP 2024", "s2t") == ("GDP 2024", [])


def test_report_of_a_long_run_without_punctuation():
    text = "发展" * 40  # too long to cut into pieces: what a diff shows
    out, report = convert_report(text, "s2t")
    assert out == "發展" * 40
    assert report == [Change("发", "發", "opencc:s2t", 40)]


# the command: files, stdin, line ends, encodings


def test_stdin_file_and_several_files(run, tmp_path):
    one = write(tmp_path / "one.txt", "头发\n")
    two = write(tmp_path / "two.txt", "干部")
    result = run("convert", "--to", "s2t", str(one), "-", str(two), input="里面\n")
    assert result.exit_code == 0
    assert result.stdout == "頭髮\n裏面\n幹部"
    assert result.stderr == ""


def test_bytes_as_they_were_but_converted(run):
    result = run("convert", "--to", "s2t", input="头发\r\n\r\n干燥".encode())
    assert result.stdout_bytes == "頭髮\r\n\r\n乾燥".encode()


def test_to_is_needed(run):
    result = run("convert", input="头发\n")
    assert result.exit_code == 2
    assert (
        result.stderr
        == "bulletin: convert: which way? --to CONFIG is needed (s2t, t2s, taiwan, hongkong...; see --help)\n"
    )
    assert result.stdout == ""


def test_an_unknown_configuration_is_a_usage_error(run, page):
    result = run("convert", "--to", "zh-tw", str(page))
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "bulletin: convert: unknown configuration 'zh-tw'; configurations are: s2t,"
    )
    assert result.stdout == ""


def test_the_issues_pipeline_alias(run):
    assert run("convert", "--to", "tw", input=TRAPS).stdout == convert(TRAPS, "s2tw")


# Copy of our own, as a county paper prints it: the words OpenCC's Taiwan and Hong Kong phrase tables
# (made for software) would swap for others. The aliases must keep them; the phrase configurations,
# asked for by name, still swap them.
NEWS = "社区居民在新华社区观看乒乓球小组循环赛，非遗代表性项目现场设置了展台。"


@pytest.mark.parametrize(
    ("to", "expected"),
    [
        ("tw", "社區居民在新華社區觀看乒乓球小組循環賽，非遺代表性項目現場設置了展臺。"),
        ("taiwan", "社區居民在新華社區觀看乒乓球小組循環賽，非遺代表性項目現場設置了展臺。"),
        ("hk", "社區居民在新華社區觀看乒乓球小組循環賽，非遺代表性項目現場設置了展台。"),
        ("hongkong", "社區居民在新華社區觀看乒乓球小組循環賽，非遺代表性項目現場設置了展台。"),
        ("s2twp", "社群居民在新華社群觀看乒乓球小組迴圈賽，非遺代表性專案現場設定了展臺。"),
    ],
)
def test_the_aliases_keep_the_words_of_news_copy(run, to, expected):
    assert run("convert", "--to", to, input=NEWS + "\n").stdout == expected + "\n"


def test_explain_lists_phrases_first_then_characters_most_frequent_first(run):
    result = run("convert", "--to", "s2twp", "--explain", input="社区的头发\n小组循环赛在社区\n")
    assert result.stderr.splitlines() == [
        "社区\t社群\t2\topencc:s2twp",
        "头发\t頭髮\t1\topencc:s2twp",
        "循环\t迴圈\t1\topencc:s2twp",
        "组\t組\t1\topencc:s2twp",
        "赛\t賽\t1\topencc:s2twp",
    ]


def test_samples_in_other_encodings(run):
    utf8 = (SAMPLES / "page-headline-before.txt").read_text(encoding="utf-8")
    result = run("convert", "--to", "s2t", str(SAMPLES / "page-headline-before.gbk.txt"))
    assert result.exit_code == 0
    assert result.stdout == convert(utf8, "s2t")
    big5 = (SAMPLES / "page-traditional.big5.txt").read_bytes().decode("cp950")
    result = run("convert", "--to", "t2s", str(SAMPLES / "page-traditional.big5.txt"))
    assert result.stdout == convert(big5, "t2s")


def test_a_missing_file_does_not_stop_the_others(run, tmp_path):
    one = write(tmp_path / "one.txt", "头发\n")
    result = run("convert", "--to", "s2t", str(tmp_path / "missing.txt"), str(one))
    assert result.exit_code == 1
    assert result.stderr == f"bulletin: {tmp_path / 'missing.txt'}: No such file or directory\n"
    assert result.stdout == "頭髮\n"


def test_output_encoding(run):
    result = run("convert", "--to", "s2tw", "--output-encoding", "big5", input="面条里面\n")
    assert result.exit_code == 0
    assert result.stdout_bytes == "麵條裡面\n".encode("big5")


def test_characters_the_output_encoding_lacks_are_listed_and_nothing_written(run, tmp_path):
    ok = write(tmp_path / "ok.txt", "头发\n")
    result = run(
        "convert", "--to", "s2t", "--output-encoding", "big5", "-", str(ok), input="面条\n里面\n这里\n"
    )
    assert result.exit_code == 1
    assert result.stderr == (
        "bulletin: <stdin>: 2 characters not in big5: 麪 (U+9EAA, line 1), 裏 (U+88CF, lines 2, 3); "
        "nothing written (--errors replace writes ? instead)\n"
    )
    assert result.stdout_bytes == "頭髮\n".encode("big5")


def test_errors_replace_writes_question_marks(run):
    result = run(
        "convert", "--to", "s2t", "--output-encoding", "big5", "--errors", "replace", input="面条里面\n"
    )
    assert result.exit_code == 0
    assert result.stdout_bytes == "?條?面\n".encode("big5")
    assert result.stderr == "bulletin: <stdin>: 2 characters not in big5 written as ?\n"


def test_unencodable_lists_characters_and_lines():
    assert unencodable("a麪\n裏\n\n裏麪裏", "big5") == {"麪": [1, 4], "裏": [2, 4]}
    assert unencodable("頭髮", "big5") == {}


def test_a_bad_encoding_name_is_a_usage_error(run):
    result = run("convert", "--to", "s2t", "--output-encoding", "klingon", input="头发")
    assert result.exit_code == 2
    assert result.stderr == "bulletin: convert: unknown encoding 'klingon'\n"


# the command: --dict, --keep, --keep-file


def test_dict_and_keep_from_the_command(run, tmp_path):
    table = write(tmp_path / "terms.tsv", "联网\t聯網\n头发\t頭發\n")
    words = write(tmp_path / "keep.txt", "干部\n")
    result = run(
        "convert",
        "-t",
        "s2twp",
        "--dict",
        str(table),
        "--keep",
        "台湾",
        "--keep-file",
        str(words),
        input="互联网 头发 干部 台湾 软件\n",
    )
    assert result.exit_code == 0
    assert result.stdout == "互聯網 頭發 干部 台湾 軟體\n"


def test_two_tables_that_disagree(run, tmp_path):
    one = write(tmp_path / "one.tsv", "头发\t頭髮\n")
    two = write(tmp_path / "two.tsv", "头发\t頭發\n")
    result = run("convert", "-t", "s2t", "--dict", str(one), "--dict", str(two), input="头发")
    assert result.exit_code == 2
    assert result.stderr == f"bulletin: {two}:1: 头发 -> 頭發, but 头发 -> 頭髮 in {one}:1\n"
    assert result.stdout == ""
    assert run("convert", "-t", "s2t", "--dict", str(one), "--dict", str(one), input="头发").stdout == "頭髮"


def test_a_malformed_table_is_a_usage_error_naming_file_and_line(run, tmp_path, page):
    table = write(tmp_path / "terms.tsv", "# ok\n鼠标\t滑鼠\n软件 軟體\n")
    result = run("convert", "--to", "s2t", "--dict", str(table), str(page))
    assert result.exit_code == 2
    assert result.stderr == f"bulletin: {table}:3: no tab; a line is source<TAB>target: '软件 軟體'\n"
    assert result.stdout == ""


def test_an_empty_keep_word_is_a_usage_error(run):
    result = run("convert", "--to", "s2t", "--keep", "", input="头发")
    assert result.exit_code == 2
    assert result.stderr == "bulletin: convert: an empty word cannot be kept or converted\n"


# the command: --explain, --format


def test_explain_on_stderr_as_tab_separated_lines(run, tmp_path):
    table = write(tmp_path / "terms.tsv", "台湾\t臺灣\n")
    result = run("convert", "--to", "s2t", "--dict", str(table), "--keep", "老干部", "--explain", input=TRAPS)
    assert result.exit_code == 0
    assert result.stdout == convert(TRAPS, "s2t", {"台湾": "臺灣"}, ["老干部"])
    assert result.stderr.splitlines() == [
        "头发\t頭髮\t1\topencc:s2t",
        "干燥\t乾燥\t1\topencc:s2t",
        "老干部\t老干部\t1\tkeep",
        "面条\t麪條\t1\topencc:s2t",
        f"台湾\t臺灣\t1\tuser:{table}:1",
        "说\t說\t1\topencc:s2t",
        "后\t後\t1\topencc:s2t",
        "来\t來\t1\topencc:s2t",
        "里\t裏\t1\topencc:s2t",
        "发\t發\t1\topencc:s2t",
    ]


def test_explain_per_file_when_there_are_several(run, tmp_path):
    one = write(tmp_path / "one.txt", "头发\n")
    two = write(tmp_path / "two.txt", "GDP\n")
    result = run("convert", "--to", "s2t", "--explain", str(one), str(two))
    assert result.stderr == f"# {one}\n头发\t頭髮\t1\topencc:s2t\n# {two}\n"


def test_explain_counts_json_text_values(run):
    result = run("convert", "--to", "s2t", "--explain", input='{"source": "头发.txt", "title": "头发"}\n')
    assert result.stdout == '{"source": "头发.txt", "title": "頭髮"}\n'
    assert result.stderr == "头发\t頭髮\t1\topencc:s2t\n"


def test_format_choices_are_the_librarys(run):
    result = run("convert", "--help")
    choices = re.search(r"<(auto\|[^>]*)>", result.stdout).group(1).split("|")
    assert tuple(choices) == FORMATS


def test_forced_format(run):
    result = run("convert", "--to", "s2t", "--format", "json", input="头发")
    assert result.exit_code == 1
    assert result.stderr == "bulletin: <stdin>: not JSON: Expecting value (line 1, column 1)\n"
    text = '{"title": "头发"}\n'
    assert run("convert", "--to", "s2t", "-f", "txt", input=text).stdout == '{"title": "頭髮"}\n'


def test_every_option_is_on_its_page(run):
    readme = (ROOT / "docs" / "convert.md").read_text(encoding="utf-8")
    options = set(re.findall(r"(?<![\w-])(--?[a-zA-Z][a-zA-Z-]*)", run("convert", "--help").stdout))
    assert {
        "--to",
        "--dict",
        "--keep",
        "--keep-file",
        "--output-encoding",
        "--explain",
        "--format",
    } <= options
    missing = [
        o for o in sorted(options - {"-h", "--help"}) if not re.search(rf"(?<![\w-]){o}(?![\w-])", readme)
    ]
    assert not missing


# the engine: built once per process and configuration


@pytest.fixture
def builds(monkeypatch):
    """How many OpenCC converters are built, by configuration file (the cache emptied first)."""
    made: Counter = Counter()
    real = opencc.OpenCC

    def counting(config, *args, **kwargs):
        made[config] += 1
        return real(config, *args, **kwargs)

    opencc_engine.converter.cache_clear()
    monkeypatch.setattr(opencc, "OpenCC", counting)
    yield made
    opencc_engine.converter.cache_clear()


def test_the_converter_is_built_once_for_many_files(run, tmp_path, builds):
    files = [str(write(tmp_path / f"{n}.txt", "头发\n")) for n in range(5)]
    result = run("convert", "--to", "s2t", *files)
    assert result.stdout == "頭髮\n" * 5
    assert run("convert", "--to", "traditional", *files).exit_code == 0
    assert convert("头发", "s2t") == "頭髮"
    assert convert("头发", "s2twp") == "頭髮"
    assert builds == {"s2t.json": 1, "s2twp.json": 1}


def test_the_unofficial_opencc_module_is_refused(monkeypatch):
    fake = type(sys)("opencc")
    fake.OpenCC = lambda config: None  # opencc-python-reimplemented: no CONFIGS, no clib
    monkeypatch.setitem(sys.modules, "opencc", fake)
    opencc_engine.converter.cache_clear()
    try:
        with pytest.raises(BulletinError, match="not the official OpenCC binding"):
            convert("头发", "s2t")
    finally:
        opencc_engine.converter.cache_clear()


# real processes


def test_split_into_convert_through_a_pipe():
    """The issue's pipeline: ``bulletin split --format jsonl page.txt | bulletin convert --to tw``."""
    page = SAMPLES / "page-headline-after.txt"
    split = subprocess.Popen([*BULLETIN, "split", "--format", "jsonl", str(page)], stdout=subprocess.PIPE)
    done = subprocess.run([*BULLETIN, "convert", "--to", "tw"], stdin=split.stdout, capture_output=True)
    split.stdout.close()
    assert split.wait() == 0 and done.returncode == 0, done.stderr
    assert done.stderr == b""
    docs = [json.loads(line) for line in done.stdout.decode("utf-8").splitlines()]
    articles = bulletin.split(page.read_text(encoding="utf-8"), source=str(page)).articles
    assert [d["source"] for d in docs] == [str(page)] * len(articles)
    assert [d["title"] for d in docs] == [convert(a.title, "tw") for a in articles]
    assert [d["paragraphs"] for d in docs] == [[convert(p, "tw") for p in a.paragraphs] for a in articles]
    assert [d["lines"] for d in docs] == [list(a.lines) for a in articles]
