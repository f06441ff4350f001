# site (en)
