package dev.tapegrad.autograd.ops;

import dev.tapegrad.autograd.BinaryOp;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.kernel.Broadcast;

/**
 * Power of two variables. {@code y = a^b}; {@code dy/da = b a^(b-1)} (0 when {@code b = 0}),
 * {@code dy/db = y ln a}, taken as 0 where {@code a = 0} and {@code b >= 0} as PyTorch does, so that
 * {@code 0^b} does not poison the exponent's gradient with NaN.
 */
public final class Pow implements BinaryOp {
    /** The one instance. */
    public static final Pow INSTANCE = new Pow();

    private Pow() {}

    @Override
    public String name() {
        return "pow";
    }

    @Override
    public double value(double a, double b) {
        return PowConst.apply(a, b);
    }

    @Override
    public double partialA(double a, double b, double y) {
        return PowConst.derivative(a, b, y);
    }

    @Override
    public double partialB(double a, double b, double y) {
        return a == 0.0 && b >= 0.0 ? 0.0 : y * Math.log(a);
    }

    /**
     * {@code b a^(b-1)}, exactly 0 where {@code b = 0} and {@code a^(b-1)} is not finite (the numeric
     * partial's 0 where the product would be {@code 0 * inf}). Masked only there, so that the derivative
     * of this partial with respect to {@code b} at {@code b = 0} is still {@code a^(b-1)}.
     */
    @Override
    public Tensor partialA(Tensor a, Tensor b, Tensor y) {
        Tensor power = a.pow(b.sub(1.0));
        double[] pv = broadcastValues(power, y.shape());
        double[] bv = broadcastValues(b, y.shape());
        boolean[] keep = new boolean[bv.length];
        boolean all = true;
        for (int i = 0; i < keep.length; i++) {
            keep[i] = bv[i] != 0.0 || Double.isFinite(pv[i]);
            all &= keep[i];
        }
        Tensor d = b.mul(power);
        return all ? d.expand(y.shape()) : new Mask(keep).apply(d.expand(y.shape()));
    }

    /** {@code y ln a}, exactly 0 where {@code a = 0} and {@code b >= 0}. */
    @Override
    public Tensor partialB(Tensor a, Tensor b, Tensor y) {
        double[] av = broadcastValues(a, y.shape());
        double[] bv = broadcastValues(b, y.shape());
        boolean[] keep = new boolean[av.length];
        for (int i = 0; i < keep.length; i++) {
            keep[i] = !(av[i] == 0.0 && bv[i] >= 0.0);
        }
        Tensor d = y.mul(a.log());
        for (boolean k : keep) {
            if (!k) {
                return new Mask(keep).apply(d);
            }
        }
        return d;
    }

    /** {@code t}'s values broadcast to {@code out}, read without recording anything: they only choose a mask. */
    private static double[] broadcastValues(Tensor t, Shape out) {
        double[] v = t.values();
        int[] map = Broadcast.indexMap(t.shape().dims(), out.dims());
        double[] r = new double[map.length];
        for (int i = 0; i < r.length; i++) {
            r[i] = v[map[i]];
        }
        return r;
    }
}
