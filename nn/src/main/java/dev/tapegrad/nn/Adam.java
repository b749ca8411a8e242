package dev.tapegrad.nn;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.autograd.Gradients;
import java.util.List;
import java.util.Objects;

/**
 * Adam, with PyTorch's {@code torch.optim.Adam} semantics, and AdamW's decoupled weight decay as an
 * option. Per parameter, at step {@code t = 1, 2, ...}, with gradient {@code g}:
 * <pre>
 *   p = p (1 - learningRate * weightDecay)       (decoupled weight decay)
 *   g = g + weightDecay * p                      (otherwise: L2 penalty in the gradient)
 *   m = beta1 m + (1 - beta1) g
 *   v = beta2 v + (1 - beta2) g^2
 *   p = p - (learningRate / (1 - beta1^t)) m / (sqrt(v) / sqrt(1 - beta2^t) + eps)
 * </pre>
 * The last line is {@code p - learningRate * mHat / (sqrt(vHat) + eps)} with the bias-corrected
 * moments, arranged in the order PyTorch evaluates it.
 */
public final class Adam implements Optimizer {
    private final Parameter[] params;
    private final List<Parameter> paramList;
    private double lr;
    private final double beta1;
    private final double beta2;
    private final double eps;
    private final double weightDecay;
    private final boolean decoupled;
    private final double[][] m;
    private final double[][] v;
    /** Each parameter's gradient, copied here on every step: the step allocates nothing. */
    private final double[][] grads;
    private long t;
    /** Steps taken per parameter: a parameter the loss did not reach keeps its count, as in PyTorch. */
    private final long[] paramSteps;

    private Adam(Builder b) {
        this.paramList = b.params;
        this.params = b.params.toArray(new Parameter[0]);
        this.lr = b.lr;
        this.beta1 = b.beta1;
        this.beta2 = b.beta2;
        this.eps = b.eps;
        this.weightDecay = b.weightDecay;
        this.decoupled = b.decoupled;
        this.m = new double[params.length][];
        this.v = new double[params.length][];
        this.grads = new double[params.length][];
        this.paramSteps = new long[params.length];
        for (int k = 0; k < params.length; k++) {
            m[k] = new double[params[k].size()];
            v[k] = new double[params[k].size()];
            grads[k] = new double[params[k].size()];
        }
    }

    /** A builder for Adam over these parameters (typically {@code model.parameters()}). */
    public static Builder builder(List<Parameter> parameters) {
        return new Builder(parameters);
    }

    @Override
    public void step(Gradients gradients) {
        Objects.requireNonNull(gradients, "adam: gradients");
        t++;
        for (int k = 0; k < params.length; k++) {
            if (!gradients.reached(params[k])) {
                continue; // as PyTorch skips a parameter whose grad is None
            }
            long tk = ++paramSteps[k];
            double bc1 = 1.0 - Math.pow(beta1, tk);
            double bc2Sqrt = Math.sqrt(1.0 - Math.pow(beta2, tk));
            double stepSize = lr / bc1;
            double[] p = params[k].data();
            double[] g = grads[k];
            gradients.copyInto(params[k], g);
            double[] mk = m[k];
            double[] vk = v[k];
            for (int i = 0; i < p.length; i++) {
                double gi = g[i];
                if (weightDecay != 0) {
                    if (decoupled) {
                        p[i] *= 1.0 - lr * weightDecay;
                    } else {
                        gi += weightDecay * p[i];
                    }
                }
                mk[i] = beta1 * mk[i] + (1.0 - beta1) * gi;
                vk[i] = beta2 * vk[i] + (1.0 - beta2) * gi * gi;
                p[i] -= stepSize * mk[i] / (Math.sqrt(vk[i]) / bc2Sqrt + eps);
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
     * moment estimates and every other state is kept.
     *
     * @throws IllegalArgumentException unless {@code lr} is finite and positive
     */
    @Override
    public void setLearningRate(double lr) {
        Sgd.checkLearningRate("Adam", lr);
        this.lr = lr;
    }

    /** The number of steps taken. */
    public long steps() {
        return t;
    }

    /**
     * A copy of the moments and step counts (PyTorch's {@code state_dict()['state']}), per parameter in
     * list order; changing it changes nothing here. For averaging optimizer state across workers.
     */
    public State state() {
        double[][] mc = new double[m.length][];
        double[][] vc = new double[v.length][];
        for (int k = 0; k < m.length; k++) {
            mc[k] = m[k].clone();
            vc[k] = v[k].clone();
        }
        return new State(t, paramSteps.clone(), mc, vc);
    }

    /**
     * Replaces the moments and step counts with copies of {@code state}'s (PyTorch's
     * {@code load_state_dict}).
     *
     * @throws IllegalArgumentException if the state does not fit these parameters' count or sizes;
     *     nothing changes then
     */
    public void loadState(State state) {
        Objects.requireNonNull(state, "Adam: state");
        checkArgument(state.paramSteps().length == params.length && state.expAvg().length == params.length
                && state.expAvgSq().length == params.length, "Adam: state is for %s parameters, this optimizer has %s",
                state.paramSteps().length, params.length);
        for (int k = 0; k < params.length; k++) {
            checkArgument(state.expAvg()[k].length == m[k].length && state.expAvgSq()[k].length == v[k].length,
                    "Adam: state of parameter %s ('%s') has %s values, the parameter %s", k, params[k].name(),
                    state.expAvg()[k].length, m[k].length);
        }
        for (int k = 0; k < params.length; k++) {
            System.arraycopy(state.expAvg()[k], 0, m[k], 0, m[k].length);
            System.arraycopy(state.expAvgSq()[k], 0, v[k], 0, v[k].length);
        }
        System.arraycopy(state.paramSteps(), 0, paramSteps, 0, paramSteps.length);
        t = state.steps();
    }

    /**
     * Adam's state.
     *
     * @param steps the optimizer steps taken
     * @param paramSteps the steps each parameter took (a parameter the loss did not reach skips one)
     * @param expAvg each parameter's first moment {@code m}
     * @param expAvgSq each parameter's second moment {@code v}
     */
    public record State(long steps, long[] paramSteps, double[][] expAvg, double[][] expAvgSq) {}

    /** Settings for {@link Adam}, PyTorch's defaults unless set; checked by {@link #build()}. */
    public static final class Builder {
        private final List<Parameter> params;
        private double lr = 1e-3;
        private double beta1 = 0.9;
        private double beta2 = 0.999;
        private double eps = 1e-8;
        private double weightDecay;
        private boolean decoupled;

        private Builder(List<Parameter> parameters) {
            this.params = Sgd.checkParameters("Adam", parameters);
        }

        /** The learning rate, finite and positive; default 0.001. */
        public Builder learningRate(double lr) {
            this.lr = lr;
            return this;
        }

        /** The moments' decay rates, each in [0, 1); default 0.9 and 0.999. */
        public Builder betas(double beta1, double beta2) {
            this.beta1 = beta1;
            this.beta2 = beta2;
            return this;
        }

        /** The term added to the denominator for stability, at least 0; default 1e-8. */
        public Builder eps(double eps) {
            this.eps = eps;
            return this;
        }

        /** The weight decay, at least 0; default 0. An L2 penalty in the gradient unless decoupled. */
        public Builder weightDecay(double weightDecay) {
            this.weightDecay = weightDecay;
            return this;
        }

        /**
         * Whether weight decay is decoupled from the gradient (AdamW: {@code p *= 1 - lr * weightDecay}
         * before the Adam update); default false (Adam's L2 penalty).
         */
        public Builder decoupledWeightDecay(boolean decoupled) {
            this.decoupled = decoupled;
            return this;
        }

        /**
         * The optimizer.
         *
         * @throws IllegalArgumentException naming the setting and its value if one is invalid
         */
        public Adam build() {
            Sgd.checkLearningRate("Adam", lr);
            checkArgument(beta1 >= 0 && beta1 < 1, "Adam: beta1 must be in [0, 1), got %s", beta1);
            checkArgument(beta2 >= 0 && beta2 < 1, "Adam: beta2 must be in [0, 1), got %s", beta2);
            checkArgument(eps >= 0 && Double.isFinite(eps), "Adam: eps must be finite and >= 0, got %s", eps);
            checkArgument(weightDecay >= 0 && Double.isFinite(weightDecay),
                    "Adam: weight decay must be finite and >= 0, got %s", weightDecay);
            return new Adam(this);
        }
    }
}
