package dev.tapegrad.nn.data;

import static com.google.common.base.Preconditions.checkArgument;

import java.util.Objects;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;

/** Random and stratified train/test splits, and the seeded permutation they and batching share. */
final class Splitting {
    private Splitting() {}

    static Dataset.Split random(Dataset data, double testFraction, RandomGenerator rng) {
        checkFraction(testFraction, rng);
        int n = data.size();
        int test = (int) Math.round(testFraction * n);
        checkArgument(test >= 1 && test < n, "split: a test fraction of %s of %s rows leaves %s test rows and %s "
                + "training rows; both parts need at least one", testFraction, n, test, n - test);
        int[] order = permutation(n, rng);
        boolean[] isTest = new boolean[n];
        for (int k = 0; k < test; k++) {
            isTest[order[k]] = true;
        }
        return parts(data, isTest, test);
    }

    static Dataset.Split stratified(Dataset data, double testFraction, RandomGenerator rng) {
        checkFraction(testFraction, rng);
        int[] classes = data.classes();
        int n = classes.length;
        boolean[] isTest = new boolean[n];
        int test = 0;
        for (int c = 0; c < data.numClasses(); c++) {
            int[] members = members(classes, c);
            int take = (int) Math.round(testFraction * members.length);
            int[] order = permutation(members.length, rng);
            for (int k = 0; k < take; k++) {
                isTest[members[order[k]]] = true;
            }
            test += take;
        }
        checkArgument(test >= 1 && test < n, "stratifiedSplit: a test fraction of %s of %s rows leaves %s test rows "
                + "and %s training rows; both parts need at least one", testFraction, n, test, n - test);
        return parts(data, isTest, test);
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates), drawn from {@code rng}. */
    static int[] permutation(int n, RandomGenerator rng) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = rng.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }

    private static int[] members(int[] classes, int c) {
        return IntStream.range(0, classes.length).filter(i -> classes[i] == c).toArray();
    }

    private static Dataset.Split parts(Dataset data, boolean[] isTest, int test) {
        int[] testRows = new int[test];
        int[] trainRows = new int[isTest.length - test];
        int a = 0;
        int b = 0;
        for (int i = 0; i < isTest.length; i++) {
            if (isTest[i]) {
                testRows[a++] = i;
            } else {
                trainRows[b++] = i;
            }
        }
        return new Dataset.Split(data.subset(trainRows), data.subset(testRows), trainRows, testRows);
    }

    private static void checkFraction(double testFraction, RandomGenerator rng) {
        Objects.requireNonNull(rng, "split: rng");
        checkArgument(testFraction > 0 && testFraction < 1, "split: the test fraction must be in (0, 1), got %s",
                testFraction);
    }
}
