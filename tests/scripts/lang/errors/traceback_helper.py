def load(items, parse):
    return [parse(item) for item in items]
