# common (en)
