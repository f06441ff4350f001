# security (en)
