"""Reports for leadership: a period's figures (`figures`), a resolution's implementation (`thematic`), and
their renderings (`render`: Markdown, CSV, JSON; `office`: DOCX; `charts`: SVG/PNG). Every figure is cut to
the reader's clearance and comes with the search (or page) that gives it."""
