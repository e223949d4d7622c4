"""Colours are legible on a projector and for colour-blind viewers: text on every status background meets WCAG AA
(4.5:1), the categorical palettes stay distinguishable under simulated protanopia, deuteranopia and tritanopia
(Machado et al. 2009, full severity), and the map's classes keep their light-to-dark order under each."""
from itertools import combinations

import numpy as np
import pytest

from pke import charts, maps, progres

TEKS = "#1f2933"  # the dashboard's text colour (.streamlit/config.toml)
# Machado, Oliveira & Fernandes (2009), severity 1.0, on linear RGB.
CVD = {
    "normal": np.eye(3),
    "protan": np.array([[0.152286, 1.052583, -0.204868], [0.114503, 0.786281, 0.099216],
                        [-0.003882, -0.048116, 1.051998]]),
    "deutan": np.array([[0.367322, 0.860646, -0.227968], [0.280085, 0.672501, 0.047413],
                        [-0.011820, 0.042940, 0.968881]]),
    "tritan": np.array([[1.255528, -0.076749, -0.178779], [-0.078411, 0.930809, 0.147602],
                        [0.004733, 0.691367, 0.303900]]),
}


def _linear(hexa: str) -> np.ndarray:
    c = np.array([int(hexa.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)])
    return np.where(c <= 0.04045, c / 12.92, ((c + 0.055) / 1.055) ** 2.4)


def _luminans(lin: np.ndarray) -> float:
    return float(lin @ np.array([0.2126, 0.7152, 0.0722]))


def kontras(a: str, b: str) -> float:
    la, lb = sorted((_luminans(_linear(a)), _luminans(_linear(b))), reverse=True)
    return (la + 0.05) / (lb + 0.05)


def _lab(lin: np.ndarray) -> np.ndarray:
    xyz = np.array([[0.4124, 0.3576, 0.1805], [0.2126, 0.7152, 0.0722], [0.0193, 0.1192, 0.9505]]) @ np.clip(lin, 0, 1)
    xyz = xyz / np.array([0.95047, 1.0, 1.08883])
    f = np.where(xyz > 0.008856, np.cbrt(xyz), 7.787 * xyz + 16 / 116)
    return np.array([116 * f[1] - 16, 500 * (f[0] - f[1]), 200 * (f[1] - f[2])])


def _lihat(hexa: str, jenis: str) -> np.ndarray:
    return _lab(CVD[jenis] @ _linear(hexa))


def test_wcag_contrast_of_known_pairs():
    assert kontras("#000000", "#ffffff") == pytest.approx(21.0)
    assert kontras("#777777", "#ffffff") == pytest.approx(4.48, abs=0.01)


@pytest.mark.parametrize("latar", [s.warna for s in progres.SEMUA_STATUS] + ["#f4a3a3", "#ffd98a", "#f2f4f6"])
def test_text_on_status_backgrounds_meets_aa(latar):
    assert kontras(TEKS, latar) >= 4.5


@pytest.mark.parametrize("warna", ["#0B5394", "#3e4c59", "#0b3c5d"])  # theme primary, captions, report headings
def test_interface_colours_on_white_meet_aa(warna):
    assert kontras(warna, "#ffffff") >= 4.5


@pytest.mark.parametrize("jenis", list(CVD))
@pytest.mark.parametrize("nama, palet", [
    ("status intervensi", list(charts.WARNA_STATUS.values())),
    ("status target", [s.warna for s in progres.SEMUA_STATUS]),
])
def test_categorical_palettes_stay_distinguishable(nama, palet, jenis):
    lab = [_lihat(w, jenis) for w in palet]
    terdekat = min(float(np.linalg.norm(a - b)) for a, b in combinations(lab, 2))
    assert terdekat >= 10, f"{nama}: two colours almost the same for {jenis} (ΔE {terdekat:.1f})"


@pytest.mark.parametrize("jenis", list(CVD))
def test_map_classes_keep_their_order(jenis):
    terang = [_lihat(w, jenis)[0] for w in maps.KELAS_WARNA]
    assert all(a > b + 5 for a, b in zip(terang, terang[1:])), f"{jenis}: lightness {terang}"
