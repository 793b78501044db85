from rial.accounts.rules import secretariat_manages

# The vocabulary is the Secretariat's to extend; the index's own tables are written by the search alone.
secretariat_manages("search.concept")
