__all__ = ["visible", "Also"]


def visible():
    return "visible"


def hidden():
    return "hidden"


class Also:
    pass
