"""Command line: `python -m pke demo` builds the demo database (the five kabupaten of the source documents, then the
rest of Jawa Tengah batch by batch; `--cepat` only the five, `--lanjut` resumes the rest); `python -m pke bench`
times the views' queries; `python -m pke akun ...` manages accounts and `python -m pke audit` reads and checks the
audit log."""
from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from pathlib import Path

from pke import config


def _bar(lebar: int = 30):
    terakhir = {"pesan": None}

    def progress(fraksi: float, pesan: str) -> None:
        isi = int(lebar * fraksi)
        baris = f"\r[{'#' * isi}{'.' * (lebar - isi)}] {fraksi * 100:5.1f}%  {pesan[:60]:<60}"
        sys.stderr.write(baris)
        if fraksi >= 1.0:
            sys.stderr.write("\n")
        sys.stderr.flush()
        terakhir["pesan"] = pesan

    return progress


def cmd_demo(args: argparse.Namespace) -> int:
    from pke import build

    path = args.db or config.db_path()
    if args.lanjut:
        return _lanjut(path, latar=args.latar)
    batas = None if args.tanpa_batas else (args.batas or "default")
    cakupan_sendiri = args.kabupaten or args.provinsi or args.nasional
    if batas == "default":  # none given: say what to do when none is found, and offer the download on a terminal
        from pke import batas_unduh

        wilayah_batas = (batas_unduh.provinsi_tersedia() if args.nasional else [args.provinsi] if args.provinsi
                         else args.kabupaten.split(",") if args.kabupaten
                         else [*config.KABUPATEN_DEMO, config.PROVINSI_DEMO])
        batas = batas_unduh.siapkan_bawaan(wilayah_batas, tanya=input if sys.stdin.isatty() else None)
    hasil = build.bangun_demo(
        path=args.db,
        kabupaten=args.kabupaten.split(",") if args.kabupaten else None,
        provinsi=args.provinsi,
        seed=args.seed,
        sampai=dt.date.fromisoformat(args.sampai) if args.sampai else None,
        batas=batas,
        progress=_bar(),
        skala=args.skala,
        nasional=args.nasional,
        # the default is what the first start builds: the five now, the rest of Jawa Tengah right after
        lanjutan=None if cakupan_sendiri or args.cepat else [config.PROVINSI_DEMO],
    )
    print(f"Basis data demo: {path}")
    for kunci in ("wilayah", "batas_wilayah", "keluarga", "individu", "desa_prioritas", "intervensi"):
        print(f"  {kunci:<15} {hasil.get(kunci, 0):>12,}".replace(",", "."))
    print("  waktu: " + ", ".join(f"{k} {v:.1f} s" for k, v in hasil["waktu"].items()))
    if not hasil.get("batas_wilayah"):
        print("  (tanpa batas wilayah: peta diganti grafik wilayah; unduh dengan `python -m pke batas unduh "
              "--provinsi KODE`, atau --batas FOLDER/BERKAS / PKE_BOUNDARIES)")
    if hasil.get("sisa"):
        print(f"  dasbor sudah dapat dipakai; {len(hasil['sisa'])} kabupaten/kota lain menyusul (per "
              f"{build.PER_BATCH}, tiap kelompok langsung terlihat)")
        return _lanjut(path, latar=False)
    return 0


def _lanjut(path, latar: bool) -> int:
    """Continue the demo's recorded rest (pke.build.lanjutkan_demo): in the foreground with a progress bar, or as
    the app's background process (--latar: lower CPU priority, one line per batch for the log)."""
    import time

    from pke import build

    if latar:
        os.nice(10)  # the dashboard's readers come first on a small machine

        def progress(fraksi: float, pesan: str) -> None:
            print(f"{time.strftime('%Y-%m-%d %H:%M:%S')} {fraksi * 100:5.1f}% {pesan}", flush=True)
    else:
        progress = _bar()
        if build.lanjutan_berjalan(path):
            print(f"Pembangunan lanjutan {path} sedang berjalan di proses lain; menunggu sampai selesai.",
                  file=sys.stderr)
    hasil = build.lanjutkan_demo(path, progress=progress, tunggu=not latar)
    if hasil.get("berjalan_di_proses_lain"):
        print("Pembangunan lanjutan sudah berjalan di proses lain.", flush=True)
        return 0
    keluarga = f"{hasil['keluarga']:,}".replace(",", ".")
    print(f"Lanjutan {path}: {len(hasil['kabupaten'])} kabupaten/kota dalam {hasil['batch']} kelompok, "
          f"{keluarga} keluarga, {hasil['waktu']:.1f} s", flush=True)
    return 0


def cmd_bench(args: argparse.Namespace) -> int:
    from pke import bench_tulis
    from pke.bench import jalankan_bench

    paths = [Path(p) for p in args.db] or [config.db_path()]
    if args.bangun is not None:
        bench_tulis.cetak(bench_tulis.bench_bangun(args.bangun.split()))
        return 0
    rc = 0 if args.tulis_saja else jalankan_bench(paths, ulang=args.ulang)
    if args.tulis or args.tulis_saja:
        for path in paths:
            print(f"\nPenulisan pada salinan {path} (median {args.ulang_tulis} kali):\n")
            bench_tulis.cetak(bench_tulis.bench_tulis(path, baris=args.baris, ulang=args.ulang_tulis))
    return rc


def cmd_impor(args: argparse.Namespace) -> int:
    from pke import impor

    path = Path(args.berkas)
    db_path = args.db or config.db_path()
    try:
        isi = path.read_bytes()
        if args.periksa:
            hasil = impor.periksa(args.jenis, db_path, isi, path.name, ganti_kabupaten=args.ganti_kabupaten)
        else:
            hasil = impor.impor_berkas(args.jenis, db_path, isi, path.name, args.pengguna,
                                       dt.date.fromisoformat(args.snapshot), ganti_kabupaten=args.ganti_kabupaten,
                                       konfirmasi=args.ya)
    except (impor.ImporError, OSError, ValueError) as e:
        print(f"Impor gagal, tidak ada yang ditulis: {e}", file=sys.stderr)
        return 2
    for c in hasil.catatan:
        print(f"Catatan: {c}")
    if not args.periksa:
        _catat_cli("impor", {"impor": hasil.id_impor, "jenis": args.jenis, "berkas": path.name,
                             "diterima": len(hasil.diterima), "ditolak": hasil.baris_ditolak,
                             "pengguna": args.pengguna})
    print(("Pemeriksaan (tidak ada yang ditulis): " if args.periksa else f"Impor #{hasil.id_impor}: ")
          + hasil.ringkasan())
    if not hasil.ditolak.empty:
        keluar = path.with_name(path.stem + ".ditolak.csv")
        keluar.write_bytes(hasil.ditolak_csv())
        print(f"Baris yang ditolak beserta alasannya: {keluar}")
        print(hasil.ditolak.head(10).to_string(index=False))
    return 0


def cmd_batal(args: argparse.Namespace) -> int:
    from pke import impor

    try:
        n = impor.batalkan_impor(args.db or config.db_path(), args.id, args.pengguna)
    except impor.ImporError as e:
        print(f"Pembatalan gagal: {e}", file=sys.stderr)
        return 2
    _catat_cli("batal_impor", {"impor": args.id, "baris": int(n), "pengguna": args.pengguna})
    print(f"Impor #{args.id} dibatalkan: {n} baris impor itu dihapus; setiap tabel kembali seperti sebelum impor.")
    return 0


def _catat_cli(aksi: str, rincian: dict) -> None:
    """Imports and undos from the command line are in the same audit log as those made in the app."""
    from pke import audit, operasional

    try:
        audit.catat(operasional.buka(), _pelaku_cli(), aksi, "", rincian)
    except audit.AuditError as e:
        print(f"Peringatan: log audit tidak dapat ditulis: {e}", file=sys.stderr)


def cmd_laporan(args) -> int:
    from pke import db, laporan, operasional, tindak_lanjut

    path = args.db or config.db_path()
    toko = operasional.buka(config.store_path(path))
    try:  # the meeting decisions concerning the region, with their status today
        keputusan = tindak_lanjut.daftar(toko, args.wilayah, "")
    finally:
        toko.close()
    con = db.buka(path)
    try:
        periode = db.jalankan(con, "periode")
        tahun = args.tahun or int(periode["tahun"].max())
        tw = args.tw or int(periode.loc[periode["tahun"] == tahun, "triwulan"].max())
        # The command line runs on the server as its operator, who holds the database file itself: no scope.
        lap = laporan.susun(con, args.wilayah, tahun, tw, args.bahasa,
                            progres_cb=lambda f, pesan: print(f"  {f:4.0%} {pesan}", file=sys.stderr), lingkup="",
                            tindak_lanjut=keputusan)
    finally:
        con.close()
    args.keluar.mkdir(parents=True, exist_ok=True)
    for ext, tulis in (("pdf", laporan.pdf), ("pptx", laporan.pptx), ("xlsx", laporan.xlsx)):
        if ext in args.format:
            berkas = args.keluar / f"{lap.nama_berkas}.{ext}"
            berkas.write_bytes(tulis(lap))
            print(berkas)
    return 0


def _pelaku_cli() -> str:
    import getpass

    try:
        return "cli:" + getpass.getuser()
    except (KeyError, OSError):  # a container user without a passwd entry
        return "cli:?"


def _baca_sandi() -> str:
    """Asked twice on a terminal; otherwise one line of stdin, so scripts can pipe it in."""
    import getpass

    from pke.akun import AkunError
    from pke.i18n import t

    if sys.stdin.isatty():
        sandi = getpass.getpass(t("Kata sandi: "))
        if getpass.getpass(t("Ulangi kata sandi: ")) != sandi:
            raise AkunError(t("Kedua kata sandi tidak sama."))
        return sandi
    return sys.stdin.readline().rstrip("\r\n")


def cmd_akun(args: argparse.Namespace) -> int:
    import json

    from pke import akun, operasional
    from pke.audit import AuditError
    from pke.i18n import t

    con = operasional.buka(args.store)
    try:
        if args.tindakan == "tambah":
            p = akun.tambah(con, args.nama, _baca_sandi(), args.peran, args.wilayah, opd=args.opd,
                            email=args.email, oleh=_pelaku_cli())
            print(t("Akun {nama} dibuat: {peran}, wilayah {wilayah}.", nama=p.nama, peran=p.peran,
                    wilayah=p.wilayah))
        elif args.tindakan == "daftar":
            semua = akun.daftar(con)
            if args.json:
                for a in semua:
                    print(json.dumps(a, ensure_ascii=False))
            elif not semua:
                print(t("Belum ada akun."))
            else:
                print(f"{t('Nama'):<20} {t('Peran'):<9} {t('Wilayah'):<14} {t('Aktif'):<6} OPD / email")
                for a in semua:
                    print(f"{a['nama']:<20} {a['peran']:<9} {a['wilayah']:<14} "
                          f"{t('ya') if a['aktif'] else t('tidak'):<6} "
                          + " / ".join(x for x in (a["opd"], a["email"]) if x))
        elif args.tindakan == "nonaktifkan":
            akun.nonaktifkan(con, args.nama, _pelaku_cli())
            print(t("Akun {nama} dinonaktifkan; semua sesinya dicabut.", nama=args.nama))
        elif args.tindakan == "sandi":
            akun.ubah_sandi(con, args.nama, _baca_sandi(), _pelaku_cli())
            print(t("Kata sandi {nama} diganti; semua sesinya dicabut.", nama=args.nama))
    except (akun.AkunError, AuditError) as e:
        print(str(e), file=sys.stderr)
        return 2
    finally:
        con.close()
    return 0


def cmd_audit(args: argparse.Namespace) -> int:
    import json

    from pke import audit, operasional
    from pke.i18n import t

    con = operasional.buka(args.store)
    try:
        if args.tindakan == "periksa":
            utuh, rusak, n = audit.periksa(con)
            if utuh:
                print(t("Rantai audit utuh: {n} entri.", n=n))
                return 0
            print(t("Rantai audit rusak mulai entri #{id}.", id=rusak))
            return 1
        try:
            entri = audit.daftar(con, pengguna=args.pengguna, aksi=args.aksi, dari=args.dari, sampai=args.sampai,
                                 batas=args.batas)
        except ValueError as e:
            print(str(e), file=sys.stderr)
            return 2
    finally:
        con.close()
    if args.json:
        for e in entri:
            print(json.dumps(e, ensure_ascii=False))
    elif not entri:
        print(t("Tidak ada entri audit."))
    else:
        for e in entri:
            rincian = json.dumps(e["rincian"], ensure_ascii=False, separators=(",", ":"))
            print(f"#{e['id']:<6} {e['waktu']}  {e['pengguna'] or '-':<16} {e['aksi']:<14} "
                  f"{e['lingkup'] or '-':<14} {rincian}")
    return 0


def cmd_batas(args: argparse.Namespace) -> int:
    from pke import batas_unduh, boundaries, fmt
    from pke.i18n import t

    if args.tindakan == "unduh":
        args.ke = args.ke or batas_unduh.CACHE
        kode = ",".join(args.provinsi or [*config.KABUPATEN_DEMO, config.PROVINSI_DEMO])
        provinsi = (batas_unduh.provinsi_tersedia() if kode.strip().lower() == "semua"
                    else batas_unduh.provinsi_dari_kode(kode.split(",")))
        try:
            batas_unduh.unduh(provinsi, args.ke, sumber=args.sumber, batas_waktu=args.batas_waktu)
        except batas_unduh.UnduhError as e:
            print(str(e), file=sys.stderr)
            print(t("Tanpa internet: salin folder batas dari komputer lain dan atur PKE_BOUNDARIES, atau unduh "
                    "dari cermin dengan --sumber URL (juga file:///...). Berkas yang sudah diperiksa tetap "
                    "tersimpan; jalankan lagi untuk melanjutkan."), file=sys.stderr)
            return 2
        dipakai = boundaries.default_boundaries_dir()
        if dipakai is not None and dipakai.resolve() == args.ke.resolve():
            print(t("Batas siap di {folder}; `python -m pke demo` memakainya.", folder=args.ke))
        else:
            print(t("Batas siap di {folder}. Bangun dengan `python -m pke demo --batas {folder}` (atau atur "
                    "PKE_BOUNDARIES={folder}); tanpa itu dipakai {lain}.", folder=args.ke,
                    lain=dipakai if dipakai is not None else t("(tidak ada)")))
        return 0

    sumber = args.sumber or boundaries.default_boundaries_dir()
    if sumber is None:
        print(batas_unduh.saran_tanpa_batas([config.PROVINSI_DEMO]), file=sys.stderr)
        return 2
    try:
        h = boundaries.periksa(sumber, args.kode.split(",") if args.kode else None, kode_column=args.kolom_kode,
                               nama_column=args.kolom_nama)
    except boundaries.BoundaryError as e:
        print(str(e), file=sys.stderr)
        return 2
    print(t("Sumber batas: {sumber}", sumber=sumber))
    for tingkat, n in h["per_tingkat"].items():
        print(f"  {tingkat:<10} {fmt.angka(n):>8}")
    print(t("Kabupaten/kota tercakup: {n} ({kode})", n=len(h["kabupaten"]), kode=", ".join(h["kabupaten"][:12])
            + (" …" if len(h["kabupaten"]) > 12 else "")))
    if h["tidak_dikenal"]:
        print(t("{n} kode tidak ada di daftar kode Kemendagri (data/wilayah.csv), mis. {contoh}.",
                n=fmt.angka(len(h["tidak_dikenal"])), contoh=", ".join(h["tidak_dikenal"][:5])))
        if h["mirip_kode_bps"]:
            print(t("Bagian desa kode itu diawali 0: tampaknya kode BPS, bukan kode Kemendagri. Pakai kolom "
                    "kode Kemendagri (--kolom-kode / PKE_BOUNDARIES_KOLOM_KODE)."))
    print(t("Desa/kelurahan tanpa batas di kabupaten/kota itu: {n} dari {total}",
            n=fmt.angka(len(h["desa_tanpa_batas"])), total=fmt.angka(h["desa_di_kabupaten_itu"])))
    return 1 if h["tidak_dikenal"] else 0


def main(argv: list[str] | None = None) -> int:
    os.umask(0o077)  # databases, the store and reports hold personal data: readable by this user only
    p = argparse.ArgumentParser(prog="python -m pke", description="Dasbor PKE: data dan benchmark")
    sub = p.add_subparsers(dest="perintah", required=True)

    d = sub.add_parser("demo", help="bangun basis data demo (sintetis, deterministik untuk satu seed)")
    d.add_argument("--db", type=Path, help=f"berkas tujuan (bawaan: PKE_DB atau {config.db_path()})")
    d.add_argument("--provinsi", help="bangun seluruh kabupaten/kota satu provinsi, mis. 33 (Jawa Tengah)")
    d.add_argument("--kabupaten", help="daftar kode kabupaten dipisah koma (bawaan: 33.15,33.04,33.06,33.10,62.02)")
    d.add_argument("--nasional", action="store_true", help="bangun seluruh 514 kabupaten/kota Indonesia")
    d.add_argument("--skala", type=float, default=1.0,
                   help="pengali jumlah keluarga (1 = skala P3KE demo; mis. 6,1 dengan --nasional ≈ 95 juta keluarga "
                        "DTSEN)")
    d.add_argument("--seed", type=int, default=2023)
    d.add_argument("--sampai", help="tanggal data terakhir (YYYY-MM-DD, bawaan: hari ini)")
    d.add_argument("--batas", help="folder batas wilayah (tata letak ../shared/boundaries) atau berkas "
                                   "GeoJSON/GeoPackage/Shapefile/GeoParquet; bawaan: PKE_BOUNDARIES atau ../shared/boundaries")
    d.add_argument("--tanpa-batas", action="store_true", help="bangun tanpa batas wilayah (peta diganti grafik wilayah)")
    d.add_argument("--cepat", action="store_true",
                   help="hanya lima kabupaten dokumen sumber (tanpa menyusulkan kabupaten/kota lain Jawa Tengah)")
    d.add_argument("--lanjut", action="store_true",
                   help="lanjutkan pembangunan kabupaten/kota yang tercatat belum dibangun (setelah dihentikan, "
                        "atau yang dijalankan aplikasi di latar belakang); menunggu bila sedang berjalan di proses lain")
    d.add_argument("--latar", action="store_true", help=argparse.SUPPRESS)  # the app's background process
    d.set_defaults(func=cmd_demo)

    b = sub.add_parser("bench", help="ukur waktu kueri setiap tampilan (median beberapa kali jalan)")
    b.add_argument("--db", action="append", default=[], help="berkas basis data (boleh diulang)")
    b.add_argument("--ulang", type=int, default=7, help="jumlah pengulangan per kueri")
    b.add_argument("--tulis", action="store_true", help="juga ukur penulisan: ubah target, laporan OPD, impor "
                                                        "satu kabupaten dan pembatalannya, 20 pembaca selama itu")
    b.add_argument("--tulis-saja", action="store_true", help="hanya ukur penulisan")
    b.add_argument("--baris", type=int, default=100_000, help="baris berkas impor (bawaan 100.000)")
    b.add_argument("--ulang-tulis", type=int, default=3, help="pengulangan impor (bawaan 3)")
    b.add_argument("--bangun", metavar="ARGUMEN", help="ukur satu pembangunan demo di proses anak, mis. "
                                                        "\"--provinsi 33\": waktu, RSS puncak, ukuran di disk")
    b.set_defaults(func=cmd_bench)

    i = sub.add_parser("impor", help="impor berkas (.xlsx/.csv) dengan validasi: keluarga P3KE, intervensi, "
                                     "SK lokus desa prioritas, target")
    i.add_argument("berkas")
    i.add_argument("--jenis", default="keluarga", choices=["keluarga", "individu", "intervensi", "sektor", "desa_prioritas", "target"])
    i.add_argument("--db", type=Path)
    i.add_argument("--snapshot", default=dt.date.today().isoformat(), help="tanggal data P3KE (YYYY-MM-DD)")
    i.add_argument("--pengguna", default="", help="nama petugas yang mengimpor (wajib kecuali --periksa)")
    i.add_argument("--periksa", action="store_true", help="hanya periksa (dry run); tidak menulis apa pun")
    i.add_argument("--ganti-kabupaten", action="store_true",
                   help="keluarga: berkas menggantikan seluruh kabupatennya, bukan hanya desa yang ada di berkas "
                        "(keluarga di desa lain hilang dari data aktif; perlu --ya)")
    i.add_argument("--ya", action="store_true", help="konfirmasi --ganti-kabupaten")
    i.set_defaults(func=cmd_impor)

    bt = sub.add_parser("batal-impor", help="batalkan satu impor: setiap tabel kembali persis seperti sebelumnya")
    bt.add_argument("id", type=int)
    bt.add_argument("--db", type=Path)
    bt.add_argument("--pengguna", required=True)
    bt.set_defaults(func=cmd_batal)

    lp = sub.add_parser("laporan", help="laporan triwulan satu wilayah sebagai PDF, PowerPoint dan Excel")
    lp.add_argument("--wilayah", required=True, help="kode wilayah, mis. 33 (provinsi) atau 33.15 (kabupaten)")
    lp.add_argument("--tahun", type=int, help="bawaan: tahun terakhir dalam data")
    lp.add_argument("--tw", type=int, choices=[1, 2, 3, 4], help="triwulan (bawaan: yang terakhir)")
    lp.add_argument("--bahasa", default="id", choices=["id", "en"])
    lp.add_argument("--format", default="pdf,pptx,xlsx", help="daftar dipisah koma: pdf,pptx,xlsx")
    lp.add_argument("--keluar", type=Path, default=Path("laporan"), help="folder tujuan (bawaan: ./laporan)")
    lp.add_argument("--db", type=Path)
    lp.set_defaults(func=cmd_laporan)

    from pke.akun import PERAN

    ak = sub.add_parser("akun", help="kelola akun: tambah, daftar, nonaktifkan, ganti kata sandi")
    ak_sub = ak.add_subparsers(dest="tindakan", required=True)
    store = argparse.ArgumentParser(add_help=False)
    store.add_argument("--store", type=Path,
                       help=f"penyimpanan operasional (bawaan: PKE_STORE atau {config.store_path()})")
    at = ak_sub.add_parser("tambah", parents=[store],
                           help="tambah akun; kata sandi ditanya dua kali, atau satu baris dari stdin")
    at.add_argument("nama")
    at.add_argument("--peran", required=True, choices=PERAN)
    at.add_argument("--wilayah", required=True, help="kode Kemendagri (mis. 33 atau 33.15) atau nasional")
    at.add_argument("--opd", help="nama OPD (wajib untuk peran opd)")
    at.add_argument("--email", help="alamat email (untuk masuk lewat SSO)")
    ad = ak_sub.add_parser("daftar", parents=[store], help="daftar akun (tanpa hash kata sandi)")
    ad.add_argument("--json", action="store_true", help="satu objek JSON per baris")
    an = ak_sub.add_parser("nonaktifkan", parents=[store], help="nonaktifkan akun dan cabut semua sesinya")
    an.add_argument("nama")
    asd = ak_sub.add_parser("sandi", parents=[store], help="ganti kata sandi (cara membacanya sama dengan tambah)")
    asd.add_argument("nama")
    ak.set_defaults(func=cmd_akun)

    au = sub.add_parser("audit", parents=[store], help="tampilkan log audit, atau `audit periksa` untuk "
                                                       "memeriksa rantai hash-nya")
    au.add_argument("tindakan", nargs="?", choices=["periksa"], help="periksa keutuhan rantai hash")
    au.add_argument("--json", action="store_true", help="satu objek JSON per baris")
    au.add_argument("--pengguna")
    au.add_argument("--aksi")
    au.add_argument("--dari", help="waktu ISO (UTC), mis. 2026-01-31 atau 2026-01-31T08:00")
    au.add_argument("--sampai", help="waktu ISO (UTC); tanggal saja = sampai akhir hari itu")
    au.add_argument("--batas", type=int, default=100, help="jumlah entri terbaru (bawaan: 100)")
    au.set_defaults(func=cmd_audit)

    bb = sub.add_parser("batas", help="batas wilayah untuk peta: unduh dari sumber hulu (komit dipatok, diperiksa "
                                      "SHA-256), atau periksa sebuah folder/berkas batas")
    bb_sub = bb.add_subparsers(dest="tindakan", required=True)
    bu = bb_sub.add_parser("unduh", help="unduh batas kabupaten, kecamatan dan desa dari cahyadsn/wilayah_boundaries "
                                         "(MIT) pada komit yang dipatok (pke/batas_unduh.py) ke data/batas")
    bu.add_argument("--provinsi", action="append",
                    help="kode provinsi, dipisah koma atau diulang (bawaan: 33,62, provinsi data demo); "
                         "'semua' untuk 38 provinsi (sekitar 380 MB)")
    bu.add_argument("--ke", type=Path, help="folder tujuan (bawaan: data/batas, diabaikan git)")
    bu.add_argument("--sumber", help="alamat dasar lain: cermin, file:///media/usb/wilayah_boundaries/ atau folder "
                                     "salinan repositori itu (bawaan: PKE_BATAS_URL atau raw.githubusercontent.com "
                                     "pada komit itu)")
    bu.add_argument("--batas-waktu", type=float, default=30.0, help="detik tanpa data sebelum menyerah (bawaan 30)")
    bp = bb_sub.add_parser("periksa", help="baca sebuah sumber batas dan bandingkan kodenya dengan data/wilayah.csv "
                                           "(mis. Shapefile/GeoPackage kantor sendiri)")
    bp.add_argument("sumber", nargs="?", type=Path,
                    help="folder (tata letak ../shared/boundaries) atau berkas GeoJSON/GeoPackage/Shapefile/"
                         "GeoParquet; bawaan: seperti demo")
    bp.add_argument("--kode", help="hanya wilayah di bawah kode ini, dipisah koma (mis. 33.15)")
    bp.add_argument("--kolom-kode", help="kolom kode Kemendagri berkas itu (juga PKE_BOUNDARIES_KOLOM_KODE)")
    bp.add_argument("--kolom-nama", help="kolom nama wilayah (juga PKE_BOUNDARIES_KOLOM_NAMA)")
    bb.set_defaults(func=cmd_batas)

    args = p.parse_args(argv)
    db = getattr(args, "db", None)
    if not isinstance(db, Path):
        return args.func(args)
    # every part of the run (the operational store beside it, the queries' view of it) follows --db
    lama = os.environ.get("PKE_DB")
    os.environ["PKE_DB"] = str(db)
    try:
        return args.func(args)
    finally:
        if lama is None:
            os.environ.pop("PKE_DB", None)
        else:
            os.environ["PKE_DB"] = lama


if __name__ == "__main__":
    raise SystemExit(main())
