"""The quality gate: clean's scores on the shared page corpus stay above the floors in
bench/floors.json. Runs only where ../shared/corpus exists (CI, developers), in-process."""

import importlib.util
import json
from pathlib import Path

import pytest

import bulletin

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT.parent / "shared" / "corpus"
FLOORS = json.loads((ROOT / "bench" / "floors.json").read_text(encoding="utf-8"))

pytestmark = pytest.mark.skipif(not (CORPUS / "score.py").exists(), reason="no ../shared/corpus here")


def scorer():
    spec = importlib.util.spec_from_file_location("corpus_score", CORPUS / "score.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def below_floors(kind: str, score_page, pages: str = "dev") -> dict[str, tuple[float, float]]:
    """Score every page of ``pages`` with ``score_page(scorer, gold, page path, decoded)`` and return
    the figures of ``kind`` ("clean", "split" or "real-dev split") that fall below their floors."""
    score = scorer()
    rows = []
    for gold_path in sorted((CORPUS / pages).glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        page = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        decoded = bulletin.decode(page.read_bytes(), source=str(page))
        rows.append(score_page(score, gold, page, decoded))
    summary = score.summarize(rows, kind == "clean")
    return {k: (summary[k], floor) for k, floor in FLOORS[kind].items() if summary[k] < floor}


def test_clean_scores_stay_above_the_floors():
    low = below_floors(
        "clean", lambda score, gold, page, decoded: score.score_clean_case(gold, bulletin.clean(decoded.text))
    )
    assert not low, f"below the floors (score, floor): {low}"


def _split_page(score, gold, page, decoded):
    doc = bulletin.split(decoded.text, source=str(page), encoding=decoded.encoding).to_dict()
    return score.score_split_case(gold, json.dumps(doc, ensure_ascii=False))


@pytest.mark.parametrize("kind, pages", [("split", "dev"), ("real-dev split", "real-dev")])
def test_split_scores_stay_above_the_floors(kind, pages):
    low = below_floors(kind, _split_page, pages)
    assert not low, f"below the floors (score, floor): {low}"


def test_split_of_the_dev_pdfs_stays_above_the_floors():
    """Each dev page that has its PDF (score.py --pdf: not the Big5 pages, whose gold is converted
    text), read from the PDF and split page by page."""
    from bulletin import document

    score = scorer()
    rows = []
    for gold_path in sorted((CORPUS / "dev").glob("*.gold.json")):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        pdf = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".pdf")
        if not pdf.exists() or gold.get("encoding") == "big5":
            continue
        doc = document.split(document.read(pdf.read_bytes(), source=str(pdf)), source=str(pdf))
        rows.append(score.score_split_case(gold, json.dumps(doc.to_dict(), ensure_ascii=False)))
    summary = score.summarize(rows, False)
    low = {k: (summary[k], f) for k, f in FLOORS["dev pdf split"].items() if summary[k] < f}
    assert len(rows) == 25
    assert not low, f"below the floors (score, floor): {low}"
