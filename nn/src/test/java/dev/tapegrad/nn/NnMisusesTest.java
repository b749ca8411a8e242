package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.tapegrad.autograd.Shape;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;

/**
 * Misuses of nn's public API that used to escape as a bare NullPointerException or an
 * ArrayIndexOutOfBoundsException: each now fails with an error naming the call and the argument.
 */
class NnMisusesTest {
    @TempDir
    Path dir;

    /** Fails with IAE, ISE or an NPE whose message names the call; never the JVM's bare message. */
    private static void refused(Executable call, String... parts) {
        Throwable e;
        try {
            call.execute();
            fail("accepted; expected a refusal mentioning " + Arrays.toString(parts));
            return;
        } catch (Throwable t) {
            e = t;
        }
        boolean allowed = e instanceof IllegalArgumentException || e instanceof IllegalStateException
                || e instanceof NullPointerException;
        assertTrue(allowed, () -> "threw " + e);
        String m = e.getMessage();
        assertTrue(m != null && !m.contains("because \"") && !m.startsWith("Cannot "), () -> "bare " + e);
        for (String p : parts) {
            assertTrue(m.contains(p), () -> "'" + m + "' should mention '" + p + "'");
        }
    }

    @Test
    void linearOfANullRow() {
        refused(() -> Linear.of(new double[][] {{1, 2}, null}, new double[] {0, 0}), "Linear.of", "row 1");
        refused(() -> Linear.of(new double[][] {null}, new double[] {0}), "Linear.of", "row 0");
    }

    @Test
    void sequentialOfANullLayer() {
        refused(() -> new Sequential((Layer) null), "Sequential", "layer 0");
        refused(() -> new Sequential(new ReLU(), null), "Sequential", "layer 1");
        refused(() -> new Sequential(Arrays.asList(new ReLU(), null)), "Sequential", "layer 1");
        refused(() -> new Sequential((Layer[]) null), "Sequential", "layers");
    }

    @Test
    void savingToADirectory() {
        Linear model = Linear.of(new double[][] {{1}}, new double[] {0});
        refused(() -> Checkpoint.save(Path.of("/"), model), "checkpoint", "/", "directory");
        refused(() -> Checkpoint.save(dir, model), "checkpoint", dir.toString(), "directory");
    }

    @Test
    void parameterElementOutOfRange() {
        Parameter p = new Parameter("w", Shape.of(2), 1, 2);
        refused(() -> p.get(5), "'w'", "[2]", "5", "0 to 1");
        refused(() -> p.get(-1), "'w'", "-1");
    }

    @Test
    void nullsIntoTheOtherEntryPoints() {
        Linear model = Linear.of(new double[][] {{1}}, new double[] {0});
        refused(() -> Checkpoint.save(null, model), "checkpoint", "path");
        refused(() -> Checkpoint.save(dir.resolve("m"), (Layer) null), "checkpoint", "model");
        refused(() -> Checkpoint.load(null, model), "checkpoint", "path");
        refused(() -> Checkpoint.read(null), "checkpoint", "path");
        refused(() -> Checkpoint.save(dir.resolve("m"), Arrays.asList(model.weight(), null)), "checkpoint",
                "parameter 1");
        refused(() -> Checkpoint.load(dir.resolve("m"), Arrays.asList(model.weight(), null)), "checkpoint",
                "parameter 1");
        refused(() -> new Parameter(null, Shape.of(1), 1), "name");
        refused(() -> new Parameter("p", null, 1), "shape");
        refused(() -> new Parameter("p", Shape.of(1), (double[]) null), "values");
        refused(() -> Sgd.builder(null), "Sgd", "parameters");
        refused(() -> Sgd.builder(Arrays.asList(model.weight(), null)), "Sgd", "parameter 1");
        refused(() -> Adam.builder(Arrays.asList(null, model.weight())), "Adam", "parameter 0");
        refused(() -> Mlp.sigmoid(null, 2, 1), "Mlp", "rng");
        refused(() -> Mlp.builder((int[]) null), "Mlp", "sizes");
        refused(() -> model.predict(null), "predict", "rows");
        refused(() -> model.predict(new double[][] {{1}, null}), "predict", "row 1");
        refused(() -> List.of(model.weight()).get(0).copyFrom((double[]) null), "values");
        refused(() -> model.weight().on(null), "'weight'", "tape");
        refused(() -> new Sequential().forward(null), "Sequential", "x");
        refused(() -> new Sequential(model).forward(null), "Sequential", "x");
    }

    @Test
    void aNullInputToALayerIsNamed() {
        List<Layer> layers = List.of(new Linear(2, 3, new java.util.SplittableRandom(1)), new Sigmoid(), new Tanh(),
                new ReLU());
        for (Layer layer : layers) {
            NullPointerException e = assertThrows(NullPointerException.class, () -> layer.forward(null));
            String name = layer.getClass().getSimpleName();
            assertTrue(e.getMessage() != null && e.getMessage().startsWith(name + ": input"), name + ": " + e.getMessage());
        }
    }
}
