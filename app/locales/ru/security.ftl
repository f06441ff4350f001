# security (ru)
