# auth (en)
