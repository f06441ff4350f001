# profile (ru)
