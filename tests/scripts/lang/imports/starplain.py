import numpy as np
public_value = 42
_private_value = 7


def double(x):
    return 2 * x
