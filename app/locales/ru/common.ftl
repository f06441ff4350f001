# common (ru)
