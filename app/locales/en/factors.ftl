# factors (en)
