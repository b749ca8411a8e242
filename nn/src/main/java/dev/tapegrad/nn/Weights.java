package dev.tapegrad.nn;

import dev.tapegrad.autograd.Gradients;
import java.util.List;

/** Copies of parameter values (the best epoch's weights) and the gradient norm that clipping uses. */
final class Weights {
    private Weights() {}

    static double[][] snapshot(List<Parameter> parameters) {
        double[][] w = new double[parameters.size()][];
        for (int k = 0; k < w.length; k++) {
            w[k] = parameters.get(k).values();
        }
        return w;
    }

    /** Writes the snapshot back, as checkpoint loading does (not through the user-facing copyFrom). */
    static void restore(List<Parameter> parameters, double[][] weights) {
        for (int k = 0; k < weights.length; k++) {
            Parameter p = parameters.get(k);
            double[] live = p.data();
            System.arraycopy(weights[k], 0, live, 0, live.length);
            p.changed(); // a tape holding the replaced values must refuse the parameter, as after a step
        }
    }

    /** The 2-norm of all these parameters' gradients together (PyTorch's {@code clip_grad_norm_}). */
    static double gradientNorm(Gradients g, List<Parameter> parameters) {
        double ss = 0;
        for (Parameter p : parameters) {
            for (double v : g.of(p)) {
                ss += v * v;
            }
        }
        return Math.sqrt(ss);
    }
}
