"""Every user-facing string exists in both languages: each t("...") / N_("...") literal in the code has an English
entry with the same placeholders, no f-string is passed to t() (it could never be looked up), and the English
catalogue holds no entry that the code no longer uses."""
import ast
import string
from pathlib import Path

import pytest

from pke.i18n import t, dalam_bahasa
from pke.teks_en import EN

AKAR = Path(__file__).resolve().parent.parent
BERKAS = [AKAR / "app.py", *sorted((AKAR / "pages").glob("*.py")), *sorted((AKAR / "ui").glob("*.py")),
          *sorted((AKAR / "pke").rglob("*.py"))]


def _panggilan():
    """(file, line, literal or None for a non-literal argument) for every t(...) and N_(...) call."""
    for berkas in BERKAS:
        pohon = ast.parse(berkas.read_text(encoding="utf-8"))
        for simpul in ast.walk(pohon):
            if (isinstance(simpul, ast.Call) and isinstance(simpul.func, ast.Name) and simpul.func.id in ("t", "N_")
                    and simpul.args):
                arg = simpul.args[0]
                nilai = arg.value if isinstance(arg, ast.Constant) and isinstance(arg.value, str) else None
                yield berkas.relative_to(AKAR), simpul.lineno, nilai, isinstance(arg, ast.JoinedStr)


def kunci_kode() -> set[str]:
    return {n for _, _, n, _ in _panggilan() if n is not None}


def _tempat(teks: str) -> set[str]:
    return {nama for _, nama, _, _ in string.Formatter().parse(teks) if nama}


def test_there_are_many_strings():
    assert len(kunci_kode()) > 300


def test_no_fstring_passed_to_t():
    salah = [f"{f}:{n}" for f, n, _, fstring in _panggilan() if fstring]
    assert not salah, f"t()/N_() given an f-string (use placeholders): {salah}"


def test_every_string_has_english():
    kurang = sorted(kunci_kode() - EN.keys())
    assert not kurang, f"{len(kurang)} strings without English: {kurang[:20]}"


def test_english_placeholders_match():
    beda = [k for k in kunci_kode() & EN.keys() if _tempat(k) != _tempat(EN[k])]
    assert not beda, f"placeholders differ: {beda[:10]}"


def test_english_differs_or_is_a_name():
    """An English entry identical to the Indonesian is allowed only for names and codes (RTLH, ATS, OPD…)."""
    sama = [k for k in kunci_kode() & EN.keys() if EN[k] == k and len(k.split()) > 2]
    assert not sama, f"untranslated (same text): {sama[:10]}"


def test_no_unused_english_entries():
    lebih = sorted(EN.keys() - kunci_kode())
    assert not lebih, f"English entries no longer used in the code: {lebih[:20]}"


@pytest.mark.parametrize("bahasa,diharapkan", [("id", "Keluarga P3KE"), ("en", "P3KE households")])
def test_t_follows_the_language(bahasa, diharapkan):
    with dalam_bahasa(bahasa):
        assert t("Keluarga P3KE") == diharapkan
    assert t("Keluarga P3KE") == "Keluarga P3KE"
