# linking (fr-CA)
