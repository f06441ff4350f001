# emails (fr-CA)
