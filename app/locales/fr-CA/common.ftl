# common (fr-CA)
