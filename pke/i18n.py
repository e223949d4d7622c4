"""Two languages: Bahasa Indonesia (the source language) and English.

Every user-facing string is written in Indonesian inside ``t("...")``; the Indonesian text is its own key and
``pke/teks_en.py`` maps it to English. Placeholders use str.format: ``t("{n} desa", n=fmt.angka(5))``.
Strings defined before the language is known (module constants such as the cluster labels) are marked with
``N_("...")`` and translated where they are shown with ``t(nilai)``.

tests/test_i18n.py reads every ``t("...")`` and ``N_("...")`` literal in the code and fails when one has no
English entry, when the placeholders differ, or when an f-string is passed (it could never be looked up).

The language of the current run is a context variable: app.py sets it from ``?bahasa=`` on every run, report
builders set it for the report they build, so pure modules (charts, formats) follow it without a parameter.
"""
from __future__ import annotations

import contextlib
import contextvars

from pke.teks_en import EN

BAHASA = ("id", "en")
NAMA_BAHASA = {"id": "Bahasa Indonesia", "en": "English"}
_bahasa: contextvars.ContextVar[str] = contextvars.ContextVar("bahasa", default="id")


def bahasa() -> str:
    return _bahasa.get()


def atur_bahasa(kode: str | None) -> str:
    """Set the language of this run; anything unknown falls back to Indonesian."""
    kode = kode if kode in BAHASA else "id"
    _bahasa.set(kode)
    return kode


@contextlib.contextmanager
def dalam_bahasa(kode: str):
    token = _bahasa.set(kode if kode in BAHASA else "id")
    try:
        yield
    finally:
        _bahasa.reset(token)


def t(teks: str, **isi) -> str:
    """The text in the current language, with its placeholders filled."""
    if _bahasa.get() == "en":
        teks = EN.get(teks, teks)
    return teks.format(**isi) if isi else teks


def N_(teks: str) -> str:
    """Marks a string for translation where it is defined; it is translated with t() where it is shown."""
    return teks
