# factors (fr-CA)
