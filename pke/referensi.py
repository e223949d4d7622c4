"""Reference facts from the source documents that the database carries as tables."""

# The 17 priority kabupaten/kota of Jawa Tengah: poverty rate above the province's (BPS, March 2024),
# as set for the governor's evaluation (DESIGN.md, "Published figures worth knowing").
KABUPATEN_PRIORITAS_JATENG = ("33.01", "33.02", "33.03", "33.04", "33.05", "33.06", "33.07", "33.08", "33.10",
                              "33.12", "33.14", "33.15", "33.16", "33.17", "33.21", "33.27", "33.29")
DASAR_KABUPATEN_PRIORITAS = "Tingkat kemiskinan di atas rata-rata provinsi (BPS, Maret 2024)"
