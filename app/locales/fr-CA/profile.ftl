# profile (fr-CA)
