# security (fr-CA)
