package dev.tapegrad.nn.data;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * Feature rows with their targets: either target rows (regression, or one-hot and probability
 * targets) or class indices (classification). Immutable: every accessor returns a copy, and every
 * operation (split, subset, batches, standardisation) returns a new dataset.
 *
 * <pre>{@code
 * Dataset data = CsvDataset.read(Path.of("wine.csv"), "class");
 * Dataset.Split split = data.stratifiedSplit(0.2, new SplittableRandom(42));
 * Standardization scale = Standardization.fit(split.train());
 * Dataset train = scale.apply(split.train());
 * }</pre>
 */
public final class Dataset {
    private final double[][] features;
    private final double[][] targets;
    private final int[] classes;
    private final List<String> featureNames;
    private final List<String> classNames;

    private Dataset(double[][] features, double[][] targets, int[] classes, List<String> featureNames,
            List<String> classNames) {
        this.features = features;
        this.targets = targets;
        this.classes = classes;
        this.featureNames = featureNames;
        this.classNames = classNames;
    }

    /**
     * A dataset of feature rows and target rows (copied): {@code targets[i]} is row {@code i}'s target.
     *
     * @throws IllegalArgumentException if there are no rows, the counts differ or rows are ragged
     */
    public static Dataset of(double[][] features, double[][] targets) {
        double[][] f = copyRows("features", features);
        double[][] t = copyRows("targets", targets);
        checkArgument(f.length == t.length, "Dataset: %s feature rows but %s target rows", f.length, t.length);
        return new Dataset(f, t, null, defaultNames(f[0].length), null);
    }

    /**
     * A classification dataset: feature rows (copied) and each row's class index, from 0 to
     * {@code classNames.size() - 1}; the names are the labels the classes had in the data.
     *
     * @throws IllegalArgumentException if the counts differ or a class index is out of range
     */
    public static Dataset ofClasses(double[][] features, int[] classes, List<String> featureNames,
            List<String> classNames) {
        double[][] f = copyRows("features", features);
        Objects.requireNonNull(classes, "Dataset: classes");
        checkArgument(f.length == classes.length, "Dataset: %s feature rows but %s classes", f.length, classes.length);
        List<String> cn = List.copyOf(Objects.requireNonNull(classNames, "Dataset: classNames"));
        List<String> fn = List.copyOf(Objects.requireNonNull(featureNames, "Dataset: featureNames"));
        checkArgument(fn.size() == f[0].length, "Dataset: %s feature names for %s features", fn.size(), f[0].length);
        for (int i = 0; i < classes.length; i++) {
            checkArgument(classes[i] >= 0 && classes[i] < cn.size(), "Dataset: row %s has class %s; classes are 0 to %s",
                    i, classes[i], cn.size() - 1);
        }
        return new Dataset(f, null, classes.clone(), fn, cn);
    }

    /** As {@link #ofClasses(double[][], int[], List, List)} with classes named 0 to the largest index. */
    public static Dataset ofClasses(double[][] features, int[] classes) {
        Objects.requireNonNull(classes, "Dataset: classes");
        int k = Arrays.stream(classes).max().orElse(0) + 1;
        List<String> names = new ArrayList<>();
        for (int c = 0; c < k; c++) {
            names.add(Integer.toString(c));
        }
        Objects.requireNonNull(features, "Dataset: features");
        int w = features.length > 0 && features[0] != null ? features[0].length : 0;
        return ofClasses(features, classes, defaultNames(w), names);
    }

    /** The number of rows. */
    public int size() {
        return features.length;
    }

    /** The number of features per row. */
    public int numFeatures() {
        return features[0].length;
    }

    /** The features' names (the CSV header, or {@code x0, x1, ...}). */
    public List<String> featureNames() {
        return featureNames;
    }

    /** The feature rows; a copy. */
    public double[][] features() {
        return copy(features);
    }

    /** Whether the targets are class indices. */
    public boolean hasClasses() {
        return classes != null;
    }

    /**
     * The class indices; a copy.
     *
     * @throws IllegalStateException if the targets are rows
     */
    public int[] classes() {
        checkClasses("classes()");
        return classes.clone();
    }

    /**
     * The number of classes, counting those with no row here (a split keeps the full set).
     *
     * @throws IllegalStateException if the targets are rows
     */
    public int numClasses() {
        checkClasses("numClasses()");
        return classNames.size();
    }

    /**
     * The class labels, in index order.
     *
     * @throws IllegalStateException if the targets are rows
     */
    public List<String> classNames() {
        checkClasses("classNames()");
        return classNames;
    }

    /** The target rows, a copy; for classes, one-hot rows of {@link #numClasses()} columns. */
    public double[][] targets() {
        if (classes == null) {
            return copy(targets);
        }
        double[][] oneHot = new double[classes.length][classNames.size()];
        for (int i = 0; i < classes.length; i++) {
            oneHot[i][classes[i]] = 1;
        }
        return oneHot;
    }

    /** The rows at these positions, in this order (a position may repeat). */
    public Dataset subset(int[] rows) {
        Objects.requireNonNull(rows, "Dataset.subset: rows");
        checkArgument(rows.length > 0, "Dataset.subset: no rows");
        double[][] f = new double[rows.length][];
        double[][] t = targets == null ? null : new double[rows.length][];
        int[] c = classes == null ? null : new int[rows.length];
        for (int k = 0; k < rows.length; k++) {
            int i = rows[k];
            checkArgument(i >= 0 && i < size(), "Dataset.subset: row %s of %s rows", i, size());
            f[k] = features[i].clone();
            if (t != null) {
                t[k] = targets[i].clone();
            } else {
                c[k] = classes[i];
            }
        }
        return new Dataset(f, t, c, featureNames, classNames);
    }

    /** The same targets with these feature rows instead (copied), such as standardised ones. */
    public Dataset withFeatures(double[][] newFeatures) {
        double[][] f = copyRows("features", newFeatures);
        checkArgument(f.length == size(), "Dataset.withFeatures: %s rows for a dataset of %s", f.length, size());
        return new Dataset(f, targets, classes, f[0].length == numFeatures() ? featureNames
                : defaultNames(f[0].length), classNames);
    }

    /**
     * A random split: {@code round(testFraction * size())} rows (at least one) go to the test part, the
     * rest to the training part, each part in the original order. The same generator state gives the
     * same split.
     *
     * @throws IllegalArgumentException unless {@code testFraction} is in (0, 1) and both parts get a row
     */
    public Split split(double testFraction, RandomGenerator rng) {
        return Splitting.random(this, testFraction, rng);
    }

    /**
     * A split that keeps each class's share in both parts (scikit-learn's {@code stratify=y}): each class
     * sends {@code round(testFraction * its rows)} rows to the test part.
     *
     * @throws IllegalStateException if the targets are rows
     * @throws IllegalArgumentException unless {@code testFraction} is in (0, 1) and both parts get a row
     */
    public Split stratifiedSplit(double testFraction, RandomGenerator rng) {
        checkClasses("stratifiedSplit");
        return Splitting.stratified(this, testFraction, rng);
    }

    /**
     * The rows in a random order drawn from {@code rng}, cut into batches of {@code batchSize} rows
     * (the last one may be smaller): one epoch of mini-batches.
     */
    public List<Dataset> batches(int batchSize, RandomGenerator rng) {
        checkArgument(batchSize > 0, "Dataset.batches: batch size must be positive, got %s", batchSize);
        int[] order = Splitting.permutation(size(), Objects.requireNonNull(rng, "Dataset.batches: rng"));
        List<Dataset> out = new ArrayList<>();
        for (int from = 0; from < order.length; from += batchSize) {
            out.add(subset(Arrays.copyOfRange(order, from, Math.min(order.length, from + batchSize))));
        }
        return out;
    }

    /**
     * A training part and a test part, with the positions their rows had in the dataset that was split
     * (each in increasing order).
     *
     * @param train the training part
     * @param test the test part
     * @param trainRows the positions of the training rows
     * @param testRows the positions of the test rows
     */
    public record Split(Dataset train, Dataset test, int[] trainRows, int[] testRows) {
        /** Copies the positions. */
        public Split {
            trainRows = trainRows.clone();
            testRows = testRows.clone();
        }

        /** The positions of the training rows; a copy. */
        @Override
        public int[] trainRows() {
            return trainRows.clone();
        }

        /** The positions of the test rows; a copy. */
        @Override
        public int[] testRows() {
            return testRows.clone();
        }
    }

    @Override
    public String toString() {
        return "Dataset(" + size() + " rows, " + numFeatures() + " features, "
                + (classes != null ? classNames.size() + " classes " + classNames : targets[0].length + " target columns")
                + ")";
    }

    private void checkClasses(String what) {
        if (classes == null) {
            throw new IllegalStateException("Dataset." + what + ": the targets are rows, not class indices; "
                    + "make the dataset with Dataset.ofClasses");
        }
    }

    private static List<String> defaultNames(int w) {
        List<String> names = new ArrayList<>(w);
        for (int j = 0; j < w; j++) {
            names.add("x" + j);
        }
        return List.copyOf(names);
    }

    private static double[][] copyRows(String what, double[][] rows) {
        Objects.requireNonNull(rows, () -> "Dataset: " + what);
        checkArgument(rows.length > 0, "Dataset: no %s rows", what);
        int w = Objects.requireNonNull(rows[0], () -> "Dataset: " + what + " row 0 is null").length;
        checkArgument(w > 0, "Dataset: %s rows are empty", what);
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            int r = i;
            Objects.requireNonNull(rows[i], () -> "Dataset: " + what + " row " + r + " is null");
            checkArgument(rows[i].length == w, "Dataset: %s row %s has %s values, row 0 has %s", what, i, rows[i].length, w);
            c[i] = rows[i].clone();
        }
        return c;
    }

    private static double[][] copy(double[][] rows) {
        double[][] c = new double[rows.length][];
        for (int i = 0; i < rows.length; i++) {
            c[i] = rows[i].clone();
        }
        return c;
    }
}
