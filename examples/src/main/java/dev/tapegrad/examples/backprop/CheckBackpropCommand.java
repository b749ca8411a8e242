package dev.tapegrad.examples.backprop;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.examples.cli.CommandBase;
import dev.tapegrad.examples.cli.ExitCode;
import dev.tapegrad.examples.cli.TextTable;
import dev.tapegrad.examples.cli.VersionProvider;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code check-backprop}: hand-written gradients for a one-neuron-per-layer sigmoid network (the
 * 1-1-1 parity network) beside Tapegrad's and beside central finite differences, with a verdict per parameter and
 * a reviewer's explanation of each bug. Exits 0 when Tapegrad agrees with finite differences.
 */
@Command(
        name = "check-backprop",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        sortOptions = false,
        abbreviateSynopsis = true,
        usageHelpAutoWidth = true,
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n",
        header = "Check a hand-written backprop (1-1-1 network) against Tapegrad and finite differences.",
        description = "Takes a 1-1-1 sigmoid network for even/odd of 1..9 (input x/9) and a typical hand-written "
                + "backprop for it, computes the gradients exactly as that code does, Tapegrad's gradients and central "
                + "finite differences, shows them side by side with a verdict per parameter, and explains each "
                + "bug. Exits 0 when Tapegrad agrees with finite differences.")
public final class CheckBackpropCommand extends CommandBase {
    /** Agreement between two exact computations of the same formula: only rounding may differ. */
    private static final double SAME_RTOL = 1e-9;
    private static final double SAME_ATOL = 1e-12;
    /** Tapegrad against finite differences: PyTorch gradcheck's defaults. */
    private static final double FD_EPS = 1e-6;
    private static final double FD_RTOL = 1e-3;
    private static final double FD_ATOL = 1e-5;

    private static final String[] REASONS = {"(1, 2)", "(2)", "(1)", ""};

    @Option(names = "--seed", paramLabel = "SEED", defaultValue = "1", description = "Seed for the initial weights (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--sample", paramLabel = "N", defaultValue = "2",
            description = "Which of 1..9 to feed the network; input N/9, target 1 when N is even (default: ${DEFAULT-VALUE}).")
    int sample;

    @Override
    protected int run() {
        Checks.inRange("--sample", sample, 1, 9);
        SeedNetwork net = SeedNetwork.init(seed);
        double x = sample / 9.0;
        double y = sample % 2 == 0 ? 1 : 0;
        double[] hand = HandWrittenBackprop.gradients(net, x, y);
        double[] tape = net.tapegradGradients(x, y);
        double[] fd = net.finiteDifferences(x, y, FD_EPS);

        PrintWriter out = out();
        printSetup(out, net, x, y);
        TextTable table = new TextTable("parameter", ">hand-written", ">Tapegrad", ">finite diff.", "verdict");
        List<String> wrong = new ArrayList<>();
        boolean tapegradRight = true;
        for (int i = 0; i < hand.length; i++) {
            boolean handRight = close(hand[i], tape[i], SAME_RTOL, SAME_ATOL);
            tapegradRight &= close(tape[i], fd[i], FD_RTOL, FD_ATOL);
            if (!handRight) {
                wrong.add(SeedNetwork.NAMES[i]);
            }
            table.row(SeedNetwork.NAMES[i], num(hand[i]), num(tape[i]), num(fd[i]),
                    handRight ? "agrees" : ("WRONG " + REASONS[i]).strip());
        }
        table.print(out, "  ");
        out.println();
        out.println(tapegradRight
                ? "  Tapegrad agrees with finite differences on all 4 parameters."
                : "  Tapegrad DISAGREES with finite differences: this is a bug in Tapegrad, please report it.");
        out.printf(Locale.ROOT, "  The hand-written code is wrong on %d of 4 (%s); over all nine samples, on %d of 36.%n",
                wrong.size(), String.join(", ", wrong), wrongOverAllSamples(net));
        out.println();
        printExplanation(out, net, x);
        return tapegradRight ? ExitCode.OK : ExitCode.TARGET_MISSED;
    }

    private void printSetup(PrintWriter out, SeedNetwork net, double x, double y) {
        out.println("check-backprop: a hand-written backprop of a 1-1-1 sigmoid network, checked against Tapegrad");
        out.println();
        out.println("  network  h = sigmoid(w1*x + b1),  o = sigmoid(w2*h + b2),  E = (o - y)^2 / 2");
        out.printf(Locale.ROOT, "  weights  w1 = %.4f   b1 = %.4f   w2 = %.4f   b2 = %.4f   (seed %d)%n",
                net.w1(), net.b1(), net.w2(), net.b2(), seed);
        out.printf(Locale.ROOT, "  sample   x = %d/9 = %.4f,  target y = %.0f (%d is %s)%n",
                sample, x, y, sample, sample % 2 == 0 ? "even" : "odd");
        out.printf(Locale.ROOT, "  forward  h = %.4f,  o = %.4f,  E = %.6f%n",
                net.hidden(x), net.output(x), net.loss(x, y));
        out.println();
        out.println("  Gradients dE/dp for each parameter p. The finite difference (E(p + eps) - E(p - eps)) / (2 eps),");
        out.println("  eps = 1e-6, uses no derivative at all: it is the referee.");
        out.println();
    }

    private static void printExplanation(PrintWriter out, SeedNetwork net, double x) {
        double o = net.output(x);
        out.println("Where the hand-written code goes wrong");
        out.println("  (1) A weight's gradient is the delta of the unit it feeds times the INPUT it multiplies,");
        out.println("      but the code multiplies by the weight itself:");
        out.println("        dE/dw2 = delta_o * h    the code has  delta_o * w2");
        out.println("        dE/dw1 = delta_h * x    the code has  delta_h * w1");
        out.println("  (2) The hidden delta must carry the error back through the output sigmoid, o(1 - o):");
        out.println("        delta_h = (o - y) * o(1 - o) * w2 * h(1 - h)");
        out.println("      the code has  (o - y) * w2 * h(1 - h),");
        out.printf(Locale.ROOT, "      so b1's gradient (which is delta_h) is too large by 1/(o(1 - o)) = %.2f here.%n",
                1 / (o * (1 - o)));
        out.println("  Only b2 is right: dE/db2 = delta_o = (o - y) * o(1 - o), as the code has it.");
        out.println();
        out.println("  Tapegrad needs none of these formulas: it records the forward pass on a tape and");
        out.println("  runs it backwards, so the gradients follow from the computation itself.");
    }

    private static int wrongOverAllSamples(SeedNetwork net) {
        int wrong = 0;
        for (int n = 1; n <= 9; n++) {
            double x = n / 9.0;
            double y = n % 2 == 0 ? 1 : 0;
            double[] hand = HandWrittenBackprop.gradients(net, x, y);
            double[] tape = net.tapegradGradients(x, y);
            for (int i = 0; i < hand.length; i++) {
                wrong += close(hand[i], tape[i], SAME_RTOL, SAME_ATOL) ? 0 : 1;
            }
        }
        return wrong;
    }

    private static boolean close(double actual, double expected, double rtol, double atol) {
        return Math.abs(actual - expected) <= atol + rtol * Math.abs(expected);
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%+.6f", v);
    }
}
