package dev.tapegrad.spark;

import static com.google.common.base.Preconditions.checkArgument;

import dev.tapegrad.nn.Parameter;
import java.util.List;

/** A model's parameters as one flat vector, in list order: read out, and written back. */
final class Params {
    private Params() {}

    static int count(List<Parameter> params) {
        int n = 0;
        for (Parameter p : params) {
            n += p.size();
        }
        return n;
    }

    static double[] flatten(List<Parameter> params) {
        double[] flat = new double[count(params)];
        int offset = 0;
        for (Parameter p : params) {
            System.arraycopy(p.values(), 0, flat, offset, p.size());
            offset += p.size();
        }
        return flat;
    }

    /**
     * Sets the parameters to {@code flat}: how an executor's fresh model takes the driver's values.
     *
     * @throws IllegalArgumentException if the counts differ (the factory built another architecture)
     */
    static void load(List<Parameter> params, double[] flat) {
        checkArgument(count(params) == flat.length, "the model has %s parameter values but the driver sent %s; "
                + "the ModelFactory must build the same architecture every time", count(params), flat.length);
        int offset = 0;
        for (Parameter p : params) {
            double[] v = new double[p.size()];
            System.arraycopy(flat, offset, v, 0, v.length);
            p.copyFrom(v);
            offset += v.length;
        }
    }
}
