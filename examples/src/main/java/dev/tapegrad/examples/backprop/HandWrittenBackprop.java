package dev.tapegrad.examples.backprop;

/**
 * A hand-written backpropagation for the 1-1-1 parity network, with the mistakes such code typically
 * makes, reproduced faithfully, bugs included, so that {@code check-backprop} can show it beside the
 * right answer. Do not "fix" this class: its
 * mistakes are the point.
 *
 * <ul>
 *   <li>output delta: {@code delta_o = (o - y) * o(1 - o)} (right);
 *   <li>weight gradients multiply the delta by the layer's <em>weight</em> where its <em>input</em>
 *       belongs: {@code dw2 = delta_o * w2} (should be {@code * h}), {@code dw1 = delta_h * w1}
 *       (should be {@code * x});
 *   <li>hidden delta {@code delta_h = (o - y) * w2 * h(1 - h)}: it skips the output sigmoid's
 *       derivative {@code o(1 - o)};
 *   <li>bias gradients are the deltas: {@code db2 = delta_o} (right), {@code db1 = delta_h} (inherits
 *       the missing factor).
 * </ul>
 */
final class HandWrittenBackprop {
    private HandWrittenBackprop() {}

    /** The hand-written code's four "gradients", in the order {@code w1, b1, w2, b2}. */
    static double[] gradients(SeedNetwork net, double x, double y) {
        double h = net.hidden(x);
        double o = net.output(x);
        double deltaOut = (o - y) * o * (1 - o);
        double deltaHidden = (o - y) * net.w2() * h * (1 - h);
        double dw2 = deltaOut * net.w2();
        double db2 = deltaOut;
        double dw1 = deltaHidden * net.w1();
        double db1 = deltaHidden;
        return new double[] {dw1, db1, dw2, db2};
    }
}
