"""Checking an uploaded file without letting it stall the server.

An upload is checked in two steps. First, in the caller and cheaply, its structure: size, the type its name
claims, and for an .xlsx the zip directory alone — what each member would decompress to and how far it is
compressed (a zip bomb is refused before any byte of a sheet is inflated), macros, and the row count a sheet or
a CSV declares. Then the real check (`impor.periksa`: parse and validate) runs in a separate process with an
address-space limit and a wall-clock limit, so a file that is slow or huge to parse costs that process, never
the Streamlit server and its other users.

    hasil = unggah.periksa_terpisah(jenis, config.db_path(), isi, nama_file)   # raises impor.ImporError

`impor.periksa` itself is unchanged (the CLI and the tests call it in-process).
"""
from __future__ import annotations

import csv
import io
import re
import zipfile
import zlib
from pathlib import Path

from pke import fmt, impor
from pke.i18n import atur_bahasa, bahasa, t
from pke.impor import HasilImpor, ImporError

BATAS_UNGGAH = 1024 * 1024 * 1024  # bytes; the same as Streamlit's server.maxUploadSize (1024, in MiB): a kabupaten's
                                   # whole P3KE export (about 1 M rows, ~350 MB as CSV) fits
BATAS_BARIS = 2_000_000            # data rows in one file (P3KE exports are cut per kabupaten well below this)
BATAS_EKSTRAK = 1536 * 1024 * 1024  # bytes an .xlsx may decompress to, summed over its members (1.5 GiB)
BATAS_RASIO = 100                  # decompressed : compressed, for any member larger than RASIO_MULAI
RASIO_MULAI = 10 * 1024 * 1024     # bytes; small members (styles, shared strings) may compress better
BATAS_DETIK = 300.0                # wall-clock seconds for the check in the separate process
BATAS_MEMORI = 8 * 1024 ** 3       # bytes of address space for that process (1 M rows as text: ~3 GB)

AKHIRAN_MAKRO = (".xlsm", ".xltm")
AKHIRAN_LAIN = (".xls", ".xlsb")   # binary workbooks: can carry macros, and openpyxl cannot vet them
AKHIRAN_CSV = (".csv", ".txt")
KEPALA_MAKS = 10                   # header rows baca_berkas looks through (verval sheets have 3)
_DIMENSI = re.compile(rb'<(?:\w+:)?dimension\s+ref="[A-Z]{1,3}\d+(?::[A-Z]{1,3}(\d+))?"')


def _ukuran(n: float) -> str:
    if n >= 1024 ** 3:
        return f"{fmt.angka(n / 1024 ** 3, 1)} GB"
    if n >= 1024 ** 2:
        return f"{fmt.angka(n / 1024 ** 2)} MB"
    return f"{fmt.angka(n / 1024)} KB"


def _terlalu_banyak_baris(nama: str) -> ImporError:
    return ImporError(t("Berkas {nama} berisi lebih dari {batas} baris data; pecah menjadi beberapa berkas "
                        "(mis. per kabupaten atau kecamatan) lalu unggah satu per satu.", nama=nama,
                        batas=fmt.angka(BATAS_BARIS)))


def _periksa_zip(isi: bytes, nama: str) -> None:
    """Reads the zip directory (and at most a few KB of small members), never a whole sheet."""
    try:
        zf = zipfile.ZipFile(io.BytesIO(isi))
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, EOFError) as e:
        raise ImporError(t("Berkas {nama} tidak dapat dibuka sebagai Excel: {e}", nama=nama, e=e)) from e
    with zf:
        anggota = zf.infolist()
        if any(a.filename.lower().rsplit("/", 1)[-1] == "vbaproject.bin" for a in anggota):
            raise ImporError(t("Buku kerja dengan makro tidak diterima; simpan sebagai .xlsx biasa."))
        # The directory states each member's size; Python's zipfile never inflates past it (a member that lies
        # fails its CRC instead), so these numbers bound what openpyxl can be made to read.
        total = sum(a.file_size for a in anggota)
        if total > BATAS_EKSTRAK:
            raise ImporError(t("Berkas terlalu besar setelah diekstrak: {nama} berisi {ukuran} data (batasnya "
                               "{batas}).", nama=nama, ukuran=_ukuran(total), batas=_ukuran(BATAS_EKSTRAK)))
        for a in anggota:
            if a.file_size > RASIO_MULAI and a.file_size > BATAS_RASIO * max(a.compress_size, 1):
                raise ImporError(t("Berkas terlalu besar setelah diekstrak: bagian {anggota} di {nama} mengembang "
                                   "{rasio} kali dari ukuran terkompresinya (batasnya {batas} kali).",
                                   anggota=a.filename, nama=nama,
                                   rasio=fmt.angka(a.file_size / max(a.compress_size, 1)),
                                   batas=fmt.angka(BATAS_RASIO)))
        try:
            for a in anggota:
                n = a.filename.lower()
                if n == "[content_types].xml" and a.file_size < 1024 * 1024:
                    if b"macroenabled" in zf.read(a).lower():
                        raise ImporError(t("Buku kerja dengan makro tidak diterima; simpan sebagai .xlsx biasa."))
                elif n.startswith("xl/worksheets/") and n.endswith(".xml"):
                    # the <dimension> element sits at the top of the sheet: a few KB say how many rows follow
                    with zf.open(a) as f:
                        m = _DIMENSI.search(f.read(4096))
                    if m and m.group(1) and int(m.group(1)) - 1 > BATAS_BARIS:
                        raise _terlalu_banyak_baris(nama)
        except (zipfile.BadZipFile, RuntimeError, NotImplementedError, zlib.error, EOFError, OSError) as e:
            # damaged, encrypted or in a compression openpyxl cannot read either
            raise ImporError(t("Berkas {nama} tidak dapat dibuka sebagai Excel: {e}", nama=nama, e=e)) from e


def _periksa_csv(isi: bytes, nama: str) -> None:
    kasar = isi.count(b"\n") + (not isi.endswith(b"\n"))  # lines: never fewer than records
    if kasar - 1 <= BATAS_BARIS:
        return
    # Quoted fields may hold line breaks: count records as a CSV reader does. Latin-1 never fails to decode and
    # keeps every quote, separator and line break where UTF-8 or Windows-1252 would.
    teks = isi.decode("latin-1")
    try:
        pemisah = csv.Sniffer().sniff(teks[:5000], delimiters=",;\t|").delimiter
    except csv.Error:
        pemisah = ","
    n = 0
    for rekaman in csv.reader(io.StringIO(teks, newline=""), delimiter=pemisah):
        if any(rekaman):
            n += 1
            if n - 1 > BATAS_BARIS:
                raise _terlalu_banyak_baris(nama)


def periksa_unggahan(isi: bytes, nama_file: str) -> None:
    """The cheap structural checks, in the caller, before anything is parsed; raises ImporError.
    Size, file type (macro workbooks refused), the zip directory of an .xlsx, the row count of a CSV."""
    if not isi or isi.isspace():
        raise ImporError(t("Berkas {nama} kosong.", nama=nama_file))
    if len(isi) > BATAS_UNGGAH:
        raise ImporError(t("Berkas {nama} terlalu besar ({ukuran}); batasnya {batas}.", nama=nama_file,
                           ukuran=_ukuran(len(isi)), batas=_ukuran(BATAS_UNGGAH)))
    akhiran = Path(nama_file).suffix.lower()
    if akhiran in AKHIRAN_MAKRO:
        raise ImporError(t("Buku kerja dengan makro tidak diterima; simpan sebagai .xlsx biasa."))
    if akhiran in AKHIRAN_LAIN:
        raise ImporError(t("Buku kerja {akhiran} tidak diterima karena dapat berisi makro; simpan sebagai .xlsx "
                           "biasa.", akhiran=akhiran))
    if akhiran == ".xlsx":
        _periksa_zip(isi, nama_file)
    elif akhiran in AKHIRAN_CSV:
        _periksa_csv(isi, nama_file)
    else:
        raise ImporError(t("Jenis berkas {akhiran} tidak didukung; unggah .xlsx atau .csv.",
                           akhiran=akhiran or t("(tanpa akhiran)")))


# ---------- the check in a separate process ----------------------------------------------------------

def _batasi_memori(batas: int) -> None:
    import resource

    _, keras = resource.getrlimit(resource.RLIMIT_AS)
    lunak = batas if keras == resource.RLIM_INFINITY else min(batas, keras)
    resource.setrlimit(resource.RLIMIT_AS, (lunak, keras))
    try:
        # glibc reserves 64 MB of address space per thread arena; DuckDB starts a thread per core, which on a
        # large server would use up the limit without allocating anything.
        import ctypes

        ctypes.CDLL(None).mallopt(-8, 2)  # M_ARENA_MAX
    except (OSError, AttributeError):
        pass


def _anak() -> None:
    """Runs in the child process (`python -m pke.unggah`): reads the job from stdin, runs the same check as
    in-process, and writes its outcome to stdout — both pickled."""
    import pickle
    import sys

    jenis, db_path, isi, nama_file, kode_bahasa, batas_memori, lingkup, ganti = pickle.load(sys.stdin.buffer)
    try:
        atur_bahasa(kode_bahasa)
        _batasi_memori(batas_memori)
        try:
            hasil = ("hasil", impor.periksa(jenis, db_path, isi, nama_file, lingkup, ganti_kabupaten=ganti))
        except ImporError as e:
            hasil = ("galat", str(e))
        except MemoryError:
            hasil = ("memori", "")
        except Exception as e:  # anything else: told to the caller, not a silent death
            # pandas' C parser and DuckDB report a failed allocation as their own error
            habis = "out of memory" in str(e).lower() or type(e).__name__ == "OutOfMemoryException"
            hasil = ("memori", "") if habis else ("gagal", f"{type(e).__name__}: {e}")
        pickle.dump(hasil, sys.stdout.buffer)
    except MemoryError:
        pass  # could not even report it: the caller sees the process end without an answer
    sys.stdout.flush()


def _jalankan(jenis: str, db_path, isi: bytes, nama_file: str, batas_detik: float, batas_memori: int,
              lingkup: str = "", ganti_kabupaten: bool = False) -> HasilImpor:
    """A fresh Python process (not multiprocessing: under `streamlit run` the app script is the __main__ module,
    and multiprocessing would import — run — the whole app in its child), talking pickles over its pipes."""
    import os
    import pickle
    import subprocess
    import sys

    akar = str(Path(__file__).resolve().parent.parent)
    env = dict(os.environ, PYTHONPATH=akar + os.pathsep + os.environ.get("PYTHONPATH", ""))
    proses = subprocess.Popen([sys.executable, "-m", "pke.unggah"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                              stderr=subprocess.DEVNULL, cwd=akar, env=env)
    tugas = pickle.dumps((jenis, str(db_path), isi, nama_file, bahasa(), batas_memori, lingkup, ganti_kabupaten))
    try:
        keluaran, _ = proses.communicate(tugas, timeout=batas_detik)
    except subprocess.TimeoutExpired:
        proses.kill()
        proses.communicate()
        raise ImporError(t("Pemeriksaan berkas dihentikan: melebihi {detik} detik.",
                           detik=fmt.angka(batas_detik, 0 if float(batas_detik).is_integer() else 2))) from None
    try:
        jenis_pesan, isi_pesan = pickle.loads(keluaran)
    except Exception:
        raise ImporError(t("Pemeriksaan berkas dihentikan: proses pemeriksa berhenti tiba-tiba (kode {kode}), "
                           "kemungkinan karena melebihi batas memori ({batas}).",
                           kode=proses.returncode, batas=_ukuran(batas_memori))) from None
    if jenis_pesan == "hasil":
        return isi_pesan
    if jenis_pesan == "galat":
        raise ImporError(isi_pesan)
    if jenis_pesan == "memori":
        raise ImporError(t("Pemeriksaan berkas dihentikan: melebihi batas memori ({batas}).",
                           batas=_ukuran(batas_memori)))
    raise ImporError(t("Pemeriksaan berkas gagal: {e}", e=isi_pesan))


def periksa_terpisah(jenis: str, db_path, isi: bytes, nama_file: str, batas_detik: float = BATAS_DETIK,
                     batas_memori: int = BATAS_MEMORI, lingkup: str = "",
                     ganti_kabupaten: bool = False) -> HasilImpor:
    """`impor.periksa` for an uploaded file, safe to call from the Streamlit server: the structural checks here,
    then the parse and validation in a separate process limited to `batas_detik` seconds and `batas_memori`
    bytes of address space; rows outside `lingkup` (the importing user's region) are refused. Messages come back
    in the caller's language. Raises ImporError."""
    if jenis not in impor.JENIS:
        raise ValueError(f"unknown import kind: {jenis}")
    periksa_unggahan(isi, nama_file)
    return _jalankan(jenis, db_path, isi, nama_file, batas_detik, batas_memori, lingkup, ganti_kabupaten)


if __name__ == "__main__":
    _anak()
