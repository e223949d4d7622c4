"""Benchmark: times each view's queries (what one page run asks of the database, without Streamlit's
cache) and the map's server-side geometry, as medians of several runs, and prints a table."""
from __future__ import annotations

import json
import statistics
import time
from pathlib import Path

from pke import db, maps, peringkat, prioritas


def _tahun_tw(con) -> tuple[int, int]:
    p = db.jalankan(con, "periode").iloc[-1]
    return int(p["tahun"]), int(p["triwulan"])


def _wilayah_uji(con) -> list[tuple[str, str]]:
    """(label, code): the province, its largest kabupaten, and one kecamatan of it."""
    prov = db.jalankan(con, "wilayah_anak", induk="", lingkup="")
    if prov.empty:
        return []
    kode_prov = "33" if "33" in set(prov["kode"]) else prov.iloc[0]["kode"]
    kab = db.jalankan(con, "wilayah_anak", induk=kode_prov, lingkup="")
    kode_kab = "33.15" if "33.15" in set(kab["kode"]) else kab.iloc[0]["kode"]
    kec = db.jalankan(con, "wilayah_anak", induk=kode_kab, lingkup="")
    nasional = [("nasional", "")] if len(prov) > 1 else []  # a national database: the country as a whole too
    return nasional + [("provinsi", kode_prov), ("kabupaten", kode_kab), ("kecamatan", kec.iloc[0]["kode"])]


IDS_CONTOH: list[str] = []  # 500 households of the measured kabupaten: a verval sheet's rows


def _kueri_tampilan(kode: str, tahun: int, tw: int) -> dict[str, list[tuple[str, dict]]]:
    p = {"kode": kode, "tahun": tahun, "triwulan": tw}
    ling = maps.lingkup_peta(kode)
    peta = [("peta_wilayah", {"kode": ling.area, "panjang": ling.panjang, "klaster": "air", "tahun": tahun,
                              "triwulan": tw}),
            ("peta_garis", {"kode": ling.area, "panjang": ling.panjang_garis})]
    if ling.lapisan_prioritas:
        peta.append(("peta_desa_prioritas", {"kode": ling.area, "tahun": tahun}))
    daftar = dict(kode=kode, cari="", desil=[], klaster=[], status=[], lansia=False, sendiri=False, disabilitas=False, kronis=False,
                  belum_terjangkau=False, pkh=None, bpnt=None, sembako=None, bst=None, bpum=None, mulai=0, batas=100,
                  nama_sebagian=True, **prioritas.parameter())
    tampilan = {
        "sidebar": [("meta", {}), ("periode", {}), ("wilayah_jalur", {"kode": kode}), ("wilayah_anak", {"induk": ""}),
                    ("wilayah_anak", {"induk": kode[:2]}), ("wilayah_anak", {"induk": kode[:5]})],
        "Ringkasan": [("ringkasan_kpi", p), ("kebutuhan_per_klaster", p)],
        "Peta": peta,
        "Sektor": [("kebutuhan_per_klaster", p), ("kebutuhan_per_subwilayah", p), ("intervensi_per_opd", p)],
        "Progres Triwulan": [("progres_triwulan", {"kode": kode, "tahun": tahun}),
                             ("progres_per_subwilayah", p), ("progres_desa_prioritas", p), ("laporan_opd_klaster", p),
                             ("target_wilayah", {"kode": kode[:5] if len(kode) >= 5 else kode, "tahun": tahun})],
        "Evaluasi Provinsi": [("evaluasi_kabupaten", dict(p, kode=kode[:2])), ("tren_subwilayah", {"kode": kode[:2]})],
    }
    tampilan["Kualitas Data"] = [("kualitas_ringkas", {"kode": kode}), ("desa_banyak_pindah", {"kode": kode}),
                                 ("padan_per_wilayah", {"kode": kode})]
    tampilan["Profil Desa (pilih desa)"] = [("desa_pilihan", {"kode": kode, "tahun": tahun})]
    tampilan["Cari desa (panel kiri)"] = [("cari_desa", {"cari": "karang", "tahun": tahun})]
    tampilan["Impor Data"] = [("riwayat_impor", {})]
    # Peringkat Desa opened on a link (?klaster=jamban&prioritas=1) and on every village (the switch off); the register
    tampilan["Peringkat Desa"] = [("ringkasan_kpi", p), ("kebutuhan_per_klaster", p)] + [
        ("peringkat_desa", dict(p, klaster="jamban", ukuran="jumlah", naik=False, hanya_prioritas=prio))
        for prio in (True, False)]
    tampilan["Register Desa Prioritas"] = [("register_desa_prioritas", dict(p, urut="wilayah", fraksi=1.0,
                                                                             **peringkat.parameter_opd()))]
    if len(kode) >= 5:  # lists for follow-up are offered from kabupaten level down
        tampilan["Kualitas Data"] += [("kualitas_individu", {"kode": kode, "masalah": "tidak_padan", "batas": 1000}),
                                      ("kualitas_keluarga", {"kode": kode, "masalah": "tidak_di_dtks", "batas": 1000}),
                                      ("kualitas_sektor", {"kode": kode, "masalah": "dtks_tidak_di_p3ke", "batas": 1000}),
                                      ("ronde_verval", {"kode": kode}), ("verval_progres", {"kode": kode, "ronde": 1})]
        tampilan["Daftar Keluarga"] = [("daftar_keluarga_jumlah", daftar), ("daftar_keluarga", daftar),
                                       ("verval_keluarga", {"ids": IDS_CONTOH})]
        # the export of the whole filtered list (all desil-1 families): the query only, as read in batches
        tampilan["Daftar Keluarga (ekspor desil 1)"] = [("daftar_keluarga_ekspor", dict(daftar, desil=[1]))]
        tampilan["Peluang Kolaborasi"] = [("kebutuhan_desa_klaster", p)]
    if len(kode) == 8:
        desa = kode + ".2001"
        pd_ = {"kode": desa, "tahun": tahun, "triwulan": tw}
        tampilan["Profil Desa"] = [("profil_desa", {"kode": desa, "tahun": tahun}), ("kebutuhan_per_klaster", pd_),
                                   ("keluarga_per_desil", {"kode": desa}), ("intervensi_per_sumber", pd_),
                                   ("desa_sekecamatan", dict(p, kode=kode)),
                                   ("peta_wilayah", {"kode": kode, "panjang": 13, "klaster": "air", "tahun": tahun,
                                                     "triwulan": tw})]
    return tampilan


def _dengan_lingkup(nama: str, p: dict) -> dict:
    return dict(p, lingkup="") if "lingkup" in db.parameter(nama) else p


def semua_kueri_diukur() -> set[str]:
    """Every query the views run that this bench measures (a test checks none is missing)."""
    nama = set()
    for kode in ("33", "33.15", "33.15.01"):
        for daftar in _kueri_tampilan(kode, 2026, 4).values():
            nama |= {n for n, _ in daftar}
    return nama


def _ukur(fungsi, ulang: int) -> float:
    fungsi()  # warm-up: the first run reads the file into DuckDB's buffer
    waktu = []
    for _ in range(ulang):
        t = time.perf_counter()
        fungsi()
        waktu.append(time.perf_counter() - t)
    return statistics.median(waktu) * 1000


def bench_db(path: Path, ulang: int = 7) -> list[dict]:
    con = db.buka(path)
    n_keluarga = int(con.execute("SELECT count(*) FROM keluarga_aktif").fetchone()[0])
    tahun, tw = _tahun_tw(con)
    IDS_CONTOH[:] = [r[0] for r in con.execute(
        "SELECT id_keluarga_p3ke FROM keluarga_aktif WHERE kode_kemendagri LIKE '33.15.%' ORDER BY 1 LIMIT 500"
    ).fetchall()]
    hasil = []
    for tingkat, kode in _wilayah_uji(con):
        for tampilan, daftar in _kueri_tampilan(kode, tahun, tw).items():
            ms = _ukur(lambda: [db.jalankan(con, n, **_dengan_lingkup(n, p)) for n, p in daftar], ulang)
            hasil.append({"db": path.name, "keluarga": n_keluarga, "tingkat": tingkat, "kode": kode,
                          "ukuran": f"{tampilan} (kueri)", "ms": ms})
        # The map as the server prepares it: queries, build the Deck, serialise it for the browser.
        kueri_peta = _kueri_tampilan(kode, tahun, tw)["Peta"]

        def siap_peta():
            hasil_kueri = [db.jalankan(con, n, **_dengan_lingkup(n, p)) for n, p in kueri_peta]
            if hasil_kueri[0]["geojson"].isna().all():
                return 0
            deck, _ = maps.peta_wilayah(hasil_kueri[0], "tersisa", "uji", garis=hasil_kueri[1],
                                        prioritas=hasil_kueri[2] if len(hasil_kueri) > 2 else None)
            return len(deck.to_json())

        ukuran_json = siap_peta()
        ms = _ukur(siap_peta, max(3, ulang // 2))
        hasil.append({"db": path.name, "keluarga": n_keluarga, "tingkat": tingkat, "kode": kode,
                      "ukuran": f"Peta siap di server ({ukuran_json / 1e6:.2f} MB JSON)", "ms": ms})
    con.close()
    return hasil


def jalankan_bench(paths: list[Path], ulang: int = 7) -> int:
    baris = []
    for path in paths:
        if not path.exists():
            print(f"Tidak ada basis data: {path} (bangun dengan `python -m pke demo`)")
            return 1
        baris += bench_db(path, ulang)
    print(f"Median dari {ulang} kali jalan (setelah satu pemanasan), milidetik.\n")
    kepala = f"| {'basis data':<18} | {'keluarga':>10} | {'tingkat':<9} | {'kode':<8} | {'yang diukur':<40} | {'ms':>8} |"
    print(kepala)
    print("|" + "|".join("-" * (len(s)) for s in kepala.split("|")[1:-1]) + "|")
    for b in baris:
        print(f"| {b['db']:<18} | {b['keluarga']:>10,} | {b['tingkat']:<9} | {b['kode']:<8} | {b['ukuran']:<40} "
              f"| {b['ms']:>8.1f} |".replace(",", "."))
    print(json.dumps({"catatan": "target: kueri per tampilan < 150 ms pada skala provinsi; peta < 1000 ms"}))
    return 0
