# emails (en)
