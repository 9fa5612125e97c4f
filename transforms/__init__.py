"""Pure, typed transforms: raw bytes -> records -> tables. No Prefect, no file I/O, no environment reads."""
