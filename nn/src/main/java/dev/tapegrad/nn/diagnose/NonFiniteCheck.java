package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.debug.AnomalySearch;
import dev.tapegrad.autograd.Anomaly;
import dev.tapegrad.nn.Parameter;
import java.util.List;
import java.util.Optional;

/**
 * NaN or infinity anywhere: in the parameters (a step already diverged), in the loss history, or in the
 * diagnostic step or the user's own step, where the first op that produced it is named. Any of these
 * makes the other checks' numbers meaningless, so they are skipped.
 */
final class NonFiniteCheck {
    private NonFiniteCheck() {}

    static void run(Context c, List<Finding> out) {
        for (Parameter p : c.model.parameters()) {
            double[] v = p.values();
            int bad = 0;
            for (double x : v) {
                bad += Double.isFinite(x) ? 0 : 1;
            }
            if (bad > 0) {
                c.nonFinite = true;
                out.add(Finding.error(Finding.Kind.NON_FINITE, String.format(
                        "Parameter %s holds NaN or infinity in %d of its %d elements: an earlier step diverged. "
                                + "Lower the learning rate, and look for log(0), division by zero or exp overflow "
                                + "in the loss.", p.name(), bad, v.length)));
            }
        }
        if (!c.trend.finite) {
            c.nonFinite = true;
            out.add(Finding.error(Finding.Kind.NON_FINITE,
                    "The loss history contains NaN or infinity: training diverged; lower the learning rate."));
        }
        if (c.userStep != null) {
            report(c, AnomalySearch.find(c.userStep.tape(), c.userStep), "In the given training step, ", out);
        }
        if (!c.nonFinite) {
            report(c, AnomalySearch.find(c.probe.tape, c.probe.gradients), "On the batch, ", out);
        }
    }

    private static void report(Context c, Optional<Anomaly> a, String where, List<Finding> out) {
        if (a.isEmpty()) {
            return;
        }
        c.nonFinite = true;
        Anomaly x = a.get();
        String hint = x.op().equals("log") ? " Clamp the argument of log away from 0 (or use Loss.bce, which clamps)."
                : x.op().equals("div") ? " Guard the divisor against 0."
                : x.op().equals("exp") ? " Subtract the maximum before exp (logSoftmax does), or lower the learning rate."
                : "";
        out.add(Finding.error(Finding.Kind.NON_FINITE, where + x.describe() + "." + hint));
    }
}
