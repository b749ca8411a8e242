package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import java.util.List;
import java.util.Objects;

/**
 * Stochastic gradient descent with optional momentum, Nesterov momentum and L2 weight decay, with
 * PyTorch's {@code torch.optim.SGD} semantics. Per parameter, with gradient {@code g}:
 * <pre>
 *   g = g + weightDecay * p
 *   b = g                                   (first step)
 *   b = momentum * b + (1 - dampening) * g  (later steps)
 *   g = nesterov ? g + momentum * b : b     (when momentum != 0)
 *   p = p - learningRate * g
 * </pre>
 */
public final class Sgd implements Optimizer {
    private final Parameter[] params;
    private final List<Parameter> paramList;
    private double lr;
    private final double momentum;
    private final double dampening;
    private final boolean nesterov;
    private final double weightDecay;
    private final double[][] buffers;
    /** Each parameter's gradient, copied here on every step: the step allocates nothing. */
    private final double[][] grads;

    private Sgd(Builder b) {
        this.paramList = b.params;
        this.params = b.params.toArray(new Parameter[0]);
        this.lr = b.lr;
        this.momentum = b.momentum;
        this.dampening = b.dampening;
        this.nesterov = b.nesterov;
        this.weightDecay = b.weightDecay;
        this.buffers = momentum != 0 ? new double[params.length][] : null;
        this.grads = new double[params.length][];
        for (int k = 0; k < params.length; k++) {
            grads[k] = new double[params[k].size()];
        }
    }

    /** A builder for SGD over these parameters (typically {@code model.parameters()}). */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    public void step(Gradients gradients) {
        Objects.requireNonNull(gradients, "sgd: gradients");
        for (int k = 0; k < params.length; k++) {
            if (!gradients.reached(params[k])) {
                continue; // as PyTorch skips a parameter whose grad is None: no decay, no momentum
            }
            double[] p = params[k].data();
            if (weightDecay == 0 && buffers == null) {
                // p - lr g, read where the gradient lies: the same bits as the copy-then-update below.
                gradients.addTo(params[k], -lr, p);
                params[k].changed();
                continue;
            }
            double[] g = grads[k];
            gradients.copyInto(params[k], g);
            if (weightDecay != 0) {
                for (int i = 0; i < p.length; i++) {
                    g[i] += weightDecay * p[i];
                }
            }
            if (buffers != null) {
                double[] buf = buffers[k];
                if (buf == null) {
                    buffers[k] = buf = g.clone();
                } else {
                    for (int i = 0; i < p.length; i++) {
                        buf[i] = momentum * buf[i] + (1.0 - dampening) * g[i];
                    }
                }
                for (int i = 0; i < p.length; i++) {
                    g[i] = nesterov ? g[i] + momentum * buf[i] : buf[i];
                }
            }
            for (int i = 0; i < p.length; i++) {
                p[i] -= lr * g[i];
            }
            params[k].changed();
        }
    }

    @Override
    public List<Parameter> parameters() {
        return paramList;
    }

    /** The learning rate. */
    @Override
    public double learningRate() {
        return lr;
    }

    /**
     * Sets the learning rate for the following steps (what a learning-rate schedule changes); the
     * momentum buffers and every other state is kept.
     *
     * @throws IllegalArgumentException unless {@code lr} is finite and positive
     */
    @Override
    public void setLearningRate(double lr) {
        checkLearningRate("Sgd", lr);
        this.lr = lr;
    }

    /** The momentum factor (0 for none). */
    public double momentum() {
        return momentum;
    }

    /** Settings for {@link Sgd}; checked by {@link #build()}. */
    public static final class Builder {
        private final List<Parameter> params;
        private double lr;
        // A flag, not a NaN marker: a NaN the caller passes must be rejected as NaN, not as "not set".
        private boolean lrSet;
        private double momentum;
        private double dampening;
        private boolean nesterov;
        private double weightDecay;

        private Builder(List<Parameter> parameters) {
            this.params = checkParameters("Sgd", parameters);
        }

        /** The learning rate; required, finite and positive. */
        public Builder learningRate(double lr) {
            this.lr = lr;
            this.lrSet = true;
            return this;
        }

        /** The momentum factor, in [0, 1); default 0 (plain SGD). */
        public Builder momentum(double momentum) {
            this.momentum = momentum;
            return this;
        }

        /** Dampening of the momentum's gradient term, in [0, 1]; default 0. */
        public Builder dampening(double dampening) {
            this.dampening = dampening;
            return this;
        }

        /** Nesterov momentum (needs momentum &gt; 0 and dampening 0); default false. */
        public Builder nesterov(boolean nesterov) {
            this.nesterov = nesterov;
            return this;
        }

        /** L2 penalty added to the gradient, {@code g + weightDecay * p}; at least 0, default 0. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException naming the setting and its value if one is invalid
         */
        public Sgd build() {
            checkArgument(lrSet, "Sgd: learning rate not set; call learningRate(..) with a value > 0");
            checkLearningRate("Sgd", lr);
            checkArgument(momentum >= 0 && momentum < 1, "Sgd: momentum must be in [0, 1), got %s", momentum);
            checkArgument(dampening >= 0 && dampening <= 1, "Sgd: dampening must be in [0, 1], got %s", dampening);
            checkArgument(weightDecay >= 0 && Double.isFinite(weightDecay),
                    "Sgd: weight decay must be finite and >= 0, got %s", weightDecay);
            checkArgument(!nesterov || (momentum > 0 && dampening == 0),
                    "Sgd: Nesterov momentum needs momentum > 0 and dampening 0, got momentum %s, dampening %s",
                    momentum, dampening);
            return new Sgd(this);
        }
    }

    static List<Parameter> checkParameters(String optimizer, List<Parameter> parameters) {
        Objects.requireNonNull(parameters, () -> optimizer + ": parameters");
        checkArgument(!parameters.isEmpty(), "%s: no parameters to optimize", optimizer);
        for (int i = 0; i < parameters.size(); i++) {
            if (parameters.get(i) == null) {
                throw new NullPointerException(optimizer + ": parameter " + i + " is null");
            }
        }
        List<Parameter> copy = List.copyOf(parameters);
        checkArgument(copy.stream().distinct().count() == copy.size(),
                "%s: a parameter appears twice in the list", optimizer);
        return copy;
    }

    static void checkLearningRate(String optimizer, double lr) {
        checkArgument(lr > 0 && Double.isFinite(lr), "%s: learning rate must be finite and > 0, got %s", optimizer, lr);
    }
}
