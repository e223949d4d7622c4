"""English for every Indonesian string of the interface and the reports (keys: the Indonesian text).
tests/test_i18n.py fails when a string in the code has no entry here, when placeholders differ, or when an
entry is no longer used. Names of programmes, agencies (OPD) and data columns stay as they are."""
EN: dict[str, str] = {
    # OPD progress reports (pke/lapor.py, pages/lapor_opd.py, Progres Triwulan)
    "#{id} · {opd} · {periode} · {desa} · {klaster} · {n} keluarga · {status}":
        "#{id} · {opd} · {periode} · {desa} · {klaster} · {n} households · {status}",
    "**Semua laporan {opd}**, terbaru di atas.": "**All reports of {opd}**, newest first.",
    "Ajukan laporan #{id}": "Submit report #{id}",
    "Akun Anda belum mencantumkan nama OPD; minta administrator melengkapinya.":
        "Your account does not name its agency (OPD); ask an administrator to complete it.",
    "Alasan pengembalian wajib diisi, agar OPD tahu apa yang harus diperbaiki.":
        "A reason for returning the report is required, so the agency knows what to fix.",
    "Belum ada laporan yang diajukan untuk wilayah dan triwulan ini.":
        "No report has been submitted for this region and quarter yet.",
    "Belum ada laporan {opd}.": "No reports of {opd} yet.",
    "Belum ada target yang diubah lewat dasbor untuk tahun ini.":
        "No target of this year has been changed in the dashboard yet.",
    "Belum lapor": "Not reported",
    "Buat laporan baru": "New report",
    "Desa {desa} ({kode}) di luar wilayah kerja Anda ({lingkup}).":
        "Village {desa} ({kode}) is outside your working area ({lingkup}).",
    "Desa {kode} tidak dikenal dalam daftar wilayah Kemendagri.":
        "Village {kode} is not in the Kemendagri list of regions.",
    "Diajukan": "Submitted",
    "Diajukan pada": "Submitted on",
    "Dikembalikan": "Returned",
    "Dikembalikan oleh {oleh}: {komentar}": "Returned by {oleh}: {komentar}",
    "Diputus oleh": "Decided by",
    "Disetujui": "Approved",
    "Draf": "Draft",
    "Draf atau laporan yang dikembalikan": "Draft or returned report",
    "Draf laporan #{id} disimpan. Periksa lagi, lalu ajukan.": "Draft report #{id} saved. Check it, then submit it.",
    "Draf laporan OPD dibuat": "OPD report drafted",
    "Hanya akun OPD yang dapat membuat, mengubah dan mengajukan laporan OPD.":
        "Only agency (OPD) accounts can create, edit and submit OPD reports.",
    "Hanya analis Bappeda atau administrator yang dapat menyetujui atau mengembalikan laporan OPD.":
        "Only Bappeda analysts or administrators can approve or return OPD reports.",
    "Keluarga terjangkau": "Households reached",
    "Keluarga terjangkau (disetujui)": "Households reached (approved)",
    "Keluarga terjangkau (laporan disetujui)": "Households reached (approved reports)",
    "Keluarga terjangkau menurut laporan OPD yang disetujui, per klaster, {periode}; di sampingnya realisasi "
    "triwulan dari data intervensi.":
        "Households reached according to the approved OPD reports, per cluster, {periode}; beside them the "
        "quarter's realisation from the intervention data.",
    "Keluarga yang dijangkau program dalam triwulan ini.": "Households the programme reached in this quarter.",
    "Kembalikan": "Return",
    "Klaster tidak dikenal: {klaster}. Pilihan: {pilihan}.": "Unknown cluster: {klaster}. Choices: {pilihan}.",
    "Kode desa": "Village code",
    "Kode desa tidak sah: {kode}. Pakai kode Kemendagri desa/kelurahan (13 karakter), mis. 33.15.01.2001.":
        "Invalid village code: {kode}. Use a Kemendagri village code (13 characters), e.g. 33.15.01.2001.",
    "Komentar (wajib bila dikembalikan)": "Comment (required when returning)",
    "Komentar analis": "Analyst's comment",
    "Komentar paling panjang {n} karakter.": "A comment has at most {n} characters.",
    "Laporan #{id} ({desa}) di luar wilayah kerja Anda.": "Report #{id} ({desa}) is outside your working area.",
    "Laporan #{id} berstatus {status}; hanya draf atau laporan yang dikembalikan yang dapat diajukan.":
        "Report #{id} is {status}; only drafts and returned reports can be submitted.",
    "Laporan #{id} berstatus {status}; hanya draf atau laporan yang dikembalikan yang dapat diubah.":
        "Report #{id} is {status}; only drafts and returned reports can be edited.",
    "Laporan #{id} berstatus {status}; hanya laporan yang diajukan yang dapat disetujui atau dikembalikan.":
        "Report #{id} is {status}; only submitted reports can be approved or returned.",
    "Laporan #{id} diajukan ke analis Bappeda.": "Report #{id} submitted to the Bappeda analysts.",
    "Laporan #{id} dikembalikan ke OPD.": "Report #{id} returned to the agency.",
    "Laporan #{id} disetujui.": "Report #{id} approved.",
    "Laporan #{id} diubah.": "Report #{id} changed.",
    "Laporan #{id} milik {opd}; hanya OPD itu yang dapat mengubah atau mengajukannya.":
        "Report #{id} belongs to {opd}; only that agency can edit or submit it.",
    "Laporan #{id} tidak ada.": "Report #{id} does not exist.",
    "Laporan OPD": "OPD reports",
    "Laporan OPD diajukan": "OPD report submitted",
    "Laporan OPD dikembalikan": "OPD report returned",
    "Laporan OPD disetujui": "OPD report approved",
    "Laporan OPD diubah": "OPD report edited",
    "Laporan OPD triwulan ini": "OPD reports this quarter",
    "Laporan disetujui": "Approved reports",
    "Laporan yang diajukan OPD di wilayah kerja Anda, semua triwulan. Hanya laporan yang disetujui yang dihitung "
    "dalam angka dasbor; laporan yang dikembalikan wajib diberi alasan.":
        "Reports submitted by agencies in your working area, all quarters. Only approved reports count in the "
        "dashboard's figures; a returned report needs a reason.",
    "Laporan {opd}": "Reports of {opd}",
    "Laporan {periode}": "Reports, {periode}",
    "Lewat tenggat": "Past the deadline",
    "Menunggu persetujuan": "Awaiting approval",
    "Nilai (Rp)": "Value (Rp)",
    "No.": "No.",
    "OPD melapor": "Agencies reporting",
    "OPD sudah lapor": "Agencies that reported",
    "Opsional: nilai bantuan atau kegiatan dalam rupiah.": "Optional: value of the aid or activity in rupiah.",
    "Periode tidak sah: tahun {tahun}, triwulan {tw}. Tahun 2000–2100, triwulan 1–4.":
        "Invalid period: year {tahun}, quarter {tw}. Years 2000–2100, quarters 1–4.",
    "Program": "Programme",
    "Realisasi TW (data intervensi)": "Quarter's realisation (intervention data)",
    "Riwayat perubahan target {tahun}": "History of target changes, {tahun}",
    "Setujui": "Approve",
    "Simpan draf": "Save draft",
    "Simpan perubahan": "Save changes",
    "Status pelaporan {periode}": "Reporting status, {periode}",
    "Sudah ada laporan #{id} {opd} untuk desa, klaster dan triwulan ini yang belum disetujui; ubah laporan itu.":
        "{opd} already has report #{id} for this village, cluster and quarter that is not approved yet; edit that "
        "report.",
    "Sudah lapor": "Reported",
    "Sumber dana tidak dikenal: {sumber}. Pilihan: {pilihan}.": "Unknown funding source: {sumber}. Choices: {pilihan}.",
    "Target baru": "New target",
    "Target lama": "Old target",
    "Target tidak dapat disimpan ({sebab}). Tidak ada yang berubah.":
        "The targets could not be saved ({sebab}). Nothing has changed.",
    "Tenggat": "Deadline",
    "Tenggat laporan: {hari} hari setelah triwulan berakhir (triwulan I: 10 April, II: 10 Juli, III: 10 Oktober, "
    "IV: 10 Januari tahun berikutnya). Sudah lapor = ada laporan yang diajukan atau disetujui untuk triwulan itu; "
    "hanya laporan yang disetujui analis yang dihitung dalam angka dasbor.":
        "Reporting deadline: {hari} days after the quarter ends (quarter I: 10 April, II: 10 July, III: 10 October, "
        "IV: 10 January of the next year). Reported = a submitted or approved report for that quarter; only "
        "reports approved by an analyst count in the dashboard's figures.",
    "Tenggat {periode}: **{tanggal}**": "Deadline for {periode}: **{tanggal}**",
    "Tepat waktu": "On time",
    "Terakhir diajukan": "Last submitted",
    "Terlambat": "Late",
    "Tidak ada draf atau laporan yang dikembalikan untuk diubah atau diajukan.":
        "No draft or returned report to edit or submit.",
    "Tidak ada laporan yang menunggu persetujuan di wilayah kerja Anda.":
        "No report in your working area is awaiting approval.",
    "Triwulan harus 1–4 (tertulis: {tw}).": "The quarter must be 1–4 (given: {tw}).",
    "Ubah laporan #{id}": "Edit report #{id}",
    "{kolom} harus bilangan bulat ≥ 0 (tertulis: {nilai}).": "{kolom} must be a whole number ≥ 0 (given: {nilai}).",
    "{kolom} paling panjang {n} karakter.": "{kolom} has at most {n} characters.",
    "{kolom} terlalu besar ({nilai}); periksa lagi angkanya.": "{kolom} is too large ({nilai}); check the figure.",
    "{kolom} wajib diisi.": "{kolom} is required.",
    "{n} dari {total}": "{n} of {total}",
    "{n} hari lagi": "{n} days left",
    "{periode}: {n} dari {total} OPD sudah lapor; tenggat {tenggat}.":
        "{periode}: {n} of {total} agencies have reported; deadline {tenggat}.",
    "— tidak disebut —": "— not stated —",
    "Basis data {berkas} tidak dapat ditulis ({sebab}). Tidak ada yang berubah; periksa ruang disk dan izin berkas, "
    "lalu coba lagi.":
        "The database {berkas} could not be written ({sebab}). Nothing has changed; check the disk space and file "
        "permissions, then try again.",
    "nama kepala keluarga kosong": "the head of household's name is empty",
    "NIK sama dengan kepala keluarga di baris {baris}": "same NIK as the head of household in row {baris}",
    "NIK sudah menjadi kepala keluarga {id} di desa {desa}":
        "this NIK is already the head of household {id} in village {desa}",
    "di luar wilayah kerja Anda ({lingkup})": "outside your working area ({lingkup})",
    "Evaluasi provinsi membandingkan kabupaten/kota; wilayah kerja Anda lebih kecil dari satu kabupaten. Lihat "
    "Ringkasan, Sektor atau Progres Triwulan untuk wilayah Anda.":
        "The provincial evaluation compares regencies/cities; your working area is smaller than one regency. See "
        "Summary, Sectors or Quarterly Progress for your area.",
    "Selama nama disamarkan, pencarian nama hanya cocok dengan nama lengkap yang persis sama.":
        "While names are masked, a name search only matches the exact full name.",
    "Nama pengguna {nama} dicadangkan untuk pengunjung yang belum masuk.":
        "The user name {nama} is reserved for visitors who have not logged in.",
    "⚠️ **Sebagian DATA DEMO** — basis data demo yang sudah menerima data impor: kabupaten yang tidak diimpor masih "
    "berisi keluarga sintetis. Akun demo tidak berlaku lagi.":
        "⚠️ **Partly DEMO DATA** — a demo database that has received imported data: regencies not imported still hold "
        "synthetic households. Demo accounts no longer work.",
    "**Sebagian data demo** — kabupaten yang belum diimpor berisi data sintetis.":
        "**Partly demo data** — regencies not yet imported hold synthetic data.",
    "E-mail {email} belum terhubung ke akun dasbor ini; minta administrator menambahkannya.":
        "The e-mail {email} is not linked to an account of this dashboard; ask an administrator to add it.",
    "Berkas {nama} berisi lebih dari {batas} baris data; pecah menjadi beberapa berkas (mis. per kabupaten atau kecamatan) lalu unggah satu per satu.":
        "File {nama} has more than {batas} data rows; split it into several files (e.g. per regency or district) and upload them one by one.",
    "Berkas {nama} terlalu besar ({ukuran}); batasnya {batas}.": "File {nama} is too large ({ukuran}); the limit is {batas}.",
    "Berkas terlalu besar setelah diekstrak: {nama} berisi {ukuran} data (batasnya {batas}).":
        "File too large once extracted: {nama} holds {ukuran} of data (limit {batas}).",
    "Berkas terlalu besar setelah diekstrak: bagian {anggota} di {nama} mengembang {rasio} kali dari ukuran terkompresinya (batasnya {batas} kali).":
        "File too large once extracted: part {anggota} of {nama} expands {rasio} times its compressed size (limit {batas} times).",
    "Buku kerja dengan makro tidak diterima; simpan sebagai .xlsx biasa.":
        "Workbooks with macros are not accepted; save as a plain .xlsx.",
    "Buku kerja {akhiran} tidak diterima karena dapat berisi makro; simpan sebagai .xlsx biasa.":
        "{akhiran} workbooks are not accepted because they can contain macros; save as a plain .xlsx.",
    "Pemeriksaan berkas dihentikan: melebihi {detik} detik.": "File check stopped: it took longer than {detik} seconds.",
    "Pemeriksaan berkas dihentikan: melebihi batas memori ({batas}).": "File check stopped: it exceeded the memory limit ({batas}).",
    "Pemeriksaan berkas dihentikan: proses pemeriksa berhenti tiba-tiba (kode {kode}), kemungkinan karena melebihi batas memori ({batas}).":
        "File check stopped: the checking process ended unexpectedly (code {kode}), probably because it exceeded the memory limit ({batas}).",
    "Pemeriksaan berkas gagal: {e}": "File check failed: {e}",
    # accounts, login, sessions and audit (pke/akun.py, pke/audit.py, `python -m pke akun|audit`)
    "Nama pengguna atau kata sandi salah, atau akun sedang dikunci sementara. Coba lagi nanti.":
        "Wrong user name or password, or the account is temporarily locked. Please try again later.",
    "Pimpinan": "Leadership",
    "Analis Bappeda": "Bappeda analyst",
    "OPD": "OPD",
    "Operator wilayah": "Regional operator",
    "Administrator": "Administrator",
    "Nama pengguna tidak sah: {nama}. Pakai 3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung, "
    "diawali huruf atau angka.":
        "Invalid user name: {nama}. Use 3–32 lowercase letters, digits, dots, underscores or hyphens, "
        "starting with a letter or digit.",
    "Kata sandi minimal {n} karakter.": "The password needs at least {n} characters.",
    "Kata sandi paling panjang {n} karakter.": "The password may have at most {n} characters.",
    "Peran tidak dikenal: {peran}. Pilihan: {pilihan}.": "Unknown role: {peran}. Choices: {pilihan}.",
    "Kode wilayah tidak dikenal: {kode}. Pakai kode Kemendagri (mis. 33.15) atau \"nasional\".":
        "Unknown region code: {kode}. Use a Kemendagri code (e.g. 33.15) or \"nasional\".",
    "Akun berperan OPD wajib menyebut nama OPD-nya.": "An account with the OPD role must name its OPD.",
    "Alamat email tidak sah: {email}.": "Invalid e-mail address: {email}.",
    "Akun {nama} tidak ada.": "There is no account {nama}.",
    "Akun {nama} sudah ada.": "The account {nama} already exists.",
    "Email {email} sudah dipakai akun lain.": "The e-mail {email} is already used by another account.",
    "Masuk": "Log in",
    "Gagal masuk": "Failed login",
    "Keluar": "Log out",
    "Melihat daftar nama": "Viewed a by-name list",
    "Membuka nama dan NIK lengkap": "Revealed full names and NIK",
    "Ekspor data agregat": "Exported aggregate data",
    "Ekspor daftar nama": "Exported a by-name list",
    "Pembatalan impor": "Import undone",
    "Perubahan target": "Targets changed",
    "Akun ditambahkan": "Account added",
    "Akun dinonaktifkan": "Account deactivated",
    "Kata sandi diganti": "Password changed",
    "Perubahan pengaturan": "Settings changed",
    "Log audit tidak dapat ditulis: {galat}": "The audit log cannot be written: {galat}",
    "Waktu tidak dikenali: {nilai}. Pakai format ISO, mis. 2026-01-31 atau 2026-01-31T08:00.":
        "Unrecognised time: {nilai}. Use ISO format, e.g. 2026-01-31 or 2026-01-31T08:00.",
    "Kata sandi: ": "Password: ",
    "Ulangi kata sandi: ": "Repeat the password: ",
    "Kedua kata sandi tidak sama.": "The two passwords differ.",
    "Akun {nama} dibuat: {peran}, wilayah {wilayah}.": "Account {nama} created: {peran}, region {wilayah}.",
    "Akun {nama} dinonaktifkan; semua sesinya dicabut.": "Account {nama} deactivated; all its sessions revoked.",
    "Kata sandi {nama} diganti; semua sesinya dicabut.":
        "Password of {nama} changed; all its sessions revoked.",
    "Rantai audit utuh: {n} entri.": "Audit chain intact: {n} entries.",
    "Rantai audit rusak mulai entri #{id}.": "Audit chain broken from entry #{id}.",
    "Tidak ada entri audit.": "No audit entries.",
    "Belum ada akun.": "No accounts yet.",
    "Peran": "Role",
    "Aktif": "Active",
    "tidak": "no",
    " — kurang {n}.": " — {n} short.",
    " — target tercapai.": " — target reached.",
    "% anggota": "% of members",
    "% dari total": "% of total",
    "% desil 1": "% decile 1",
    "% kebutuhan tertutup": "% of needs closed",
    "% keluarga bertanda intervensi": "% of households tagged with an intervention",
    "% seluruhnya": "% in all",
    "% tepat waktu": "% on time",
    "% tertutup": "% closed",
    "(kosong)": "(empty)",
    "(tanpa akhiran)": "(no extension)",
    "**Baris yang ditolak** (nomor baris sesuai lembar; satu baris per masalah)":
        "**Rejected rows** (row numbers as in the sheet; one row per problem)",
    "**Biaya satuan** — ubah sesuai harga setempat; perhitungan di bawah ikut berubah.":
        "**Unit costs** — change them to local prices; the figures below follow.",
    "**Data demo** — sintetis, bukan data P3KE sebenarnya.": "**Demo data** — synthetic, not real P3KE data.",
    "**Desa prioritas PKE {tahun}** (sejak {sejak}). Dasar penetapan: {dasar}.":
        "**PKE priority village {tahun}** (since {sejak}). Basis of designation: {dasar}.",
    "**PR terbesar:** {klaster} — {n} keluarga belum tertangani ({p} sudah tertutup).":
        "**Biggest gap:** {klaster} — {n} households not yet served ({p} already closed).",
    "**{n} kabupaten/kota**, ★ = {prioritas} kabupaten/kota prioritas provinsi.":
        "**{n} regencies/cities**, ★ = {prioritas} provincial priority regencies/cities.",
    "**{n} keluarga** memenuhi filter": "**{n} households** match the filters",
    "**{n}** baris": "**{n}** rows",
    "0 / tidak ada": "0 / none",
    "; ditampilkan {n} pertama.": "; showing the first {n}.",
    "ATS": "Out of school",
    "Ada anggota keluarga penyandang disabilitas": "A household member has a disability",
    "Ada anggota sakit kronis": "A member is chronically ill",
    "Ada anggota usia 7–18 tahun yang tidak bersekolah": "A member aged 7–18 is not in school",
    "Ada di DTKS tetapi tidak di P3KE: periksa apakah layak masuk sasaran.":
        "In DTKS but not in P3KE: check whether the household should be targeted.",
    "Ada penyandang disabilitas": "Member with a disability",
    "Air minum": "Drinking water",
    "Air minum tidak layak": "Unsafe drinking water",
    "Akhiri tayangan (Esc)": "End the slideshow (Esc)",
    "Alamat": "Address",
    "Alasan": "Reason",
    "Alat bantu / ATENSI satu orang": "Assistive device / ATENSI for one person",
    "Anak tidak sekolah": "Children out of school",
    "Anggaran mitra (Rp juta)": "Partner budget (Rp million)",
    "Anggaran terpakai": "Budget used",
    "Anggota": "Members",
    "Anggota keluarga P3KE, tanpa yang tercatat meninggal atau pindah.":
        "Members of P3KE households, excluding those recorded as deceased or moved away.",
    "Anggota pindah": "Members moved away",
    "Anggota tercatat meninggal": "Members recorded as deceased",
    "Anggota tercatat pindah": "Members recorded as moved away",
    "Angka utama": "Headline figures",
    "Atap/dinding mudah rusak, lantai tanah/bambu/papan kualitas rendah, atau < 7,2 m² per orang":
        "Fragile roof/walls, earth/bamboo/low-quality board floor, or < 7.2 m² per person",
    "Baris": "Row",
    "Baris diterima": "Rows accepted",
    "Baris ditolak": "Rows rejected",
    "Basis data belum ada. Data demo (sintetis, di atas wilayah dan batas desa yang nyata) sedang dibangun: lima kabupaten dokumen sumber lebih dulu (biasanya kurang dari satu menit), lalu kabupaten/kota lain Jawa Tengah menyusul di latar belakang.":
        "There is no database yet. Demo data (synthetic, on real regions and village boundaries) is being built: "
        "the five regencies of the source documents first (usually under a minute), then the other regencies and "
        "cities of Central Java follow in the background.",
    # the first start's background completion of the province (ui/bangun.py, pke/build.py)
    "Data demo {wilayah}: {n} dari {total} kabupaten/kota dibangun…":
        "Demo data {wilayah}: {n} of {total} regencies/cities built…",
    "{n} dari {total} kabupaten/kota dibangun": "{n} of {total} regencies/cities built",
    "Kabupaten/kota yang sudah dibangun langsung dapat dilihat; dasbor tetap dapat dipakai.":
        "Regencies/cities already built can be viewed at once; the dashboard stays usable.",
    "Pembangunan terhenti karena galat (lihat {log}); dicoba lagi dalam semenit.":
        "The build stopped with an error (see {log}); it is tried again within a minute.",
    "Pembangunan latar belakang dimatikan (PKE_DEMO_LATAR=0); lanjutkan dengan `python -m pke demo --lanjut`.":
        "The background build is turned off (PKE_DEMO_LATAR=0); continue it with `python -m pke demo --lanjut`.",
    "Basis data {path} dibuat oleh versi dasbor yang lebih lama dan tidak cocok dengan kueri '{nama}'. Bangun ulang: `python -m pke demo` (atau impor ulang data). Rincian: {e}":
        "Database {path} was built by an older version of the dashboard and does not match query '{nama}'. "
        "Rebuild it: `python -m pke demo` (or import the data again). Details: {e}",
    "Batalkan impor": "Undo an import",
    "Batalkan impor ini": "Undo this import",
    "Batas wilayah belum dimuat, jadi peta diganti grafik wilayah dengan nilai tertinggi. Untuk peta, bangun ulang basis data dengan folder batas: `python -m pke demo --batas ../shared/boundaries` (atau atur variabel lingkungan `PKE_BOUNDARIES`).":
        "Region boundaries are not loaded, so the map is replaced by a chart of the regions with the highest values. For a map, rebuild the database with "
        "the boundaries folder: `python -m pke demo --batas ../shared/boundaries` (or set the environment "
        "variable `PKE_BOUNDARIES`).",
    "Batas wilayah desa ini tidak tersedia, jadi letaknya tidak dapat digambar.":
        "This village's boundary is not available, so its location cannot be drawn.",
    "Belum ada impor; basis data berisi data demo.": "No imports yet; the database holds demo data.",
    "Belum ada intervensi yang ditandai di desa ini.": "No interventions have been tagged in this village yet.",
    "Belum ada intervensi yang ditandai untuk wilayah dan periode ini.":
        "No interventions have been tagged for this region and period yet.",
    "Belum ada ronde verval untuk wilayah ini.": "No verification rounds for this region yet.",
    "Belum diintervensi": "Not yet intervened",
    "Belum direncanakan siapa pun": "Not yet planned by anyone",
    "Belum terdaftar di DTKS Kemensos: tidak dapat menerima bansos pusat.":
        "Not registered in the Ministry of Social Affairs' DTKS: cannot receive central social assistance.",
    "Belum terjangkau": "Not yet reached",
    "Belum terjangkau program apa pun": "Not yet reached by any programme",
    "Berkas": "File",
    "Berkas .xlsx atau .csv diperiksa dulu; tidak ada yang ditulis sebelum Anda menekan **Impor**.":
        "An .xlsx or .csv file is checked first; nothing is written until you press **Import**.",
    "Berkas bukan UTF-8; dibaca sebagai Windows-1252 (ANSI). Periksa huruf beraksen.":
        "The file is not UTF-8; it was read as Windows-1252 (ANSI). Check accented letters.",
    "Berkas ini sudah diimpor (impor #{id}, {waktu}); tidak diimpor dua kali.":
        "This file has already been imported (import #{id}, {waktu}); it is not imported twice.",
    "Berkas tidak dapat diimpor: {e}": "The file cannot be imported: {e}",
    "Berkas {nama} bukan {jenis}: tidak ada kolom {kolom} di sepuluh baris pertama lembar mana pun. Kolom yang terbaca: {ditemukan}.":
        "File {nama} is not a {jenis}: no column {kolom} in the first ten rows of any sheet. Columns read: "
        "{ditemukan}.",
    "Berkas {nama} bukan {jenis}: tidak ada kolom {kolom} di sepuluh baris pertama. Kolom yang terbaca: {ditemukan}.":
        "File {nama} is not a {jenis}: no column {kolom} in the first ten rows. Columns read: {ditemukan}.",
    "Berkas {nama} kosong.": "File {nama} is empty.",
    "Berkas {nama} tidak dapat dibuka sebagai Excel: {e}": "File {nama} cannot be opened as Excel: {e}",
    "Biaya satuan (Rp)": "Unit cost (Rp)",
    "Buka profil desa": "Open village profile",
    "Buka profil desa lain": "Open another village's profile",
    "Bukan desa prioritas PKE pada {tahun}.": "Not a PKE priority village in {tahun}.",
    "Capaian": "Achievement",
    "Capaian = realisasi kumulatif ÷ target kumulatif sejak triwulan I. ≥ {sesuai} **{l_sesuai}**, {tertinggal}–{sesuai} **{l_tertinggal}**, < {tertinggal} **{l_jauh}**.":
        "Achievement = cumulative realisation ÷ cumulative target since quarter I. ≥ {sesuai} **{l_sesuai}**, "
        "{tertinggal}–{sesuai} **{l_tertinggal}**, < {tertinggal} **{l_jauh}**.",
    "Capaian target s.d. {tw}": "Target achievement to {tw}",
    "Cari dan filter": "Search and filter",
    "DATA DEMO": "DEMO DATA",
    "Daftar Keluarga": "Household List",
    "Daftar keluarga": "Household list",
    "Daftar untuk ditindaklanjuti": "List for follow-up",
    "Dasbor PKE": "PKE Dashboard",
    "Data per {tanggal}; dibuat {dibuat}.": "Data as of {tanggal}; produced {dibuat}.",
    "Dengan laju saat ini, **{klaster}** diproyeksikan mencapai **{proyeksi}** dari target **{target}** keluarga pada akhir {tahun}":
        "At the current pace, **{klaster}** is projected to reach **{proyeksi}** of the target of **{target}** "
        "households by the end of {tahun}",
    "Desa": "Village",
    "Desa (★ prioritas)": "Village (★ priority)",
    "Desa dengan banyak anggota pindah": "Villages with many members moved away",
    "Desa prioritas": "Priority villages",
    "Desa prioritas PKE": "PKE priority village",
    "Desa tepat waktu (≥ 90 % keluarga)": "Villages on time (≥ 90 % of households)",
    "Desa terjangkau anggaran": "Villages the budget reaches",
    "Desa tertinggal dari tenggat": "Villages behind the deadline",
    "Desa/Kelurahan": "Village",
    "Desa/kelurahan lokus prioritas PKE tahun {tahun}.": "Villages designated PKE priority loci for {tahun}.",
    "Desil": "Decile",
    "Desil {d}": "Decile {d}",
    "Di daftar RTLH Disperakim, bukan RTLH di P3KE": "On the Disperakim RTLH list, not RTLH in P3KE",
    "Dibaca dari lembar '{lembar}'.": "Read from sheet '{lembar}'.",
    "Dibanding desa lain di Kec. {nama}": "Compared with other villages in {nama} district",
    "Dibanding {periode}: keluarga P3KE {kel}, keluarga dengan kebutuhan tersisa {sisa}.":
        "Compared with {periode}: P3KE households {kel}, households with remaining needs {sisa}.",
    "Dibatalkan oleh": "Undone by",
    "Dibatalkan pada": "Undone at",
    "Disabilitas": "Disability",
    "Diterima": "Accepted",
    "Ditolak": "Rejected",
    "Diubah oleh": "Changed by",
    "Diubah pada": "Changed at",
    "Diurutkan menurut % kebutuhan tertutup.": "Sorted by % of needs closed.",
    "Diverval s.d. tenggat": "Verified by the deadline",
    "Diverval seluruhnya": "Verified in all",
    "Evaluasi Provinsi": "Provincial Evaluation",
    "Evaluasi provinsi": "Provincial evaluation",
    "Ganti otomatis setiap": "Advance automatically every",
    "Garis abu-abu: batas kabupaten/kota.": "Grey lines: regency/city borders.",
    "Garis abu-abu: batas kecamatan.": "Grey lines: district borders.",
    "Halaman {n}": "Page {n}",
    "Halaman, berurutan": "Pages, in order",
        "Impor #{id} selesai: {ringkasan}": "Import #{id} done: {ringkasan}",
    "Impor #{id} sudah dibatalkan pada {waktu}.": "Import #{id} was already undone at {waktu}.",
    "Impor #{id} tidak ada.": "Import #{id} does not exist.",
    "Impor Data": "Import Data",
    "Impor data": "Import data",
    "Impor gagal, tidak ada yang ditulis: {e}": "Import failed, nothing was written: {e}",
    "Impor {n} baris": "Import {n} rows",
    "Individu": "Individuals",
    "Individu P3KE": "P3KE individuals",
    "Individu belum padan Dukcapil": "Individuals not matched with Dukcapil",
    "Individu dengan NIK ganda": "Individuals with a duplicate NIK",
    "Induk": "Parent region",
    "Intervensi menurut OPD dan sumber dana": "Interventions by agency (OPD) and funding source",
    "Intervensi yang ditandai per OPD pelaksana, status pada akhir triwulan, dan nilai intervensi yang telah selesai.":
        "Tagged interventions per implementing agency (OPD), status at the end of the quarter, and the value of "
        "completed interventions.",
    "Jamban": "Toilet",
    "Jauh tertinggal": "Far behind",
    "Jenis": "Kind",
    "Jenis berkas": "Kind of file",
    "Jenis berkas {akhiran} tidak didukung; unggah .xlsx atau .csv.":
        "File type {akhiran} is not supported; upload .xlsx or .csv.",
    "Jumlah": "Count",
    "Jumlah keluarga": "Number of households",
        "Kabupaten/Kota": "Regency/City",
    "Kebutuhan": "Needs",
    "Kebutuhan belum ditandai intervensi": "Needs not yet tagged with an intervention",
    "Kebutuhan dan statusnya menurut data terakhir ({tanggal}).": "Needs and their status as of the latest data ({tanggal}).",
    "Kebutuhan per klaster dan penanganannya": "Needs per cluster and how they are being met",
    "Kebutuhan per sektor": "Needs per sector",
    "Kebutuhan tanpa intervensi ditandai": "Needs with no intervention tagged",
    "Kebutuhan terbuka": "Open needs",
    "Kebutuhan terbuka di klaster": "Open need in cluster",
    "Kebutuhan tersisa": "Remaining needs",
    "Kebutuhan tersisa per klaster": "Remaining needs per cluster",
    "Kebutuhan tersisa per {tingkat}": "Remaining needs per {tingkat}",
    "Kebutuhan tertutup": "Needs closed",
    "Kebutuhan tertutup tahun ini": "Needs closed this year",
    "Kebutuhan yang dihitung": "Needs counted",
    "Kec. {nama}": "{nama} district",
    "Kecamatan": "District",
    "Keluar dari mode presentasi": "Leave presentation mode",
    "Keluarga": "Households",
    "Keluarga DTKS yang tidak ada di P3KE": "DTKS households not in P3KE",
    "Keluarga P3KE": "P3KE households",
    "Keluarga P3KE yang tidak ada di DTKS": "P3KE households not in DTKS",
    "Keluarga P3KE: **{keluarga}** · desil 1: **{desil1}**": "P3KE households: **{keluarga}** · decile 1: **{desil1}**",
    "Keluarga berisiko stunting menurut BKKBN": "Household at risk of stunting according to BKKBN",
    "Keluarga dalam data P3KE aktif (desil 1–4).": "Households in the active P3KE data (deciles 1–4).",
    "Keluarga dengan NIK kepala ganda": "Households with a duplicate head's NIK",
    "Keluarga dengan kebutuhan per klaster dan status intervensinya pada akhir {periode}. Tersisa = kebutuhan − selesai.":
        "Households with a need per cluster and the status of their interventions at the end of {periode}. "
        "Remaining = needs − done.",
    "Keluarga dengan kebutuhan tersisa": "Households with remaining needs",
    "Keluarga dengan kebutuhan tersisa per klaster pada akhir {periode}, wilayah terberat di atas.":
        "Households with remaining needs per cluster at the end of {periode}, the heaviest regions first.",
    "Keluarga desil 1": "Decile 1 households",
    "Keluarga diverval tepat waktu": "Households verified on time",
    "Keluarga pada desil kesejahteraan 1 (paling miskin).": "Households in welfare decile 1 (the poorest).",
    "Keluarga per desil": "Households per decile",
    "Keluarga terbantu": "Households helped",
    "Keluarga tersisa": "Households remaining",
    "Keluarga yang kebutuhannya tertutup dalam triwulan itu / target triwulan; – berarti belum ada data atau target.":
        "Households whose need was closed in that quarter / the quarter's target; – means no data or no target yet.",
    "Keluarga yang masih punya sedikitnya satu kebutuhan layanan dasar yang belum tertutup pada akhir triwulan.":
        "Households that still have at least one basic-service need not closed by the end of the quarter.",
    "Keluarga × klaster dengan kebutuhan yang belum ditandai intervensi apa pun (SIKS-DJ).":
        "Household × cluster needs not yet tagged with any intervention (SIKS-DJ).",
    "Keluarga × klaster yang belum selesai diintervensi pada akhir triwulan.":
        "Household × cluster needs whose intervention was not finished by the end of the quarter.",
    "Kelurahan": "Urban village",
    "Kembali bersekolah satu anak": "One child back to school",
    "Kepala keluarga": "Head of household",
    "Kepala keluarga lansia": "Elderly head of household",
    "Keterangan": "Explanation",
    "Keyboard: → / PageDown / spasi = berikutnya, ← / PageUp = sebelumnya, Esc = selesai. Klik penunjuk presentasi (clicker) juga bekerja.":
        "Keyboard: → / PageDown / space = next, ← / PageUp = previous, Esc = stop. A presentation clicker works too.",
    "Klaster": "Cluster",
    "Klaster tidak dikenal: {daftar}": "Unknown cluster: {daftar}",
    "Klaster yang akan didanai": "Clusters to fund",
    "Kolom": "Column",
    "Kolom ekspor P3KE: id_keluarga_p3ke, kode_kemdagri, desil_kesejahteraan, nik, … (varian diterima).":
        "P3KE export columns: id_keluarga_p3ke, kode_kemdagri, desil_kesejahteraan, nik, … (variants accepted).",
    "Kolom ekspor individu P3KE: id_individu, id_keluarga_p3ke, nik; opsional nama/nama_lengkap, jenis_kelamin, hubungan_dengan_kepala_keluarga, tanggal_lahir, pekerjaan, disabilitas, keterangan.":
        "P3KE individual export columns: id_individu, id_keluarga_p3ke, nik; optional nama/nama_lengkap, "
        "jenis_kelamin, hubungan_dengan_kepala_keluarga, tanggal_lahir, pekerjaan, disabilitas, keterangan.",
    "Kolom wajib tidak ada: nik atau id (id_keluarga_p3ke / IDBDT).":
        "Required column missing: nik or id (id_keluarga_p3ke / IDBDT).",
    "Kolom wajib tidak ada: {kurang}. Kolom yang ada: {ada}.": "Required columns missing: {kurang}. Columns present: {ada}.",
    "Kolom: id_keluarga_p3ke, klaster, status (rencana/proses/selesai), tanggal; opsional program, opd, sumber_dana, tanggal_selesai, nilai_rp, id.":
        "Columns: id_keluarga_p3ke, klaster, status (rencana/proses/selesai), tanggal; optional program, opd, "
        "sumber_dana, tanggal_selesai, nilai_rp, id.",
    "Kolom: kode_kemendagri (atau kode_desa), tahun; opsional dasar_penetapan, opd_pendamping.":
        "Columns: kode_kemendagri (or kode_desa), tahun; optional dasar_penetapan, opd_pendamping.",
    "Kolom: kode_wilayah (kabupaten/kota, kecamatan atau desa prioritas), klaster, tahun, triwulan, target_keluarga.":
        "Columns: kode_wilayah (regency/city, district or priority village), klaster, tahun, triwulan, target_keluarga.",
    "Kolom: sumber (mis. Disperakim RTLH, DTKS), kode_kemendagri, nik dan/atau id; opsional klaster, status.":
        "Columns: sumber (e.g. Disperakim RTLH, DTKS), kode_kemendagri, nik and/or id; optional klaster, status.",
    "Kronis": "Chronic illness",
    "Kualitas Data": "Data Quality",
    "Kualitas data": "Data quality",
    "Kumulatif menuju target akhir tahun": "Cumulative progress toward the year-end target",
    "Kumulatif menuju target akhir tahun: {klaster}.": "Cumulative progress toward the year-end target: {klaster}.",
    "Lansia": "Elderly",
    "Laporan": "Reports",
    "Laporan Triwulan Penghapusan Kemiskinan Ekstrem": "Quarterly Report on the Elimination of Extreme Poverty",
    "Layar rapat: tanpa panel samping, huruf besar, tanpa data pribadi. Juga lewat URL: ?presentasi=1":
        "Meeting screen: no side panel, large type, no personal data. Also by URL: ?presentasi=1",
    "Lembar '{lembar}' berisi kepala kolom tetapi tidak ada baris data.":
        "Sheet '{lembar}' has column headers but no data rows.",
    "Lembar memakai nama kolom ekspor P3KE, ditambah skor prioritas dan kolom isian verval (VERVAL_memenuhi_kriteria_P3KE, alasan, keterangan).":
        "The sheet uses the P3KE export column names, plus the priority score and the verification columns to fill "
        "in (VERVAL_memenuhi_kriteria_P3KE, reason, remarks).",
    "Letak di kecamatan": "Location in the district",
    "Lihat wilayah": "View region",
    "Listrik": "Electricity",
    "Masalah": "Problem",
    "Masalah data": "Data problems",
    "Masalah data yang perlu ditindaklanjuti OPD dan desa; daftar rinci (NIK disamarkan) ada di halaman Kualitas Data dasbor.":
        "Data problems for agencies (OPD) and villages to follow up; detailed lists (NIK masked) are on the "
        "dashboard's Data Quality page.",
    "Memulai": "Starting",
    "Menampilkan seluruh kabupaten/kota di {provinsi}; kabupaten terpilih ditandai.":
        "Showing every regency/city in {provinsi}; the selected regency is marked.",
        "Menyiapkan Dasbor PKE": "Preparing the PKE Dashboard",
    "Merah: < 70 % keluarga diverval sebelum tenggat; kuning: 70–90 %. Desa paling tertinggal di atas.":
        "Red: < 70 % of households verified before the deadline; yellow: 70–90 %. The villages furthest behind first.",
    "Mode presentasi": "Presentation mode",
    "Mulai tayangan": "Start the slideshow",
    "NIK anggota belum cocok dengan data kependudukan (Dukcapil).":
        "The member's NIK does not yet match the civil registry (Dukcapil).",
    "NIK dan nama lengkap.": "Full NIK and names.",
    "NIK harus 16 digit": "NIK must have 16 digits",
    "NIK harus 16 digit (tertulis {n} digit)": "NIK must have 16 digits (written: {n} digits)",
    "NIK harus 16 digit (tertulis {n} karakter)": "NIK must have 16 digits (written: {n} characters)",
    "NIK harus 16 digit angka": "NIK must be 16 digits",
    "NIK kepala keluarga juga tercatat di keluarga lain: kemungkinan data ganda.":
        "The head of household's NIK is also recorded in another household: possibly a duplicate.",
    "NIK yang sama tercatat pada lebih dari satu anggota: kemungkinan orang yang sama terdata dua kali.":
        "The same NIK is recorded for more than one member: possibly the same person counted twice.",
    "Nama pengimpor wajib diisi.": "The importer's name is required.",
    "Nama petugas wajib diisi.": "The officer's name is required.",
    "Nilai": "Value",
    "Nilai selesai": "Value completed",
    "No": "No.",
    "OPD penanggung jawab": "Responsible agency (OPD)",
    "OPD pendamping belum ditetapkan.": "No accompanying agency (OPD pendamping) assigned yet.",
    "OPD pendamping: **{opd}**.": "Accompanying agency (OPD pendamping): **{opd}**.",
    "OPD pendamping: {opd}": "Accompanying agency: {opd}",
    "Oleh": "By",
    "PR terbesar (keluarga tersisa)": "Biggest gap (households remaining)",
    "Pelatihan + modal usaha satu keluarga": "Training + business capital for one household",
    "Peluang Kolaborasi": "Collaboration Opportunities",
    "Peluang kolaborasi": "Collaboration opportunities",
    "Pendampingan + PMT satu keluarga": "Mentoring + supplementary feeding for one household",
    "Penerangan utama bukan listrik, atau listrik bukan dari meteran PLN sendiri":
        "Main lighting is not electric, or the electricity is not from the household's own PLN meter",
    "Penghapusan Kemiskinan Ekstrem": "Elimination of Extreme Poverty",
    "Per 100 keluarga": "Per 100 households",
    "Per OPD": "Per agency (OPD)",
    "Per kabupaten/kota, kumulatif sampai {periode}": "Per regency/city, cumulative to {periode}",
    "Per klaster": "Per cluster",
    "Per klaster, {periode}": "Per cluster, {periode}",
    "Per {tingkat}": "Per {tingkat}",
    "Perbaikan satu RTLH": "Repair of one uninhabitable house",
    "Peringkat {urutan} dari {n} desa menurut kebutuhan tersisa per 100 keluarga (1 = paling berat).":
        "Rank {urutan} of {n} villages by remaining needs per 100 households (1 = heaviest).",
    "Peringkat kabupaten/kota": "Ranking of regencies/cities",
    "Peringkat wilayah": "Ranking of regions",
    "Periode": "Period",
    "Perkiraan biaya": "Estimated cost",
    "Perkiraan biaya seluruh kebutuhan": "Estimated cost of all needs",
    "Perlu dikeluarkan dari sasaran pada pemutakhiran berikutnya.": "To be removed from the target list at the next update.",
    "Perlu diverifikasi: pindah ke desa lain atau keluar daerah.":
        "To be verified: moved to another village or out of the region.",
    "Peta": "Map",
    "Peta kebutuhan": "Map of needs",
    "Peta panas": "Heatmap",
    "Pilih halaman": "Choose pages",
    "Pilih kabupaten/kota (atau kecamatan, desa) di panel kiri untuk melihat kebutuhan per desa.":
        "Choose a regency/city (or a district or village) in the left panel to see the needs per village.",
    "Pilih kabupaten/kota (atau kecamatan, desa) untuk daftar tindak lanjut; di tingkat provinsi hanya jumlahnya yang ditampilkan.":
        "Choose a regency/city (or a district or village) for the follow-up list; at province level only the "
        "counts are shown.",
    "Pilih klaster": "Choose clusters",
    "Pilih provinsi di panel kiri.": "Choose a province in the left panel.",
    "Pilih satu desa/kelurahan di panel kiri (atau dari peta atau tabel desa) untuk melihat profilnya.":
        "Choose a village in the left panel (or from the map or a village table) to see its profile.",
    "Pilih sedikitnya satu halaman.": "Choose at least one page.",
    "Profil Desa": "Village Profile",
    "Profil desa": "Village profile",
    "Progres Triwulan": "Quarterly Progress",
    "Progres terhadap target": "Progress against targets",
    "Progres triwulan": "Quarterly progress",
    "Progres verval desa": "Village verification progress",
    "Proses": "In progress",
    "Provinsi": "Province",
    "Proyeksi akhir tahun": "Year-end projection",
    "Proyeksi laju saat ini": "Projection at the current pace",
    "RTLH": "RTLH",
    "RTLH di P3KE, tidak ada di daftar Disperakim": "RTLH in P3KE, not on the Disperakim list",
    "RTLH di P3KE, tidak di daftar Disperakim": "RTLH in P3KE, not on the Disperakim list",
    "Realisasi / target per triwulan, {tahun}": "Realisation / target per quarter, {tahun}",
    "Realisasi TW": "Quarter realisation",
    "Realisasi kumulatif": "Cumulative realisation",
    "Realisasi triwulan": "Quarter realisation",
    "Rencana": "Planned",
    "Ringkasan": "Summary",
    "Ringkasan kualitas data": "Data quality summary",
    "Risiko stunting": "Stunting risk",
    "Riwayat impor": "Import history",
    "Ronde ini tidak mencakup wilayah terpilih.": "This round does not cover the selected region.",
    "Ronde verval": "Verification round",
    "Rumah tidak layak huni": "Uninhabitable house",
    "Satu jamban sehat": "One healthy toilet",
    "Satu sambungan air minum": "One drinking-water connection",
    "Satu sambungan listrik": "One electricity connection",
    "Satuan": "Unit",
    "Sektor": "Sectors",
    "Selesai": "Done",
    "Selisih": "Gap",
    "Semua desil": "All deciles",
    "Semua klaster": "All clusters",
    "Semua status": "All statuses",
    "Semua wilayah": "All regions",
    "Semua yang tersisa": "Everything remaining",
    "Sendiri": "Alone",
    "Sesuai target": "On target",
    "Simpan target": "Save targets",
    "Skor": "Score",
    "Skor prioritas = {rumus}.": "Priority score = {rumus}.",
    "Snapshot": "Snapshot",
    "Status": "Status",
    "Status RTLH berbeda antar sumber: rekonsiliasi agar tidak salah sasaran.":
        "RTLH status differs between sources: reconcile them so that the right households are targeted.",
    "Status intervensi kebutuhannya": "Status of the needs' interventions",
    "Stunting": "Stunting",
    "Sumber air minum sumur/mata air tak terlindung, sungai/danau, atau lainnya":
        "Drinking water from an unprotected well/spring, a river/lake, or another source",
    "Sumber dana": "Funding source",
    "Tabel": "Table",
    "Tahun": "Year",
    "Tampilkan": "Show",
    "Tampilkan NIK dan nama lengkap": "Show full NIK and names",
    "Tanggal data P3KE (snapshot)": "P3KE data date (snapshot)",
    "Tanpa jamban layak": "No proper toilet",
    "Tanpa listrik": "No electricity",
    "Tanpa target": "No target",
    "Target (keluarga)": "Target (households)",
    "Target TW": "Quarter target",
    "Target kumulatif": "Cumulative target",
    "Target setahun": "Target for the year",
    "Target tidak disimpan: {e}": "Targets not saved: {e}",
    "Target {klaster} triwulan {tw} harus bilangan bulat ≥ 0 (tertulis: {nilai}).":
        "The target for {klaster}, quarter {tw}, must be a whole number ≥ 0 (written: {nilai}).",
    "Tautan tayangan ini (dapat dibagikan):": "Link to this slideshow (can be shared):",
    "Tayangan Rapat": "Meeting Slideshow",
    "Berikutnya (→, spasi)": "Next (→, space)",
    "Tayangan menampilkan halaman terpilih satu per satu dalam mode presentasi (huruf besar, tanpa panel samping, tanpa data pribadi) untuk wilayah dan periode yang dipilih di panel kiri.":
        "The slideshow shows the chosen pages one at a time in presentation mode (large type, no side panel, no "
        "personal data) for the region and period chosen in the left panel.",
    "Tayangan rapat": "Meeting slideshow",
    "Sebelumnya (←)": "Previous (←)",
    "Tayangan {i} dari {n}": "Slide {i} of {n}",
    "Terjangkau anggaran": "Within budget",
    "Tersisa": "Remaining",
    "Tersisa per 100 keluarga": "Remaining per 100 households",
    "Tertinggal": "Behind",
    "Tidak ada anggota usia kerja (19–59) yang bekerja": "No working-age member (19–59) is working",
    "Tidak ada baris yang dapat diimpor dari {file}; semua {n} baris ditolak. Unduh daftar baris yang ditolak, perbaiki, lalu unggah lagi.":
        "No rows can be imported from {file}; all {n} rows were rejected. Download the list of rejected rows, fix "
        "them, then upload again.",
    "Tidak ada data keluarga untuk wilayah ini.": "No household data for this region.",
    "Tidak ada data untuk wilayah ini.": "No data for this region.",
    "Tidak ada kebutuhan terbuka untuk klaster terpilih di wilayah ini.":
        "No open needs for the chosen clusters in this region.",
    "Tidak ada kebutuhan tercatat untuk wilayah ini.": "No needs recorded for this region.",
    "Tidak ada keluarga yang memenuhi filter di wilayah ini.": "No households in this region match the filters.",
    "Tidak ada masalah ini di wilayah terpilih.": "This problem does not occur in the selected region.",
    "Tidak bekerja": "Not working",
    "Tidak punya fasilitas BAB sendiri/bersama, atau kloset tidak layak":
        "No own or shared toilet facility, or an improper toilet",
    "Tinggal sendiri": "Living alone",
    "Tren kebutuhan tertutup per triwulan": "Trend of needs closed per quarter",
    "Triwulan": "Quarter",
    "Triwulan {tw}": "Quarter {tw}",
    "Ukuran": "Measure",
    "Unduh (Excel)": "Download (Excel)",
    "Unduh baris yang ditolak (CSV) untuk diperbaiki": "Download the rejected rows (CSV) to fix them",
    "Unduh daftar (Excel)": "Download the list (Excel)",
    "Unduh lembar verval ({n} keluarga, Excel)": "Download the verification sheet ({n} households, Excel)",
    "Urutan: desa prioritas dulu, lalu kebutuhan terberat per 100 keluarga. Sebuah desa dihitung terjangkau bila seluruh kebutuhannya (klaster terpilih) tertutup sisa anggaran; desa yang tidak muat dilewati.":
        "Order: priority villages first, then the heaviest needs per 100 households. A village counts as reached "
        "when the remaining budget covers all of its needs (chosen clusters); villages that do not fit are skipped.",
    "Waktu": "Time",
    "Wilayah": "Region",
    "Wilayah dengan {klaster} tersisa terbanyak per 100 keluarga:":
        "Regions with the most remaining {klaster} per 100 households:",
    "ada anggota penyandang disabilitas": "a member has a disability",
    "ada anggota sakit kronis": "a member is chronically ill",
    "anggota tanpa keluarga: id_keluarga_p3ke tidak ada di P3KE": "member without a household: id_keluarga_p3ke not in P3KE",
    "baris tanpa NIK maupun ID": "row with neither NIK nor ID",
    "belum terjangkau bansos maupun intervensi apa pun": "not yet reached by social assistance or any intervention",
    "biaya satuan": "unit costs",
    "daftar SK lokus desa prioritas": "priority village decree (SK lokus) list",
    "daftar sektor (RTLH Disperakim, DTKS, …)": "sector list (Disperakim RTLH, DTKS, …)",
    "daftar target triwulan": "quarterly target list",
    "desa dan tahun ganda di berkas ini": "village and year repeated in this file",
    "desil 1": "decile 1",
    "desil 2": "decile 2",
    "desil 3": "decile 3",
    "desil di luar 1–4": "decile outside 1–4",
    "dibanding {periode}": "vs {periode}",
    "ekspor anggota keluarga (individu) P3KE": "P3KE household member (individual) export",
    "ekspor keluarga P3KE": "P3KE household export",
    "id intervensi ganda di berkas ini": "intervention id repeated in this file",
    "id_individu ganda di berkas ini": "id_individu repeated in this file",
    "id_keluarga_p3ke ganda (sudah ada di baris {baris})": "duplicate id_keluarga_p3ke (already in row {baris})",
    "id_keluarga_p3ke kosong": "id_keluarga_p3ke empty",
    "keluarga tidak ada di data P3KE aktif": "household not in the active P3KE data",
    "kepala keluarga lansia (≥ 60 tahun)": "elderly head of household (≥ 60 years)",
    "klaster tidak dikenal": "unknown cluster",
    "klaster tidak dikenal ({daftar})":
        "unknown cluster ({daftar})",
    "kode desa/kelurahan tidak dikenal": "unknown village code",
    "nilai_rp bukan angka": "nilai_rp is not a number",
    "padan_dukcapil bukan Padan/Tidak Padan/Ya/Tidak": "padan_dukcapil is not Padan/Tidak Padan/Ya/Tidak",
    "penandaan intervensi (SIKS-DJ)": "intervention tagging (SIKS-DJ)",
    "per desa": "per village",
    "per desa dan klaster": "per village and cluster",
    "per kebutuhan layanan dasar yang masih terbuka": "per basic-service need still open",
    "status bukan rencana/proses/selesai": "status is not rencana/proses/selesai",
    "sumber kosong": "sumber empty",
    "tahun di luar 2020–2035": "year outside 2020–2035",
    "tanggal tidak dapat dibaca": "date cannot be read",
    "tanggal_selesai sebelum tanggal": "tanggal_selesai before tanggal",
    "target harus bilangan bulat ≥ 0": "target must be a whole number ≥ 0",
    "tidak (pakai tombol/keyboard)": "no (use the buttons/keyboard)",
    "tinggal sendiri": "living alone",
    "triwulan di luar 1–4": "quarter outside 1–4",
    "ya": "yes",
    "{apa} tidak ditampilkan dalam mode presentasi karena memuat data pribadi.":
        "{apa} is not shown in presentation mode because it holds personal data.",
    "{a} dari {b}": "{a} of {b}",
    "{b} jika {label}": "{b} if {label}",
    "{d} detik": "{d} seconds",
    "{file}: {diterima} baris diterima, {ditolak} baris ditolak": "{file}: {diterima} rows accepted, {ditolak} rows rejected",
    "{judul} (lanjutan)": "{judul} (continued)",
    "{klaster} per 100 keluarga": "{klaster} per 100 households",
    "{klaster}: keluarga tersisa": "{klaster}: households remaining",
    "{klaster}: tersisa per 100 keluarga": "{klaster}: remaining per 100 households",
    "{kolom} bukan Ya/Tidak": "{kolom} is not Ya/Tidak (yes/no)",
    "{nama} ({mulai} s.d. {tenggat})": "{nama} ({mulai} to {tenggat})",
    "{n} tersisa ({p} tertutup)": "{n} remaining ({p} closed)",
    "Keluarga dengan kebutuhan: tersisa, lalu selesai": "Households with the need: remaining, then done",
    "{n} desa prioritas": "{n} priority villages",
    "{n} target {wilayah} tahun {tahun} disimpan oleh {petugas}.": "{n} targets of {wilayah} for {tahun} saved by {petugas}.",
    "{n} wilayah tanpa batas tidak tergambar.": "{n} regions without a boundary are not drawn.",
    "{p} dari total": "{p} of total",
    "{tertutup} dari {awal} kebutuhan (keluarga × klaster) yang terbuka pada awal {tahun} telah selesai diintervensi.":
        "{tertutup} of the {awal} needs (household × cluster) open at the start of {tahun} have been met.",
    "— Semua {tingkat} —": "— Every {tingkat} —",
    "— pilih desa —": "— choose a village —",
    "⚠️ **DATA DEMO** — keluarga dan individu sintetis di atas wilayah dan batas desa yang nyata; bukan data P3KE sebenarnya.":
        "⚠️ **DEMO DATA** — synthetic households and individuals on real regions and village boundaries; not "
        "real P3KE data.",
    "Bahasa laporan": "Report language",
    "Buat laporan": "Create the report",
    "Isi laporan": "Contents of the report",
    "Laporan berisi: angka utama, peta kebutuhan, kebutuhan per sektor, progres terhadap target, peringkat "
    "kabupaten/kota (untuk provinsi) atau wilayah di bawahnya, dan ringkasan kualitas data; setiap bagian dibuka "
    "dengan satu kalimat pesan utama. Grafik dan peta disertakan sebagai gambar; tabel panjang berlanjut ke halaman "
    "atau slide berikutnya. Tanpa data pribadi.":
        "The report holds: headline figures, the map of needs, needs per sector, progress against targets, the "
        "ranking of regencies/cities (for a province) or of the regions below, and a data-quality summary; each "
        "section opens with a one-sentence key message. Charts and the map are included as pictures; long tables "
        "continue on the next page or slide. No personal data.",
    "Laporan tidak dapat dibuat: {e}": "The report could not be made: {e}",
    "Menulis {bentuk}": "Writing {bentuk}",
    "Berkas {bentuk} tidak dapat ditulis: {e}": "The {bentuk} file could not be written: {e}",
    "Laporan triwulan": "Quarterly report",
    "Laporan {wilayah}, {periode} siap: {n} bagian.": "Report for {wilayah}, {periode} ready: {n} sections.",
    "Pilih provinsi, kabupaten/kota, kecamatan atau desa di panel kiri.":
        "Choose a province, regency/city, district or village in the left panel.",
    "Unduh Excel": "Download Excel",
    "Unduh PDF": "Download PDF",
    "Unduh PowerPoint": "Download PowerPoint",
    "tabel {n} baris": "table of {n} rows",
    "Batas wilayah siap": "Boundaries ready",
    "Membaca batas {nama}": "Reading boundaries {nama}",
        "Membuat keluarga demo {nama} ({i}/{n})": "Creating demo households for {nama} ({i}/{n})",
    "Memperbaiki dan menyederhanakan geometri": "Repairing and simplifying geometries",
    "Memuat kode wilayah Indonesia": "Loading Indonesia's region codes",
        "Menyimpan basis data": "Saving the database",
    "**Asumsi:** klaster {klaster}; kebutuhan yang dihitung: {dasar}; anggaran mitra {anggaran}.":
        "**Assumptions:** clusters {klaster}; needs counted: {dasar}; partner budget {anggaran}.",
    "Hubungan dengan kepala keluarga": "Relation to the head of household",
    "ID": "ID",
    "ID individu": "Individual ID",
    "ID keluarga P3KE": "P3KE household ID",
    "Keterangan di P3KE": "Remark in P3KE",
    "Klaster tanpa intervensi": "Clusters without an intervention",
    "Meninggal": "Deceased",
    "Nama": "Name",
    "Pindah": "Moved away",
    "Sumber": "Source",
    "Batas wilayah belum dimuat di basis data ini, jadi peta tidak dapat digambar; tabel di bawah menggantikannya.":
        "Region boundaries are not loaded in this database, so the map cannot be drawn; the table below replaces it.",
    # accounts, login, purposes of access and audit log (pages/masuk.py, akun.py, audit.py, ui/akses.py)
    "Masuk ke Dasbor PKE": "Log in to the PKE Dashboard",
    "Dasbor ini memuat data pribadi keluarga miskin ekstrem (UU 27/2022 tentang Pelindungan Data Pribadi). "
    "Masuk dengan akun yang diberikan administrator.":
        "This dashboard holds personal data of households in extreme poverty (UU 27/2022 on Personal Data "
        "Protection). Log in with the account the administrator gave you.",
    "Tampilan agregat terbuka tanpa masuk. Data nama, impor, target dan administrasi memerlukan akun.":
        "Aggregate views are open without logging in. By-name data, imports, targets and administration need an "
        "account.",
    "Nama pengguna": "User name",
    "Kata sandi": "Password",
    "Masuk dengan akun kantor (SSO)": "Log in with your office account (SSO)",
    "Setelah 5 kali gagal dalam 15 menit, akun dikunci 15 menit. Sesi berakhir setelah 30 menit tanpa aktivitas "
    "atau 8 jam.":
        "After 5 failed attempts within 15 minutes, the account is locked for 15 minutes. Sessions end after "
        "30 minutes without activity or after 8 hours.",
    "Sesi berakhir (30 menit tanpa aktivitas, atau 8 jam). Silakan masuk lagi.":
        "Session expired (30 minutes without activity, or 8 hours). Please log in again.",
    "Akun demo": "Demo accounts",
    "Basis data ini adalah **data demo** (sintetis). Coba setiap peran dengan akun berikut; akun demo tidak dapat "
    "dipakai pada data sebenarnya.":
        "This database holds **demo data** (synthetic). Try each role with the accounts below; demo accounts "
        "cannot be used on real data.",
    "Nasional": "National",
    "Tanpa masuk, tampilan agregat data demo tetap terbuka.":
        "Without logging in, the aggregate views of the demo data remain open.",
    "Pimpinan provinsi: semua tampilan agregat Jawa Tengah dan mode presentasi, tanpa data nama":
        "Provincial leadership: all aggregate views of Central Java and presentation mode, no by-name data",
    "Analis Bappeda Grobogan: agregat, daftar keluarga dengan NIK disamarkan":
        "Bappeda analyst, Grobogan: aggregates, household lists with NIK masked",
    "Dinsos Grobogan: tampilan agregat kabupatennya": "Dinsos Grobogan: aggregate views of its regency",
    "Operator Kec. Kedungjati: data nama kecamatannya untuk verval, dengan tujuan dan log audit":
        "Kedungjati district operator: by-name data of the district for verification, with purpose and audit log",
    "Administrator: akun, impor, target, log audit": "Administrator: accounts, imports, targets, audit log",
    "Belum masuk: hanya tampilan agregat.": "Not logged in: aggregate views only.",
    "**{nama}** · {peran}": "**{nama}** ({peran})",
    "Wilayah kerja: {wilayah}": "Work region: {wilayah}",
    "Kode wilayah di tautan tidak sah; pilih wilayah di panel kiri.":
        "The region code in the link is invalid; choose a region in the left panel.",
    "Wilayah {kode} di luar wilayah akses Anda; tidak ada data yang ditampilkan. Pilih wilayah di panel kiri.":
        "Region {kode} is outside your access region; no data is shown. Choose a region in the left panel.",
    "Tidak ada data di wilayah akses Anda.": "No data in your access region.",
    "Tidak ada wilayah akses untuk pengguna ini; tidak ada data yang ditampilkan.":
        "This user has no access region; no data is shown.",
    "Anda tidak berhak membuka halaman {judul}. Masuk dengan akun yang berhak, atau hubungi administrator.":
        "You are not authorised to open the {judul} page. Log in with an authorised account, or contact the "
        "administrator.",
    "Akun Anda belum memiliki wilayah kerja, jadi tidak ada data yang dapat ditampilkan. Hubungi administrator.":
        "Your account has no work region yet, so no data can be shown. Contact the administrator.",
    "Log audit tidak dapat ditulis, jadi data ini tidak ditampilkan. Hubungi administrator.":
        "The audit log cannot be written, so this data is not shown. Contact the administrator.",
    "Data pribadi. Hanya untuk keperluan yang dinyatakan; tercatat di log audit. Jangan tampilkan di layar rapat.":
        "Personal data. Only for the stated purpose; recorded in the audit log. Do not show it on a meeting screen.",
    "Tujuan membuka data pribadi": "Purpose of revealing personal data",
    "— pilih tujuan —": "— choose a purpose —",
    "Pilih tujuan dulu; NIK dan nama tetap disamarkan sampai tujuan dinyatakan.":
        "Choose a purpose first; NIK and names stay masked until a purpose is stated.",
    "NIK dan nama lengkap ditampilkan untuk {tujuan}. Akses ini tercatat atas nama {nama}.":
        "Full NIK and names are shown for {tujuan}. This access is recorded under the name {nama}.",
    "Verifikasi dan validasi (verval) lapangan": "Field verification and validation",
    "Penyaluran bantuan": "Aid distribution",
    "Pendampingan keluarga": "Household mentoring",
    "Pemadanan data (Dukcapil/DTKS)": "Data matching (Dukcapil/DTKS)",
    "Penanganan pengaduan": "Complaint handling",
    "Cari nama kepala keluarga, NIK lengkap (16 angka), atau ID P3KE":
        "Search head of household's name, full NIK (16 digits), or P3KE ID",
    "Diekspor oleh {nama} pada {waktu}; {isi}.": "Exported by {nama} on {waktu}; {isi}.",
    "tujuan: {tujuan}": "purpose: {tujuan}",
    "NIK dan nama disamarkan": "NIK and names masked",
    "Nama pengunduh dan waktunya tertulis di lembar, dan unduhan tercatat di log audit.":
        "The downloader's name and the time are written on the sheet, and the download is recorded in the audit log.",
    "Lembar verval (Excel) hanya dapat diunduh oleh akun yang berhak mengekspor data nama (operator wilayah).":
        "The verification sheet (Excel) can only be downloaded by accounts allowed to export by-name data "
        "(regional operators).",
    "Daftar nama hanya untuk akun yang berhak melihat data nama (analis, operator wilayah); jumlahnya ada di atas.":
        "By-name lists are only for accounts allowed to see by-name data (analysts, regional operators); the "
        "counts are above.",
    "Masuk dengan akun untuk mengunduh laporan (PDF, PowerPoint, Excel).":
        "Log in with an account to download reports (PDF, PowerPoint, Excel).",
    "Paling besar {mb} MB dan {baris} baris; buku kerja bermakro (.xlsm) tidak diterima.":
        "At most {mb} MB and {baris} rows; macro-enabled workbooks (.xlsm) are not accepted.",
    "Memeriksa berkas… (di proses terpisah; halaman lain tetap melayani)":
        "Checking the file… (in a separate process; other pages keep working)",
    "Ubah target": "Change targets",
    "Satu baris per klaster dan triwulan; kosongkan untuk menghapus target. Tersimpan atas nama {nama} dan "
    "tercatat di log audit.":
        "One row per cluster and quarter; leave empty to remove a target. Saved under the name {nama} and "
        "recorded in the audit log.",
    "Akun Pengguna": "User Accounts",
    "Akun pengguna": "User accounts",
    "Akun di wilayah kerja Anda ({wilayah}). Administrator hanya dapat membuat akun di dalam wilayahnya.":
        "Accounts in your work region ({wilayah}). Administrators can create accounts only within their own region.",
    "Demo": "Demo",
    "Dibuat pada": "Created at",
    "Dibuat oleh": "Created by",
    "Tambah akun": "Add account",
    "Nonaktifkan / ganti kata sandi": "Deactivate / change password",
    "Akses publik": "Public access",
    "3–32 huruf kecil, angka, titik, garis bawah atau tanda hubung.":
        "3–32 lowercase letters, digits, dots, underscores or hyphens.",
    "Kode wilayah": "Region code",
    "Kode Kemendagri, mis. 33.15 (kabupaten) atau 33.15.01 (kecamatan); \"nasional\" untuk seluruh Indonesia.":
        "Kemendagri code, e.g. 33.15 (regency) or 33.15.01 (district); \"nasional\" for all of Indonesia.",
    "OPD (untuk peran OPD)": "OPD (for the OPD role)",
    "E-mail (untuk SSO, opsional)": "E-mail (for SSO, optional)",
    "Kata sandi awal": "Initial password",
    "Minimal {n} karakter; sampaikan kepada pemilik akun lewat jalur aman.":
        "At least {n} characters; pass it to the account holder through a secure channel.",
    "Anda hanya dapat membuat akun di dalam wilayah kerja Anda.":
        "You can only create accounts within your work region.",
    "Akun {nama} dibuat.": "Account {nama} created.",
    "Tidak ada akun lain yang aktif di wilayah Anda.": "No other active accounts in your region.",
    "Akun": "Account",
    "Kata sandi baru (kosongkan bila hanya menonaktifkan)": "New password (leave empty to deactivate only)",
    "Ganti kata sandi": "Change password",
    "Nonaktifkan akun": "Deactivate account",
    "Akun ini di luar wilayah kerja Anda.": "This account is outside your work region.",
    "Kata sandi {nama} diganti; sesi-sesinya diakhiri.": "Password of {nama} changed; its sessions have been ended.",
    "Akun {nama} dinonaktifkan; sesi-sesinya diakhiri.": "Account {nama} deactivated; its sessions have been ended.",
    "Bila aktif, tampilan agregat (tanpa data nama) dapat dibuka tanpa masuk. Pada data demo selalu terbuka.":
        "When on, aggregate views (without by-name data) can be opened without logging in. With demo data they "
        "are always open.",
    "Hanya administrator nasional yang dapat mengubah pengaturan ini.":
        "Only a national administrator can change this setting.",
    "Tampilan agregat terbuka untuk umum": "Aggregate views open to the public",
    "Log Audit": "Audit Log",
    "Log audit": "Audit log",
    "Setiap masuk (berhasil dan gagal), keluar, tampilan dan pembukaan data nama, ekspor, impor, perubahan target "
    "dan akun tercatat di sini. Setiap entri memuat hash entri sebelumnya, sehingga perubahan atau penghapusan "
    "terdeteksi. NIK tidak pernah tercatat utuh.":
        "Every login (successful or failed), logout, view and reveal of by-name data, export, import, and change of "
        "targets and accounts is recorded here. Each entry holds the hash of the previous entry, so any change or "
        "removal is detected. NIK is never recorded in full.",
    "Pengguna": "User",
    "Aksi": "Action",
    "— semua aksi —": "— all actions —",
    "Dari tanggal (UTC)": "From date (UTC)",
    "Sampai tanggal (UTC)": "To date (UTC)",
    "**{n}** entri": "**{n}** entries",
    " (dibatasi {n} terbaru)": " (limited to the latest {n})",
    "Waktu (UTC)": "Time (UTC)",
    "Rincian": "Details",
    "Keutuhan rantai": "Chain integrity",
    "Periksa rantai audit": "Check the audit chain",
    "Rantai audit rusak mulai entri #{id}: ada entri yang diubah atau dihapus.":
        "Audit chain broken from entry #{id}: entries have been changed or removed.",
    # key messages (pke/pesan.py) and the report's sections (pke/laporan/)
    "PR terbesar {klaster} ({n} keluarga)": "biggest gap {klaster} ({n} households)",
    "PR terbesar {klaster}: {n} keluarga tersisa, {p} tertutup (OPD {opd})":
        "biggest gap {klaster}: {n} households remaining, {p} closed (agency {opd})",
    "{p} dari seluruh kebutuhan tertutup": "{p} of all needs closed",
    "{tw}: {p} dari target": "{tw}: {p} of target",
    "{tw}: {p} dari target ({r} dari {tg} keluarga)": "{tw}: {p} of target ({r} of {tg} households)",
    "{tw}: belum ada target": "{tw}: no target set",
    "{tw}: belum ada data": "{tw}: no data yet",
    "desa prioritas": "priority village",
    "bukan desa prioritas": "not a priority village",
    "desa prioritas PKE {tahun}": "PKE priority village {tahun}",
    "bukan desa prioritas PKE {tahun}": "not a PKE priority village in {tahun}",
    "OPD pendamping {opd}": "accompanying agency {opd}",
    "OPD pendamping belum ditetapkan": "no accompanying agency assigned yet",
    "tidak ada kebutuhan tercatat": "no needs recorded",
    "tidak ada kebutuhan tersisa": "no remaining needs",
    "semua kebutuhan tertutup": "all needs closed",
    "tidak ada keluarga tersisa": "no households remaining",
    "tidak ada data keluarga": "no household data",
    "tidak ada data desa ini": "no data for this village",
    "tidak ada data kabupaten/kota": "no regency/city data",
    "tidak ada data": "no data",
    "{n} keluarga tersisa": "{n} households remaining",
    "{n} keluarga tersisa ({x} per 100 keluarga)": "{n} households remaining ({x} per 100 households)",
    "terberat {nama} ({x} per 100 keluarga)": "heaviest {nama} ({x} per 100 households)",
    "peringkat {urutan} dari {n} desa di kecamatannya": "rank {urutan} of {n} villages in its district",
    "peringkat {urutan} dari {n} desa di kecamatannya menurut kebutuhan tersisa per 100 keluarga (1 = paling berat)":
        "rank {urutan} of {n} villages in its district by remaining needs per 100 households (1 = heaviest)",
    "kebutuhan tersisa terbanyak di {daftar}": "most remaining needs in {daftar}",
    "kebutuhan tersisa terbesar {daftar}": "biggest remaining needs {daftar}",
    "belum ada target tahun {tahun}": "no targets for {tahun} yet",
    "{n} kebutuhan tertutup sampai {tw}": "{n} needs closed up to {tw}",
    "{a} dari {b} klaster sesuai target": "{a} of {b} clusters on track",
    "paling tertinggal {klaster} ({p}, {status})": "furthest behind {klaster} ({p}, {status})",
    "pilih provinsi": "choose a province",
    "{a} dari {b} kabupaten/kota sesuai target sampai {tw}": "{a} of {b} regencies/cities on track up to {tw}",
    "paling tertinggal {nama} ({p})": "furthest behind {nama} ({p})",
    "kebutuhan tertutup terendah {nama} ({p})": "fewest needs closed {nama} ({p})",
    "{n} kabupaten/kota prioritas, {a} di antaranya sesuai target":
        "{n} priority regencies/cities, {a} of them on track",
    "peluang kolaborasi dihitung per kabupaten/kota, kecamatan atau desa":
        "collaboration opportunities are computed per regency/city, district or village",
    "tidak ada kebutuhan terbuka untuk klaster terpilih": "no open needs in the chosen clusters",
    "perkiraan biaya {biaya} untuk {k} keluarga di {d} desa": "estimated cost {biaya} for {k} households in {d} villages",
    "anggaran {a} menjangkau {d} desa ({k} keluarga)": "a budget of {a} reaches {d} villages ({k} households)",
    "tidak ada masalah data tercatat": "no data problems recorded",
    "masalah data terbesar {masalah}": "biggest data problem {masalah}",
    "lalu {masalah}": "then {masalah}",
    "belum ada keputusan rakor yang tercatat": "no meeting decisions recorded yet",
    "{n} keputusan rakor: {s} selesai, {l} lewat tenggat": "{n} meeting decisions: {s} done, {l} past their deadline",
    "Diurutkan menurut kebutuhan tersisa per 100 keluarga; ▶ desa ini, ★ desa prioritas.":
        "Sorted by remaining needs per 100 households; ▶ this village, ★ priority village.",
    "Pesan utama": "Key messages",
    # storage (issue 11)
    "Impor #{id} tidak dapat dibatalkan sendiri: impor sesudahnya ({daftar}) mengubah kabupaten yang sama. Batalkan "
    "impor itu lebih dulu (dari yang terbaru).":
        "Import #{id} cannot be undone on its own: later imports ({daftar}) changed the same kabupaten. Undo those "
        "first (newest first).",
    "Kabupaten {kab}: Anda memilih mengganti seluruh kabupaten — {n} keluarga di {d} desa lain yang tidak ada di "
    "berkas ini akan hilang dari data aktif.":
        "Kabupaten {kab}: you chose to replace the whole kabupaten — {n} families in {d} other villages that are not "
        "in this file will disappear from the active data.",
    "Kabupaten {kab}: {n} keluarga di {d} desa berkas ini menggantikan {lama} keluarga aktif di desa-desa itu (bila "
    "snapshotnya tidak lebih lama dari data aktif); data lama tetap disimpan untuk perbandingan.":
        "Kabupaten {kab}: {n} families in this file's {d} villages replace the {lama} active families of those "
        "villages (unless its snapshot is older than the active data); the old data is kept for comparison.",
    "Kabupaten {kab}: {n} keluarga di {d} desa lain tidak berubah.":
        "Kabupaten {kab}: {n} families in {d} other villages do not change.",
    "Mengganti seluruh kabupaten akan menghilangkan {n} keluarga dari data aktif. Centang konfirmasi (atau --ya di "
    "baris perintah) bila memang itu maksudnya.":
        "Replacing the whole kabupaten would remove {n} families from the active data. Tick the confirmation (or "
        "--ya on the command line) if that is what you mean.",
    "Menulis kabupaten {kab} ({i}/{n})": "Writing kabupaten {kab} ({i}/{n})",
    "Menyimpan katalog": "Saving the catalog",
    "Seluruh wilayah akses Anda ({kode})": "Your whole region ({kode})",
    "Wilayah berkas ini": "Region of this file",
    "Baris di luar wilayah ini ditolak dengan alasannya.": "Rows outside this region are refused with the reason.",
    "Ganti seluruh kabupaten (bukan hanya desa yang ada di berkas)":
        "Replace the whole kabupaten (not only the villages in the file)",
    "Bawaan: berkas menggantikan keluarga di desa-desa yang ada di berkas saja; desa lain tetap. Bila dicentang, "
    "keluarga di desa lain kabupaten itu hilang dari data aktif (pemeriksaan menyebut jumlahnya).":
        "By default the file replaces the families of the villages it contains; other villages stay. When ticked, "
        "the families of the kabupaten's other villages leave the active data (the check says how many).",
    "Mengganti seluruh kabupaten: {n} keluarga di desa yang tidak ada di berkas ini akan hilang dari data aktif "
    "(tetap tersimpan sebagai data lama, dan impor dapat dibatalkan).":
        "Replacing the whole kabupaten: {n} families in villages not in this file will leave the active data (they "
        "stay stored as old data, and the import can be undone).",
    "Saya mengerti: {n} keluarga hilang dari data aktif": "I understand: {n} families leave the active data",
    "Mengimpor": "Importing",
    "Impor #{id} dibatalkan: setiap tabel kembali persis seperti sebelum impor itu ({n} baris impor itu dihapus).":
        "Import #{id} undone: every table is exactly as before that import ({n} rows of that import removed).",
    "nasional": "national",
    # Meeting follow-ups (pke/tindak_lanjut.py, pages/tindak_lanjut.py)
    "Tindak Lanjut Rakor": "Meeting Follow-ups",
    "Tindak lanjut rakor": "Meeting follow-ups",
    "Tindak lanjut rakor lalu": "Follow-ups of the last meeting",
    "Berjalan": "In progress",
    "Keputusan": "Decision",
    "Catatan": "Note",
    "Catatan OPD": "Agency's note",
    "Catatan kemajuan": "Progress note",
    "Diperbarui oleh": "Updated by",
    "Rakor": "Meeting",
    "Tanggal rakor": "Meeting date",
    "Alasan pembatalan": "Reason for withdrawal",
    "Batalkan": "Withdraw",
    "Batalkan keputusan #{id}": "Withdraw decision #{id}",
    "Catat keputusan": "Record the decision",
    "Catat keputusan rakor": "Record a meeting decision",
    "Perbarui status": "Update the status",
    "Simpan pembaruan": "Save the update",
    "Riwayat #{id}": "History of #{id}",
    "Lewat {n} hari": "{n} days overdue",
    "Selesai {tanggal}": "Done {tanggal}",
    "Tenggat hari ini": "Due today",
    "{selesai} selesai · {berjalan} berjalan · {terlambat} terlambat":
        "{selesai} done · {berjalan} in progress · {terlambat} late",
    "#{id} · {opd} · {keputusan} · tenggat {tenggat} · {status}":
        "#{id} · {opd} · {keputusan} · due {tenggat} · {status}",
    "— tidak khusus satu klaster —": "— not about one cluster —",
    "mis. Verifikasi ulang data jamban di desa prioritas": "e.g. Re-check the toilet data in the priority villages",
    "OPD yang melaksanakan; akun OPD itu dapat memperbarui statusnya.":
        "The agency that carries it out; that agency's account can update its status.",
    "Tampil di layar rapat: tulis kemajuan, tanpa nama atau NIK warga.":
        "Shown on the meeting screen: write the progress, without residents' names or NIK.",
    "Keputusan rakor untuk wilayah ini dan wilayah di bawahnya. Selesai = ditandai selesai oleh OPD; terlambat = "
    "belum selesai dan tenggat sudah lewat; berjalan = belum selesai dan tenggat belum lewat.":
        "Meeting decisions for this region and the regions below it. Done = marked done by the agency; overdue = "
        "not done and past its due date; in progress = not done and not yet due.",
    "Belum ada keputusan rakor yang dicatat untuk wilayah ini.": "No meeting decision has been recorded for this "
                                                                 "region yet.",
    "Belum ada keputusan rakor untuk {opd} di wilayah ini.": "No meeting decision for {opd} in this region yet.",
    "Belum ada keputusan rakor untuk diperbarui di wilayah ini.": "No meeting decision to update in this region yet.",
    "Keputusan #{id} dicatat.": "Decision #{id} recorded.",
    "Keputusan #{id} dibatalkan.": "Decision #{id} withdrawn.",
    "Tindak lanjut #{id} diperbarui.": "Follow-up #{id} updated.",
    "Keputusan rakor dicatat": "Meeting decision recorded",
    "Tindak lanjut rakor diperbarui": "Meeting follow-up updated",
    "Keputusan rakor dibatalkan": "Meeting decision withdrawn",
    "Hanya analis Bappeda atau administrator yang dapat mencatat keputusan rakor.":
        "Only Bappeda analysts or administrators can record meeting decisions.",
    "Hanya analis Bappeda atau administrator yang dapat membatalkan keputusan rakor.":
        "Only Bappeda analysts or administrators can withdraw meeting decisions.",
    "Hanya OPD yang ditugasi, analis Bappeda atau administrator yang dapat memperbarui tindak lanjut.":
        "Only the agency concerned, Bappeda analysts or administrators can update a follow-up.",
    "Tindak lanjut #{id} ditugaskan kepada {opd}; hanya OPD itu, analis Bappeda atau administrator yang dapat "
    "memperbaruinya.":
        "Follow-up #{id} is assigned to {opd}; only that agency, Bappeda analysts or administrators can update it.",
    "Tindak lanjut #{id} tidak ada.": "Follow-up #{id} does not exist.",
    "Tindak lanjut #{id} ({wilayah}) di luar wilayah kerja Anda.":
        "Follow-up #{id} ({wilayah}) is outside your work region.",
    "Tidak ada yang berubah pada tindak lanjut #{id}.": "Nothing changed in follow-up #{id}.",
    "{wilayah} ({kode}) di luar wilayah kerja Anda ({lingkup}).":
        "{wilayah} ({kode}) is outside your work region ({lingkup}).",
    "Kode wilayah tidak dikenal: {kode}. Pakai kode Kemendagri, mis. 33.15 (kabupaten) atau 33.15.01 (kecamatan).":
        "Unknown region code: {kode}. Use a Kemendagri code, e.g. 33.15 (regency) or 33.15.01 (district).",
    "OPD tidak dikenal: {opd}. Pilihan: {pilihan}.": "Unknown agency (OPD): {opd}. Choices: {pilihan}.",
    "Status tidak dikenal: {status}. Pilihan: {pilihan}.": "Unknown status: {status}. Choices: {pilihan}.",
    "Tenggat ({tenggat}) sebelum tanggal rakor ({rakor}).": "The due date ({tenggat}) is before the meeting date "
                                                           "({rakor}).",
    "{kolom} bukan tanggal yang sah: {nilai}. Pakai format tahun-bulan-tanggal, mis. 2026-12-31.":
        "{kolom} is not a valid date: {nilai}. Use year-month-day, e.g. 2026-12-31.",
    "{kolom} di luar tahun 2000–2100: {nilai}.": "{kolom} is outside the years 2000–2100: {nilai}.",
    "{kolom} tidak boleh memuat NIK (16 angka): tindak lanjut tampil di layar rapat dan tidak memuat data pribadi.":
        "{kolom} must not contain a NIK (16 digits): follow-ups are shown on the meeting screen and hold no personal "
        "data.",
    # the wall (ui.dinding)
    "Laporan OPD yang disetujui": "Approved agency reports",
    "Sebagian DATA DEMO": "PARTLY DEMO DATA",
    "data per {tanggal}": "data as of {tanggal}",
    # the map: a click opens a region (pages/peta.py, pke/maps.py, the Profil Desa map)
    "Klik untuk membuka": "Click to open",
    "Klik wilayah di peta untuk membukanya.": "Click a region on the map to open it.",
    "Desa ini": "This village",
    "Keluarga tersisa: **{n}**": "Households remaining: **{n}**",
    "Desa prioritas: **{n}**": "Priority villages: **{n}**",
    "— pilih wilayah —": "— choose a region —",
    "Buka wilayah ini": "Open this region",
    "Peta kebutuhan: {klaster}": "Map of needs: {klaster}",
    "Warna: {judul} pada akhir {periode}. Garis biru muda bertepi hitam: desa prioritas tahun {tahun}.":
        "Colour: {judul} at the end of {periode}. Light blue line on black: priority villages of {tahun}.",
    "Warna: {klaster} (PR terbesar desa ini) tersisa per 100 keluarga. Garis putih bertepi hitam: desa ini; biru muda bertepi hitam: desa prioritas. Klik desa lain untuk membuka profilnya.":
        "Colour: {klaster} (this village's biggest gap) remaining per 100 households. White line on black: this "
        "village; light blue on black: priority villages. Click another village to open its profile.",
    "Biaya dan jangkauan": "Cost and reach",
    "Biaya satuan": "Unit costs",
    "Pilih desa (★ desa prioritas)": "Choose a village (★ priority village)",
    "Ringkasan masalah data": "Data problems in brief",
    "Cari desa": "Find a village",
    "nama desa, mis. Karanglangu": "village name, e.g. Karanglangu",
    "Ketik sedikitnya 3 huruf nama desa/kelurahan di wilayah Anda.":
        "Type at least 3 letters of a village's name in your region.",
    "Tidak ada desa yang namanya memuat “{cari}” di wilayah Anda.": "No village in your region has “{cari}” in its name.",
    # boundaries: download from upstream (python -m pke batas), office files
    "Batas wilayah tidak ditemukan, jadi peta akan diganti grafik wilayah. Untuk peta:\n"
    "  - unduh batas dari {repo} (komit dipatok, diperiksa SHA-256) ke {cache}:\n"
    "      python -m pke batas unduh --provinsi {kode}\n"
    "    lalu bangun ulang: python -m pke demo\n"
    "  - tanpa internet: salin folder batas (tata letak ../shared/boundaries: db/kab, db/kec, db/kel) dari "
    "komputer lain dan atur PKE_BOUNDARIES=/path/ke/folder, atau pakai --batas FOLDER;\n"
    "  - Shapefile/GeoPackage kantor sendiri: --batas BERKAS dan PKE_BOUNDARIES_KOLOM_KODE=KOLOM bila kolom "
    "kode Kemendagri-nya tidak dikenali.":
        "No boundaries found, so the maps will be replaced by charts of the regions. For maps:\n"
        "  - download the boundaries from {repo} (pinned commit, SHA-256 checked) to {cache}:\n"
        "      python -m pke batas unduh --provinsi {kode}\n"
        "    then build again: python -m pke demo\n"
        "  - offline: copy a boundaries folder (the layout of ../shared/boundaries: db/kab, db/kec, db/kel) from "
        "another computer and set PKE_BOUNDARIES=/path/to/folder, or pass --batas FOLDER;\n"
        "  - your office's own Shapefile/GeoPackage: --batas FILE, and PKE_BOUNDARIES_KOLOM_KODE=COLUMN if its "
        "Kemendagri code column is not recognised.",
    "Batas wilayah provinsi {provinsi}: {n} berkas dari {sumber} ke {folder}":
        "Boundaries of province {provinsi}: {n} files from {sumber} to {folder}",
    "Selesai: {baru} berkas diunduh ({ukuran}), {lama} sudah ada.":
        "Done: {baru} files downloaded ({ukuran}), {lama} already there.",
    "Unduh sekarang batas provinsi {kode} ({n} berkas) ke {cache}? [y/T] ":
        "Download the boundaries of province {kode} ({n} files) to {cache} now? [y/N] ",
    "Kode provinsi tidak dikenal: {kode}. Yang tersedia: {tersedia}.":
        "Unknown province code: {kode}. Available: {tersedia}.",
    "Alamat sumber batas harus https://, http:// atau file://: {url}":
        "The boundaries source address must be https://, http:// or file://: {url}",
    "PKE_BOUNDARIES menunjuk ke {path}, yang tidak ada.": "PKE_BOUNDARIES points to {path}, which does not exist.",
    "Berkas {url} tidak cocok dengan daftar SHA-256 (diharapkan {harap}, didapat {dapat}) dan tidak disimpan. "
    "Isi di server berbeda dari komit yang dipatok atau rusak di jalan: coba lagi, atau pakai salinan folder batas "
    "yang sudah diperiksa.":
        "File {url} does not match the SHA-256 list (expected {harap}, got {dapat}) and was not saved. The server's "
        "content differs from the pinned commit or was damaged on the way: try again, or use a checked copy of the "
        "boundaries folder.",
    "SHA-256 cocok": "SHA-256 matches",
    "Folder batas {folder} tidak memuat provinsi {kode}.":
        "The boundaries folder {folder} does not hold province {kode}.",
    "Unduhan tidak selesai; basis data tetap dibangun, dengan batas yang sudah ada bila ada.":
        "The download did not finish; the database is built anyway, with whatever boundaries there are.",
    "sudah ada, cocok": "already there, matches",
    "Server menjawab {kode} {alasan} untuk {url}.": "The server answered {kode} {alasan} for {url}.",
    "Tidak dapat mengunduh {url}: {alasan}.": "Cannot download {url}: {alasan}.",
    "Sumber batas: {sumber}": "Boundaries source: {sumber}",
    "Kabupaten/kota tercakup: {n} ({kode})": "Regencies/cities covered: {n} ({kode})",
    "Desa/kelurahan tanpa batas di kabupaten/kota itu: {n} dari {total}":
        "Villages without a boundary in those regencies/cities: {n} of {total}",
    "{n} kode tidak ada di daftar kode Kemendagri (data/wilayah.csv), mis. {contoh}.":
        "{n} codes are not in the list of Kemendagri codes (data/wilayah.csv), e.g. {contoh}.",
    "Batas siap di {folder}; `python -m pke demo` memakainya.":
        "Boundaries ready in {folder}; `python -m pke demo` uses them.",
    "Batas siap di {folder}. Bangun dengan `python -m pke demo --batas {folder}` (atau atur "
    "PKE_BOUNDARIES={folder}); tanpa itu dipakai {lain}.":
        "Boundaries ready in {folder}. Build with `python -m pke demo --batas {folder}` (or set "
        "PKE_BOUNDARIES={folder}); otherwise {lain} is used.",
    "Bagian desa kode itu diawali 0: tampaknya kode BPS, bukan kode Kemendagri. Pakai kolom kode Kemendagri "
    "(--kolom-kode / PKE_BOUNDARIES_KOLOM_KODE).":
        "The village part of those codes starts with 0: they look like BPS codes, not Kemendagri codes. Use the "
        "Kemendagri code column (--kolom-kode / PKE_BOUNDARIES_KOLOM_KODE).",
    "Tanpa internet: salin folder batas dari komputer lain dan atur PKE_BOUNDARIES, atau unduh dari cermin dengan "
    "--sumber URL (juga file:///...). Berkas yang sudah diperiksa tetap tersimpan; jalankan lagi untuk melanjutkan.":
        "Offline: copy a boundaries folder from another computer and set PKE_BOUNDARIES, or download from a mirror "
        "with --sumber URL (file:///... too). Files already checked stay; run again to continue.",
    "(tidak ada)": "(none)",
    # Evaluasi Provinsi: sorting, priority switch, highlighted trend (issue 13 item 4)
    "Kabupaten/kota": "Regencies/cities",
    "Semua ({n})": "All ({n})",
    "{n} prioritas saja": "{n} priority only",
    "Urutkan menurut": "Sort by",
    "Urutan": "Order",
    "Tertinggi dulu": "Highest first",
    "Terendah dulu": "Lowest first",
    "Capaian target": "Target achievement",
    "Perubahan % tertutup sejak TW lalu": "Change in % closed since last quarter",
    "Desil 1": "Decile 1",
    "Perubahan": "Change",
    "% capaian": "% achieved",
    "% bertanda": "% tagged",
    "PR terbesar": "Biggest gap",
    "% kebutuhan tertutup pada akhir {periode}": "% of needs closed at the end of {periode}",
    "Perubahan % tertutup sejak {periode}, dalam poin persen":
        "Change in the % of needs closed since {periode}, in percentage points",
    "Capaian target s.d. {tw}: realisasi kumulatif ÷ target kumulatif sejak TW I":
        "Target achievement to {tw}: cumulative realisation ÷ cumulative target since Q I",
    "% keluarga berkebutuhan yang bertanda intervensi": "% of households with needs tagged with an intervention",
    "PR terbesar: klaster dengan keluarga tersisa terbanyak (jumlahnya dalam kurung)":
        "Biggest gap: the cluster with the most households remaining (their number in brackets)",
    "Urutan: {kolom}, {arah}; klik kepala kolom untuk mengurutkan lain, pilih satu baris untuk membuka kabupaten "
    "itu.": "Order: {kolom}, {arah}; click a column header to sort otherwise, select a row to open that regency.",
    "Sorot kabupaten/kota": "Highlight regency/city",
    "Tidak ada data kabupaten/kota.": "No regency/city data.",
    "Garis berwarna: kabupaten/kota yang disorot; garis abu-abu: {n} lainnya. Arahkan kursor ke garis untuk melihat "
    "namanya.":
        "Coloured line: the highlighted regency/city; grey lines: {n} others. Hover over a line to see its name.",
    "Tren kebutuhan tertutup: {nama} disorot": "Trend of needs closed: {nama} highlighted",
    "{a} dari {b} kabupaten/kota prioritas sesuai target sampai {tw}":
        "{a} of {b} priority regencies/cities on target to {tw}",
    "{a} dari {b} kabupaten/kota sesuai target pro-rata {tw} berjalan (data s.d. {tanggal})":
        "{a} of {b} regencies/cities on the pro-rated target of {tw} in progress (data to {tanggal})",
    "{a} dari {b} kabupaten/kota prioritas sesuai target pro-rata {tw} berjalan (data s.d. {tanggal})":
        "{a} of {b} priority regencies/cities on the pro-rated target of {tw} in progress (data to {tanggal})",
    "Capaian target pro-rata: realisasi kumulatif ÷ target kumulatif sampai {tanggal} ({tw} berjalan)":
        "Pro-rated target achievement: cumulative realisation ÷ cumulative target to {tanggal} ({tw} in progress)",
    # Kualitas Data: matching with Dukcapil and DTKS per sub-region (issue 13 item 5)
    "Padan data per {tingkat}": "Data matching by {tingkat}",
    "provinsi": "province",
    "kabupaten/kota": "regency/city",
    "kecamatan": "district",
    "desa/kelurahan": "village",
    "Padan Dukcapil": "Matched with Dukcapil",
    "% padan": "% matched",
    "Di DTKS": "In DTKS",
    "% di DTKS": "% in DTKS",
    "% padan Dukcapil": "% matched with Dukcapil",
    "% keluarga di DTKS": "% of households in DTKS",
    "**{wilayah}**: {a} dari {b} individu padan Dukcapil (**{p}**); {c} dari {d} keluarga ada di DTKS (**{q}**).":
        "**{wilayah}**: {a} of {b} people matched with Dukcapil (**{p}**); {c} of {d} households in DTKS (**{q}**).",
    "Diurutkan dari {ukuran} terendah; merah muda: di bawah angka seluruh wilayah. Individu: semua anggota keluarga "
    "P3KE aktif, termasuk yang tercatat meninggal atau pindah; keluarga di DTKS: ID keluarga P3KE ada di daftar "
    "DTKS.":
        "Sorted by {ukuran}, lowest first; pink: below the figure for the whole region. People: every member of an "
        "active P3KE household, including those recorded as deceased or moved; households in DTKS: the P3KE "
        "household ID is on the DTKS list.",
    "Data per": "Data as of",
    "padan data": "data matching",
    "{p} individu padan Dukcapil ({a} dari {b})": "{p} of people matched with Dukcapil ({a} of {b})",
    "{p} keluarga ada di DTKS ({a} dari {b})": "{p} of households in DTKS ({a} of {b})",
    "padan Dukcapil terendah di {nama} ({p})": "lowest Dukcapil match in {nama} ({p})",
    "DTKS terendah di {nama} ({p})": "lowest DTKS share in {nama} ({p})",
    # Peringkat Desa and Register Desa Prioritas (issue 13, items 1 and 3)
    "Peringkat Desa": "Village Ranking",
    "Peringkat desa": "Village ranking",
    "Register Desa Prioritas": "Priority Village Register",
    "Register desa prioritas": "Priority village register",
    "Perubahan sejak triwulan lalu": "Change since last quarter",
    "Perubahan sejak {periode}": "Change since {periode}",
    "Terberat dulu": "Heaviest first",
    "Teringan dulu": "Lightest first",
    "Kecamatan dan desa": "District and village",
    "Kebutuhan tersisa terbanyak": "Most remaining needs",
    "Capaian target terendah": "Lowest achievement against target",
    "Desa prioritas saja": "Priority villages only",
    "Semua desa": "All villages",
    "Peringkat": "Rank",
    "Belum ditangani": "Not yet addressed",
    "Sedang ditangani": "Being addressed",
    "OPD yang menangani": "OPDs at work",
    "OPD pendamping": "Accompanying OPD",
    "Tabel peringkat": "Ranking table",
    "{klaster}: {ukuran}": "{klaster}: {ukuran}",
    "Tersisa triwulan lalu": "Remaining last quarter",
    "Kode": "Code",
    "Butir": "Item",
    "keterangan": "notes",
    "peringkat desa": "village ranking",
    "register": "register",
    "per OPD pendamping": "per accompanying OPD",
    "Register desa prioritas ({a} dari {b} desa)": "Priority village register ({a} of {b} villages)",
    "Per OPD pendamping": "Per accompanying OPD",
    "Desa didampingi": "Villages accompanied",
    "Keluarga berkebutuhan": "Households with needs",
    "Kebutuhan (keluarga × klaster)": "Needs (household × cluster)",
    "Rencana (OPD pendamping)": "Planned (accompanying OPD)",
    "Proses (OPD pendamping)": "In progress (accompanying OPD)",
    "Selesai (OPD pendamping)": "Done (accompanying OPD)",
    "Rencana (OPD lain)": "Planned (other OPDs)",
    "Proses (OPD lain)": "In progress (other OPDs)",
    "Selesai (OPD lain)": "Done (other OPDs)",
    "Rencana dan proses (OPD pendamping)": "Planned and in progress (accompanying OPD)",
    "Capaian target desa s.d. {tw}": "Village target achieved to {tw}",
    "Capaian target desa (pro-rata s.d. {tanggal})": "Village target achieved (pro-rated to {tanggal})",
    "Dasar penetapan": "Legal basis",
    "Tidak ada desa dengan kebutuhan {klaster} di wilayah ini.": "No village in this region has the need {klaster}.",
    "Tidak ada desa prioritas dengan kebutuhan {klaster} di wilayah ini.":
        "No priority village in this region has the need {klaster}.",
    "Tidak ada desa prioritas tahun {tahun} di wilayah ini.": "No priority villages of {tahun} in this region.",
    "{n} teratas dari {total} desa; batang biru: desa prioritas. OPD penanggung jawab klaster {klaster}: {opd}. Klik batang sebuah desa untuk membuka profilnya.":
        "Top {n} of {total} villages; blue bars: priority villages. OPD responsible for {klaster}: {opd}. Click a "
        "village's bar to open its profile.",
    "Keluarga dengan kebutuhan {klaster} pada akhir {periode}: tersisa = belum selesai diintervensi; belum ditangani = belum direncanakan program apa pun; OPD yang menangani = OPD dengan intervensi klaster ini di desa itu. Pilih satu baris untuk membuka profil desa.":
        "Households with the need {klaster} at the end of {periode}: remaining = intervention not yet done; not yet "
        "addressed = not planned by any programme; OPDs at work = OPDs with interventions of this cluster in the "
        "village. Select a row to open the village's profile.",
    "{n} desa prioritas tahun {tahun}. Intervensi yang ditandai sampai akhir {periode}, menurut OPD pelaksananya: OPD pendamping desa itu sendiri atau OPD lain (nama OPD disamakan, mis. Dinas Kesehatan = Dinkes). Capaian: kebutuhan yang tertutup tahun ini dibanding target desa itu sendiri; – bila desa belum punya target. Pilih satu baris untuk membuka profil desa.":
        "{n} priority villages of {tahun}. Interventions tagged by the end of {periode}, by the OPD carrying them "
        "out: the village's accompanying OPD itself or other OPDs (OPD names matched, e.g. Dinas Kesehatan = Dinkes). "
        "Achievement: needs closed this year against the village's own target; – where the village has no target. "
        "Select a row to open the village's profile.",
    "Desa prioritas per OPD pendamping: kebutuhan tersisa di desa-desanya dan intervensi yang dikerjakan OPD itu sendiri dibanding OPD lain.":
        "Priority villages per accompanying OPD: needs remaining in its villages, and the interventions carried out "
        "by that OPD itself against those by other OPDs.",
    "OPD penanggung jawab {opd}": "responsible OPD {opd}",
    "tidak ada desa dengan kebutuhan ini": "no village has this need",
    "tidak ada desa prioritas dengan kebutuhan ini": "no priority village has this need",
    "desa ini tidak memiliki kebutuhan ini": "this village does not have this need",
    "{n} desa dengan kebutuhan ini": "{n} villages with this need",
    "{n} desa prioritas dengan kebutuhan ini": "{n} priority villages with this need",
    "peringkat 1 {desa} ({nilai})": "ranked first {desa} ({nilai})",
    "{x} per 100 keluarga": "{x} per 100 households",
    "{x} sejak {periode}": "{x} since {periode}",
    "tidak ada desa prioritas tahun {tahun}": "no priority villages in {tahun}",
    "{n} desa prioritas di kecamatannya": "{n} priority villages in its district",
    "{n} OPD pendamping": "{n} accompanying OPDs",
    "{n} desa belum punya OPD pendamping": "{n} villages without an accompanying OPD",
    "{n} intervensi selesai, {p} oleh OPD pendamping sendiri": "{n} interventions done, {p} by the accompanying OPD itself",
    "{n} intervensi selesai": "{n} interventions done",
    "{n} kebutuhan tersisa": "{n} needs remaining",
    "{a} dari {b} desa bertarget sesuai target": "{a} of {b} villages with targets on target",
    # Daftar Keluarga: programme filters, pages, exports of the whole list
    "Kepala keluarga berumur 60 tahun atau lebih.": "The head of the household is 60 or older.",
    "Keluarga dengan satu anggota (anggota yang meninggal atau pindah tidak dihitung).":
        "A household of one member (members who died or moved away are not counted).",
    "Bukan penerima bansos mana pun dan belum ada intervensi yang ditandai.":
        "Receives no social assistance and has no tagged intervention yet.",
    "Program Keluarga Harapan": "Program Keluarga Harapan (conditional cash transfer)",
    "Bantuan Pangan Non Tunai": "Bantuan Pangan Non Tunai (non-cash food assistance)",
    "Program Sembako": "Sembako programme (staple food assistance)",
    "Bantuan Sosial Tunai": "Bantuan Sosial Tunai (cash social assistance)",
    "Bantuan Produktif Usaha Mikro": "Bantuan Produktif Usaha Mikro (micro-business grant)",
    "Semua": "All",
    "Penerima": "Recipients",
    "Bukan penerima": "Non-recipients",
    "Penerima bantuan sosial menurut data P3KE": "Social assistance recipients according to the P3KE data",
    "; halaman {h} dari {n} (keluarga {dari}–{sampai}, skor tertinggi lebih dulu).":
        "; page {h} of {n} (households {dari}–{sampai}, highest scores first).",
    "Bansos diterima": "Social assistance received",
    "Sebelumnya": "Previous",
    "Berikutnya": "Next",
    "Halaman (dari {n})": "Page (of {n})",
    "Unduh seluruh daftar": "Download the whole list",
    "Unduh CSV ({n} keluarga)": "Download CSV ({n} households)",
    "Kedua berkas memuat seluruh daftar yang memenuhi filter (semua halaman), urut skor prioritas.":
        "Both files hold the whole list that matches the filters (every page), by priority score.",
    "NIK, nama dan alamat disamarkan, dari tanggal lahir hanya tahunnya; nyatakan tujuan dan aktifkan tampilan "
    "lengkap untuk lembar lapangan.":
        "NIK, names and addresses are masked, and of the date of birth only the year is kept; state a purpose and "
        "switch on the full view for a field sheet.",
    "Daftar ini memuat {n} keluarga; satu unduhan memuat paling banyak {batas} keluarga. Persempit filter (mis. "
    "pilih kecamatan, desil atau klaster).":
        "This list holds {n} households; one download holds at most {batas}. Narrow the filters (e.g. choose a "
        "kecamatan, a decile or a cluster).",
    # targets and progress below the kabupaten; a running quarter pro-rated (issue 13 item 2)
    "Triwulan berjalan: data s.d. {tanggal} ({hari} dari {total} hari); target dipro-rata":
        "Quarter in progress: data to {tanggal} ({hari} of {total} days); target pro-rated",
    "Target ditetapkan per kabupaten/kota, kecamatan atau desa prioritas.":
        "Targets are set per regency/city, district or priority village.",
    "Kode wilayah {kode} tidak dikenal.": "Unknown region code {kode}.",
    "{nama} bukan desa prioritas tahun {tahun}: target desa hanya untuk desa prioritas.":
        "{nama} is not a priority village in {tahun}: village targets are for priority villages only.",
    "Target kecamatan dijumlah": "District targets summed",
    "Target desa dijumlah": "Village targets summed",
    "Capaian thd target penuh": "Achievement vs full target",
    "Target pro-rata": "Pro-rated target",
    "Belum ada target untuk wilayah dan tahun ini. Target ditetapkan per kabupaten/kota, kecamatan atau desa "
    "prioritas (provinsi: jumlah target kabupaten/kotanya).":
        "No targets for this region and year yet. Targets are set per regency/city, district or priority village "
        "(a province: its regencies' targets summed).",
    "Per kecamatan, kumulatif sampai {periode}": "By district, cumulative to {periode}",
    "Per desa prioritas, kumulatif sampai {periode}": "By priority village, cumulative to {periode}",
    "Target wilayah ini sendiri: tidak dijumlah otomatis dari wilayah di bawahnya. Kolom \"{kolom}\" menunjukkan "
    "jumlah target yang ditetapkan di bawahnya.":
        "This region's own targets: not added up from the regions below it. The column \"{kolom}\" shows the sum of "
        "the targets set below it.",
    "{tw} berjalan (data s.d. {tanggal}, {hari} dari {total} hari): {p} dari target pro-rata ({r} dari {tg} "
    "keluarga), {penuh} dari target penuh":
        "{tw} in progress (data to {tanggal}, {hari} of {total} days): {p} of the pro-rated target ({r} of {tg} "
        "households), {penuh} of the full target",
    "kode wilayah tidak dikenal (kabupaten/kota, kecamatan atau desa)":
        "unknown region code (regency/city, district or village)",
    "target ditetapkan per kabupaten/kota, kecamatan atau desa prioritas, bukan per provinsi":
        "targets are set per regency/city, district or priority village, not per province",
    "desa ini bukan desa prioritas tahun {tahun} (target desa hanya untuk desa prioritas)":
        "this village is not a priority village in {tahun} (village targets are for priority villages only)",
    "wilayah, klaster, tahun dan triwulan ganda di berkas ini":
        "region, cluster, year and quarter repeated in this file",
    "Belum ada target di tingkat ini untuk {tahun}; realisasinya tetap ditampilkan. Target diubah di tampilan "
    "wilayah itu sendiri (pilih di panel kiri) atau lewat Impor Data.":
        "No targets at this level for {tahun} yet; the realisation is shown all the same. Targets are edited in the "
        "region's own view (choose it in the left panel) or through Data Import.",
}
