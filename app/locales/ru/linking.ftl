# linking (ru)
