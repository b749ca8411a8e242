#!/usr/bin/python3
"""Writes examples/data/wine.csv from the copy of the UCI wine data that scikit-learn ships.

Run by hand with Debian's python3-sklearn (apt-get install python3-sklearn):
    /usr/bin/python3 tools/sklearn/make_wine_csv.py examples/data/wine.csv
The build never runs it; the CSV is kept in the repository.
"""
import csv
import sys

from sklearn.datasets import load_wine


def main(path):
    wine = load_wine()
    # "od280/od315_of_diluted_wines" holds a slash: keep the names as scikit-learn gives them, they are
    # plain CSV cells.
    header = list(wine.feature_names) + ["class"]
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(header)
        for row, target in zip(wine.data, wine.target):
            out.writerow([repr(float(v)) if float(v) != int(v) else str(int(v)) for v in row]
                         + [wine.target_names[target]])


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/data/wine.csv")
