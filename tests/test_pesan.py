"""The key messages (pke.pesan) on the fixture database (Kab. Grobogan): every number in a sentence is the number
the view shows — the same query, the same format — in Indonesian and English; empty data gives a sentence, never
an exception; every function has the one signature the views and the report call."""
from __future__ import annotations

import datetime as dt
import inspect

import pandas as pd
import pytest

from pke import db, fmt, klaster, kolaborasi, kualitas, maps, pesan, progres
from pke.i18n import dalam_bahasa
from tests.conftest import KAB

TAHUN, TW = 2026, 4


@pytest.fixture(scope="module")
def q(fixture_db):
    con = db.buka(fixture_db)

    def kueri(nama, **params):
        return klaster.terjemahkan(db.jalankan(con, nama, lingkup="", **params))

    yield kueri
    con.close()


@pytest.fixture(scope="module")
def kode(q):
    """A kecamatan and a priority village of the fixture."""
    kec = q("kebutuhan_per_subwilayah", kode=KAB, tahun=TAHUN, triwulan=TW)
    kode_kec = kec.groupby("kode")["tersisa"].sum().idxmax()
    desa = q("desa_sekecamatan", kode=kode_kec, tahun=TAHUN, triwulan=TW)
    return {"kecamatan": kode_kec, "desa": desa.loc[desa["prioritas"], "kode"].iloc[0]}


def _panggil(fungsi, q, kode, wilayah=None):
    return fungsi(q, kode, TAHUN, TW, wilayah)


def test_every_function_has_the_one_signature():
    for nama, fungsi in {**pesan.PER_HALAMAN, "peringkat": pesan.peringkat}.items():
        p = list(inspect.signature(fungsi).parameters.values())
        assert [x.name for x in p[:5]] == ["q", "kode", "tahun", "triwulan", "wilayah"], nama
        assert p[4].default is None, nama
        assert all(x.kind is inspect.Parameter.KEYWORD_ONLY for x in p[5:]), nama
    assert set(pesan.PER_HALAMAN) == {"ringkasan", "peta", "sektor", "progres", "evaluasi", "desa", "kolaborasi",
                                      "kualitas"}


def test_ringkasan_numbers_are_the_views(q):
    kpi = q("ringkasan_kpi", kode=KAB, tahun=TAHUN, triwulan=TW).set_index("periode").loc["ini"]
    per_klaster = q("kebutuhan_per_klaster", kode=KAB, tahun=TAHUN, triwulan=TW)
    terbesar = per_klaster.loc[per_klaster["tersisa"].idxmax()]
    # the quarter against target: the Evaluasi view's "Capaian target s.d. TW IV" of this kabupaten
    ev = q("evaluasi_kabupaten", kode=KAB[:2], tahun=TAHUN, triwulan=TW).set_index("kode").loc[KAB]
    assert pd.notna(ev["capaian_target"])
    harap = (f"Kab. Grobogan: {fmt.angka(kpi['desa_prioritas'])} desa prioritas; PR terbesar {terbesar['label']} "
             f"({fmt.angka(terbesar['tersisa'])} keluarga); TW IV: {fmt.persen(ev['capaian_target'])} dari target.")
    assert _panggil(pesan.ringkasan, q, KAB) == harap
    assert _panggil(pesan.ringkasan, q, KAB, "Grobogan").startswith("Grobogan: ")
    assert pesan.klaster_terbesar(q, KAB, TAHUN, TW) == terbesar["klaster"]


def test_ringkasan_in_english(q):
    kpi = q("ringkasan_kpi", kode=KAB, tahun=TAHUN, triwulan=TW).set_index("periode").loc["ini"]
    with dalam_bahasa("en"):
        teks = _panggil(pesan.ringkasan, q, KAB)
        angka = fmt.angka(kpi["desa_prioritas"])
    assert teks.startswith(f"Kab. Grobogan: {angka} priority villages; biggest gap ")
    assert "households); Q IV: " in teks and teks.endswith("% of target.")
    for kata in ("keluarga", "desa", "dari", "terbesar"):
        assert kata not in teks.replace("Kab. Grobogan", ""), kata


def test_peta_names_the_cluster_and_the_heaviest_region(q):
    kunci = pesan.klaster_terbesar(q, KAB, TAHUN, TW)
    ling = maps.lingkup_peta(KAB)
    data = q("peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci, tahun=TAHUN, triwulan=TW)
    terberat = data.sort_values("tersisa_per_100", ascending=False, kind="stable").iloc[0]
    tersisa = q("kebutuhan_per_klaster", kode=KAB, tahun=TAHUN, triwulan=TW).set_index("klaster").loc[kunci, "tersisa"]
    assert _panggil(pesan.peta, q, KAB) == (
        f"Kab. Grobogan · {klaster.label(kunci)}: {fmt.angka(tersisa)} keluarga tersisa; terberat {terberat['nama']} "
        f"({fmt.angka(terberat['tersisa_per_100'], 1)} per 100 keluarga).")
    # the cluster the view shows, when the user chose another one
    assert pesan.peta(q, KAB, TAHUN, TW, klaster="listrik").startswith("Kab. Grobogan · Tanpa listrik: ")


def test_peta_of_a_village_ranks_it_in_its_kecamatan(q, kode):
    desa = kode["desa"]
    kunci = pesan.klaster_terbesar(q, desa, TAHUN, TW)
    data = q("peta_wilayah", kode=desa[:8], panjang=13, klaster=kunci, tahun=TAHUN, triwulan=TW)
    urut = data.sort_values("tersisa_per_100", ascending=False, kind="stable").reset_index(drop=True)
    baris = urut[urut["kode"] == desa].iloc[0]
    assert _panggil(pesan.peta, q, desa, "X") == (
        f"X · {klaster.label(kunci)}: {fmt.angka(baris['tersisa'])} keluarga tersisa "
        f"({fmt.angka(baris['tersisa_per_100'], 1)} per 100 keluarga); peringkat "
        f"{urut.index[urut['kode'] == desa][0] + 1} dari {len(urut)} desa di kecamatannya.")


def test_sektor_names_the_gap_its_agency_and_the_share_closed(q):
    per_klaster = q("kebutuhan_per_klaster", kode=KAB, tahun=TAHUN, triwulan=TW)
    b = per_klaster.loc[per_klaster["tersisa"].idxmax()]
    assert _panggil(pesan.sektor, q, KAB) == (
        f"Kab. Grobogan: PR terbesar {b['label']}: {fmt.angka(b['tersisa'])} keluarga tersisa, "
        f"{fmt.persen(b['persen_tertutup'])} tertutup (OPD {b['opd']}); "
        f"{fmt.persen(per_klaster['selesai'].sum() / per_klaster['kebutuhan'].sum())} dari seluruh kebutuhan tertutup.")


def test_progres_against_target_and_the_cluster_furthest_behind(q):
    data = q("progres_triwulan", kode=KAB, tahun=TAHUN)
    meta = dict(zip(*q("meta").to_dict("list").values()))
    tanggal = dt.date.fromisoformat(meta["tanggal_data"])
    # the data runs to 23 November 2026: TW IV is still running and judged against its pro-rated target
    berjalan = progres.triwulan_berjalan(TAHUN, TW, tanggal)
    assert (berjalan.hari, berjalan.hari_total) == (54, 92)
    pk = progres.per_klaster(data, TW, progres.triwulan_berlalu(TAHUN, tanggal), berjalan)
    r, tg, pr = pk["realisasi_kumulatif"].sum(), pk["target_kumulatif"].sum(), pk["target_pro_rata"].sum()
    assert pr < tg
    dinilai = pk[pk["capaian"].notna()]
    sesuai = int((dinilai["capaian"] >= progres.BATAS_SESUAI).sum())
    teks = _panggil(pesan.progres, q, KAB)
    assert teks.startswith(f"Kab. Grobogan: TW IV berjalan (data s.d. 23 November 2026, 54 dari 92 hari): "
                           f"{fmt.persen(r / pr)} dari target pro-rata ({fmt.angka(r)} dari {fmt.angka(pr)} keluarga), "
                           f"{fmt.persen(r / tg)} dari target penuh; {sesuai} dari {len(dinilai)} klaster sesuai target")
    if sesuai < len(dinilai):
        paling = dinilai.loc[dinilai["capaian"].idxmin()]
        assert teks.endswith(f"; paling tertinggal {paling['label']} ({fmt.persen(paling['capaian'])}, "
                             f"{paling['status']}).")
    # a quarter the data covers in full: against the full target, as before
    pk = progres.per_klaster(data, 3, progres.triwulan_berlalu(TAHUN, tanggal), berjalan)
    r, tg = pk["realisasi_kumulatif"].sum(), pk["target_kumulatif"].sum()
    assert pesan.progres(q, KAB, TAHUN, 3, "Kab. Grobogan").startswith(
        f"Kab. Grobogan: TW III: {fmt.persen(r / tg)} dari target ({fmt.angka(r)} dari {fmt.angka(tg)} keluarga); ")
    with dalam_bahasa("en"):
        assert _panggil(pesan.progres, q, KAB).startswith(
            "Kab. Grobogan: Q IV in progress (data to 23 November 2026, 54 of 92 days): ")
    # a kecamatan without targets of its own (the fixture sets them per kabupaten): it says so
    kec = pesan.progres(q, "33.15.01", TAHUN, TW, "Kedungjati")
    assert kec.startswith("Kedungjati: belum ada target tahun 2026; ")
    assert kec.endswith(" kebutuhan tertutup sampai TW IV.")


def test_evaluasi_counts_kabupaten_on_track(q):
    ev = q("evaluasi_kabupaten", kode="33", tahun=TAHUN, triwulan=TW)
    # TW IV 2026 runs on the data's date (23 November): judged against the pro-rated target, as Progres judges it
    tanggal = dt.date(2026, 11, 23)
    capaian = [progres.capaian_pro_rata(r, tk, tt, TAHUN, TW, tanggal)
               for r, tk, tt in zip(ev["realisasi_kumulatif"], ev["target_kumulatif"], ev["target_triwulan"])]
    assert list(pesan.capaian_kabupaten(ev, TAHUN, TW, tanggal)) == capaian
    sesuai = sum(progres.status_pro_rata(r, tk, tt, TAHUN, TW, tanggal) is progres.SESUAI
                 for r, tk, tt in zip(ev["realisasi_kumulatif"], ev["target_kumulatif"], ev["target_triwulan"]))
    teks = _panggil(pesan.evaluasi, q, KAB)  # from a kabupaten: its province
    assert teks.startswith(f"Jawa Tengah: {sesuai} dari {len(ev)} kabupaten/kota sesuai target pro-rata TW IV "
                           "berjalan (data s.d. 23 November 2026)")
    if sesuai < len(ev):
        i = min(range(len(ev)), key=capaian.__getitem__)
        assert f"paling tertinggal {ev['nama'].iloc[i]} ({fmt.persen(capaian[i])})" in teks
    # a quarter the data covers in full: the full target
    lalu = q("evaluasi_kabupaten", kode="33", tahun=TAHUN, triwulan=3)
    sesuai = sum(progres.status(r, tg) is progres.SESUAI
                 for r, tg in zip(lalu["realisasi_kumulatif"], lalu["target_kumulatif"]))
    assert pesan.evaluasi(q, KAB, TAHUN, 3, "Jawa Tengah").startswith(
        f"Jawa Tengah: {sesuai} dari {len(lalu)} kabupaten/kota sesuai target sampai TW III")
    assert f"{int(ev['prioritas'].sum())} kabupaten/kota prioritas" in teks
    assert pesan.peringkat(q, "33", TAHUN, TW) == teks


def test_desa_priority_opd_and_biggest_gaps(q, kode):
    desa = kode["desa"]
    p = q("profil_desa", kode=desa, tahun=TAHUN).iloc[0]
    per_klaster = q("kebutuhan_per_klaster", kode=desa, tahun=TAHUN, triwulan=TW)
    dua = per_klaster[per_klaster["tersisa"] > 0].sort_values("tersisa", ascending=False, kind="stable").head(2)
    opd = f"OPD pendamping {p['opd_pendamping']}" if p["opd_pendamping"] else "OPD pendamping belum ditetapkan"
    gap = ", ".join(f"{r.label} ({fmt.angka(r.tersisa)})" for r in dua.itertuples())
    assert _panggil(pesan.desa, q, desa) == (
        f"{'Kelurahan' if p['is_kelurahan'] else 'Desa'} {p['nama']}: desa prioritas PKE {TAHUN}; {opd}; "
        f"kebutuhan tersisa terbesar {gap}.")
    # for a region that is not one village, Profil Desa's message is Ringkasan's
    assert _panggil(pesan.desa, q, KAB) == _panggil(pesan.ringkasan, q, KAB)


def test_peringkat_names_the_heaviest_sub_regions(q, kode):
    anak = q("kebutuhan_per_subwilayah", kode=KAB, tahun=TAHUN, triwulan=TW)
    total = anak.groupby("nama", sort=False)["tersisa"].sum().sort_values(ascending=False, kind="stable").head(3)
    assert _panggil(pesan.peringkat, q, KAB) == "Kab. Grobogan: kebutuhan tersisa terbanyak di " + ", ".join(
        f"{n} ({fmt.angka(v)})" for n, v in total.items()) + "."
    desa = kode["desa"]
    banding = list(q("desa_sekecamatan", kode=desa[:8], tahun=TAHUN, triwulan=TW)["kode"])
    assert _panggil(pesan.peringkat, q, desa, "X") == (
        f"X: peringkat {banding.index(desa) + 1} dari {len(banding)} desa di kecamatannya menurut kebutuhan tersisa "
        "per 100 keluarga (1 = paling berat).")


def test_kolaborasi_is_the_views_computation(q, kode):
    kec = kode["kecamatan"]
    kebutuhan = q("kebutuhan_desa_klaster", kode=kec, tahun=TAHUN, triwulan=TW)
    kebutuhan = kebutuhan[kebutuhan["klaster"].isin(["rtlh", "jamban", "air", "listrik"])]
    per_desa = kolaborasi.jangkauan(kolaborasi.hitung(kebutuhan, kolaborasi.tabel_biaya(), "belum"), 5e9)
    terjangkau = per_desa[per_desa["terjangkau"]]
    assert _panggil(pesan.kolaborasi, q, kec, "K") == (
        f"K: perkiraan biaya {fmt.rupiah(per_desa['biaya'].sum())} untuk "
        f"{fmt.angka(per_desa['keluarga_dibantu'].sum())} keluarga di {len(per_desa)} desa; anggaran Rp 5,0 M "
        f"menjangkau {len(terjangkau)} desa ({fmt.angka(terjangkau['keluarga_dibantu'].sum())} keluarga).")
    # the view's own choices
    kecil = pesan.kolaborasi(q, kec, TAHUN, TW, "K", klaster=["listrik"], dasar="tersisa", anggaran=0)
    assert "menjangkau 0 desa (0 keluarga)" in kecil
    assert "dihitung per kabupaten/kota" in _panggil(pesan.kolaborasi, q, "33")


def test_kualitas_names_the_biggest_problem(q):
    rk = kualitas.ringkasan(q("kualitas_ringkas", kode=KAB).iloc[0]).sort_values("jumlah", ascending=False,
                                                                                kind="stable")
    a = rk.iloc[0]
    teks = _panggil(pesan.kualitas, q, KAB)
    assert teks.startswith(f"Kab. Grobogan: masalah data terbesar {a['label']} ({fmt.angka(a['jumlah'])}")
    assert f"; lalu {rk.iloc[1]['label']} ({fmt.angka(rk.iloc[1]['jumlah'])}" in teks


def _kosong(q):
    """Every query answers with no rows (its columns kept)."""
    return lambda nama, **p: q(nama, **p).iloc[0:0]


def _tanpa_apa_pun(q):
    """No needs, no targets, nothing closed: the numbers a brand-new kabupaten would have."""
    def kueri(nama, **p):
        df = q(nama, **p)
        for c in ("kebutuhan", "belum", "rencana", "proses", "selesai", "tersisa", "target", "target_kumulatif",
                  "realisasi", "realisasi_kumulatif", "desa_prioritas", "jumlah", "tersisa_per_100"):
            if c in df:
                df[c] = 0 if c not in ("target", "target_kumulatif") else None
        for c in ("persen_tertutup", "capaian_target"):
            if c in df:
                df[c] = None
        if nama == "kualitas_ringkas":
            df.loc[:, [c for c in df.columns if c not in ("kode", "kode_induk")]] = 0
        return df
    return kueri


@pytest.mark.parametrize("ubah", [_kosong, _tanpa_apa_pun])
@pytest.mark.parametrize("tingkat", ["", "33", KAB, "kecamatan", "desa"])
def test_empty_data_gives_a_sentence(q, kode, ubah, tingkat):
    kode_ = kode.get(tingkat, tingkat)
    kueri = ubah(q)
    for bahasa in ("id", "en"):
        with dalam_bahasa(bahasa):
            for nama, fungsi in {**pesan.PER_HALAMAN, "peringkat": pesan.peringkat}.items():
                teks = fungsi(kueri, kode_, TAHUN, TW, "Wilayah")
                assert isinstance(teks, str) and teks.startswith("Wilayah") and teks.endswith("."), (nama, teks)
            assert pesan.klaster_terbesar(kueri, kode_, TAHUN, TW) in klaster.KUNCI


def test_empty_data_says_so(q):
    kueri = _tanpa_apa_pun(q)
    assert pesan.ringkasan(kueri, KAB, TAHUN, TW, "W") == ("W: 0 desa prioritas; tidak ada kebutuhan tercatat; "
                                                          "TW IV: belum ada target.")
    assert pesan.progres(kueri, KAB, TAHUN, TW, "W") == ("W: belum ada target tahun 2026; 0 kebutuhan tertutup "
                                                        "sampai TW IV.")
    assert pesan.kualitas(kueri, KAB, TAHUN, TW, "W") == "W: tidak ada masalah data tercatat."
    assert pesan.sektor(_kosong(q), KAB, TAHUN, TW, "W") == "W: tidak ada kebutuhan tercatat."
    assert pesan.desa(_kosong(q), "33.15.01.2001", TAHUN, TW, "W") == "W: tidak ada data desa ini."


def test_tindak_lanjut_counts_done_and_overdue():
    hari = dt.date(2026, 11, 23)
    daftar = pd.DataFrame({
        "keputusan": ["Verifikasi ulang data jamban", "Usulkan sambungan listrik", "Rekonsiliasi RTLH"],
        "opd": ["Dinkes", "Disperindag", "Disperakim"],
        "tenggat": [dt.date(2026, 10, 1), dt.date(2026, 12, 31), dt.date(2026, 9, 1)],
        "status_opd": ["berjalan", "berjalan", "selesai"]})
    assert pesan.tindak_lanjut(daftar, "W", hari) == "W: 3 keputusan rakor: 1 selesai, 1 lewat tenggat."
    # pke.tindak_lanjut.daftar computes the status shown itself: it is taken as it is
    dihitung = daftar.assign(status=["berjalan", "berjalan", "selesai"])
    assert pesan.tindak_lanjut(dihitung, "W", hari) == "W: 3 keputusan rakor: 1 selesai, 0 lewat tenggat."
    assert pesan.tindak_lanjut(daftar.iloc[0:0], "W") == "W: belum ada keputusan rakor yang tercatat."
    assert pesan.tindak_lanjut(None, "W") == "W: belum ada keputusan rakor yang tercatat."
    with dalam_bahasa("en"):
        assert pesan.tindak_lanjut(daftar, "W", hari) == "W: 3 meeting decisions: 1 done, 1 past their deadline."
