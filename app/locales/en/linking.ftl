# linking (en)
