#!/usr/bin/env bash
# classify against scikit-learn's MLPClassifier on the same splits: every bundled dataset, six seeds.
# Run from the repository root after `mvn -B -q package -DskipTests`, with Debian's python3-sklearn.
# Prints: dataset seed "test <classify>" "accuracy <MLPClassifier mean of five seeds>".
set -euo pipefail
jar=examples/target/tapegrad-examples.jar
tmp=$(mktemp -d)
for name in breast_cancer iris wine digits; do
  /usr/bin/python3 tools/sklearn/export_dataset.py "$name" "$tmp/$name.csv"
  for seed in 42 1 2 3 4 5; do
    ours=$(java --add-modules jdk.incubator.vector -jar "$jar" classify --data "$tmp/$name.csv" --target label \
      --seed "$seed" --split-out "$tmp/split.csv" 2>/dev/null | grep -o 'test [0-9.]*')
    theirs=$(/usr/bin/python3 tools/sklearn/mlp_baseline.py "$tmp/$name.csv" label "$tmp/split.csv" | tail -1 \
      | grep -o 'accuracy [0-9.]*')
    echo "$name $seed $ours $theirs"
  done
done
rm -rf "$tmp"
