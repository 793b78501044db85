"""Studies, guides and other documents with their files and extracted text."""
