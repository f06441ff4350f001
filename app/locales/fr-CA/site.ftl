# site (fr-CA)
