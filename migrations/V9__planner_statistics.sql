-- Statistics read from a larger sample (see `OPTIMIZE` in src/db/mod.rs): the earlier ones,
-- from 400 rows per index, made every ticket column look equally selective, and later
-- refreshes only redo tables that grew a lot. Read once now, bounded per index.
PRAGMA analysis_limit = 10000;
ANALYZE;
