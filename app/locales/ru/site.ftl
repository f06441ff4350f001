# site (ru)
