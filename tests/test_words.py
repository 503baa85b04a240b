"""jieba through bulletin.words: quiet, cached in the user's folder, punctuation left out."""

import os
import stat
import subprocess
import sys


def test_cut_is_quiet_and_caches_in_xdg(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    code = "from bulletin.words import cut; print(' '.join(cut('全县10个乡镇，今天开展活动。')))"
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stderr == ""
    words = done.stdout.split()
    assert "，" not in words and "。" not in words
    assert "".join(words) == "全县10个乡镇今天开展活动"
    folder = tmp_path / "bulletin"
    assert (folder / "jieba.cache").is_file()
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_user_dict(tmp_path):
    from bulletin.words import cut

    text = "县融媒体中心发布消息"
    assert "县融媒体中心" not in cut(text)
    user = tmp_path / "user.txt"
    user.write_text("县融媒体中心 100 nt\n", encoding="utf-8")
    assert cut(text, str(user))[0] == "县融媒体中心"
