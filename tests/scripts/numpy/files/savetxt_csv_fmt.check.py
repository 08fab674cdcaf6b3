# Prints, byte for byte, the text files savetxt_csv_fmt.rmb wrote (run by the script runner).
for name in ["m.csv", "f.txt", "g.txt"]:
    print(f"--- {name}")
    print(open(name).read(), end="")
