"""jieba through bulletin.words: quiet, cached in the user's folder, punctuation left out, and the
paged prefix dictionary giving exactly jieba's own tokens."""

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bulletin
from bulletin import cachedir, prefixdict, words
from bulletin.prefixdict import PagedTokenizer, PrefixIndex, build, load_index

SAMPLES = sorted((Path(__file__).resolve().parent.parent / "samples").glob("*.txt"))


def test_cut_is_quiet_caches_in_xdg_and_leaves_tmp_alone(tmp_path):
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "TMPDIR": str(tmp)}
    code = (
        "import sys; from bulletin.words import cut; print(' '.join(cut('全县10个乡镇，今天开展活动。')));"
        "assert 'pkg_resources' not in sys.modules"
    )
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stderr == ""
    assert done.stdout.split() == ["全县", "10", "个", "乡镇", "今天", "开展", "活动"]
    folder = cache / "bulletin"
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert [p.name for p in folder.iterdir()] == [prefixdict.cache_name()]
    assert stat.S_IMODE((folder / prefixdict.cache_name()).stat().st_mode) == 0o600
    assert list(tmp.iterdir()) == []  # nothing in the shared temporary folder (jieba's /tmp/jieba.cache)


def test_a_cache_folder_others_can_write_is_not_used(tmp_path):
    shared = tmp_path / "bulletin"
    shared.mkdir()
    shared.chmod(0o777)  # as another user might have made it, were XDG_CACHE_HOME in /tmp
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "from bulletin.words import cut; print(' '.join(cut('全县10个乡镇')))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout.split() == ["全县", "10", "个", "乡镇"] and done.stderr == ""
    assert list(shared.iterdir()) == []  # built in memory instead
    assert not cachedir.is_private(str(shared))
    mine = tmp_path / "mine"
    mine.mkdir(mode=0o700)
    assert cachedir.is_private(str(mine))


def test_user_dict(tmp_path):
    text = "县融媒体中心发布消息"
    assert "县融媒体中心" not in words.cut(text)
    user = tmp_path / "user.txt"
    user.write_text("县融媒体中心 100 nt\n", encoding="utf-8")
    assert words.cut(text, str(user))[0] == "县融媒体中心"


def test_a_missing_user_dict_is_one_error(tmp_path):
    with pytest.raises(bulletin.BulletinError, match=r"nowhere\.txt: No such file"):
        words.tokenizer(str(tmp_path / "nowhere.txt"))


# the paged dictionary gives jieba's tokens


@pytest.fixture(scope="module")
def jieba_freq():
    """jieba's own prefix dictionary, as its Tokenizer.initialize builds it (no cache file anywhere)."""
    with open(prefixdict.dictionary_path(), "rb") as f:
        return prefixdict.jieba.Tokenizer.gen_pfdict(f)


def plain_jieba(jieba_freq):
    freq, total = jieba_freq
    tk = prefixdict.jieba.Tokenizer()
    tk.FREQ, tk.total, tk.initialized = dict(freq), total, True
    return tk


def paged():
    return PagedTokenizer(words._index())


def sample_texts() -> list[str]:
    texts = [bulletin.decode(path.read_bytes()).text for path in SAMPLES]
    return texts + [bulletin.clean(text) for text in texts]


def test_same_tokens_as_jieba_on_the_samples(jieba_freq):
    plain, ours = plain_jieba(jieba_freq), paged()
    for text in sample_texts():
        assert ours.lcut(text) == plain.lcut(text)
        assert ours.lcut(text, HMM=False) == plain.lcut(text, HMM=False)
        assert ours.lcut(text, cut_all=True) == plain.lcut(text, cut_all=True)
        assert ours.lcut_for_search(text) == plain.lcut_for_search(text)
    assert len(ours.FREQ) < len(plain.FREQ) / 10  # and it read a fraction of the dictionary


def test_same_tokens_with_a_user_dictionary(jieba_freq, tmp_path):
    user = tmp_path / "user.txt"
    user.write_text("县融媒体中心 100 nt\n汾源县\n春风行 3\n东阳镇 0\n", encoding="utf-8")
    plain, ours = plain_jieba(jieba_freq), paged()
    plain.load_userdict(str(user))
    ours.load_userdict(str(user))
    assert ours.total == plain.total
    text = "县融媒体中心讯 汾源县春风行动在东阳镇开展。" + sample_texts()[0]
    assert ours.lcut(text) == plain.lcut(text)
    assert ours.lcut(text)[:3] == ["县融媒体中心", "讯", " "]
    assert ours.suggest_freq(("春风", "行动")) == plain.suggest_freq(("春风", "行动"))


ALPHABET = (
    "".join(sorted(set(bulletin.clean(SAMPLES[0].read_text(encoding="utf-8"))))) + "的了是不县乡镇村 \nab9"
)


@pytest.fixture(scope="module")
def plain(jieba_freq):
    """One plain jieba tokenizer for the examples below (building one is the slow part); never changed."""
    return plain_jieba(jieba_freq)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=ALPHABET, max_size=40))
def test_same_tokens_on_any_text(plain, text):
    ours = paged()  # a new one each time: every text pages in from nothing
    assert ours.lcut(text) == plain.lcut(text)
    assert ours.lcut(text, HMM=False) == plain.lcut(text, HMM=False)


# the cache file: jieba's entries, one file, rebuilt when stale or damaged

TINY = "县 30 n\n县长 20 n\n县融媒体中心 5 nt\n融媒体 4 n\n中心 50 n\n长 10 a\n"


@pytest.fixture
def tiny(tmp_path) -> str:
    path = tmp_path / "dict.txt"
    path.write_text(TINY, encoding="utf-8")
    return str(path)


def test_the_index_holds_every_entry_of_gen_pfdict(tiny):
    with open(tiny, "rb") as f:
        freq, total = prefixdict.jieba.Tokenizer.gen_pfdict(f)
    index = PrefixIndex(build(tiny))
    assert index.total == total == 119
    paged_in = {ch: index.char(ch) for ch in {w[0] for w in freq}}
    for pair in {w[:2] for w in freq if len(w) > 1}:
        paged_in.update(index.pair(pair))
    assert paged_in == freq
    assert paged_in["县融媒"] == 0 and paged_in["县融媒体中心"] == 5  # prefixes are there, as 0
    assert index.char("乡") is None and index.pair("乡镇") == {} and index.pair("县乡") == {}


def test_load_writes_the_cache_once(tiny, tmp_path, monkeypatch):
    folder = tmp_path / "cache"
    folder.mkdir(mode=0o700)
    first = load_index(str(folder), tiny)
    cached = folder / prefixdict.cache_name()
    assert cached.read_bytes() == build(tiny)
    assert stat.S_IMODE(cached.stat().st_mode) == 0o600
    monkeypatch.setattr(prefixdict, "build", lambda path: pytest.fail("rebuilt a current cache"))
    again = load_index(str(folder), tiny)
    assert again.total == first.total and again.pair("县长") == {"县长": 20}


@pytest.mark.parametrize("damage", [b"", b"garbage", "truncate"])
def test_a_damaged_cache_is_rebuilt(tiny, tmp_path, damage):
    cached = tmp_path / prefixdict.cache_name()
    good = build(tiny)
    cached.write_bytes(good[: len(good) // 2] if damage == "truncate" else damage)
    index = load_index(str(tmp_path), tiny)
    assert index.pair("县融") == {"县融": 0, "县融媒": 0, "县融媒体": 0, "县融媒体中": 0, "县融媒体中心": 5}
    assert cached.read_bytes() == good


def test_a_changed_dictionary_rebuilds_the_cache(tiny, tmp_path):
    load_index(str(tmp_path), tiny)
    Path(tiny).write_text(TINY + "乡镇 7 n\n", encoding="utf-8")
    os.utime(tiny, ns=(1, 1))  # whatever the clock: a different file
    assert load_index(str(tmp_path), tiny).pair("乡镇") == {"乡镇": 7}


def test_no_writable_folder_builds_in_memory(tiny, tmp_path):
    folder = tmp_path / "read-only"
    folder.mkdir(mode=0o500)
    if os.access(folder, os.W_OK):  # root writes anyway
        pytest.skip("running as a user who can write a read-only folder")
    assert load_index(str(folder), tiny).pair("中心") == {"中心": 50}
    assert list(folder.iterdir()) == []
    assert load_index(None, tiny).total == 119


# the optional accelerator (rjieba, the `fast` extra) gives jieba's tokens, token for token

RANDOM_ALPHABET = (
    ALPHABET
    + "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说"
    + "产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当"
    + "使点从业本去把性好应开它合还因由其些然ABCxyz.,:;-_'\"!?()[]<>/@#%& \t，。、；：？！“”‘’（）《》"
    + "【】…—·　ａ１😀ㄅア한"
)  # jieba_fast, tried as an accelerator, cut -_ in two on such text


def fast_cut():
    cut = words.accelerator()
    if cut is None:
        pytest.skip(f"the accelerator ({words.ACCELERATOR}) is not installed")
    return cut


def test_the_accelerator_gives_jiebas_tokens_on_the_samples(plain):
    cut = fast_cut()
    for text in sample_texts():
        assert cut(text) == plain.lcut(text)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=RANDOM_ALPHABET, max_size=120))
def test_the_accelerator_gives_jiebas_tokens_on_any_text(plain, text):
    assert fast_cut()(text) == plain.lcut(text)


def test_the_accelerator_cuts_long_texts_only_and_never_with_a_user_dict(tmp_path):
    fast = fast_cut()
    assert words.cutter(None, words.ACCELERATE_FROM) is fast
    assert words.cutter(None, words.ACCELERATE_FROM - 1) != fast  # a page: our paged dictionary
    user = tmp_path / "user.txt"
    user.write_text("县融媒体中心 100 nt\n", encoding="utf-8")
    assert words.cutter(str(user), 10 * words.ACCELERATE_FROM) != fast
    long = "县融媒体中心发布消息，全县10个乡镇今天开展活动。\n" * (words.ACCELERATE_FROM // 20)
    assert words.cut(long) == words.words_of(words.tokenizer().lcut(long))
    assert words.cut(long, str(user))[0] == "县融媒体中心"


def test_without_the_accelerator_words_are_jiebas(monkeypatch):
    monkeypatch.setattr(words, "accelerator", lambda: None)
    long = "全县10个乡镇，今天开展活动。\n" * words.ACCELERATE_FROM
    assert words.cutter(None, len(long)) == words.tokenizer(None).lcut
    assert words.cut(long)[:7] == ["全县", "10", "个", "乡镇", "今天", "开展", "活动"]
