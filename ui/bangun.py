"""First start: with no database the demo is built, the five kabupaten of the source documents while the page shows
a progress bar; the rest of Jawa Tengah is then added by a background process (pke.build.lanjutkan_demo), batch by
batch, while a small panel in the sidebar counts the kabupaten/kota built."""
from __future__ import annotations

import os
import subprocess
import threading
import time
from pathlib import Path

import streamlit as st

from pke import build, config, gudang
from pke.i18n import t

SELANG_DETIK = 5          # how often the sidebar panel looks again
JEDA_ULANG_DETIK = 60     # a continuation that failed is started again no sooner than this


@st.cache_resource(show_spinner=False)
def _sesuaikan_folder(path: str) -> bool:
    """A database folder copied from elsewhere (a backup) is re-pointed at its own partitions, once per process."""
    return gudang.sesuaikan_folder(path)


@st.cache_resource
def _kunci_bangun() -> threading.Lock:
    return threading.Lock()


class _Latar:
    """The server process's background continuation per database: started at most once at a time, its exit
    code kept so a failure is shown instead of restarted in a loop."""

    def __init__(self):
        self.kunci = threading.Lock()
        self.proses: dict[str, subprocess.Popen] = {}
        self.dimulai: dict[str, float] = {}


@st.cache_resource
def _latar() -> _Latar:
    return _Latar()


def latar_aktif() -> bool:
    """PKE_DEMO_LATAR=0 turns the background continuation off (tests, a server that should not write)."""
    return os.environ.get("PKE_DEMO_LATAR", "1").strip() not in ("0", "tidak", "false", "no", "off")


def _pastikan_lanjutan(path: Path) -> str:
    """Make sure a continuation runs for `path`; returns 'berjalan', 'gagal' (the last one exited with an error)
    or 'mati' (turned off)."""
    if not latar_aktif():
        return "berjalan" if build.lanjutan_berjalan(path) else "mati"
    latar = _latar()
    kunci = str(path.resolve())
    with latar.kunci:  # sessions run in threads of one process: one decides, the others see its process
        p = latar.proses.get(kunci)
        if p is not None and p.poll() is None:
            return "berjalan"
        if build.lanjutan_berjalan(path):  # another server process or `python -m pke demo --lanjut`
            return "berjalan"
        gagal = p is not None and p.returncode != 0
        if gagal and time.monotonic() - latar.dimulai.get(kunci, 0.0) < JEDA_ULANG_DETIK:
            return "gagal"
        baru = build.mulai_lanjutan(path)
        if baru is not None:
            latar.proses[kunci], latar.dimulai[kunci] = baru, time.monotonic()
        return "gagal" if gagal else "berjalan"


def pastikan_basis_data() -> None:
    """On a machine with no database, build the demo one first, with visible progress; while its province is still
    being completed in the background, keep that going and show how far it is."""
    path = config.db_path()
    if not path.exists():
        _bangun_awal(path)
    _sesuaikan_folder(str(path))
    import ui  # the cached meta query (ui imports this module)

    if build.kemajuan_lanjutan(ui.meta()) is not None:
        with st.sidebar:
            _kemajuan()


def _bangun_awal(path: Path) -> None:
    with _kunci_bangun():
        if path.exists():
            return
        st.title(t("Menyiapkan Dasbor PKE"))
        st.info(t("Basis data belum ada. Data demo (sintetis, di atas wilayah dan batas desa yang nyata) sedang "
                  "dibangun: lima kabupaten dokumen sumber lebih dulu (biasanya kurang dari satu menit), lalu "
                  "kabupaten/kota lain Jawa Tengah menyusul di latar belakang."))
        bar = st.progress(0.0, text=t("Memulai"))
        build.bangun_demo_awal(path, progress=lambda f, pesan: bar.progress(min(max(f, 0.0), 1.0), text=pesan))
    st.rerun()


@st.fragment(run_every=SELANG_DETIK)
def _kemajuan() -> None:
    import ui

    k = build.kemajuan_lanjutan(ui.meta())
    if k is None:
        # Finished since the page was drawn: one full run, so the open view shows every kabupaten/kota.
        st.rerun()
    selesai, total, wilayah = k
    status = _pastikan_lanjutan(config.db_path())
    st.progress(selesai / total, text=t("Data demo {wilayah}: {n} dari {total} kabupaten/kota dibangun…",
                                        wilayah=wilayah, n=selesai, total=total))
    if status == "gagal":
        log = build.berkas_log_lanjutan(config.db_path()).resolve()
        st.caption(t("Pembangunan terhenti karena galat (lihat {log}); dicoba lagi dalam semenit.",
                     log=log.relative_to(config.ROOT) if log.is_relative_to(config.ROOT) else log.name))
    elif status == "mati":
        st.caption(t("Pembangunan latar belakang dimatikan (PKE_DEMO_LATAR=0); lanjutkan dengan "
                     "`python -m pke demo --lanjut`."))
    else:
        st.caption(t("Kabupaten/kota yang sudah dibangun langsung dapat dilihat; dasbor tetap dapat dipakai."))
