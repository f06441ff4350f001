# signin (fr-CA)
