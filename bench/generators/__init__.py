"""Generators of test and benchmark material, made here and used by the tests, the benchmarks and `make samples`:
official-layout documents (`docgen`, with the sample texts of `samples/` in `sample_texts`), scans (`scangen`),
legacy-encoded Office files (`legacygen`), hostile and broken files (`hostile`), header-layout and technical PDFs
(`headerpdf`, `techpdf`), the labelled metadata cases (`metadata_cases`, `metadata_holdout`) and the relevance set
with its tuned FTS5 baseline (`relevance`). Nothing here imports `tests`; nothing in the product imports this."""
