package dev.tapegrad.examples.newton;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.CommandBase;
import dev.tapegrad.examples.cli.ExitCode;
import dev.tapegrad.examples.cli.Format;
import dev.tapegrad.examples.cli.TextTable;
import dev.tapegrad.examples.cli.VersionProvider;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Trainer;
import dev.tapegrad.nn.TrainingResult;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code newton}: the 3-bit task of {@code xor} fitted by Hessian-free Newton ({@link HessianFree}) on
 * full-batch MSE, printed iteration by iteration, beside per-sample SGD from the same initial weights.
 * Exit code 0 when Newton reaches 100% accuracy, 1 when not.
 */
@Command(
        name = "newton",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Fit the 3-bit task (y = 1,1,1,0,1,0,1,1) with a Hessian-free Newton method; compare with SGD.",
        description = "Fits Mlp.sigmoid(3, 4, 1) on x = 000..111, y = 1,1,1,0,1,0,1,1 with full-batch MSE by "
                + "Hessian-free Newton: conjugate gradient on Hessian-vector products of the loss with respect to "
                + "all 21 parameters (second derivatives recorded by Tapegrad), Levenberg-Marquardt damping, and a "
                + "step taken only when it lowers the loss. Prints each iteration, the predictions, and how many "
                + "iterations it took to reach 100%% beside the epochs per-sample SGD (as the xor command trains) "
                + "needs from the same initial weights.",
        footerHeading = "%nExamples:%n",
        footer = {"  tapegrad-examples newton", "  tapegrad-examples newton --seed 3 --damping 0.1",
                  "  tapegrad-examples newton --iterations 2    (too few: misses 100%%, exits 1)"})
public final class NewtonCommand extends CommandBase {
    /** The targets for inputs 000, 001, ..., 111. */
    static final int[] TARGETS = {1, 1, 1, 0, 1, 0, 1, 1};
    private static final FlatMlp LAYOUT = new FlatMlp(true, 3, 4, 1);

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", order = 1,
            description = "Seed for the initial weights, shared by both methods (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--iterations", paramLabel = "N", defaultValue = "100", order = 2,
            description = "Most Newton iterations (default: ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--damping", paramLabel = "LAMBDA", defaultValue = "1", order = 3,
            description = "Initial Levenberg-Marquardt damping (default: ${DEFAULT-VALUE}).")
    double damping;

    @Option(names = "--cg-steps", paramLabel = "N", defaultValue = "21", order = 4,
            description = "Most conjugate-gradient steps per iteration (default: ${DEFAULT-VALUE}, the parameter "
                    + "count).")
    int cgSteps;

    @Option(names = "--lr", paramLabel = "RATE", defaultValue = "0.5", order = 5,
            description = "SGD's learning rate (default: ${DEFAULT-VALUE}).")
    double lr;

    @Option(names = "--epochs", paramLabel = "N", defaultValue = "1000", order = 6,
            description = "Most SGD epochs; one epoch is 8 steps (default: ${DEFAULT-VALUE}).")
    int epochs;

    @Override
    protected int run() {
        Checks.positive("--iterations", iterations);
        Checks.positive("--damping", damping);
        Checks.inRange("--cg-steps", cgSteps, 1, 10_000);
        Checks.positive("--lr", lr);
        Checks.positive("--epochs", epochs);
        double[][] x = Task.inputs();
        double[][] y = Task.targets();
        double[] start = FlatMlp.flatten(Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1));

        PrintWriter out = out();
        out.println("newton: the 3-bit function y = 1,1,1,0,1,0,1,1 for x = 000..111 by Hessian-free Newton");
        out.printf(Locale.ROOT, "  network   3-4-1, sigmoid after every layer, seed %d, %d parameters%n", seed,
                start.length);
        out.printf(Locale.ROOT, "  newton    full-batch MSE, conjugate gradient (up to %d steps) on Hessian-vector "
                + "products, damping from %s, up to %d iterations%n", cgSteps, Format.plain(damping), iterations);
        out.printf(Locale.ROOT, "  baseline  per-sample SGD, learning rate %s, up to %d epochs, same initial weights%n",
                Format.plain(lr), epochs);
        out.println();
        out.flush();

        long t0 = System.nanoTime();
        NewtonRun newton = newton(out, start);
        double newtonSeconds = (System.nanoTime() - t0) / 1e9;
        double[] outputs = outputs(newton.theta());
        out.println();
        int right = predictions(out, outputs);

        t0 = System.nanoTime();
        Sequential net = Mlp.sigmoid(new SplittableRandom(seed), 3, 4, 1);
        TrainingResult sgd = Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(lr).build(), Loss::mse)
                .data(x, y).perSample().epochs(epochs).targetAccuracy(1.0).build().fit();
        double sgdSeconds = (System.nanoTime() - t0) / 1e9;

        out.println();
        out.printf(Locale.ROOT, "  accuracy  %d/8 (%s), final loss %.6f (MSE)%n", right, percent(right / 8.0),
                newton.loss());
        if (newton.reachedAt() > 0) {
            out.printf(Locale.ROOT, "  newton    reached 100%% at iteration %d (%d Hessian-vector products, %.2f s)%n",
                    newton.reachedAt(), newton.products(), newtonSeconds);
        } else {
            out.printf(Locale.ROOT, "  newton    did not reach 100%% in %d iterations (%d Hessian-vector products)%n",
                    iterations, newton.products());
        }
        if (sgd.reachedTarget()) {
            out.printf(Locale.ROOT, "  sgd       reached 100%% at epoch %d (%d steps, %.2f s)%n", sgd.epochs(),
                    sgd.last().steps(), sgdSeconds);
        } else {
            out.printf(Locale.ROOT, "  sgd       did not reach 100%% in %d epochs (best accuracy at the end %s)%n",
                    epochs, percent(sgd.last().accuracy()));
        }
        if (newton.reachedAt() < 0) {
            out.println();
            out.println("  Missed the target. Try more iterations (--iterations), another damping (--damping) or");
            out.println("  another seed (--seed).");
            return ExitCode.TARGET_MISSED;
        }
        return ExitCode.OK;
    }

    /** What the Newton iterations ended with. */
    private record NewtonRun(double[] theta, double loss, int reachedAt, int products) {}

    private NewtonRun newton(PrintWriter out, double[] start) {
        Function<Tensor, Scalar> loss = NewtonCommand::loss;
        HessianFree hf = new HessianFree(loss, damping, cgSteps);
        TextTable table = new TextTable(">iteration", ">loss", ">accuracy", ">damping", ">products", ">ratio", "step");
        double[] theta = start;
        double current = Double.NaN;
        int products = 0;
        int reachedAt = -1;
        for (int it = 1; it <= iterations; it++) {
            HessianFree.Iteration r = hf.step(theta);
            theta = r.theta();
            current = r.loss();
            products += r.products();
            int right = correct(outputs(theta));
            table.row(Integer.toString(it), String.format(Locale.ROOT, "%.6f", r.loss()), right + "/8",
                    String.format(Locale.ROOT, "%.3g", r.damping()), Integer.toString(r.products()),
                    Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()),
                    r.accepted() ? "taken" : "rejected");
            if (right == 8) {
                reachedAt = it;
                break;
            }
        }
        table.print(out, "  ");
        return new NewtonRun(theta, current, reachedAt, products);
    }

    /** The loss the Newton method minimises: full-batch MSE of the flat network over the eight samples. */
    static Scalar loss(Tensor p) {
        Tape tape = p.tape();
        return Loss.mse(LAYOUT.forward(p, tape.constant(Shape.of(8, 3), Task.flatInputs())),
                tape.constant(Shape.of(8, 1), Task.flatTargets()));
    }

    static double[] outputs(double[] theta) {
        Tape tape = new Tape();
        return LAYOUT.forward(tape.constant(Shape.of(theta.length), theta),
                tape.constant(Shape.of(8, 3), Task.flatInputs())).values();
    }

    private static int correct(double[] outputs) {
        int right = 0;
        for (int i = 0; i < 8; i++) {
            right += (outputs[i] >= 0.5 ? 1 : 0) == TARGETS[i] ? 1 : 0;
        }
        return right;
    }

    private static int predictions(PrintWriter out, double[] outputs) {
        TextTable table = new TextTable("input", ">target", ">output", ">predicted", "");
        for (int i = 0; i < 8; i++) {
            int predicted = outputs[i] >= 0.5 ? 1 : 0;
            table.row(String.format(Locale.ROOT, "%d %d %d", (i >> 2) & 1, (i >> 1) & 1, i & 1),
                    Integer.toString(TARGETS[i]), String.format(Locale.ROOT, "%.4f", outputs[i]),
                    Integer.toString(predicted), predicted == TARGETS[i] ? "" : "<- wrong");
        }
        table.print(out, "  ");
        return correct(outputs);
    }

    private static String percent(double fraction) {
        double p = 100 * fraction;
        return p == Math.rint(p) ? String.format(Locale.ROOT, "%.0f%%", p) : String.format(Locale.ROOT, "%.1f%%", p);
    }

    /** The eight samples. */
    static final class Task {
        private Task() {}

        static double[][] inputs() {
            double[][] x = new double[8][3];
            for (int i = 0; i < 8; i++) {
                for (int b = 0; b < 3; b++) {
                    x[i][b] = (i >> (2 - b)) & 1;
                }
            }
            return x;
        }

        static double[][] targets() {
            double[][] y = new double[8][1];
            for (int i = 0; i < 8; i++) {
                y[i][0] = TARGETS[i];
            }
            return y;
        }

        static double[] flatInputs() {
            double[] x = new double[24];
            for (int i = 0; i < 8; i++) {
                for (int b = 0; b < 3; b++) {
                    x[i * 3 + b] = (i >> (2 - b)) & 1;
                }
            }
            return x;
        }

        static double[] flatTargets() {
            double[] y = new double[8];
            for (int i = 0; i < 8; i++) {
                y[i] = TARGETS[i];
            }
            return y;
        }
    }
}
