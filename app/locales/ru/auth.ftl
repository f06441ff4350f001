# auth (ru)
