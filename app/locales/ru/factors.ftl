# factors (ru)
