# signin (en)
