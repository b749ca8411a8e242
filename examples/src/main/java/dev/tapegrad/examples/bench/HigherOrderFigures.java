package dev.tapegrad.examples.bench;

import java.util.function.LongSupplier;
import java.util.function.Predicate;

/**
 * The quick bench's second-order workloads: {@code hvp-wide-mlp} ({@link HvpWideMlp}, one thread,
 * milliseconds) and {@code hessian-seed-net} ({@link HessianSeedNet}, microseconds; by
 * {@code Functional.hessian(f, p, false)}, values only, as PyTorch's {@code hessian} computes by default),
 * then {@code hessian-seed-net-graph} (the recorded, differentiable {@code Functional.hessian(f, p)}) and
 * {@code hessian-seed-net-batched} (two recorded sweeps over 21 copies of the network). Kept apart from
 * {@link BenchCommand} so that it only has to call {@link #run}.
 */
final class HigherOrderFigures {
    private HigherOrderFigures() {}

    /** Where a figure goes: {@code NAME MEDIAN UNIT}. */
    interface Printer {
        /** Prints one figure. */
        void print(String name, double median, String unit);
    }

    /** Measures the wanted workloads in order, timed by {@code clock}, with warm-up and samples scaled by {@code scale}. */
    static void run(Predicate<String> wanted, LongSupplier clock, double scale, Printer out) {
        if (wanted.test("hvp-wide-mlp")) {
            HvpWideMlp h = new HvpWideMlp(1);
            double sec = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::run, 3 * scale, 15, 0.1 * scale));
            out.print("hvp-wide-mlp", sec * 1e3, "ms");
        }
        if (wanted.test("hessian-seed-net")) {
            HessianSeedNet h = new HessianSeedNet(1);
            double values = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::runValues, 3 * scale, 15,
                    0.1 * scale));
            out.print("hessian-seed-net", values * 1e6, "us");
            double sec = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::run, 3 * scale, 15, 0.1 * scale));
            out.print("hessian-seed-net-graph", sec * 1e6, "us");
            double batched = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::runBatched, 3 * scale, 15,
                    0.1 * scale));
            out.print("hessian-seed-net-batched", batched * 1e6, "us");
        }
    }
}
