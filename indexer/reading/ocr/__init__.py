"""OCR of scanned pages: page images (`pages`) and the Tesseract engine (`tesseract`)."""
