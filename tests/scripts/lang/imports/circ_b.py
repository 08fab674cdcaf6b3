import circ_a
NAME = "b"


def hello():
    return "b sees " + circ_a.NAME
