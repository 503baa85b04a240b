"""Character tables for the normalize rules: data only, each table with its reason and source.

``normalize.py`` imports these and builds its regexes and ``str.translate`` tables once, at import.
What a character is (Han, Chinese punctuation, a sentence's end, its width) is ``chars``'s; these
are the maps the rules apply.
"""

from __future__ import annotations

import unicodedata

# --- invisible ------------------------------------------------------------------------------------

INVISIBLE = (
    "\u200b-\u200d"  # zero width space, non-joiner, joiner
    "\u2060-\u2064"  # word joiner and the invisible math operators
    "\ufeff"  # byte order mark / zero width no-break space, anywhere
    "\u00ad"  # soft hyphen: PDF hyphenation left in the text stream
    "\u200e\u200f\u202a-\u202e\u2066-\u2069"  # bidi marks, embeddings, overrides, isolates
    "\u180e"  # Mongolian vowel separator (once a space, now invisible)
    "\x00-\x08\x0e-\x1f\x7f"  # C0 controls and DEL; \t \n kept, \v \f \r left to `newlines`
    "\x80-\x9f"  # C1 controls: bytes of a wrong decoding, never text
)
"""Deleted by ``invisible``: they have no glyph and split words for search and counting."""

SPACE_LIKE = (
    "\u00a0"  # no-break space
    "\u2000-\u200a"  # en quad ... hair space (typesetting widths)
    "\u202f\u205f"  # narrow no-break space, medium mathematical space
)
"""Turned into a plain space by ``invisible``. U+3000 (ideographic space) is indentation: left alone."""

# --- newlines -------------------------------------------------------------------------------------

LINE_BREAKS = "\f\v\u2028\u2029"
"""Become LF, as CRLF and CR do: form feed is pdftotext's page break; U+2028/9 come from Word copy."""

# --- fullwidth ------------------------------------------------------------------------------------

FULLWIDTH_ALNUM: dict[int, int] = {
    cp: cp - 0xFEE0
    for block in ((0xFF10, 0xFF19), (0xFF21, 0xFF3A), (0xFF41, 0xFF5A))
    for cp in range(block[0], block[1] + 1)
}
"""０-９ Ａ-Ｚ ａ-ｚ -> ASCII (GB/T 15834: digits and Latin letters are half-width). Full-width
punctuation is the Chinese norm and U+3000 is indentation: neither is in this table."""

FULLWIDTH_NUMBER_MARKS = "\uff0e\uff0c\uff1a\uff0d\uff0f\uff05\uff20\uff3f\uff03\uff06\uff0b\uff1d"
"""．，：－／％＠＿＃＆＋＝: part of a number, time, phone number or URL when they sit between
ASCII letters or digits (１２．５, １０：３０, ０３５９－１２３, ｈｔｔｐ：／／ａ．ｃｏｍ), or ％ after
a digit; ``fullwidth`` narrows them there (，only as a thousands separator, １，１００) and nowhere
else."""

# --- punct (GB/T 15834) ---------------------------------------------------------------------------

HALF_TO_FULL_PUNCT = {
    ",": "\uff0c",  # ，
    ".": "\u3002",  # 。 (the sentence full stop, not ．)
    ":": "\uff1a",  # ：
    ";": "\uff1b",  # ；
    "?": "\uff1f",  # ？
    "!": "\uff01",  # ！
    "(": "\uff08",  # （
    ")": "\uff09",  # ）
}
"""Half-width marks typed (or OCR'd) inside Chinese text and their GB/T 15834 forms."""

SENTENCE_CLOSERS = "\u201d\u2019\u300b\u300d\u300f\u3011\u3015\u3009\uff09"
"""”’》」』】〕〉）: after these, as after a Han character, a half-width . ends a Chinese sentence."""

CHINESE_NUMERALS = "\u3007\u96f6\u4e00\u4e8c\u4e09\u56db\u4e94\u516d\u4e03\u516b\u4e5d\u5341\u767e"
"""〇零一二三四五六七八九十百: ``一.`` at a line start numbers an item (一、), it does not end a sentence."""

# --- ellipsis -------------------------------------------------------------------------------------

ELLIPSIS = "\u2026\u2026"  # …… (GB/T 15834: two ellipsis characters, centred)
DASH = "\u2014\u2014"  # —— (GB/T 15834: the dash takes two em dashes)

# --- quotes ---------------------------------------------------------------------------------------

QUOTE_STYLES = {
    "double": {"curly": ("\u201c", "\u201d"), "corner": ("\u300c", "\u300d")},  # “” 「」
    "single": {"curly": ("\u2018", "\u2019"), "corner": ("\u300e", "\u300f")},  # ‘’ 『』
}
"""The (opening, closing) marks of each quote kind per ``--quotes`` style: “”‘’ are the mainland style
(GB/T 15834), 「」『』 the corner brackets of Taiwan/Hong Kong style."""

# --- spacing (GB/T 15835 newspaper practice) -------------------------------------------------------

NUMBER_UNITS = "%\u2030\u2031\u2103\u2109\u00b0"
"""% ‰ ‱ ℃ ℉ ° (°C): unit signs set close to the number before them, so spaced like digits
(``20 % 的`` -> ``20%的``; ``20 ℃`` -> ``20℃``). Full-width ％ is Chinese punctuation to spacing."""

# --- lookalikes -----------------------------------------------------------------------------------

# Kangxi Radicals, CJK Radicals Supplement and CJK Strokes -> the unified ideograph each looks like.
# PDF fonts map Chinese glyphs to these code points, so ⻓ (U+2ED3) stands where 长 was meant.
# Generated once from the Unicode Character Database, EquivalentUnifiedIdeograph-14.0.0.txt
# (unchanged in substance since; tests compare it with /work/shared/reference when present, and
# the Kangxi block with NFKC always). Radicals the UCD gives no equivalent for (U+2E80) are absent.
RADICAL_LOOKALIKES: dict[int, str] = {
    0x2E81: "\u5382",  # ⺁ -> 厂  CJK RADICAL CLIFF
    0x2E82: "\u4e5b",  # ⺂ -> 乛  CJK RADICAL SECOND ONE
    0x2E83: "\u4e5a",  # ⺃ -> 乚  CJK RADICAL SECOND TWO
    0x2E84: "\u4e59",  # ⺄ -> 乙  CJK RADICAL SECOND THREE
    0x2E85: "\u4ebb",  # ⺅ -> 亻  CJK RADICAL PERSON
    0x2E86: "\u5182",  # ⺆ -> 冂  CJK RADICAL BOX
    0x2E87: "\U00020628",  # ⺇ -> 𠘨  CJK RADICAL TABLE
    0x2E88: "\u5200",  # ⺈ -> 刀  CJK RADICAL KNIFE ONE
    0x2E89: "\u5202",  # ⺉ -> 刂  CJK RADICAL KNIFE TWO
    0x2E8A: "\u535c",  # ⺊ -> 卜  CJK RADICAL DIVINATION
    0x2E8B: "\u353e",  # ⺋ -> 㔾  CJK RADICAL SEAL
    0x2E8C: "\u5c0f",  # ⺌ -> 小  CJK RADICAL SMALL ONE
    0x2E8D: "\u5c0f",  # ⺍ -> 小  CJK RADICAL SMALL TWO
    0x2E8E: "\u5140",  # ⺎ -> 兀  CJK RADICAL LAME ONE
    0x2E8F: "\u5c23",  # ⺏ -> 尣  CJK RADICAL LAME TWO
    0x2E90: "\u5c22",  # ⺐ -> 尢  CJK RADICAL LAME THREE
    0x2E91: "\U00021bc2",  # ⺑ -> 𡯂  CJK RADICAL LAME FOUR
    0x2E92: "\u5df3",  # ⺒ -> 巳  CJK RADICAL SNAKE
    0x2E93: "\u5e7a",  # ⺓ -> 幺  CJK RADICAL THREAD
    0x2E94: "\u5f51",  # ⺔ -> 彑  CJK RADICAL SNOUT ONE
    0x2E95: "\u5f50",  # ⺕ -> 彐  CJK RADICAL SNOUT TWO
    0x2E96: "\u5fc4",  # ⺖ -> 忄  CJK RADICAL HEART ONE
    0x2E97: "\u5fc3",  # ⺗ -> 心  CJK RADICAL HEART TWO
    0x2E98: "\u624c",  # ⺘ -> 扌  CJK RADICAL HAND
    0x2E99: "\u6535",  # ⺙ -> 攵  CJK RADICAL RAP
    0x2E9B: "\u65e1",  # ⺛ -> 旡  CJK RADICAL CHOKE
    0x2E9C: "\u65e5",  # ⺜ -> 日  CJK RADICAL SUN
    0x2E9D: "\u6708",  # ⺝ -> 月  CJK RADICAL MOON
    0x2E9E: "\u6b7a",  # ⺞ -> 歺  CJK RADICAL DEATH
    0x2E9F: "\u6bcd",  # ⺟ -> 母  CJK RADICAL MOTHER
    0x2EA0: "\u6c11",  # ⺠ -> 民  CJK RADICAL CIVILIAN
    0x2EA1: "\u6c35",  # ⺡ -> 氵  CJK RADICAL WATER ONE
    0x2EA2: "\u6c3a",  # ⺢ -> 氺  CJK RADICAL WATER TWO
    0x2EA3: "\u706c",  # ⺣ -> 灬  CJK RADICAL FIRE
    0x2EA4: "\u722b",  # ⺤ -> 爫  CJK RADICAL PAW ONE
    0x2EA5: "\u722b",  # ⺥ -> 爫  CJK RADICAL PAW TWO
    0x2EA6: "\u4e2c",  # ⺦ -> 丬  CJK RADICAL SIMPLIFIED HALF TREE TRUNK
    0x2EA7: "\u725b",  # ⺧ -> 牛  CJK RADICAL COW
    0x2EA8: "\u72ad",  # ⺨ -> 犭  CJK RADICAL DOG
    0x2EA9: "\u738b",  # ⺩ -> 王  CJK RADICAL JADE
    0x2EAA: "\U00024d14",  # ⺪ -> 𤴔  CJK RADICAL BOLT OF CLOTH
    0x2EAB: "\u76ee",  # ⺫ -> 目  CJK RADICAL EYE
    0x2EAC: "\u793a",  # ⺬ -> 示  CJK RADICAL SPIRIT ONE
    0x2EAD: "\u793b",  # ⺭ -> 礻  CJK RADICAL SPIRIT TWO
    0x2EAE: "\U00025ad7",  # ⺮ -> 𥫗  CJK RADICAL BAMBOO
    0x2EAF: "\u7cf9",  # ⺯ -> 糹  CJK RADICAL SILK
    0x2EB0: "\u7e9f",  # ⺰ -> 纟  CJK RADICAL C-SIMPLIFIED SILK
    0x2EB1: "\u7f53",  # ⺱ -> 罓  CJK RADICAL NET ONE
    0x2EB2: "\u7f52",  # ⺲ -> 罒  CJK RADICAL NET TWO
    0x2EB3: "\u34c1",  # ⺳ -> 㓁  CJK RADICAL NET THREE
    0x2EB4: "\u5197",  # ⺴ -> 冗  CJK RADICAL NET FOUR
    0x2EB5: "\U0002626b",  # ⺵ -> 𦉫  CJK RADICAL MESH
    0x2EB6: "\u7f8a",  # ⺶ -> 羊  CJK RADICAL SHEEP
    0x2EB7: "\U0002634c",  # ⺷ -> 𦍌  CJK RADICAL RAM
    0x2EB8: "\U0002634b",  # ⺸ -> 𦍋  CJK RADICAL EWE
    0x2EB9: "\u8002",  # ⺹ -> 耂  CJK RADICAL OLD
    0x2EBA: "\u8080",  # ⺺ -> 肀  CJK RADICAL BRUSH ONE
    0x2EBB: "\u807f",  # ⺻ -> 聿  CJK RADICAL BRUSH TWO
    0x2EBC: "\u8089",  # ⺼ -> 肉  CJK RADICAL MEAT
    0x2EBD: "\U00026951",  # ⺽ -> 𦥑  CJK RADICAL MORTAR
    0x2EBE: "\u8279",  # ⺾ -> 艹  CJK RADICAL GRASS ONE
    0x2EBF: "\u8279",  # ⺿ -> 艹  CJK RADICAL GRASS TWO
    0x2EC0: "\u8279",  # ⻀ -> 艹  CJK RADICAL GRASS THREE
    0x2EC1: "\u864e",  # ⻁ -> 虎  CJK RADICAL TIGER
    0x2EC2: "\u8864",  # ⻂ -> 衤  CJK RADICAL CLOTHES
    0x2EC3: "\u8980",  # ⻃ -> 覀  CJK RADICAL WEST ONE
    0x2EC4: "\u897f",  # ⻄ -> 西  CJK RADICAL WEST TWO
    0x2EC5: "\u89c1",  # ⻅ -> 见  CJK RADICAL C-SIMPLIFIED SEE
    0x2EC6: "\u89d2",  # ⻆ -> 角  CJK RADICAL SIMPLIFIED HORN
    0x2EC7: "\U000278b2",  # ⻇ -> 𧢲  CJK RADICAL HORN
    0x2EC8: "\u8ba0",  # ⻈ -> 讠  CJK RADICAL C-SIMPLIFIED SPEECH
    0x2EC9: "\u8d1d",  # ⻉ -> 贝  CJK RADICAL C-SIMPLIFIED SHELL
    0x2ECA: "\U00027fb7",  # ⻊ -> 𧾷  CJK RADICAL FOOT
    0x2ECB: "\u8f66",  # ⻋ -> 车  CJK RADICAL C-SIMPLIFIED CART
    0x2ECC: "\u8fb6",  # ⻌ -> 辶  CJK RADICAL SIMPLIFIED WALK
    0x2ECD: "\u8fb6",  # ⻍ -> 辶  CJK RADICAL WALK ONE
    0x2ECE: "\u8fb6",  # ⻎ -> 辶  CJK RADICAL WALK TWO
    0x2ECF: "\u9091",  # ⻏ -> 邑  CJK RADICAL CITY
    0x2ED0: "\u9485",  # ⻐ -> 钅  CJK RADICAL C-SIMPLIFIED GOLD
    0x2ED1: "\u9577",  # ⻑ -> 長  CJK RADICAL LONG ONE
    0x2ED2: "\u9578",  # ⻒ -> 镸  CJK RADICAL LONG TWO
    0x2ED3: "\u957f",  # ⻓ -> 长  CJK RADICAL C-SIMPLIFIED LONG
    0x2ED4: "\u95e8",  # ⻔ -> 门  CJK RADICAL C-SIMPLIFIED GATE
    0x2ED5: "\U00028e0f",  # ⻕ -> 𨸏  CJK RADICAL MOUND ONE
    0x2ED6: "\u961d",  # ⻖ -> 阝  CJK RADICAL MOUND TWO
    0x2ED7: "\u96e8",  # ⻗ -> 雨  CJK RADICAL RAIN
    0x2ED8: "\u9752",  # ⻘ -> 青  CJK RADICAL BLUE
    0x2ED9: "\u97e6",  # ⻙ -> 韦  CJK RADICAL C-SIMPLIFIED TANNED LEATHER
    0x2EDA: "\u9875",  # ⻚ -> 页  CJK RADICAL C-SIMPLIFIED LEAF
    0x2EDB: "\u98ce",  # ⻛ -> 风  CJK RADICAL C-SIMPLIFIED WIND
    0x2EDC: "\u98de",  # ⻜ -> 飞  CJK RADICAL C-SIMPLIFIED FLY
    0x2EDD: "\u98df",  # ⻝ -> 食  CJK RADICAL EAT ONE
    0x2EDE: "\U0002967f",  # ⻞ -> 𩙿  CJK RADICAL EAT TWO
    0x2EDF: "\u98e0",  # ⻟ -> 飠  CJK RADICAL EAT THREE
    0x2EE0: "\u9963",  # ⻠ -> 饣  CJK RADICAL C-SIMPLIFIED EAT
    0x2EE1: "\U00029810",  # ⻡ -> 𩠐  CJK RADICAL HEAD
    0x2EE2: "\u9a6c",  # ⻢ -> 马  CJK RADICAL C-SIMPLIFIED HORSE
    0x2EE3: "\u9aa8",  # ⻣ -> 骨  CJK RADICAL BONE
    0x2EE4: "\u9b3c",  # ⻤ -> 鬼  CJK RADICAL GHOST
    0x2EE5: "\u9c7c",  # ⻥ -> 鱼  CJK RADICAL C-SIMPLIFIED FISH
    0x2EE6: "\u9e1f",  # ⻦ -> 鸟  CJK RADICAL C-SIMPLIFIED BIRD
    0x2EE7: "\u5364",  # ⻧ -> 卤  CJK RADICAL C-SIMPLIFIED SALT
    0x2EE8: "\u9ea6",  # ⻨ -> 麦  CJK RADICAL SIMPLIFIED WHEAT
    0x2EE9: "\u9ec4",  # ⻩ -> 黄  CJK RADICAL SIMPLIFIED YELLOW
    0x2EEA: "\u9efe",  # ⻪ -> 黾  CJK RADICAL C-SIMPLIFIED FROG
    0x2EEB: "\u6589",  # ⻫ -> 斉  CJK RADICAL J-SIMPLIFIED EVEN
    0x2EEC: "\u9f50",  # ⻬ -> 齐  CJK RADICAL C-SIMPLIFIED EVEN
    0x2EED: "\u6b6f",  # ⻭ -> 歯  CJK RADICAL J-SIMPLIFIED TOOTH
    0x2EEE: "\u9f7f",  # ⻮ -> 齿  CJK RADICAL C-SIMPLIFIED TOOTH
    0x2EEF: "\u7adc",  # ⻯ -> 竜  CJK RADICAL J-SIMPLIFIED DRAGON
    0x2EF0: "\u9f99",  # ⻰ -> 龙  CJK RADICAL C-SIMPLIFIED DRAGON
    0x2EF1: "\u9f9c",  # ⻱ -> 龜  CJK RADICAL TURTLE
    0x2EF2: "\u4e80",  # ⻲ -> 亀  CJK RADICAL J-SIMPLIFIED TURTLE
    0x2EF3: "\u9f9f",  # ⻳ -> 龟  CJK RADICAL C-SIMPLIFIED TURTLE
    0x2F00: "\u4e00",  # ⼀ -> 一  KANGXI RADICAL ONE
    0x2F01: "\u4e28",  # ⼁ -> 丨  KANGXI RADICAL LINE
    0x2F02: "\u4e36",  # ⼂ -> 丶  KANGXI RADICAL DOT
    0x2F03: "\u4e3f",  # ⼃ -> 丿  KANGXI RADICAL SLASH
    0x2F04: "\u4e59",  # ⼄ -> 乙  KANGXI RADICAL SECOND
    0x2F05: "\u4e85",  # ⼅ -> 亅  KANGXI RADICAL HOOK
    0x2F06: "\u4e8c",  # ⼆ -> 二  KANGXI RADICAL TWO
    0x2F07: "\u4ea0",  # ⼇ -> 亠  KANGXI RADICAL LID
    0x2F08: "\u4eba",  # ⼈ -> 人  KANGXI RADICAL MAN
    0x2F09: "\u513f",  # ⼉ -> 儿  KANGXI RADICAL LEGS
    0x2F0A: "\u5165",  # ⼊ -> 入  KANGXI RADICAL ENTER
    0x2F0B: "\u516b",  # ⼋ -> 八  KANGXI RADICAL EIGHT
    0x2F0C: "\u5182",  # ⼌ -> 冂  KANGXI RADICAL DOWN BOX
    0x2F0D: "\u5196",  # ⼍ -> 冖  KANGXI RADICAL COVER
    0x2F0E: "\u51ab",  # ⼎ -> 冫  KANGXI RADICAL ICE
    0x2F0F: "\u51e0",  # ⼏ -> 几  KANGXI RADICAL TABLE
    0x2F10: "\u51f5",  # ⼐ -> 凵  KANGXI RADICAL OPEN BOX
    0x2F11: "\u5200",  # ⼑ -> 刀  KANGXI RADICAL KNIFE
    0x2F12: "\u529b",  # ⼒ -> 力  KANGXI RADICAL POWER
    0x2F13: "\u52f9",  # ⼓ -> 勹  KANGXI RADICAL WRAP
    0x2F14: "\u5315",  # ⼔ -> 匕  KANGXI RADICAL SPOON
    0x2F15: "\u531a",  # ⼕ -> 匚  KANGXI RADICAL RIGHT OPEN BOX
    0x2F16: "\u5338",  # ⼖ -> 匸  KANGXI RADICAL HIDING ENCLOSURE
    0x2F17: "\u5341",  # ⼗ -> 十  KANGXI RADICAL TEN
    0x2F18: "\u535c",  # ⼘ -> 卜  KANGXI RADICAL DIVINATION
    0x2F19: "\u5369",  # ⼙ -> 卩  KANGXI RADICAL SEAL
    0x2F1A: "\u5382",  # ⼚ -> 厂  KANGXI RADICAL CLIFF
    0x2F1B: "\u53b6",  # ⼛ -> 厶  KANGXI RADICAL PRIVATE
    0x2F1C: "\u53c8",  # ⼜ -> 又  KANGXI RADICAL AGAIN
    0x2F1D: "\u53e3",  # ⼝ -> 口  KANGXI RADICAL MOUTH
    0x2F1E: "\u56d7",  # ⼞ -> 囗  KANGXI RADICAL ENCLOSURE
    0x2F1F: "\u571f",  # ⼟ -> 土  KANGXI RADICAL EARTH
    0x2F20: "\u58eb",  # ⼠ -> 士  KANGXI RADICAL SCHOLAR
    0x2F21: "\u5902",  # ⼡ -> 夂  KANGXI RADICAL GO
    0x2F22: "\u590a",  # ⼢ -> 夊  KANGXI RADICAL GO SLOWLY
    0x2F23: "\u5915",  # ⼣ -> 夕  KANGXI RADICAL EVENING
    0x2F24: "\u5927",  # ⼤ -> 大  KANGXI RADICAL BIG
    0x2F25: "\u5973",  # ⼥ -> 女  KANGXI RADICAL WOMAN
    0x2F26: "\u5b50",  # ⼦ -> 子  KANGXI RADICAL CHILD
    0x2F27: "\u5b80",  # ⼧ -> 宀  KANGXI RADICAL ROOF
    0x2F28: "\u5bf8",  # ⼨ -> 寸  KANGXI RADICAL INCH
    0x2F29: "\u5c0f",  # ⼩ -> 小  KANGXI RADICAL SMALL
    0x2F2A: "\u5c22",  # ⼪ -> 尢  KANGXI RADICAL LAME
    0x2F2B: "\u5c38",  # ⼫ -> 尸  KANGXI RADICAL CORPSE
    0x2F2C: "\u5c6e",  # ⼬ -> 屮  KANGXI RADICAL SPROUT
    0x2F2D: "\u5c71",  # ⼭ -> 山  KANGXI RADICAL MOUNTAIN
    0x2F2E: "\u5ddb",  # ⼮ -> 巛  KANGXI RADICAL RIVER
    0x2F2F: "\u5de5",  # ⼯ -> 工  KANGXI RADICAL WORK
    0x2F30: "\u5df1",  # ⼰ -> 己  KANGXI RADICAL ONESELF
    0x2F31: "\u5dfe",  # ⼱ -> 巾  KANGXI RADICAL TURBAN
    0x2F32: "\u5e72",  # ⼲ -> 干  KANGXI RADICAL DRY
    0x2F33: "\u5e7a",  # ⼳ -> 幺  KANGXI RADICAL SHORT THREAD
    0x2F34: "\u5e7f",  # ⼴ -> 广  KANGXI RADICAL DOTTED CLIFF
    0x2F35: "\u5ef4",  # ⼵ -> 廴  KANGXI RADICAL LONG STRIDE
    0x2F36: "\u5efe",  # ⼶ -> 廾  KANGXI RADICAL TWO HANDS
    0x2F37: "\u5f0b",  # ⼷ -> 弋  KANGXI RADICAL SHOOT
    0x2F38: "\u5f13",  # ⼸ -> 弓  KANGXI RADICAL BOW
    0x2F39: "\u5f50",  # ⼹ -> 彐  KANGXI RADICAL SNOUT
    0x2F3A: "\u5f61",  # ⼺ -> 彡  KANGXI RADICAL BRISTLE
    0x2F3B: "\u5f73",  # ⼻ -> 彳  KANGXI RADICAL STEP
    0x2F3C: "\u5fc3",  # ⼼ -> 心  KANGXI RADICAL HEART
    0x2F3D: "\u6208",  # ⼽ -> 戈  KANGXI RADICAL HALBERD
    0x2F3E: "\u6236",  # ⼾ -> 戶  KANGXI RADICAL DOOR
    0x2F3F: "\u624b",  # ⼿ -> 手  KANGXI RADICAL HAND
    0x2F40: "\u652f",  # ⽀ -> 支  KANGXI RADICAL BRANCH
    0x2F41: "\u6534",  # ⽁ -> 攴  KANGXI RADICAL RAP
    0x2F42: "\u6587",  # ⽂ -> 文  KANGXI RADICAL SCRIPT
    0x2F43: "\u6597",  # ⽃ -> 斗  KANGXI RADICAL DIPPER
    0x2F44: "\u65a4",  # ⽄ -> 斤  KANGXI RADICAL AXE
    0x2F45: "\u65b9",  # ⽅ -> 方  KANGXI RADICAL SQUARE
    0x2F46: "\u65e0",  # ⽆ -> 无  KANGXI RADICAL NOT
    0x2F47: "\u65e5",  # ⽇ -> 日  KANGXI RADICAL SUN
    0x2F48: "\u66f0",  # ⽈ -> 曰  KANGXI RADICAL SAY
    0x2F49: "\u6708",  # ⽉ -> 月  KANGXI RADICAL MOON
    0x2F4A: "\u6728",  # ⽊ -> 木  KANGXI RADICAL TREE
    0x2F4B: "\u6b20",  # ⽋ -> 欠  KANGXI RADICAL LACK
    0x2F4C: "\u6b62",  # ⽌ -> 止  KANGXI RADICAL STOP
    0x2F4D: "\u6b79",  # ⽍ -> 歹  KANGXI RADICAL DEATH
    0x2F4E: "\u6bb3",  # ⽎ -> 殳  KANGXI RADICAL WEAPON
    0x2F4F: "\u6bcb",  # ⽏ -> 毋  KANGXI RADICAL DO NOT
    0x2F50: "\u6bd4",  # ⽐ -> 比  KANGXI RADICAL COMPARE
    0x2F51: "\u6bdb",  # ⽑ -> 毛  KANGXI RADICAL FUR
    0x2F52: "\u6c0f",  # ⽒ -> 氏  KANGXI RADICAL CLAN
    0x2F53: "\u6c14",  # ⽓ -> 气  KANGXI RADICAL STEAM
    0x2F54: "\u6c34",  # ⽔ -> 水  KANGXI RADICAL WATER
    0x2F55: "\u706b",  # ⽕ -> 火  KANGXI RADICAL FIRE
    0x2F56: "\u722a",  # ⽖ -> 爪  KANGXI RADICAL CLAW
    0x2F57: "\u7236",  # ⽗ -> 父  KANGXI RADICAL FATHER
    0x2F58: "\u723b",  # ⽘ -> 爻  KANGXI RADICAL DOUBLE X
    0x2F59: "\u723f",  # ⽙ -> 爿  KANGXI RADICAL HALF TREE TRUNK
    0x2F5A: "\u7247",  # ⽚ -> 片  KANGXI RADICAL SLICE
    0x2F5B: "\u7259",  # ⽛ -> 牙  KANGXI RADICAL FANG
    0x2F5C: "\u725b",  # ⽜ -> 牛  KANGXI RADICAL COW
    0x2F5D: "\u72ac",  # ⽝ -> 犬  KANGXI RADICAL DOG
    0x2F5E: "\u7384",  # ⽞ -> 玄  KANGXI RADICAL PROFOUND
    0x2F5F: "\u7389",  # ⽟ -> 玉  KANGXI RADICAL JADE
    0x2F60: "\u74dc",  # ⽠ -> 瓜  KANGXI RADICAL MELON
    0x2F61: "\u74e6",  # ⽡ -> 瓦  KANGXI RADICAL TILE
    0x2F62: "\u7518",  # ⽢ -> 甘  KANGXI RADICAL SWEET
    0x2F63: "\u751f",  # ⽣ -> 生  KANGXI RADICAL LIFE
    0x2F64: "\u7528",  # ⽤ -> 用  KANGXI RADICAL USE
    0x2F65: "\u7530",  # ⽥ -> 田  KANGXI RADICAL FIELD
    0x2F66: "\u758b",  # ⽦ -> 疋  KANGXI RADICAL BOLT OF CLOTH
    0x2F67: "\u7592",  # ⽧ -> 疒  KANGXI RADICAL SICKNESS
    0x2F68: "\u7676",  # ⽨ -> 癶  KANGXI RADICAL DOTTED TENT
    0x2F69: "\u767d",  # ⽩ -> 白  KANGXI RADICAL WHITE
    0x2F6A: "\u76ae",  # ⽪ -> 皮  KANGXI RADICAL SKIN
    0x2F6B: "\u76bf",  # ⽫ -> 皿  KANGXI RADICAL DISH
    0x2F6C: "\u76ee",  # ⽬ -> 目  KANGXI RADICAL EYE
    0x2F6D: "\u77db",  # ⽭ -> 矛  KANGXI RADICAL SPEAR
    0x2F6E: "\u77e2",  # ⽮ -> 矢  KANGXI RADICAL ARROW
    0x2F6F: "\u77f3",  # ⽯ -> 石  KANGXI RADICAL STONE
    0x2F70: "\u793a",  # ⽰ -> 示  KANGXI RADICAL SPIRIT
    0x2F71: "\u79b8",  # ⽱ -> 禸  KANGXI RADICAL TRACK
    0x2F72: "\u79be",  # ⽲ -> 禾  KANGXI RADICAL GRAIN
    0x2F73: "\u7a74",  # ⽳ -> 穴  KANGXI RADICAL CAVE
    0x2F74: "\u7acb",  # ⽴ -> 立  KANGXI RADICAL STAND
    0x2F75: "\u7af9",  # ⽵ -> 竹  KANGXI RADICAL BAMBOO
    0x2F76: "\u7c73",  # ⽶ -> 米  KANGXI RADICAL RICE
    0x2F77: "\u7cf8",  # ⽷ -> 糸  KANGXI RADICAL SILK
    0x2F78: "\u7f36",  # ⽸ -> 缶  KANGXI RADICAL JAR
    0x2F79: "\u7f51",  # ⽹ -> 网  KANGXI RADICAL NET
    0x2F7A: "\u7f8a",  # ⽺ -> 羊  KANGXI RADICAL SHEEP
    0x2F7B: "\u7fbd",  # ⽻ -> 羽  KANGXI RADICAL FEATHER
    0x2F7C: "\u8001",  # ⽼ -> 老  KANGXI RADICAL OLD
    0x2F7D: "\u800c",  # ⽽ -> 而  KANGXI RADICAL AND
    0x2F7E: "\u8012",  # ⽾ -> 耒  KANGXI RADICAL PLOW
    0x2F7F: "\u8033",  # ⽿ -> 耳  KANGXI RADICAL EAR
    0x2F80: "\u807f",  # ⾀ -> 聿  KANGXI RADICAL BRUSH
    0x2F81: "\u8089",  # ⾁ -> 肉  KANGXI RADICAL MEAT
    0x2F82: "\u81e3",  # ⾂ -> 臣  KANGXI RADICAL MINISTER
    0x2F83: "\u81ea",  # ⾃ -> 自  KANGXI RADICAL SELF
    0x2F84: "\u81f3",  # ⾄ -> 至  KANGXI RADICAL ARRIVE
    0x2F85: "\u81fc",  # ⾅ -> 臼  KANGXI RADICAL MORTAR
    0x2F86: "\u820c",  # ⾆ -> 舌  KANGXI RADICAL TONGUE
    0x2F87: "\u821b",  # ⾇ -> 舛  KANGXI RADICAL OPPOSE
    0x2F88: "\u821f",  # ⾈ -> 舟  KANGXI RADICAL BOAT
    0x2F89: "\u826e",  # ⾉ -> 艮  KANGXI RADICAL STOPPING
    0x2F8A: "\u8272",  # ⾊ -> 色  KANGXI RADICAL COLOR
    0x2F8B: "\u8278",  # ⾋ -> 艸  KANGXI RADICAL GRASS
    0x2F8C: "\u864d",  # ⾌ -> 虍  KANGXI RADICAL TIGER
    0x2F8D: "\u866b",  # ⾍ -> 虫  KANGXI RADICAL INSECT
    0x2F8E: "\u8840",  # ⾎ -> 血  KANGXI RADICAL BLOOD
    0x2F8F: "\u884c",  # ⾏ -> 行  KANGXI RADICAL WALK ENCLOSURE
    0x2F90: "\u8863",  # ⾐ -> 衣  KANGXI RADICAL CLOTHES
    0x2F91: "\u897e",  # ⾑ -> 襾  KANGXI RADICAL WEST
    0x2F92: "\u898b",  # ⾒ -> 見  KANGXI RADICAL SEE
    0x2F93: "\u89d2",  # ⾓ -> 角  KANGXI RADICAL HORN
    0x2F94: "\u8a00",  # ⾔ -> 言  KANGXI RADICAL SPEECH
    0x2F95: "\u8c37",  # ⾕ -> 谷  KANGXI RADICAL VALLEY
    0x2F96: "\u8c46",  # ⾖ -> 豆  KANGXI RADICAL BEAN
    0x2F97: "\u8c55",  # ⾗ -> 豕  KANGXI RADICAL PIG
    0x2F98: "\u8c78",  # ⾘ -> 豸  KANGXI RADICAL BADGER
    0x2F99: "\u8c9d",  # ⾙ -> 貝  KANGXI RADICAL SHELL
    0x2F9A: "\u8d64",  # ⾚ -> 赤  KANGXI RADICAL RED
    0x2F9B: "\u8d70",  # ⾛ -> 走  KANGXI RADICAL RUN
    0x2F9C: "\u8db3",  # ⾜ -> 足  KANGXI RADICAL FOOT
    0x2F9D: "\u8eab",  # ⾝ -> 身  KANGXI RADICAL BODY
    0x2F9E: "\u8eca",  # ⾞ -> 車  KANGXI RADICAL CART
    0x2F9F: "\u8f9b",  # ⾟ -> 辛  KANGXI RADICAL BITTER
    0x2FA0: "\u8fb0",  # ⾠ -> 辰  KANGXI RADICAL MORNING
    0x2FA1: "\u8fb5",  # ⾡ -> 辵  KANGXI RADICAL WALK
    0x2FA2: "\u9091",  # ⾢ -> 邑  KANGXI RADICAL CITY
    0x2FA3: "\u9149",  # ⾣ -> 酉  KANGXI RADICAL WINE
    0x2FA4: "\u91c6",  # ⾤ -> 釆  KANGXI RADICAL DISTINGUISH
    0x2FA5: "\u91cc",  # ⾥ -> 里  KANGXI RADICAL VILLAGE
    0x2FA6: "\u91d1",  # ⾦ -> 金  KANGXI RADICAL GOLD
    0x2FA7: "\u9577",  # ⾧ -> 長  KANGXI RADICAL LONG
    0x2FA8: "\u9580",  # ⾨ -> 門  KANGXI RADICAL GATE
    0x2FA9: "\u961c",  # ⾩ -> 阜  KANGXI RADICAL MOUND
    0x2FAA: "\u96b6",  # ⾪ -> 隶  KANGXI RADICAL SLAVE
    0x2FAB: "\u96b9",  # ⾫ -> 隹  KANGXI RADICAL SHORT TAILED BIRD
    0x2FAC: "\u96e8",  # ⾬ -> 雨  KANGXI RADICAL RAIN
    0x2FAD: "\u9751",  # ⾭ -> 靑  KANGXI RADICAL BLUE
    0x2FAE: "\u975e",  # ⾮ -> 非  KANGXI RADICAL WRONG
    0x2FAF: "\u9762",  # ⾯ -> 面  KANGXI RADICAL FACE
    0x2FB0: "\u9769",  # ⾰ -> 革  KANGXI RADICAL LEATHER
    0x2FB1: "\u97cb",  # ⾱ -> 韋  KANGXI RADICAL TANNED LEATHER
    0x2FB2: "\u97ed",  # ⾲ -> 韭  KANGXI RADICAL LEEK
    0x2FB3: "\u97f3",  # ⾳ -> 音  KANGXI RADICAL SOUND
    0x2FB4: "\u9801",  # ⾴ -> 頁  KANGXI RADICAL LEAF
    0x2FB5: "\u98a8",  # ⾵ -> 風  KANGXI RADICAL WIND
    0x2FB6: "\u98db",  # ⾶ -> 飛  KANGXI RADICAL FLY
    0x2FB7: "\u98df",  # ⾷ -> 食  KANGXI RADICAL EAT
    0x2FB8: "\u9996",  # ⾸ -> 首  KANGXI RADICAL HEAD
    0x2FB9: "\u9999",  # ⾹ -> 香  KANGXI RADICAL FRAGRANT
    0x2FBA: "\u99ac",  # ⾺ -> 馬  KANGXI RADICAL HORSE
    0x2FBB: "\u9aa8",  # ⾻ -> 骨  KANGXI RADICAL BONE
    0x2FBC: "\u9ad8",  # ⾼ -> 高  KANGXI RADICAL TALL
    0x2FBD: "\u9adf",  # ⾽ -> 髟  KANGXI RADICAL HAIR
    0x2FBE: "\u9b25",  # ⾾ -> 鬥  KANGXI RADICAL FIGHT
    0x2FBF: "\u9b2f",  # ⾿ -> 鬯  KANGXI RADICAL SACRIFICIAL WINE
    0x2FC0: "\u9b32",  # ⿀ -> 鬲  KANGXI RADICAL CAULDRON
    0x2FC1: "\u9b3c",  # ⿁ -> 鬼  KANGXI RADICAL GHOST
    0x2FC2: "\u9b5a",  # ⿂ -> 魚  KANGXI RADICAL FISH
    0x2FC3: "\u9ce5",  # ⿃ -> 鳥  KANGXI RADICAL BIRD
    0x2FC4: "\u9e75",  # ⿄ -> 鹵  KANGXI RADICAL SALT
    0x2FC5: "\u9e7f",  # ⿅ -> 鹿  KANGXI RADICAL DEER
    0x2FC6: "\u9ea5",  # ⿆ -> 麥  KANGXI RADICAL WHEAT
    0x2FC7: "\u9ebb",  # ⿇ -> 麻  KANGXI RADICAL HEMP
    0x2FC8: "\u9ec3",  # ⿈ -> 黃  KANGXI RADICAL YELLOW
    0x2FC9: "\u9ecd",  # ⿉ -> 黍  KANGXI RADICAL MILLET
    0x2FCA: "\u9ed1",  # ⿊ -> 黑  KANGXI RADICAL BLACK
    0x2FCB: "\u9ef9",  # ⿋ -> 黹  KANGXI RADICAL EMBROIDERY
    0x2FCC: "\u9efd",  # ⿌ -> 黽  KANGXI RADICAL FROG
    0x2FCD: "\u9f0e",  # ⿍ -> 鼎  KANGXI RADICAL TRIPOD
    0x2FCE: "\u9f13",  # ⿎ -> 鼓  KANGXI RADICAL DRUM
    0x2FCF: "\u9f20",  # ⿏ -> 鼠  KANGXI RADICAL RAT
    0x2FD0: "\u9f3b",  # ⿐ -> 鼻  KANGXI RADICAL NOSE
    0x2FD1: "\u9f4a",  # ⿑ -> 齊  KANGXI RADICAL EVEN
    0x2FD2: "\u9f52",  # ⿒ -> 齒  KANGXI RADICAL TOOTH
    0x2FD3: "\u9f8d",  # ⿓ -> 龍  KANGXI RADICAL DRAGON
    0x2FD4: "\u9f9c",  # ⿔ -> 龜  KANGXI RADICAL TURTLE
    0x2FD5: "\u9fa0",  # ⿕ -> 龠  KANGXI RADICAL FLUTE
    0x31C6: "\U000200cc",  # ㇆ -> 𠃌  CJK STROKE HZG
    0x31CF: "\u4e40",  # ㇏ -> 乀  CJK STROKE N
    0x31D0: "\u4e00",  # ㇐ -> 一  CJK STROKE H
    0x31D1: "\u4e28",  # ㇑ -> 丨  CJK STROKE S
    0x31D2: "\u4e3f",  # ㇒ -> 丿  CJK STROKE P
    0x31D3: "\u4e3f",  # ㇓ -> 丿  CJK STROKE SP
    0x31D4: "\u4e36",  # ㇔ -> 丶  CJK STROKE D
    0x31D5: "\U000200cd",  # ㇕ -> 𠃍  CJK STROKE HZ
    0x31D6: "\u4e5b",  # ㇖ -> 乛  CJK STROKE HG
    0x31D7: "\U000200ca",  # ㇗ -> 𠃊  CJK STROKE SZ
    0x31D8: "\U000200ce",  # ㇘ -> 𠃎  CJK STROKE SWZ
    0x31D9: "\U0002010c",  # ㇙ -> 𠄌  CJK STROKE ST
    0x31DA: "\u4e85",  # ㇚ -> 亅  CJK STROKE SG
    0x31DB: "\U00021fe8",  # ㇛ -> 𡿨  CJK STROKE PD
    0x31DC: "\U000200cb",  # ㇜ -> 𠃋  CJK STROKE PZ
    0x31DD: "\u4e40",  # ㇝ -> 乀  CJK STROKE TN
    0x31DE: "\U000200d1",  # ㇞ -> 𠃑  CJK STROKE SZZ
    0x31DF: "\u4e5a",  # ㇟ -> 乚  CJK STROKE SWG
    0x31E0: "\u4e59",  # ㇠ -> 乙  CJK STROKE HXWG
    0x31E1: "\U0002010e",  # ㇡ -> 𠄎  CJK STROKE HZZZG
}

COMPATIBILITY_IDEOGRAPHS: dict[int, str] = {
    cp: unicodedata.normalize("NFC", chr(cp))
    for cp in (*range(0xF900, 0xFB00), *range(0x2F800, 0x2FA20))
    if unicodedata.normalize("NFC", chr(cp)) != chr(cp)
}
"""CJK Compatibility Ideographs (U+F900-FAFF, U+2F800-2FA1F) -> their canonical (NFC) unified form,
so ``lookalikes`` repairs them even with ``nfc`` switched off. Derived from ``unicodedata`` at import:
canonical decompositions are frozen by the Unicode stability policy. The twelve unified ideographs
in the block (U+FA0E 﨎 ...) have no decomposition and stay."""

LOOKALIKES: dict[int, str] = {**RADICAL_LOOKALIKES, **COMPATIBILITY_IDEOGRAPHS}
"""The ``lookalikes`` translate table."""
