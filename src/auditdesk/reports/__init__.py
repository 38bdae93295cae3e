"""PDF protocols (reportlab), PAdES signing and verification (pyHanko), CSV/XLSX exports."""
