package dev.tapegrad.nn.diagnose;

import dev.tapegrad.autograd.check.OpCheck;
import java.util.List;

/**
 * Every op of the diagnostic step checked on its own against finite differences of its forward
 * ({@link OpCheck}): a custom layer or op with a wrong derivative trains in a wrong direction while
 * every other number looks plausible. At most a few elements per input are perturbed, to bound the cost.
 */
final class DerivativeCheck {
    /** Elements perturbed per op input. */
    static final int ELEMENTS = 16;

    private DerivativeCheck() {}

    static void run(Context c, List<Finding> out) {
        OpCheck.Report r = OpCheck.withDefaults().maxElements(ELEMENTS).run(c.probe.tape);
        if (r.passed()) {
            return;
        }
        OpCheck.Failure f = r.firstFailure().orElseThrow();
        c.gradientPathology = true;
        out.add(Finding.error(Finding.Kind.WRONG_DERIVATIVE, String.format(
                "The derivative of op %s (input shapes %s) disagrees with finite differences of its own forward: "
                        + "%s. Gradients through it point the wrong way; fix its backward (or its derivative in "
                        + "UnaryOp.of).", f.op(), f.inputShapes(), f)));
    }
}
