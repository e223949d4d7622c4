"""The household priority score of the Daftar Keluarga view: a transparent sum of points, shown to users.
The weights travel into queries/daftar_keluarga.sql as parameters, so the rule shown is the rule applied."""
from __future__ import annotations

from pke.i18n import N_, t

# (parameter, points, label shown to users)
BOBOT: tuple[tuple[str, int, str], ...] = (
    ("b_desil1", 3, N_("desil 1")),
    ("b_desil2", 2, N_("desil 2")),
    ("b_desil3", 1, N_("desil 3")),
    ("b_kebutuhan", 1, N_("per kebutuhan layanan dasar yang masih terbuka")),
    ("b_lansia", 2, N_("kepala keluarga lansia (≥ 60 tahun)")),
    ("b_sendiri", 2, N_("tinggal sendiri")),
    ("b_disabilitas", 1, N_("ada anggota penyandang disabilitas")),
    ("b_kronis", 1, N_("ada anggota sakit kronis")),
    ("b_belum_terjangkau", 2, N_("belum terjangkau bansos maupun intervensi apa pun")),
)


def parameter() -> dict[str, int]:
    return {p: b for p, b, _ in BOBOT}


def skor(desil: int, n_kebutuhan: int, lansia: bool, sendiri: bool, disabilitas: bool, kronis: bool,
         belum_terjangkau: bool) -> int:
    """The same rule in Python, for tests and for explaining one household's score."""
    b = parameter()
    return ({1: b["b_desil1"], 2: b["b_desil2"], 3: b["b_desil3"]}.get(desil, 0)
            + b["b_kebutuhan"] * n_kebutuhan + b["b_lansia"] * lansia + b["b_sendiri"] * sendiri
            + b["b_disabilitas"] * disabilitas + b["b_kronis"] * kronis + b["b_belum_terjangkau"] * belum_terjangkau)


def aturan() -> str:
    bagian = [f"{b} × {t(label)}" if label.startswith("per ")
              else t("{b} jika {label}", b=b, label=t(label)) for _, b, label in BOBOT]
    return t("Skor prioritas = {rumus}.", rumus=" + ".join(bagian))
