// placeholder: replaced by the value library
