# contracts (fr-CA)
