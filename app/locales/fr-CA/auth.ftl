# auth (fr-CA)
