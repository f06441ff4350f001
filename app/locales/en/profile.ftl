# profile (en)
