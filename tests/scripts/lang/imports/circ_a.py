import circ_b
NAME = "a"


def hello():
    return "a sees " + circ_b.NAME
