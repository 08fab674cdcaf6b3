#!/usr/bin/python3
"""Compares two pictures as the plot tests do (issue 18): the same size, and close once both are
blurred and scaled down, so anti-aliasing and font hinting do not count, while a moved axis, a
missing line, legend or title, or a wrong colour does.

Usage: compare.py OURS.png THEIRS.png [SIDE_BY_SIDE.png]
Prints the mean and the largest difference (0-255, any of R, G, B) of the blurred, downscaled
pictures; exits 1 when the sizes differ or either is over its limit. Measured on the plot tests: a
missing legend or title gives a largest difference of 80-100, a line of another colour 150; matching
pictures stay under 45.
"""
import sys

import numpy as np
from PIL import Image, ImageFilter

MEAN_LIMIT = 2.5   # mean difference allowed
MAX_LIMIT = 60.0   # largest local difference allowed
BLUR = 2.0         # Gaussian blur radius in pixels, before scaling down
SCALE = 4          # scale factor down


def prepare(path):
    image = Image.open(path).convert("RGB")
    blurred = image.filter(ImageFilter.GaussianBlur(BLUR))
    small = blurred.resize((max(1, image.width // SCALE), max(1, image.height // SCALE)), Image.BILINEAR)
    return image, np.asarray(small, dtype=np.float64)


def score(ours, theirs):
    """(mean, largest) difference, or None when the sizes differ; and the two images."""
    a, small_a = prepare(ours)
    b, small_b = prepare(theirs)
    if a.size != b.size:
        return None, a, b
    difference = np.abs(small_a - small_b)
    return (float(difference.mean()), float(difference.max())), a, b


def acceptable(value, max_limit=None):
    return value is not None and value[0] <= MEAN_LIMIT and value[1] <= (max_limit or MAX_LIMIT)


def main(argv):
    if len(argv) < 2:
        sys.exit(__doc__)
    value, a, b = score(argv[0], argv[1])
    if len(argv) > 2:
        pair = Image.new("RGB", (a.width + b.width, max(a.height, b.height)), "white")
        pair.paste(a, (0, 0))
        pair.paste(b, (a.width, 0))
        pair.save(argv[2])
    if value is None:
        print(f"sizes differ: {a.size} and {b.size}")
        return 1
    print(f"mean {value[0]:.3f} max {value[1]:.1f}")
    return 0 if acceptable(value) else 1


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
