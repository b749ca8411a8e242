package dev.tapegrad.nn.diagnose;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.Mlp;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sequential;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.Trainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class DiagnosisApiTest {
    private static final double[][] X = Tasks.threeBitInputs();
    private static final double[][] Y = Tasks.threeBitTargets();

    @Test
    void oneLinePerFindingMostSevereFirst() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Diagnosis d = Diagnosis.builder(net, Loss::mse, X, Y).learningRate(100).run();
        String[] lines = d.toString().split("\n");
        assertEquals(d.findings().size(), lines.length);
        assertTrue(lines[0].startsWith("[WARNING] "), d::toString);
        assertTrue(lines[lines.length - 1].startsWith("[INFO] "), d::toString);
        for (int i = 1; i < d.findings().size(); i++) {
            assertTrue(d.findings().get(i - 1).severity().compareTo(d.findings().get(i).severity()) >= 0, d::toString);
        }
        assertEquals(d.atLeast(Severity.WARNING).size(), d.findings().stream()
                .filter(f -> f.severity() != Severity.INFO).count());
    }

    @Test
    void gradientNormsAreTheLayersOwn() {
        // A 3-4-1 net's layers 0 and 2 hold the parameters; the info line names both with their norms.
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        Finding f = Diagnosis.run(net, Loss::mse, X, Y).find(Finding.Kind.GRADIENT_NORMS).orElseThrow();
        assertTrue(f.message().matches("Gradient norm per layer: 0: [0-9.e-]+, 2: [0-9.e-]+; first/last ratio [0-9.e-]+\\."),
                f::message);
    }

    @Test
    void diagnosingChangesNoParameter() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        List<double[]> before = net.parameters().stream().map(Parameter::values).toList();
        Diagnosis.builder(net, Loss::mse, X, Y).learningRate(0.5).lossHistory(List.of(0.3, 0.2, 0.25)).run();
        for (int i = 0; i < before.size(); i++) {
            assertArrayEquals(before.get(i), net.parameters().get(i).values(), 0.0);
        }
    }

    @Test
    void theListenerDiagnosesEveryKEpochsAndAtTheEnd() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        List<Diagnosis> seen = new ArrayList<>();
        DiagnosisListener listener = DiagnosisListener.builder(net, Loss::mse, X, Y).every(4).onDiagnosis(seen::add)
                .build();
        Trainer.builder(net, Sgd.builder(net.parameters()).learningRate(0.5).build(), Loss::mse)
                .data(X, Y).perSample().epochs(10).listener(listener).build().fit();
        assertEquals(3, seen.size(), "epochs 4, 8 and the end (10)");
        assertEquals(seen.get(2), listener.latest().orElseThrow());
        assertEquals(11, listener.lossHistory().size());
    }

    @Test
    void badInputIsRejectedWithItsNumbers() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Diagnosis.run(net, Loss::mse, X, new double[][] {{1}}));
        assertTrue(e.getMessage().contains("8 feature rows but 1 target rows"), e::getMessage);
        e = assertThrows(IllegalArgumentException.class,
                () -> Diagnosis.builder(net, Loss::mse, X, Y).learningRate(-1));
        assertTrue(e.getMessage().contains("-1"), e::getMessage);
        assertThrows(IllegalArgumentException.class,
                () -> DiagnosisListener.builder(net, Loss::mse, X, Y).every(0));
    }

    @Test
    void measuredUpdateRatiosDriveTheLearningRateChecksWithoutARate() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(1), 3, 4, 1);
        List<Double> stuck = List.of(0.2430, 0.2429, 0.2429, 0.2428, 0.2428, 0.2427, 0.2427, 0.2426);
        Diagnosis slow = Diagnosis.builder(net, Loss::mse, X, Y).lossHistory(stuck)
                .measuredUpdateRatios(Map.of("0", 1e-6, "2", 2e-5)).run();
        Finding low = slow.find(Finding.Kind.LEARNING_RATE_TOO_LOW).orElseThrow(() -> new AssertionError(slow.toString()));
        assertTrue(low.message().contains("1.00e-06 to 2.00e-05"), low::message);
        Diagnosis fast = Diagnosis.builder(net, Loss::mse, X, Y).measuredUpdateRatios(Map.of("0", 0.01, "2", 2.0)).run();
        Finding high = fast.find(Finding.Kind.LEARNING_RATE_TOO_HIGH).orElseThrow(() -> new AssertionError(fast.toString()));
        assertTrue(high.message().contains("layer 2 by 2.000"), high::message);
    }
}
