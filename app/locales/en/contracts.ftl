# contracts (en)
