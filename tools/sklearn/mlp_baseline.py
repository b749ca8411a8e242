#!/usr/bin/python3
"""scikit-learn's MLPClassifier on the split that `classify` made, for comparison.

    java -jar examples/target/tapegrad-examples.jar classify --data examples/data/wine.csv --target class \
        --split-out /tmp/split.csv
    /usr/bin/python3 tools/sklearn/mlp_baseline.py examples/data/wine.csv class /tmp/split.csv

It reads the CSV and the `row,part` file, fits StandardScaler on the training rows (the `train` and the
`validation` part together: MLPClassifier needs no validation set), trains MLPClassifier with one hidden
layer of 64 units (classify's default; otherwise scikit-learn's defaults: ReLU, Adam, lr 0.001, L2 1e-4)
for each of five seeds, and prints the test accuracy of each and their mean. Run by hand; the build never
needs Python.
"""
import csv
import sys
import warnings

import numpy as np
from sklearn.exceptions import ConvergenceWarning
from sklearn.neural_network import MLPClassifier
from sklearn.preprocessing import StandardScaler


def main(data_path, target, split_path, hidden=64):
    with open(data_path, newline="") as f:
        rows = list(csv.DictReader(f))
    features = [c for c in rows[0].keys() if c != target]
    x = np.array([[float(r[c]) for c in features] for r in rows])
    y = np.array([r[target] for r in rows])
    with open(split_path, newline="") as f:
        part = {int(r["row"]) - 1: r["part"] for r in csv.DictReader(f)}
    train = np.array([part[i] != "test" for i in range(len(rows))])
    test = ~train
    scale = StandardScaler().fit(x[train])
    accuracies = []
    for seed in range(5):
        mlp = MLPClassifier(hidden_layer_sizes=(hidden,), max_iter=2000, random_state=seed)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", ConvergenceWarning)
            mlp.fit(scale.transform(x[train]), y[train])
        accuracies.append(mlp.score(scale.transform(x[test]), y[test]))
        print(f"seed {seed}: test accuracy {accuracies[-1]:.4f}")
    print(f"MLPClassifier({hidden},) on {int(train.sum())} training and {int(test.sum())} test rows: "
          f"mean test accuracy {np.mean(accuracies):.4f}")


if __name__ == "__main__":
    if len(sys.argv) != 4:
        sys.exit("usage: mlp_baseline.py DATA.csv TARGET_COLUMN SPLIT.csv")
    main(sys.argv[1], sys.argv[2], sys.argv[3])
