"""Previews of originals a browser cannot show itself (DOCX, ODT, HTML): a PDF rendition made by LibreOffice."""
