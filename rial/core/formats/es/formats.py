# The Spanish-speaking member states write 3.300,00 (CLDR's "es" grouping); Django's Spanish format, made
# for Spain, groups with a space. Everything else comes from Django's Spanish format.
THOUSAND_SEPARATOR = "."
