"""Reading room: a file's bytes become text, pages and metadata (detect, guard, cfb, extract, ocr, legacy,
metadata, language). No Whoosh here: what is read does not depend on how it is searched."""
