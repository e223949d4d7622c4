"""Download the boundary files a province needs from the upstream repository, at a pinned commit, each checked
against a committed SHA-256 list, into a cache folder in the upstream layout (`python -m pke batas unduh`).

Upstream: https://github.com/cahyadsn/wilayah_boundaries (MIT licence; its LICENSE is downloaded beside the files).
Per province PP it holds `db/kab/wilayah_boundaries_kab_PP.sql` (kabupaten/kota), `db/kec/..._kec_PP.sql`
(kecamatan) and one file per kabupaten in `db/kel/PP/..._kel_PP.KK.sql` (desa/kelurahan), the layout that
pke.boundaries reads. `batas_sha256.txt` lists every such file of all 38 provinces at commit KOMIT, in
`sha256sum` format (so `cd data/batas && sha256sum -c ../../pke/batas_sha256.txt --ignore-missing` checks a
cache by hand). It was computed from the repository's tree at that commit, and its Jawa Tengah and Kalimantan
Tengah entries equal the copies in ../shared/boundaries (a test checks). To move the pin: in a clone at the new
commit, `sha256sum LICENSE db/kab/*.sql db/kec/*.sql db/kel/*/*.sql > pke/batas_sha256.txt`, and set KOMIT.

Each file is written to a temporary file beside its place, hashed as it arrives, and renamed into place only
when its hash matches: an interrupted or refused download leaves nothing behind, a file already in the cache
with the right hash is not fetched again, so running the command again resumes. Nothing here runs at import or
in tests: tests serve local copies over http.server and point `sumber` (or PKE_BATAS_URL) at it.
"""
from __future__ import annotations

import hashlib
import os
import re
import sys
import tempfile
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from pke import config, fmt
from pke.boundaries import CACHE_UNDUHAN, default_boundaries_dir
from pke.i18n import t

REPO = "cahyadsn/wilayah_boundaries"
KOMIT = "3c5a7960f4d227a38489094d84252bdbb3f978a5"  # 2026-08-20, "Update sql 2608201027"
URL_BAWAAN = f"https://raw.githubusercontent.com/{REPO}/{KOMIT}/"
DAFTAR_SHA = Path(__file__).with_name("batas_sha256.txt")
CACHE = CACHE_UNDUHAN  # data/batas, git-ignored by the .gitignore written inside it
ENV_URL = "PKE_BATAS_URL"   # another base: a mirror, file:///media/usb/wilayah_boundaries/ or a folder, offline
BATAS_WAKTU = 30.0          # seconds without a byte before a download is given up
_POTONG = 1 << 16

Cetak = Callable[[str], None]


class UnduhError(Exception):
    """A download that could not be done or was refused; the message says why and what to do, in the run's
    language."""


@dataclass
class HasilUnduh:
    folder: Path
    diunduh: list[str] = field(default_factory=list)
    sudah_ada: list[str] = field(default_factory=list)
    byte: int = 0


def daftar_sha(path: Path = DAFTAR_SHA) -> dict[str, str]:
    """{relative path: sha256} from the committed list."""
    hasil = {}
    for baris in path.read_text(encoding="utf-8").splitlines():
        if baris.strip():
            sha, nama = baris.split(maxsplit=1)
            hasil[nama.strip().lstrip("*")] = sha.lower()
    return hasil


def _provinsi_berkas(nama: str) -> str | None:
    m = re.fullmatch(r"db/(?:kab|kec)/wilayah_boundaries_(?:kab|kec)_(\d{2})\.sql|db/kel/(\d{2})/[^/]+\.sql", nama)
    return (m.group(1) or m.group(2)) if m else None


def provinsi_tersedia(daftar: dict[str, str] | None = None) -> list[str]:
    daftar = daftar if daftar is not None else daftar_sha()
    return sorted({p for p in map(_provinsi_berkas, daftar) if p})


def berkas_provinsi(provinsi: Iterable[str], daftar: dict[str, str] | None = None) -> list[tuple[str, str]]:
    """(relative path, sha256) of the kabupaten, kecamatan and village files of each province, and the licence."""
    daftar = daftar if daftar is not None else daftar_sha()
    provinsi = [str(p).strip() for p in provinsi if str(p).strip()]
    tersedia = set(provinsi_tersedia(daftar))
    tidak_dikenal = [p for p in provinsi if p not in tersedia]
    if tidak_dikenal:
        raise UnduhError(t("Kode provinsi tidak dikenal: {kode}. Yang tersedia: {tersedia}.",
                           kode=", ".join(tidak_dikenal), tersedia=", ".join(sorted(tersedia))))
    pilih = [(n, s) for n, s in daftar.items() if _provinsi_berkas(n) in provinsi]
    lisensi = [(n, s) for n, s in daftar.items() if n == "LICENSE"]
    return lisensi + sorted(pilih)


def provinsi_dari_kode(kode: Iterable[str]) -> list[str]:
    """The provinces of some region codes ('33.15', '62.02' -> ['33', '62'])."""
    return sorted({str(k).strip()[:2] for k in kode if str(k).strip()})


def provinsi_kurang(folder: Path | None, provinsi: Iterable[str]) -> list[str]:
    """The provinces with no village file in an upstream-layout folder (all of them when there is no folder);
    a GeoJSON/GeoPackage/... file counts as complete: what it covers is the office's choice."""
    provinsi = sorted(set(provinsi))
    if folder is None or not Path(folder).exists():
        return provinsi
    folder = Path(folder)
    if not folder.is_dir():
        return []
    db = folder / "db" if (folder / "db").is_dir() else folder
    return [p for p in provinsi if not any((db / "kel" / p).glob("*.sql"))]


def _url(sumber: str, nama: str) -> str:
    return sumber.rstrip("/") + "/" + urllib.parse.quote(nama)


def _sumber(sumber: str | None) -> str:
    hasil = sumber or os.environ.get(ENV_URL) or URL_BAWAAN
    if "://" not in hasil and Path(hasil).is_dir():  # a copy of the repository on a disk: /media/usb/wilayah_...
        hasil = Path(hasil).resolve().as_uri() + "/"
    skema = urllib.parse.urlparse(hasil).scheme
    if skema not in ("https", "http", "file"):
        raise UnduhError(t("Alamat sumber batas harus https://, http:// atau file://: {url}", url=hasil))
    return hasil


def _sha_berkas(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for potong in iter(lambda: f.read(1 << 20), b""):
            h.update(potong)
    return h.hexdigest()


def _ukuran(n: int) -> str:
    return f"{fmt.angka(n / 1e6, 1)} MB" if n >= 100_000 else f"{fmt.angka(n / 1e3, 0)} kB"


def _ambil(url: str, tujuan: Path, sha: str, batas_waktu: float) -> int:
    """Fetch `url` into `tujuan` through a temporary file beside it; renamed into place only when its SHA-256 is
    `sha`. Returns the bytes written; raises UnduhError (and leaves no file) otherwise."""
    tujuan.parent.mkdir(parents=True, exist_ok=True)
    fd, sementara = tempfile.mkstemp(dir=tujuan.parent, prefix=f".{tujuan.name}.", suffix=".unduh")
    try:
        h, n = hashlib.sha256(), 0
        with os.fdopen(fd, "wb") as keluar:
            permintaan = urllib.request.Request(url, headers={"User-Agent": "pke-dashboard (python urllib)"})
            try:
                with urllib.request.urlopen(permintaan, timeout=batas_waktu) as r:
                    for potong in iter(lambda: r.read(_POTONG), b""):
                        h.update(potong)
                        keluar.write(potong)
                        n += len(potong)
            except urllib.error.HTTPError as e:
                raise UnduhError(t("Server menjawab {kode} {alasan} untuk {url}.", kode=e.code, alasan=e.reason,
                                   url=url)) from e
            except (urllib.error.URLError, OSError) as e:  # no route, refused, DNS, timeout
                alasan = getattr(e, "reason", None) or e
                raise UnduhError(t("Tidak dapat mengunduh {url}: {alasan}.", url=url, alasan=alasan)) from e
        didapat = h.hexdigest()
        if didapat != sha:
            raise UnduhError(t("Berkas {url} tidak cocok dengan daftar SHA-256 (diharapkan {harap}, didapat {dapat}) "
                               "dan tidak disimpan. Isi di server berbeda dari komit yang dipatok atau rusak di "
                               "jalan: coba lagi, atau pakai salinan folder batas yang sudah diperiksa.",
                               url=url, harap=sha, dapat=didapat))
        os.replace(sementara, tujuan)
        return n
    finally:
        if os.path.exists(sementara):
            os.unlink(sementara)


def _catatan(folder: Path, sumber: str) -> None:
    """Once the first file is in: keep the cache out of git, and say where it came from."""
    abaikan = folder / ".gitignore"
    if not abaikan.exists():
        abaikan.write_text("# downloaded by `python -m pke batas unduh`; never committed\n*\n", encoding="utf-8")
    (folder / "SUMBER.txt").write_text(
        f"{REPO} @ {KOMIT}\n{sumber}\nMIT licence: LICENSE. SHA-256 of every file: pke/batas_sha256.txt\n",
        encoding="utf-8")


def unduh(provinsi: Iterable[str], folder: Path | str = CACHE, sumber: str | None = None,
          batas_waktu: float = BATAS_WAKTU, cetak: Cetak | None = None,
          daftar: dict[str, str] | None = None) -> HasilUnduh:
    """Bring the boundary files of `provinsi` into `folder` (upstream layout), each checked against its SHA-256.
    `sumber` is the base URL (else PKE_BATAS_URL, else the upstream raw URL at KOMIT). Files already there with
    the right hash are kept. Stops at the first file that cannot be fetched or is refused, with UnduhError; the
    files verified before it stay (the next run does not fetch them again). `daftar` replaces the committed list
    (tests)."""
    cetak = cetak or (lambda teks: print(teks, file=sys.stderr, flush=True))
    folder = Path(folder)
    berkas = berkas_provinsi(provinsi, daftar)
    sumber = _sumber(sumber)
    hasil = HasilUnduh(folder)
    lebar = len(str(len(berkas)))
    cetak(t("Batas wilayah provinsi {provinsi}: {n} berkas dari {sumber} ke {folder}",
            provinsi=", ".join(provinsi_dari_kode(provinsi)), n=len(berkas), sumber=sumber, folder=folder))
    for i, (nama, sha) in enumerate(berkas, 1):
        tujuan = folder / nama
        nomor = f"[{i:>{lebar}}/{len(berkas)}]"
        if tujuan.is_file() and _sha_berkas(tujuan) == sha:
            hasil.sudah_ada.append(nama)
            cetak(f"{nomor} {nama}  " + t("sudah ada, cocok"))
            continue
        n = _ambil(_url(sumber, nama), tujuan, sha, batas_waktu)
        if not hasil.diunduh:
            _catatan(folder, sumber)
        hasil.diunduh.append(nama)
        hasil.byte += n
        cetak(f"{nomor} {nama}  {_ukuran(n)}  " + t("SHA-256 cocok"))
    cetak(t("Selesai: {baru} berkas diunduh ({ukuran}), {lama} sudah ada.", baru=len(hasil.diunduh),
            ukuran=_ukuran(hasil.byte), lama=len(hasil.sudah_ada)))
    return hasil


def siapkan_bawaan(provinsi: Iterable[str], tanya: Callable[[str], str] | None = None,
                   cetak: Cetak | None = None) -> Path | str | None:
    """Before a demo build that was given no boundaries, the `batas` to build with: "default" when the default
    place (default_boundaries_dir) has the villages of at least one needed province. Otherwise it says what to do
    and, when `tanya` can ask someone (a terminal), offers to download the missing provinces into the cache:
    the cache folder after a download, "default" when some are there anyway, None (no maps) when none are. Never
    downloads without a yes."""
    cetak = cetak or (lambda teks: print(teks, file=sys.stderr, flush=True))
    provinsi = provinsi_dari_kode(provinsi)
    sumber = default_boundaries_dir()
    kurang = provinsi_kurang(sumber, provinsi)
    if not kurang:
        return "default"
    env = os.environ.get("PKE_BOUNDARIES")
    if env and sumber is None:
        cetak(t("PKE_BOUNDARIES menunjuk ke {path}, yang tidak ada.", path=env))
    elif sumber is not None:
        cetak(t("Folder batas {folder} tidak memuat provinsi {kode}.", folder=sumber, kode=", ".join(kurang)))
    cetak(saran_tanpa_batas(kurang))
    tanpa = "default" if len(kurang) < len(provinsi) else None
    if tanya is None:
        return tanpa
    perlu = provinsi_kurang(CACHE, provinsi)
    jawab = tanya(t("Unduh sekarang batas provinsi {kode} ({n} berkas) ke {cache}? [y/T] ",
                    kode=", ".join(perlu), n=len(berkas_provinsi(perlu)), cache=_relatif(CACHE)))
    if jawab.strip().lower() not in ("y", "ya", "yes"):
        return tanpa
    try:
        unduh(perlu, CACHE, cetak=cetak)
    except UnduhError as e:
        cetak(str(e))
        cetak(t("Unduhan tidak selesai; basis data tetap dibangun, dengan batas yang sudah ada bila ada."))
        return tanpa
    return CACHE


def saran_tanpa_batas(provinsi: Iterable[str]) -> str:
    """What to do when no boundaries were found: download them, or, offline, copy a folder and point at it."""
    kode = ",".join(provinsi_dari_kode(provinsi)) or config.PROVINSI_DEMO
    return t("Batas wilayah tidak ditemukan, jadi peta akan diganti grafik wilayah. Untuk peta:\n"
             "  - unduh batas dari {repo} (komit dipatok, diperiksa SHA-256) ke {cache}:\n"
             "      python -m pke batas unduh --provinsi {kode}\n"
             "    lalu bangun ulang: python -m pke demo\n"
             "  - tanpa internet: salin folder batas (tata letak ../shared/boundaries: db/kab, db/kec, db/kel) dari "
             "komputer lain dan atur PKE_BOUNDARIES=/path/ke/folder, atau pakai --batas FOLDER;\n"
             "  - Shapefile/GeoPackage kantor sendiri: --batas BERKAS dan PKE_BOUNDARIES_KOLOM_KODE=KOLOM bila kolom "
             "kode Kemendagri-nya tidak dikenali.",
             repo=REPO, cache=_relatif(CACHE), kode=kode)


def _relatif(path: Path) -> str:
    try:
        return str(path.resolve().relative_to(Path.cwd().resolve()))
    except ValueError:
        return str(path)
