"""The ``bulletin`` command line: the typer app. Each command declares its options, makes them a
job (``bulletin.commands``) and runs it; reading, the library call, rendering, writing, errors and
exit statuses are the job's and the loop's, the same from Python. :func:`main` is the entry point
(the console script and ``python -m bulletin``).
"""

from __future__ import annotations

import inspect
import os
import sys
from collections.abc import Callable, Sequence
from typing import Annotated, Any, Literal

import typer
from typer.core import TyperGroup

import bulletin
from bulletin import commands
from bulletin.clean import RULES, ParagraphSep, Quotes, Spacing
from bulletin.commands import PROG
from bulletin.commands import count as count_command
from bulletin.commands import split as split_command
from bulletin.commands.clean import CleanJob
from bulletin.commands.convert import ConvertJob
from bulletin.commands.count import CountJob
from bulletin.commands.split import SplitJob
from bulletin.commands.summarize import SummarizeJob
from bulletin.errors import UsageError
from bulletin.render.formats import ConvertFormat, CountFormat, Format

Method = Literal["news", "lead", "textrank"]  # bulletin.summary.METHODS, held together by a test


class _BulletinGroup(TyperGroup):
    """Turns every way a command can end into an exit status, once for all commands."""

    def main(
        self,
        args: Sequence[str] | None = None,
        prog_name: str | None = None,
        complete_var: str | None = None,
        standalone_mode: bool = True,
        windows_expand_args: bool = True,
        **extra: Any,
    ) -> Any:
        def run() -> int:
            try:
                return super(_BulletinGroup, self).main(
                    args=args,
                    prog_name=prog_name or PROG,
                    complete_var=complete_var,
                    standalone_mode=False,
                    windows_expand_args=windows_expand_args,
                    **extra,
                )
            except typer.TyperException as err:  # click's usage errors: bad option, missing value...
                ctx = getattr(err, "ctx", None)
                where = f"{ctx.info_name}: " if ctx is not None and ctx.parent is not None else ""
                hint = f" (see '{ctx.command_path} --help')" if ctx is not None else ""
                commands.error(where + _message(err) + hint)
                return err.exit_code
            except SystemExit as err:  # typer's own exits (shell completion, a broken pipe during --help)
                return err.code if isinstance(err.code, int) else 1

        status = commands.guarded(run)  # a closed stdout, Ctrl-C (whatever typer's own handling does)
        status = status if isinstance(status, int) else 0
        if standalone_mode:
            sys.exit(status)
        return status


def _message(err: Any) -> str:
    """click's message for a usage error; an unknown option names the closest real one only, and a
    value typer's validation (pydantic) refused is said in our words (:func:`_refusal`)."""
    if type(err).__name__ == "NoSuchOption" and getattr(err, "possibilities", None):
        return f"no such option: {err.option_name}; did you mean {err.possibilities[0]}?"
    refusals = getattr(err.__cause__, "errors", None)  # pydantic's ValidationError.errors()
    if refusals is not None and getattr(err, "param", None) is not None:
        return f"Invalid value for {err.param.get_error_hint()}: {_refusal(refusals()[0])}"
    return err.format_message()


def _refusal(refused: dict) -> str:
    """One of pydantic's structured errors (type, input, ctx), in the words of a command line."""
    kind, value, limits = refused["type"], refused["input"], refused.get("ctx") or {}
    if kind in ("int_parsing", "int_type", "int_from_float"):
        return f"{value!r} is not a whole number"
    if kind == "greater_than_equal":
        return f"{value} is too small; it must be at least {limits['ge']}"
    if kind == "less_than_equal":
        return f"{value} is too big; it must be at most {limits['le']}"
    message = str(limits.get("error", refused["msg"]))  # a choice: "'x' is not one of 'a', 'b'."
    return message.rstrip(".").replace("', '", ", ").replace("of '", "of ", 1).rstrip("'")


def _example(*lines: str) -> str:
    # \b keeps click from re-wrapping the example lines.
    return "\b\nExample:\n" + "\n".join(f"  {line}" for line in lines)


COMMANDS: dict[str, tuple[Callable[..., int], dict[str, Any]]] = {}
"""Each command's function and its ``app.command`` settings, in the order ``--help`` lists them."""


def _command(**settings: Any) -> Callable[[Callable[..., int]], Callable[..., int]]:
    """Record a command (named after its function) for :func:`make_app`."""

    def record(func: Callable[..., int]) -> Callable[..., int]:
        COMMANDS[func.__name__] = (func, settings)
        return func

    return record


def _show_version(value: bool) -> None:
    if value:
        print(f"{PROG} {bulletin.__version__}")
        raise typer.Exit()


def _root(
    ctx: typer.Context,
    version: Annotated[
        bool,
        typer.Option("--version", callback=_show_version, is_eager=True, help="Show the version and exit."),
    ] = False,
) -> None:
    """Clean Chinese newspaper (bulletin) text extracted from PDFs; split, count, summarize, convert it."""
    if ctx.invoked_subcommand is None:  # no command: the help, and the status of a usage error
        print(ctx.get_help())
        raise typer.Exit(UsageError.exit_code)


def _with_rule_switches(func: Callable[..., int]) -> Callable[..., int]:
    """Give ``func`` one ``--no-RULE`` flag per rule in ``RULES``, collected in its ``**skip``."""
    signature = inspect.signature(func, eval_str=True)
    params = [p for p in signature.parameters.values() if p.kind is not p.VAR_KEYWORD]
    for rule in RULES:
        option = typer.Option(f"--no-{rule.name}", help=f"Skip {rule.name}: {rule.doc}.")
        params.append(
            inspect.Parameter(
                "no_" + rule.name.replace("-", "_"),
                inspect.Parameter.KEYWORD_ONLY,
                default=False,
                annotation=Annotated[bool, option],
            )
        )
    func.__signature__ = signature.replace(parameters=params)  # type: ignore[attr-defined]
    return func


Files = Annotated[
    list[str] | None,
    typer.Argument(metavar="FILE", help="Input files; '-' or none reads stdin.", show_default=False),
]
Encoding = Annotated[
    str | None, typer.Option(metavar="NAME", help="Input encoding. Default: detect (UTF-8 first).")
]
OutputEncoding = Annotated[
    str, typer.Option(metavar="NAME", help="Output encoding, or keep: each file's own (as read).")
]
Output = Annotated[
    str | None,
    typer.Option("-o", "--output", metavar="FILE", help="Write to FILE (atomically) instead of stdout."),
]
InPlace = Annotated[
    bool, typer.Option("-i", "--in-place", help="Rewrite each FILE atomically, keeping its permissions.")
]
InputErrors = Annotated[
    commands.Errors,
    typer.Option(help="Undecodable bytes: fail, or read them as U+FFFD and report the count on stderr."),
]
OutputErrors = Annotated[
    commands.Errors,
    typer.Option(
        help="Undecodable bytes and characters the output encoding lacks: fail (listing them), or "
        "replace (U+FFFD on input, ? on output) and report the count on stderr."
    ),
]
Pages = Annotated[
    str | None,
    typer.Option(
        metavar="1-3,5",
        show_default=False,
        help="Only these pages (1-based) of a PDF, or of text parted by form feeds.",
    ),
]
Jobs = Annotated[
    int | None,
    typer.Option(
        "-j",
        "--jobs",
        min=1,
        metavar="N",
        show_default=False,
        help="Work on N files at once, in N processes (default: one per core; 1-2 files: in-process). "
        "The output keeps the input order.",
    ),
]


@_command(
    epilog=_example(
        "bulletin clean page.txt > page.clean.txt",
        "pdftotext -layout page.pdf - | bulletin clean --explain --no-reflow",
        "bulletin clean -i --backup .orig --encoding gb18030 pages/*.txt",
    )
)
@_with_rule_switches
def clean(
    files: Files = None,
    output: Output = None,
    in_place: InPlace = CleanJob.in_place,
    backup: Annotated[
        str | None,
        typer.Option(
            metavar="SUFFIX", help="With -i, keep each original as FILE+SUFFIX (never overwritten)."
        ),
    ] = CleanJob.backup,
    follow_symlinks: Annotated[
        bool,
        typer.Option(
            "--follow-symlinks",
            help="With -i, rewrite the file a symbolic link leads to also outside the link's folder.",
        ),
    ] = CleanJob.follow_symlinks,
    encoding: Encoding = CleanJob.encoding,
    output_encoding: OutputEncoding = CleanJob.output_encoding,
    errors: OutputErrors = CleanJob.errors,
    quotes: Annotated[
        Quotes, typer.Option(help="Quotation marks: as found, “curly”, or 「corner」.")
    ] = CleanJob.quotes,
    spacing: Annotated[
        Spacing,
        typer.Option(help="Spaces between Chinese and Latin/digits: none (newspaper), pangu's, or as found."),
    ] = CleanJob.spacing,
    paragraph_sep: Annotated[
        ParagraphSep, typer.Option(help="Between paragraphs: a line break, or a blank line.")
    ] = CleanJob.paragraph_sep,
    indent: Annotated[
        bool, typer.Option("--indent", help="Start each paragraph with two ideographic spaces (　　).")
    ] = CleanJob.indent,
    rules: Annotated[
        str | None,
        typer.Option(metavar="A,B,C", help="Run only these rules (comma-separated); see --no-RULE below."),
    ] = CleanJob.rules,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="On stderr, list the rules that changed the text and how often, per file."
        ),
    ] = CleanJob.explain,
    jobs: Jobs = None,
    pages: Pages = CleanJob.pages,
    **skip: bool,
) -> int:
    """Clean page text: characters, punctuation, columns, paragraphs, quotes, spacing.

    Reads each FILE (or stdin) and writes the cleaned text to stdout, one after another.
    """
    skipped = tuple(rule.name for rule in RULES if skip["no_" + rule.name.replace("-", "_")])
    job = CleanJob(
        in_place=in_place,
        backup=backup,
        follow_symlinks=follow_symlinks,
        encoding=encoding,
        output_encoding=output_encoding,
        errors=errors,
        quotes=quotes,
        spacing=spacing,
        paragraph_sep=paragraph_sep,
        indent=indent,
        rules=rules,
        skipped=skipped,
        explain=explain,
        pages=pages,
    )
    return commands.run(job, files, output=output, jobs=jobs)


@_command(
    epilog=_example(
        "bulletin split page.txt",
        "bulletin split --format jsonl pages/*.txt | head -2",
        "bulletin split -o articles --format md page.txt",
        "bulletin split --explain page.txt > /dev/null   # why: a line per block on stderr",
    )
)
def split(
    files: Files = None,
    format: Annotated[
        Format,
        typer.Option(
            "-f", "--format", help="txt (readable), json (a document per FILE, a line each), jsonl, md."
        ),
    ] = SplitJob.format,
    output_dir: Annotated[
        str | None,
        typer.Option(
            "-o",
            "--output-dir",
            metavar="DIR",
            help="Write one file per article into the folder DIR (made if missing), DIR/NN-<title>.<ext> "
            "(DIR/<stem>/... with several FILEs), and the page's notes to 00-notes.txt. For one file, "
            "use > FILE.",
        ),
    ] = SplitJob.output_dir,
    force: Annotated[
        bool, typer.Option("--force", help="With -o, overwrite files already there.")
    ] = SplitJob.force,
    encoding: Encoding = SplitJob.encoding,
    errors: InputErrors = SplitJob.errors,
    jobs: Jobs = None,
    layout: Annotated[
        split_command.Layout,
        typer.Option(
            "--layout",
            help="Headlines before their bodies, after them, or auto: guessed per page. "
            "Give it when the guess gets a page wrong.",
        ),
    ] = SplitJob.layout,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain",
            help="Say why on stderr, the articles unchanged on stdout: each block's role and its "
            "strongest reasons, a line each, then each article's headline, its side and why.",
        ),
    ] = SplitJob.explain,
    pages: Pages = SplitJob.pages,
) -> int:
    """Split a page into articles: 引题 kicker, 主题 title, 副题 subtitle, 电头 dateline, body.

    Reads each FILE (or stdin) and prints its articles, or writes them to files with -o DIR.
    """
    job = SplitJob(
        format=format,
        output_dir=output_dir,
        force=force,
        encoding=encoding,
        errors=errors,
        layout=layout,
        explain=explain,
        pages=pages,
    )
    return commands.run(job, files, jobs=jobs)


@_command(
    epilog=_example(
        "bulletin summarize page.txt",
        "bulletin summarize --chars 120 --keywords 5 --format jsonl pages/*.txt",
        "bulletin summarize --whole --chars 60 - < article.txt",
    )
)
def summarize(
    files: Files = None,
    output: Output = None,
    sentences: Annotated[
        int | None,
        typer.Option(min=1, metavar="N", help="At most N sentences (default 3, or no limit with --chars)."),
    ] = SummarizeJob.sentences,
    chars: Annotated[
        int | None,
        typer.Option(
            min=1,
            metavar="N",
            help="At most N characters (white space not counted), never more: whole sentences; when "
            "the best does not fit, the best run of its clauses, cut after a clause and ended with …….",
        ),
    ] = SummarizeJob.chars,
    whole: Annotated[
        bool, typer.Option("--whole", help="Summarize each input as one text, not article by article.")
    ] = SummarizeJob.whole,
    keywords: Annotated[
        int, typer.Option(min=0, metavar="K", help="Also give each article's K keywords (TF-IDF).")
    ] = SummarizeJob.keywords,
    method: Annotated[
        Method,
        typer.Option(
            help="news (lead, headline words, TextRank, fewer quotations and background: the default), "
            "lead (the first sentences that fit: the baseline) or textrank (centrality alone).",
        ),
    ] = SummarizeJob.method,
    format: Annotated[
        Format,
        typer.Option(
            "-f",
            "--format",
            help="txt (title, summary; with --whole the summary alone), json (a document per FILE), "
            "jsonl, md.",
        ),
    ] = SummarizeJob.format,
    encoding: Encoding = SummarizeJob.encoding,
    errors: InputErrors = SummarizeJob.errors,
    jobs: Jobs = None,
    pages: Pages = SummarizeJob.pages,
) -> int:
    """Summarize each article in its own sentences, in their order, and list its keywords.

    Reads each FILE (or stdin), splits it into articles as `bulletin split` does (or takes it whole
    with --whole) and prints each article's title and summary.
    """
    job = SummarizeJob(
        sentences=sentences,
        chars=chars,
        whole=whole,
        keywords=keywords,
        method=method,
        format=format,
        encoding=encoding,
        errors=errors,
        pages=pages,
    )
    return commands.run(job, files, output=output, jobs=jobs)


@_command(
    epilog=_example(
        "bulletin count page.txt",
        "bulletin count --by article --format tsv pages/*.txt > counts.tsv",
        "bulletin count --top 20 --user-dict places.txt pages/*.txt",
    )
)
def count(
    files: Files = None,
    output: Output = None,
    by: Annotated[
        count_command.By,
        typer.Option(help="Count each file, or each article (and the page's notes) of each file."),
    ] = CountJob.by,
    words: Annotated[
        bool, typer.Option("--words", help="Also count jieba's words (loads jieba).")
    ] = CountJob.words,
    top: Annotated[
        int | None,
        typer.Option(
            metavar="N", min=1, help="List the N most frequent words instead of the figures (JSON: both)."
        ),
    ] = CountJob.top,
    stopwords: Annotated[
        str | None,
        typer.Option(metavar="FILE", help="With --top, leave out these words (one a line) instead of ours."),
    ] = CountJob.stopwords,
    user_dict: Annotated[
        str | None,
        typer.Option(metavar="FILE", help="jieba user dictionary ('word [freq] [tag]' a line) for words."),
    ] = CountJob.user_dict,
    rate: Annotated[
        int, typer.Option(metavar="N", min=1, help="Reading speed for reading_minutes, 字 per minute.")
    ] = CountJob.rate,
    format: Annotated[
        CountFormat | None,
        typer.Option(
            "-f",
            "--format",
            help="tsv, csv or json (one document). Default: a table on a terminal, else wc-like lines.",
        ),
    ] = CountJob.format,
    encoding: Encoding = CountJob.encoding,
    errors: InputErrors = CountJob.errors,
    jobs: Jobs = None,
    pages: Pages = CountJob.pages,
) -> int:
    """Count 字 as Word does, Han characters, punctuation, sentences, paragraphs and words.

    Reads each FILE (or stdin) and counts its cleaned text, or the articles split from it.
    """
    job = CountJob(
        by=by,
        words=words,
        top=top,
        stopwords=stopwords,
        user_dict=user_dict,
        rate=rate,
        format=format,
        encoding=encoding,
        errors=errors,
        pages=pages,
    )
    return commands.run(job, files, output=output, jobs=jobs)


def _complete_config(incomplete: str) -> list[str]:
    """``convert --to <TAB>``: the configurations and aliases that start with what was typed."""
    from bulletin.convert import ALIASES, CONFIGS

    return [name for name in [*CONFIGS, *ALIASES] if name.startswith(incomplete.lower())]


@_command(
    epilog=_example(
        "bulletin convert --to tw page.txt > page.tw.txt",
        "bulletin split --format jsonl page.txt | bulletin convert --to hk",
        "bulletin convert --to t2s --keep 乾安县 --dict names.tsv --explain page.txt",
    )
)
def convert(
    files: Files = None,
    output: Output = None,
    in_place: InPlace = ConvertJob.in_place,
    to: Annotated[
        str | None,
        typer.Option(
            "-t",
            "--to",
            metavar="CONFIG",
            autocompletion=_complete_config,
            help="OpenCC configuration (s2t, t2s, s2tw, tw2s, s2twp, tw2sp, s2hk, hk2s, s2hkp, hk2sp, t2tw, "
            "t2hk, tw2t, hk2t, t2jp, jp2t) or alias: traditional (s2t), simplified (t2s), taiwan/tw "
            "(s2tw), hongkong/hk (s2hk). The aliases convert characters; s2twp and s2hkp also swap "
            "words (for software copy: 项目 -> 專案).",
            show_default=False,
        ),
    ] = ConvertJob.to,
    format: Annotated[
        ConvertFormat,
        typer.Option(
            "-f",
            "--format",
            help="Input: auto (JSON or JSON lines as bulletin split prints them, else text), txt, json, "
            "jsonl. JSON has its text values converted, not keys, source or encoding.",
        ),
    ] = ConvertJob.format,
    dict_files: Annotated[
        list[str] | None,
        typer.Option(
            "--dict",
            metavar="FILE",
            help="Your phrase table, source<TAB>target a line (UTF-8), used before OpenCC. Repeatable.",
            show_default=False,
        ),
    ] = None,
    keep: Annotated[
        list[str] | None,
        typer.Option("--keep", metavar="WORD", help="Leave WORD as it is. Repeatable.", show_default=False),
    ] = None,
    keep_files: Annotated[
        list[str] | None,
        typer.Option(
            "--keep-file",
            metavar="FILE",
            help="Leave the words in FILE (one a line) as they are.",
            show_default=False,
        ),
    ] = None,
    encoding: Encoding = ConvertJob.encoding,
    output_encoding: OutputEncoding = ConvertJob.output_encoding,
    errors: OutputErrors = ConvertJob.errors,
    explain: Annotated[
        bool,
        typer.Option(
            "--explain", help="On stderr, list what was converted into what, how often and by whom."
        ),
    ] = ConvertJob.explain,
    jobs: Jobs = None,
    pages: Pages = ConvertJob.pages,
) -> int:
    """Convert between Simplified and Traditional Chinese (OpenCC), phrase by phrase.

    Reads each FILE (or stdin) and writes it converted to stdout, line for line.
    """
    job = ConvertJob(
        to=to,
        in_place=in_place,
        format=format,
        dict_files=tuple(dict_files or ()),
        keep=tuple(keep or ()),
        keep_files=tuple(keep_files or ()),
        encoding=encoding,
        output_encoding=output_encoding,
        errors=errors,
        explain=explain,
        pages=pages,
    )
    return commands.run(job, files, output=output, jobs=jobs)


def make_app(only: str | None = None) -> typer.Typer:
    """The typer app: every command, or the command named ``only`` alone."""
    made = typer.Typer(
        name=PROG,
        cls=_BulletinGroup,
        epilog=_example("bulletin clean page.txt > page.clean.txt"),
        invoke_without_command=True,
        rich_markup_mode=None,
        pretty_exceptions_enable=False,
        context_settings={"help_option_names": ["-h", "--help"]},
    )
    made.callback()(_root)
    for name, (func, settings) in COMMANDS.items():
        if only in (None, name):
            made.command(**settings)(func)
    return made


app = make_app()


def main(argv: list[str] | None = None) -> int:
    """Run ``bulletin`` with ``argv`` (default: ``sys.argv[1:]``) and return its exit status.

    A run that names a command gets an app of that command alone: typer makes a command's
    options from its function's signature when the app runs, and a run needs one command's, not
    five (``--help``, ``--version``, a misspelt command and shell completion get them all)."""
    args = sys.argv[1:] if argv is None else list(argv)
    completing = f"_{PROG.upper()}_COMPLETE" in os.environ
    only = args[0] if args and args[0] in COMMANDS and not completing else None
    return typer.main.get_command(make_app(only)).main(args=args, prog_name=PROG, standalone_mode=False)
