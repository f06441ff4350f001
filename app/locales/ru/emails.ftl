# emails (ru)
