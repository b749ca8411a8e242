#!/usr/bin/python3
"""Writes one of scikit-learn's bundled datasets as a CSV with a header and a `label` column.

    /usr/bin/python3 tools/sklearn/export_dataset.py breast_cancer /tmp/breast_cancer.csv

NAME is breast_cancer, digits, iris or wine. For comparing `classify` with MLPClassifier on data the
repository does not ship (see compare.sh); examples/data/wine.csv itself comes from make_wine_csv.py.
"""
import csv
import sys

from sklearn import datasets

LOADERS = {
    "breast_cancer": datasets.load_breast_cancer,
    "digits": datasets.load_digits,
    "iris": datasets.load_iris,
    "wine": datasets.load_wine,
}


def main(name, path):
    d = LOADERS[name]()
    names = [str(n) for n in d.feature_names]
    with open(path, "w", newline="") as f:
        out = csv.writer(f, lineterminator="\n")
        out.writerow(names + ["label"])
        for row, target in zip(d.data, d.target):
            out.writerow([repr(float(v)) for v in row] + [d.target_names[target]])


if __name__ == "__main__":
    if len(sys.argv) != 3 or sys.argv[1] not in LOADERS:
        sys.exit("usage: export_dataset.py {" + ",".join(LOADERS) + "} OUT.csv")
    main(sys.argv[1], sys.argv[2])
