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
        /** Prints one figure, with a warning where its timing is suspect. */
        void print(String name, double median, String unit, Measure.Timing timing);
    }

    /** Measures the wanted workloads in order, timed by {@code clock}, with warm-up and samples scaled by {@code scale}. */
    static void run(Predicate<String> wanted, LongSupplier clock, double scale, Printer out) {
        if (wanted.test("hvp-wide-mlp")) {
            HvpWideMlp h = new HvpWideMlp(1);
            Measure.Timing t = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::run, 3 * scale, 15, 0.1 * scale));
            out.print("hvp-wide-mlp", t.seconds() * 1e3, "ms", t);
        }
        if (wanted.test("hessian-seed-net")) {
            HessianSeedNet h = new HessianSeedNet(1);
            Measure.Timing values = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::runValues, 3 * scale, 15,
                    0.1 * scale));
            out.print("hessian-seed-net", values.seconds() * 1e6, "us", values);
            Measure.Timing graph = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::run, 3 * scale, 15, 0.1 * scale));
            out.print("hessian-seed-net-graph", graph.seconds() * 1e6, "us", graph);
            Measure.Timing batched = Measure.inPool(1, () -> Measure.medianSeconds(clock, h::runBatched, 3 * scale, 15,
                    0.1 * scale));
            out.print("hessian-seed-net-batched", batched.seconds() * 1e6, "us", batched);
        }
    }
}
