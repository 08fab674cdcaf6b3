for name in ["columns.txt", "each.txt", "strings.txt", "complex.txt"]:
    print(name, repr(open(name).read()))
