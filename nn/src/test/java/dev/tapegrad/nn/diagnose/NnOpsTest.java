package dev.tapegrad.nn.diagnose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.debug.GraphExport;
import dev.tapegrad.autograd.check.OpCheck;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.autograd.UnaryOp;
import dev.tapegrad.nn.Layer;
import dev.tapegrad.nn.Linear;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sigmoid;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The autograd diagnostics on nn's own training step, and a wrong custom derivative inside a model. */
class NnOpsTest {
    private static final double[][] X = Tasks.threeBitInputs();
    private static final double[][] Y = Tasks.threeBitTargets();

    @Test
    void everyOpOfAnNnTrainingStepPassesThePerOpCheck() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(8), 3, 4, 1);
        Tape tape = new Tape();
        Scalar loss = Loss.mse(net.forward(tape.constant(Shape.of(8, 3), Probe.flatten(X))),
                tape.constant(Shape.of(8, 1), Probe.flatten(Y)));
        Gradients g = loss.backward();
        OpCheck.Report r = OpCheck.check(tape);
        assertTrue(r.passed(), r::describe);
        assertEquals(3, r.ops(), r::describe); // two layers, each a linear and its sigmoid in one op, and the loss
        String dot = GraphExport.toDot(tape, g, 8, net.namedParameters());
        assertTrue(dot.contains("0.weight") && dot.contains("2.bias"), dot);
        String byToString = GraphExport.toDot(tape, g, 8, net.parameters());
        assertTrue(byToString.contains("Parameter weight containing") && byToString.contains("Parameter bias containing"),
                byToString);
    }

    /** softsign with the square of its derivative's denominator dropped. */
    private static final class WrongSoftsign implements Layer {
        private static final UnaryOp OP = UnaryOp.of("softsign", x -> x / (1 + Math.abs(x)), x -> 1 / (1 + Math.abs(x)));

        @Override
        public Tensor forward(Tensor x) {
            return OP.apply(x);
        }
    }

    @Test
    void theDiagnosisNamesACustomLayersWrongDerivative() {
        SplittableRandom rng = new SplittableRandom(9);
        Sequential net = new Sequential(new Linear(3, 4, rng), new WrongSoftsign(), new Linear(4, 1, rng), new Sigmoid());
        Diagnosis d = Diagnosis.run(net, Loss::mse, X, Y);
        Finding f = d.find(Finding.Kind.WRONG_DERIVATIVE).orElseThrow(() -> new AssertionError(d.toString()));
        assertEquals(Severity.ERROR, f.severity());
        assertTrue(f.message().startsWith("The derivative of op softsign (input shapes [[8, 4]])"), f::message);
        assertEquals(1, d.of(Finding.Kind.WRONG_DERIVATIVE).size());
    }
}
