# signin (ru)
