package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.LossFunction;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import java.util.ArrayList;
import java.util.List;

/**
 * One diagnostic step: the model's forward on the batch recorded layer by layer on a fresh tape (so
 * each layer's input and output can be read), the loss, its gradients, and the loss of the
 * mean-target prediction for comparison. Changes no parameter.
 */
final class Probe {
    /**
     * A layer with no sublayers, its position ({@code 0}, {@code 1.2}), what it saw on the batch, and
     * the names of the ops it recorded, in order (inputs it put on the tape, such as its parameters,
     * left out). The checks go by the ops, not by the layer's class, so a user's own layer (even
     * {@code Layer act = Tensor::sigmoid}) is seen as what it computes.
     */
    record Step(String name, Layer layer, Tensor input, Tensor output, List<String> ops) {
        /** The op that produced the output, or empty if the layer recorded none (an identity). */
        String lastOp() {
            return ops.isEmpty() ? "" : ops.get(ops.size() - 1);
        }

        /** The elementwise activation that produced the output: sigmoid, tanh or relu, else empty. */
        String activation() {
            String op = lastOp();
            return op.equals("sigmoid") || op.equals("tanh") || op.equals("relu") ? op : "";
        }

        /** The output's width: its last dimension, or 1 for a scalar or a vector. */
        int width() {
            Shape s = output.shape();
            return s.rank() < 2 ? 1 : s.dim(-1);
        }
    }

    final Tape tape;
    final List<Step> steps = new ArrayList<>();
    final Tensor output;
    final Tensor target;
    final Scalar loss;
    final Gradients gradients;
    final double baselineLoss;
    final double[][] targetRows;
    final double[][] featureRows;
    final LossFunction lossFunction;

    Probe(Layer model, LossFunction lossFunction, double[][] x, double[][] y) {
        this.targetRows = y;
        this.featureRows = x;
        this.lossFunction = lossFunction;
        tape = new Tape();
        Tensor in = tape.constant(Shape.of(x.length, x[0].length), flatten(x));
        output = run(model, "", in);
        target = tape.constant(Shape.of(y.length, y[0].length), flatten(y));
        loss = lossFunction.apply(output, target);
        gradients = loss.backward();
        baselineLoss = baseline(lossFunction, y);
    }

    private Tensor run(Layer layer, String prefix, Tensor in) {
        if (layer instanceof Sequential seq) {
            Tensor h = in;
            for (int i = 0; i < seq.size(); i++) {
                h = run(seq.get(i), prefix + i + ".", h);
            }
            return h;
        }
        int before = tape.size();
        Tensor out = layer.forward(in);
        List<String> ops = new ArrayList<>();
        for (int i = before; i < tape.size(); i++) {
            String op = tape.node(i).opName();
            if (!op.equals("leaf") && !op.equals("constant")) {
                ops.add(op);
            }
        }
        String name = prefix.isEmpty() ? "model" : prefix.substring(0, prefix.length() - 1);
        steps.add(new Step(name, layer, in, out, List.copyOf(ops)));
        return out;
    }

    /**
     * The loss of the best constant prediction we can name: each target column's mean for every sample,
     * or, for a loss on logits, the mean's logit; the plateau to beat. NaN when the loss accepts neither.
     */
    private static double baseline(LossFunction lossFunction, double[][] y) {
        int n = y.length;
        int w = y[0].length;
        double[] mean = new double[w];
        for (double[] row : y) {
            for (int j = 0; j < w; j++) {
                mean[j] += row[j] / n;
            }
        }
        double[] logit = new double[w];
        for (int j = 0; j < w; j++) {
            logit[j] = Math.log(mean[j] / (1 - mean[j]));
        }
        double a = constantLoss(lossFunction, mean, y);
        double b = constantLoss(lossFunction, logit, y);
        return Double.isNaN(a) ? b : Double.isNaN(b) ? a : Math.min(a, b);
    }

    /** The loss of predicting {@code row} for every sample; NaN if the loss rejects it or it is not finite. */
    private static double constantLoss(LossFunction lossFunction, double[] row, double[][] y) {
        int n = y.length;
        int w = row.length;
        double[] p = new double[n * w];
        for (int i = 0; i < n; i++) {
            System.arraycopy(row, 0, p, i * w, w);
        }
        try {
            Tape t = new Tape();
            double l = lossFunction.apply(t.constant(Shape.of(n, w), p), t.constant(Shape.of(n, w), flatten(y))).value();
            return Double.isFinite(l) ? l : Double.NaN;
        } catch (RuntimeException notApplicable) {
            return Double.NaN; // a loss that rejects these as predictions (probabilities outside [0, 1], say)
        }
    }

    /** The parameters of a layer with no sublayers. */
    static List<Parameter> parametersOf(Step s) {
        return s.layer().parameters();
    }

    static double[] flatten(double[][] rows) {
        int w = rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
