"""A package: __init__ runs once, submodules load on import."""
VERSION = (1, 2)
print("mathpkg init")
