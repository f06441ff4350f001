# contracts (ru)
