"""Import of indicator results from CSV, XLSX and JSON: read rows as a stream,
validate every row, then write all of them in one transaction or none."""
