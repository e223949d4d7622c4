"""The quarterly report of a region: the same queries as the views, gathered into sections once, then written
as a paginated PDF (reportlab), a PowerPoint deck with one slide per section (python-pptx) and an Excel
workbook of the underlying tables (openpyxl). Charts and the map are the dashboard's Vega-Lite specs rendered
to PNG by vl-convert (in-process, no browser). Numbers and dates follow the report's language (Indonesian by default).

    lap = susun(con, "33.15", 2026, 4, bahasa="id", progres=lambda f, pesan: ...)
    pdf(lap), pptx(lap), xlsx(lap)  -> bytes

Long tables are never cut: the PDF repeats the header row on each page a table continues onto, the deck
continues a table on further slides titled "(lanjutan)"."""
from __future__ import annotations

import datetime as dt
import io
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

import pandas as pd

from pke import charts, db, fmt, klaster, kualitas, maps, progres
from pke.ekspor import amankan_buku
from pke.i18n import dalam_bahasa, t

Progres = Callable[[float, str], None]


@dataclass
class Tabel:
    """A table as shown (formatted text) and as data (numbers, for Excel); `persen` columns hold shares 0–1."""
    tampil: pd.DataFrame
    data: pd.DataFrame
    persen: tuple[str, ...] = ()
    rupiah: tuple[str, ...] = ()


@dataclass
class Bagian:
    kunci: str
    judul: str
    teks: list[str] = field(default_factory=list)
    angka: list[tuple[str, str]] = field(default_factory=list)  # headline figures: (label, formatted value)
    gambar: bytes | None = None                                 # PNG
    keterangan_gambar: str = ""
    tabel: Tabel | None = None


@dataclass
class Laporan:
    judul: str
    wilayah: str
    periode: str
    dibuat: str
    bahasa: str
    nama_berkas: str
    demo: bool
    bagian: list[Bagian]


def _q(con, lingkup: str, nama: str, **params) -> pd.DataFrame:
    return klaster.terjemahkan(db.jalankan(con, nama, lingkup=lingkup, **params))


def _tabel(df: pd.DataFrame, kolom: dict[str, str], persen=(), rupiah=(), desimal: dict[str, int] | None = None) -> Tabel:
    """Rename `kolom` (source -> shown label), and format: shares as %, rupiah, other numbers with separators."""
    data = df[list(kolom)].rename(columns=kolom).reset_index(drop=True)
    persen = tuple(kolom[k] for k in persen)
    rupiah = tuple(kolom[k] for k in rupiah)
    desimal = {kolom[k]: v for k, v in (desimal or {}).items()}
    tampil = data.copy()
    for c, f in fmt.format_kolom(data, persen, rupiah, desimal).items():
        tampil[c] = [f(v) for v in data[c]]
    return Tabel(tampil, data, persen, rupiah)


def _png(spek: dict, lebar: int = 1000, tinggi: int | None = None) -> bytes:
    """A chart spec as PNG at twice the pixels (sharp on a projector and in print), drawn by vl-convert in
    this process: no browser, nothing downloaded."""
    import vl_convert

    spek = {**spek, "width": lebar, "autosize": {"type": "fit", "contains": "padding"}}
    if tinggi:
        spek["height"] = tinggi
    return vl_convert.vegalite_to_png(spek, scale=2)


def susun(con, kode: str, tahun: int, triwulan: int, bahasa: str = "id", gambar: bool = True,
          progres_cb: Progres | None = None, *, lingkup: str) -> Laporan:
    """Gather every section of the quarterly report of region `kode` (a province, kabupaten, kecamatan or desa),
    with nothing from outside region scope `lingkup` (a code prefix; '' for all)."""
    lapor = progres_cb or (lambda f, pesan: None)
    with dalam_bahasa(bahasa):
        return _susun(con, kode, tahun, triwulan, bahasa, gambar, lapor, lingkup)


def _susun(con, kode, tahun, triwulan, bahasa, gambar, lapor, lingkup) -> Laporan:
    p = {"kode": kode, "tahun": tahun, "triwulan": triwulan}
    meta = dict(db.jalankan(con, "meta").itertuples(index=False))
    jalur = _q(con, lingkup, "wilayah_jalur", kode=kode)
    wilayah = " › ".join(jalur["nama"]) or t("Semua wilayah")
    periode = fmt.triwulan(tahun, triwulan)
    bagian: list[Bagian] = []
    # 1. Headline figures
    lapor(0.1, t("Angka utama"))
    kpi = _q(con, lingkup, "ringkasan_kpi", **p).set_index("periode")
    ini, lalu = kpi.loc["ini"], kpi.loc["sebelumnya"]
    per_klaster = _q(con, lingkup, "kebutuhan_per_klaster", **p)
    angka = [
        (t("Keluarga P3KE"), fmt.angka(ini["keluarga"])),
        (t("Individu P3KE"), fmt.angka(ini["individu"])),
        (t("Keluarga desil 1"), fmt.angka(ini["keluarga_desil1"])),
        (t("Desa prioritas"), fmt.angka(ini["desa_prioritas"])),
        (t("Keluarga dengan kebutuhan tersisa"), fmt.angka(ini["keluarga_berkebutuhan"])),
        (t("Kebutuhan tertutup tahun ini"), fmt.persen(ini["persen_tertutup_tahun_ini"])),
    ]
    teks = []
    if lalu["keluarga"] > 0:
        teks.append(t("Dibanding {periode}: keluarga P3KE {kel}, keluarga dengan kebutuhan tersisa {sisa}.",
                      periode=fmt.triwulan_singkat(lalu["tahun"], lalu["triwulan"]),
                      kel=fmt.selisih(ini["keluarga"] - lalu["keluarga"]),
                      sisa=fmt.selisih(ini["keluarga_berkebutuhan"] - lalu["keluarga_berkebutuhan"])))
    teks.append(t("{tertutup} dari {awal} kebutuhan (keluarga × klaster) yang terbuka pada awal {tahun} telah "
                  "selesai diintervensi.", tertutup=fmt.angka(ini["tertutup_tahun_ini"]),
                  awal=fmt.angka(ini["kebutuhan_awal_tahun"]), tahun=tahun))
    terbesar = per_klaster.sort_values("tersisa", ascending=False).iloc[0]
    if per_klaster["kebutuhan"].sum() > 0:
        teks.append(t("**PR terbesar:** {klaster} — {n} keluarga belum tertangani ({p} sudah tertutup).",
                      klaster=terbesar["label"], n=fmt.angka(terbesar["tersisa"]),
                      p=fmt.persen(terbesar["persen_tertutup"])))
    bagian.append(Bagian("angka", t("Angka utama"), teks=teks, angka=angka))

    # 2. Map of the biggest remaining gap, per 100 households
    lapor(0.25, t("Peta"))
    ling = maps.lingkup_peta(kode)
    kunci_peta = terbesar["klaster"]
    peta = _q(con, lingkup, "peta_wilayah", kode=ling.area, panjang=ling.panjang, klaster=kunci_peta, tahun=tahun,
              triwulan=triwulan)
    judul_peta = t("{klaster}: tersisa per 100 keluarga", klaster=klaster.label(kunci_peta))
    b = Bagian("peta", t("Peta kebutuhan"), teks=[judul_peta])
    if gambar and peta["geojson"].notna().any():
        prio = _q(con, lingkup, "peta_desa_prioritas", kode=ling.area, tahun=tahun) if ling.lapisan_prioritas else None
        b.gambar = _png(charts.peta_statis(peta, "tersisa_per_100", None, 1, prio), 1000, 560)
        b.keterangan_gambar = t("Warna: {judul} pada akhir {periode}. Garis biru tua: desa prioritas tahun {tahun}.",
                                judul=judul_peta.lower(), periode=periode, tahun=tahun)
    elif not peta["geojson"].notna().any():
        b.teks.append(t("Batas wilayah belum dimuat di basis data ini, jadi peta tidak dapat digambar; "
                        "tabel di bawah menggantikannya."))
    teratas = peta.sort_values("tersisa_per_100", ascending=False).head(15)
    b.teks.append(t("Wilayah dengan {klaster} tersisa terbanyak per 100 keluarga:",
                    klaster=klaster.label(kunci_peta).lower()))
    b.tabel = _tabel(teratas, {"nama": t("Wilayah"), "nama_induk": t("Induk"), "keluarga": t("Keluarga P3KE"),
                               "tersisa": t("Tersisa"), "tersisa_per_100": t("Tersisa per 100 keluarga")},
                     desimal={"tersisa_per_100": 1})
    bagian.append(b)

    # 3. Sector gaps
    lapor(0.45, t("Kebutuhan per sektor"))
    b = Bagian("sektor", t("Kebutuhan per sektor"))
    if gambar and per_klaster["kebutuhan"].sum() > 0:
        b.gambar = _png(charts.kebutuhan_tersisa_per_klaster(per_klaster), 1000)
    b.teks.append(t("Keluarga dengan kebutuhan per klaster dan status intervensinya pada akhir {periode}. "
                    "Tersisa = kebutuhan − selesai.", periode=periode))
    b.tabel = _tabel(per_klaster, {"label": t("Klaster"), "opd": t("OPD penanggung jawab"),
                                   "kebutuhan": t("Kebutuhan"), "rencana": t("Rencana"), "proses": t("Proses"),
                                   "selesai": t("Selesai"), "tersisa": t("Tersisa"),
                                   "persen_tertutup": t("% tertutup")}, persen=("persen_tertutup",))
    bagian.append(b)

    # 4. Progress against targets
    lapor(0.6, t("Progres terhadap target"))
    data = _q(con, lingkup, "progres_triwulan", kode=kode, tahun=tahun)
    berlalu = progres.triwulan_berlalu(tahun, dt.date.fromisoformat(meta["tanggal_data"]))
    pk = progres.per_klaster(data, triwulan, berlalu)
    b = Bagian("progres", t("Progres terhadap target"), teks=[progres.aturan()])
    if pk["target"].isna().all():
        b.teks.append(t("Belum ada target untuk wilayah dan tahun ini. Target ditetapkan per kabupaten/kota; "
                        "pilih kabupaten/kota (atau provinsi untuk jumlahnya)."))
    b.tabel = _tabel(pk, {"label": t("Klaster"), "target_kumulatif": t("Target kumulatif"),
                          "realisasi_kumulatif": t("Realisasi kumulatif"), "capaian": t("Capaian"),
                          "status": t("Status"), "target_tahun": t("Target setahun"),
                          "proyeksi": t("Proyeksi akhir tahun")}, persen=("capaian",))
    if gambar and pk["target"].notna().any():
        satu = data[data["klaster"] == kunci_peta]
        baris = pk.set_index("klaster").loc[kunci_peta]
        b.gambar = _png(charts.progres_kumulatif(satu, baris["proyeksi"]), 1000, 420)
        b.keterangan_gambar = t("Kumulatif menuju target akhir tahun: {klaster}.", klaster=klaster.label(kunci_peta))
    bagian.append(b)

    # 5. Ranking: kabupaten of a province, or the sub-regions below a kabupaten/kecamatan
    lapor(0.75, t("Peringkat wilayah"))
    if len(kode) == 2:
        ev = _q(con, lingkup, "evaluasi_kabupaten", kode=kode, tahun=tahun, triwulan=triwulan)
        ev["status"] = [t(progres.status(r, tg).label) for r, tg in zip(ev["realisasi_kumulatif"],
                                                                        ev["target_kumulatif"])]
        ev["nama"] = [("★ " if pr else "") + n for n, pr in zip(ev["nama"], ev["prioritas"])]
        ev["pr"] = [f"{pr} ({fmt.angka(n)})" if pr else "–" for pr, n in zip(ev["pr_terbesar"],
                                                                              ev["pr_terbesar_tersisa"])]
        b = Bagian("peringkat", t("Peringkat kabupaten/kota"), teks=[
            t("**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.", n=len(ev),
              prioritas=int(ev["prioritas"].sum())) + " " + t("Diurutkan menurut % kebutuhan tertutup.")])
        ev = ev.sort_values("persen_tertutup", ascending=False)
        b.tabel = _tabel(ev, {"nama": t("Kabupaten/Kota"), "keluarga_desil1": t("Keluarga desil 1"),
                              "persen_tertutup": t("% kebutuhan tertutup"),
                              "capaian_target": t("Capaian target s.d. {tw}", tw=fmt.tw(triwulan)),
                              "status": t("Status"), "pr": t("PR terbesar (keluarga tersisa)")},
                         persen=("persen_tertutup", "capaian_target"))
        bagian.append(b)
    elif len(kode) < 13:
        anak = _q(con, lingkup, "kebutuhan_per_subwilayah", **p)
        if not anak.empty:
            tingkat = {5: t("Kecamatan"), 8: t("Desa/Kelurahan")}[len(kode)]
            urut = list(dict.fromkeys(anak["label_singkat"]))
            pivot = anak.pivot_table(index="nama", columns="label_singkat", values="tersisa", aggfunc="sum",
                                     sort=False).reindex(columns=urut).reset_index()
            pivot.insert(1, "total", pivot[urut].sum(axis=1))
            pivot = pivot.sort_values("total", ascending=False)
            b = Bagian("peringkat", t("Kebutuhan tersisa per {tingkat}", tingkat=tingkat.lower()), teks=[
                t("Keluarga dengan kebutuhan tersisa per klaster pada akhir {periode}, wilayah terberat di atas.",
                  periode=periode)])
            b.tabel = _tabel(pivot, {"nama": tingkat, "total": t("Jumlah"), **{u: u for u in urut}})
            bagian.append(b)

    # 6. Data quality
    lapor(0.85, t("Kualitas data"))
    q = _q(con, lingkup, "kualitas_ringkas", kode=kode)
    if not q.empty:
        rk = kualitas.ringkasan(q.iloc[0])
        b = Bagian("kualitas", t("Ringkasan kualitas data"), teks=[
            t("Masalah data yang perlu ditindaklanjuti OPD dan desa; daftar rinci (NIK disamarkan) ada di halaman "
              "Kualitas Data dasbor.")])
        b.tabel = _tabel(rk, {"label": t("Masalah"), "jumlah": t("Jumlah"), "persen": t("% dari total"),
                              "keterangan": t("Keterangan")}, persen=("persen",))
        bagian.append(b)
    lapor(1.0, t("Selesai"))
    nama = jalur["nama"].iloc[-1] if not jalur.empty else t("Semua wilayah")
    return Laporan(
        judul=t("Laporan Triwulan Penghapusan Kemiskinan Ekstrem"), wilayah=wilayah, periode=periode,
        dibuat=t("Data per {tanggal}; dibuat {dibuat}.", tanggal=fmt.tanggal(meta.get("tanggal_data")),
                 dibuat=fmt.tanggal(dt.date.today())),
        bahasa=bahasa, demo=meta.get("demo") == "ya",
        nama_berkas=f"laporan_pke_{(kode or 'semua').replace('.', '')}_{tahun}_tw{triwulan}_{bahasa}_"
                    f"{''.join(c for c in nama.lower() if c.isalnum())[:24]}",
        bagian=bagian)


# ---------- PDF --------------------------------------------------------------------------------------

_FONT = None


def _font() -> tuple[str, str]:
    """A TrueType font with the glyphs the report uses (≥, ★, ›, –): DejaVu Sans when the system has it
    (Debian: fonts-dejavu-core), else the Bitstream Vera that ships with reportlab."""
    global _FONT
    if _FONT:
        return _FONT
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont
    import reportlab

    calon = [(Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
              Path("/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf")),
             (Path(reportlab.__file__).parent / "fonts" / "Vera.ttf",
              Path(reportlab.__file__).parent / "fonts" / "VeraBd.ttf")]
    for biasa, tebal in calon:
        if biasa.exists() and tebal.exists():
            pdfmetrics.registerFont(TTFont("PKE", str(biasa)))
            pdfmetrics.registerFont(TTFont("PKE-Bold", str(tebal)))
            from reportlab.lib.fonts import addMapping
            addMapping("PKE", 0, 0, "PKE")
            addMapping("PKE", 1, 0, "PKE-Bold")
            addMapping("PKE", 0, 1, "PKE")
            addMapping("PKE", 1, 1, "PKE-Bold")
            _FONT = ("PKE", "PKE-Bold")
            return _FONT
    _FONT = ("Helvetica", "Helvetica-Bold")
    return _FONT


def _markah(teks: str) -> str:
    """**bold** markdown to reportlab's <b>, with &, < and > escaped."""
    import re

    teks = teks.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return re.sub(r"\*\*(.+?)\*\*", r"<b>\1</b>", teks)


def pdf(lap: Laporan) -> bytes:
    """A4 landscape, a title block with the headline figures, then one section per page; tables continue on the
    next page with their header repeated; page numbers and the region and period in every footer."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.lib.units import mm
    from reportlab.platypus import (Image, KeepTogether, LongTable, PageBreak, Paragraph, SimpleDocTemplate, Spacer,
                                    TableStyle)

    biasa, tebal = _font()
    with dalam_bahasa(lap.bahasa):
        gaya = {
            "judul": ParagraphStyle("judul", fontName=tebal, fontSize=20, leading=25, textColor="#1f2933"),
            "sub": ParagraphStyle("sub", fontName=biasa, fontSize=13, leading=17, textColor="#1f2933"),
            "h": ParagraphStyle("h", fontName=tebal, fontSize=15, leading=19, spaceBefore=6, spaceAfter=6,
                                textColor="#0b3c5d"),
            "p": ParagraphStyle("p", fontName=biasa, fontSize=10.5, leading=14, spaceAfter=4, textColor="#1f2933"),
            "sel": ParagraphStyle("sel", fontName=biasa, fontSize=9, leading=11, textColor="#1f2933"),
            "kepala": ParagraphStyle("kepala", fontName=tebal, fontSize=9, leading=11, textColor="white"),
            "angka": ParagraphStyle("angka", fontName=tebal, fontSize=18, leading=22, textColor="#0b3c5d"),
            "label": ParagraphStyle("label", fontName=biasa, fontSize=9.5, leading=12, textColor="#3e4c59"),
        }
        buf = io.BytesIO()
        lebar_hal, tinggi_hal = landscape(A4)
        tepi = 14 * mm
        lebar = lebar_hal - 2 * tepi

        def kaki(canvas, doc):
            canvas.saveState()
            canvas.setFont(biasa, 8.5)
            canvas.setFillColor(colors.HexColor("#3e4c59"))
            canvas.drawString(tepi, 8 * mm, f"{lap.judul} · {lap.wilayah} · {lap.periode}"
                              + (" · " + t("DATA DEMO") if lap.demo else ""))
            canvas.drawRightString(lebar_hal - tepi, 8 * mm, t("Halaman {n}", n=doc.page))
            canvas.restoreState()

        doc = SimpleDocTemplate(buf, pagesize=landscape(A4), leftMargin=tepi, rightMargin=tepi, topMargin=12 * mm,
                                bottomMargin=15 * mm, title=f"{lap.judul} — {lap.wilayah} — {lap.periode}",
                                author="Dasbor PKE")
        isi = [Paragraph(_markah(lap.judul), gaya["judul"]),
               Paragraph(f"<b>{_markah(lap.wilayah)}</b> · {_markah(lap.periode)}", gaya["sub"]),
               Paragraph(_markah(lap.dibuat), gaya["p"])]
        if lap.demo:
            isi.append(Paragraph(_markah(t("⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan "
                                           "batas desa yang nyata; bukan data P3KE sebenarnya.")).replace("⚠️ ", ""),
                                 gaya["p"]))
        isi.append(Spacer(1, 4 * mm))
        for nomor, b in enumerate(lap.bagian):
            if nomor:  # each section after the headline figures starts a page
                isi.append(PageBreak())
            kepala = [Paragraph(_markah(b.judul), gaya["h"])]
            if b.angka:
                nilai = [Paragraph(_markah(v), gaya["angka"]) for _, v in b.angka]
                label = [Paragraph(_markah(k), gaya["label"]) for k, _ in b.angka]
                kisi = []  # three figures per row, each with its label under it
                for i in range(0, len(b.angka), 3):
                    kisi += [nilai[i:i + 3], label[i:i + 3]]
                tab = LongTable(kisi, colWidths=[lebar / 3] * 3)
                tab.setStyle(TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("BOTTOMPADDING", (0, 1), (-1, 1), 8)]))
                kepala.append(tab)
            isi.append(KeepTogether(kepala))
            for p in b.teks:
                isi.append(Paragraph(_markah(p), gaya["p"]))
            if b.gambar:
                img = Image(io.BytesIO(b.gambar))
                maks_tinggi = (tinggi_hal - 60 * mm) if b.kunci == "peta" else 88 * mm  # leave room for the table
                skala = min(lebar / img.imageWidth, maks_tinggi / img.imageHeight)
                img.drawWidth, img.drawHeight = img.imageWidth * skala, img.imageHeight * skala
                isi.append(img)
                if b.keterangan_gambar:
                    isi.append(Paragraph(_markah(b.keterangan_gambar), gaya["label"]))
            if b.tabel is not None and not b.tabel.tampil.empty:
                isi.append(Spacer(1, 2 * mm))
                isi.append(_tabel_pdf(b.tabel, lebar, gaya))
            isi.append(Spacer(1, 6 * mm))
        doc.build(isi, onFirstPage=kaki, onLaterPages=kaki)
        return buf.getvalue()


def _lebar_kolom(tampil: pd.DataFrame, lebar: float, huruf: float, tepi: float) -> list[float]:
    """Column widths that never wrap a number or a short label: each column needs its longest text (or its
    header's longest word) × `huruf` (average character width) + `tepi` (cell padding). When that fits, the
    space left is shared in proportion; when not, only the long-text columns give way (they wrap)."""
    perlu = []
    for c in tampil.columns:
        isi = max([len(str(v)) for v in tampil[c]] + [1])
        kata = max([len(w) for w in str(c).split()] + [1])
        perlu.append(max(isi, kata) * huruf + tepi)
    total = sum(perlu)
    if total <= lebar:
        return [w + (lebar - total) * w / total for w in perlu]
    adil = lebar / len(perlu)
    pendek = [w for w in perlu if w <= adil * 1.5]
    sisa = lebar - sum(pendek)
    panjang = [w for w in perlu if w > adil * 1.5]
    if not panjang or sisa <= 0:
        return [lebar * w / total for w in perlu]
    return [w if w <= adil * 1.5 else sisa * w / sum(panjang) for w in perlu]


def _tabel_pdf(tabel: Tabel, lebar: float, gaya: dict):
    from reportlab.lib import colors
    from reportlab.platypus import LongTable, Paragraph, TableStyle

    t_ = tabel.tampil
    angka_kol = [i for i, c in enumerate(t_.columns) if pd.api.types.is_numeric_dtype(tabel.data[c])]
    kanan = gaya["sel"].clone("sel_kanan", alignment=2)
    baris = [[Paragraph(_markah(str(c)), gaya["kepala"]) for c in t_.columns]]
    for r in t_.itertuples(index=False):
        baris.append([Paragraph(_markah(str(v)), kanan if i in angka_kol else gaya["sel"]) for i, v in enumerate(r)])
    tab = LongTable(baris, colWidths=_lebar_kolom(t_, lebar, 6.0, 14), repeatRows=1)
    gaya_tab = [
        ("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#0b3c5d")),
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("GRID", (0, 0), (-1, -1), 0.3, colors.HexColor("#c5ccd3")),
        ("ROWBACKGROUNDS", (0, 1), (-1, -1), [colors.white, colors.HexColor("#f2f4f6")]),
    ]
    if t("Status") in t_.columns:
        kol = list(t_.columns).index(t("Status"))
        warna = progres.warna_status()
        for i, v in enumerate(t_[t("Status")], start=1):
            if v in warna:
                gaya_tab.append(("BACKGROUND", (kol, i), (kol, i), colors.HexColor(warna[v])))
    tab.setStyle(TableStyle(gaya_tab))
    return tab


# ---------- PowerPoint -------------------------------------------------------------------------------

BARIS_PER_SLIDE = 12


def pptx(lap: Laporan) -> bytes:
    """16:9 deck: a title slide, then one slide per section (figures, chart or map, table); a table longer
    than fits continues on the next slides, titled "(lanjutan)"."""
    from pptx import Presentation
    from pptx.dml.color import RGBColor
    from pptx.util import Emu, Inches, Pt

    with dalam_bahasa(lap.bahasa):
        prs = Presentation()
        prs.slide_width, prs.slide_height = Inches(13.333), Inches(7.5)
        kosong = prs.slide_layouts[6]
        gelap = RGBColor(0x1F, 0x29, 0x33)
        biru = RGBColor(0x0B, 0x3C, 0x5D)

        def kotak(slide, x, y, w, h, teks, ukuran=18, tebal=False, warna=gelap):
            tb = slide.shapes.add_textbox(x, y, w, h)
            tf = tb.text_frame
            tf.word_wrap = True
            for i, bagian in enumerate(teks if isinstance(teks, list) else [teks]):
                p = tf.paragraphs[0] if i == 0 else tf.add_paragraph()
                _runs(p, bagian, Pt(ukuran), tebal, warna)
            return tb

        def kaki(slide):
            kotak(slide, Inches(0.5), Inches(7.0), Inches(12.3), Inches(0.4),
                  f"{lap.wilayah} · {lap.periode}" + (" · " + t("DATA DEMO") if lap.demo else ""), 12,
                  warna=RGBColor(0x3E, 0x4C, 0x59))

        s = prs.slides.add_slide(kosong)
        kotak(s, Inches(0.8), Inches(2.0), Inches(11.7), Inches(1.5), lap.judul, 36, True, biru)
        kotak(s, Inches(0.8), Inches(3.6), Inches(11.7), Inches(1.0), f"**{lap.wilayah}** · {lap.periode}", 26)
        kotak(s, Inches(0.8), Inches(4.6), Inches(11.7), Inches(0.8), lap.dibuat, 16)
        if lap.demo:
            kotak(s, Inches(0.8), Inches(5.4), Inches(11.7), Inches(0.8),
                  t("⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan batas desa yang nyata; "
                    "bukan data P3KE sebenarnya."), 16)

        for b in lap.bagian:
            s = prs.slides.add_slide(kosong)
            kotak(s, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), b.judul, 28, True, biru)
            kaki(s)
            y = Inches(1.2)
            if b.angka:
                w = Inches(12.3 / 3)
                for i, (label, nilai) in enumerate(b.angka):
                    x = Inches(0.5) + w * (i % 3)
                    yy = y + Inches(1.55) * (i // 3)
                    kotak(s, x, yy, w, Inches(0.8), nilai, 40, True, biru)
                    kotak(s, x, yy + Inches(0.8), w, Inches(0.6), label, 16)
                y = y + Inches(1.55) * ((len(b.angka) + 2) // 3) + Inches(0.1)
            if b.teks and not b.gambar:
                tinggi_teks = Inches(0.45) * sum(1 + len(p) // 150 for p in b.teks)
                kotak(s, Inches(0.5), y, Inches(12.3), tinggi_teks, b.teks, 16)
                y += tinggi_teks + Inches(0.1)
            sisa_tabel = b.tabel.tampil if b.tabel is not None else None
            if b.gambar:
                from PIL import Image as PILImage

                if b.teks and not b.angka:  # the first line introduces the picture; all of it goes to the notes
                    kotak(s, Inches(0.5), y, Inches(12.3), Inches(0.5), b.teks[0], 16)
                    y += Inches(0.55)
                    s.notes_slide.notes_text_frame.text = "\n".join(p.replace("**", "") for p in b.teks)
                gbr = PILImage.open(io.BytesIO(b.gambar))
                maks_w, maks_h = Inches(12.3), Inches(6.85) - y - (Inches(0.4) if b.keterangan_gambar else 0)
                skala = min(maks_w / gbr.width, maks_h / gbr.height)
                w, h = int(gbr.width * skala), int(gbr.height * skala)
                s.shapes.add_picture(io.BytesIO(b.gambar), Inches(0.5) + (maks_w - w) // 2, y, Emu(w), Emu(h))
                if b.keterangan_gambar:
                    kotak(s, Inches(0.5), y + h, Inches(12.3), Inches(0.4), b.keterangan_gambar, 13)
                if sisa_tabel is not None and not sisa_tabel.empty:
                    s = prs.slides.add_slide(kosong)
                    kotak(s, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), b.judul, 28, True, biru)
                    kaki(s)
                    y = Inches(1.2)
                    if b.teks:
                        kotak(s, Inches(0.5), y, Inches(12.3), Inches(0.5), b.teks[-1], 16)
                        y += Inches(0.6)
            if sisa_tabel is not None and not sisa_tabel.empty:
                _tabel_slide(prs, s, b, y, kotak, kaki, kosong, biru)
        buf = io.BytesIO()
        prs.save(buf)
        return buf.getvalue()


def _runs(p, teks: str, ukuran, tebal: bool, warna) -> None:
    """A paragraph with **bold** parts."""
    import re

    for i, potong in enumerate(re.split(r"\*\*", teks)):
        if not potong:
            continue
        r = p.add_run()
        r.text = potong
        r.font.size = ukuran
        r.font.bold = tebal or i % 2 == 1
        r.font.color.rgb = warna


def _tabel_slide(prs, s, b: Bagian, y, kotak, kaki, kosong, biru) -> None:
    from pptx.dml.color import RGBColor
    from pptx.util import Inches, Pt

    tampil = b.tabel.tampil
    lebar = _lebar_kolom(tampil, Inches(12.3), Inches(0.125), Inches(0.26))
    # Rows wrap where a cell's text is longer than its column: estimate each row's lines (14 pt ≈ 9 characters
    # per inch) so a slide takes only the rows that fit.
    per_inci = 9
    def baris_teks(nilai, w):
        return max(1, -(-len(str(nilai)) // max(1, int(w / Inches(1) * per_inci - 1))))
    tinggi = [Inches(0.12) + Inches(0.3) * max(baris_teks(v, lebar[j]) for j, v in enumerate(r))
              for r in tampil.itertuples(index=False)]
    tinggi_kepala = Inches(0.12) + Inches(0.3) * max(baris_teks(c, lebar[j]) for j, c in enumerate(tampil.columns))
    mulai = 0
    pertama = True
    angka_kol = {c for c in tampil.columns if pd.api.types.is_numeric_dtype(b.tabel.data[c])}
    warna_status = progres.warna_status()
    while mulai < len(tampil):
        if not pertama:
            s = prs.slides.add_slide(kosong)
            kotak(s, Inches(0.5), Inches(0.3), Inches(12.3), Inches(0.8), t("{judul} (lanjutan)", judul=b.judul), 28,
                  True, biru)
            kaki(s)
            y = Inches(1.2)
        ruang, muat = Inches(6.85) - y - tinggi_kepala, 0
        while mulai + muat < len(tampil) and muat < BARIS_PER_SLIDE and tinggi[mulai + muat] <= ruang:
            ruang -= tinggi[mulai + muat]
            muat += 1
        muat = max(muat, 1)
        potong = tampil.iloc[mulai:mulai + muat]
        bentuk = s.shapes.add_table(len(potong) + 1, len(tampil.columns), Inches(0.5), y, Inches(12.3),
                                    tinggi_kepala + sum(tinggi[mulai:mulai + muat]))
        tabel = bentuk.table
        tabel.rows[0].height = int(tinggi_kepala)
        for i in range(len(potong)):
            tabel.rows[i + 1].height = int(tinggi[mulai + i])
        for j, c in enumerate(tampil.columns):
            tabel.columns[j].width = int(lebar[j])
            sel = tabel.cell(0, j)
            sel.text = str(c)
            _gaya_sel(sel, Pt(14), True, RGBColor(0xFF, 0xFF, 0xFF), c in angka_kol)
            sel.fill.solid()
            sel.fill.fore_color.rgb = biru
        for i, r in enumerate(potong.itertuples(index=False), start=1):
            for j, v in enumerate(r):
                sel = tabel.cell(i, j)
                sel.text = str(v)
                _gaya_sel(sel, Pt(14), False, RGBColor(0x1F, 0x29, 0x33), tampil.columns[j] in angka_kol)
                sel.fill.solid()
                w = warna_status.get(str(v)) if tampil.columns[j] == t("Status") else None
                sel.fill.fore_color.rgb = RGBColor.from_string((w or ("#FFFFFF" if i % 2 else "#F2F4F6"))[1:])
        mulai += muat
        pertama = False


def _gaya_sel(sel, ukuran, tebal, warna, kanan: bool) -> None:
    from pptx.enum.text import PP_ALIGN
    from pptx.util import Inches

    sel.margin_top = sel.margin_bottom = Inches(0.03)
    for p in sel.text_frame.paragraphs:
        p.alignment = PP_ALIGN.RIGHT if kanan else PP_ALIGN.LEFT
        for r in p.runs:
            r.font.size = ukuran
            r.font.bold = tebal
            r.font.color.rgb = warna


# ---------- Excel ------------------------------------------------------------------------------------

def xlsx(lap: Laporan) -> bytes:
    """A cover sheet (title, region, period, headline figures, the section list) and one sheet per section
    with its table as numbers, formatted (#.##0; 0,0%) so that Excel shows them in the reader's locale."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill

    with dalam_bahasa(lap.bahasa):
        wb = Workbook()
        ws = wb.active
        ws.title = t("Ringkasan")[:31]
        ws["A1"] = lap.judul
        ws["A1"].font = Font(size=16, bold=True)
        ws["A2"] = f"{lap.wilayah} · {lap.periode}"
        ws["A3"] = lap.dibuat
        if lap.demo:
            ws["A4"] = t("DATA DEMO")
        baris = 6
        for b in lap.bagian:
            if b.angka:
                for label, nilai in b.angka:
                    ws.cell(baris, 1, label)
                    ws.cell(baris, 2, nilai).alignment = Alignment(horizontal="right")
                    baris += 1
                baris += 1
            for p in b.teks:
                ws.cell(baris, 1, p.replace("**", ""))
                baris += 1
        ws.column_dimensions["A"].width = 48
        ws.column_dimensions["B"].width = 18
        kepala = PatternFill("solid", fgColor="0B3C5D")
        nama_dipakai = {ws.title}
        for b in lap.bagian:
            if b.tabel is None or b.tabel.data.empty:
                continue
            nama = _nama_lembar(b.judul, nama_dipakai)
            w = wb.create_sheet(nama)
            w["A1"] = b.judul
            w["A1"].font = Font(size=14, bold=True)
            w["A2"] = f"{lap.wilayah} · {lap.periode}"
            d = b.tabel.data
            for j, c in enumerate(d.columns, start=1):
                sel = w.cell(4, j, str(c))
                sel.font = Font(bold=True, color="FFFFFF")
                sel.fill = kepala
                sel.alignment = Alignment(wrap_text=True, vertical="top")
                w.column_dimensions[sel.column_letter].width = min(max(12, len(str(c)) + 2,
                                                                       *(len(str(v)) + 2 for v in d[c].head(200))), 60)
            for i, r in enumerate(d.itertuples(index=False), start=5):
                for j, v in enumerate(r, start=1):
                    c = d.columns[j - 1]
                    if v is None or (isinstance(v, float) and pd.isna(v)):
                        continue
                    sel = w.cell(i, j, v.item() if hasattr(v, "item") else v)
                    if c in b.tabel.persen:
                        sel.number_format = "0.0%"
                    elif c in b.tabel.rupiah:
                        sel.number_format = '"Rp" #,##0'
                    elif isinstance(v, float):
                        sel.number_format = "#,##0.0"
                    elif pd.api.types.is_numeric_dtype(d[c]):
                        sel.number_format = "#,##0"
            w.freeze_panes = "B5"
        amankan_buku(wb)  # region, OPD and programme names come from imported files
        buf = io.BytesIO()
        wb.save(buf)
        return buf.getvalue()


def _nama_lembar(judul: str, dipakai: set[str]) -> str:
    bersih = "".join(c for c in judul if c not in "[]:*?/\\")[:31]
    nama, i = bersih, 2
    while nama in dipakai:
        nama = f"{bersih[:28]} {i}"
        i += 1
    dipakai.add(nama)
    return nama
