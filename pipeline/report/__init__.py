"""Reports: writers that turn a Review into files. No analysis happens here."""
