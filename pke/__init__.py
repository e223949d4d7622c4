"""PKE Dashboard domain package: schema, build and import, demo data, boundaries, queries, charts, maps."""
