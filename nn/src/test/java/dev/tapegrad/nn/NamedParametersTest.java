package dev.tapegrad.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tensor;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Qualified names come from the containing structure when asked, as PyTorch's
 * {@code named_parameters()} computes them; a parameter keeps its own name, so putting a model inside
 * another changes nothing about the inner one.
 */
class NamedParametersTest {
    @TempDir
    Path dir;

    @Test
    void wrappingASequentialKeepsItsOwnCheckpointLoadable() throws IOException {
        SplittableRandom rng = new SplittableRandom(4);
        Sequential inner = Mlp.sigmoid(rng, 2, 3, 1);
        Path innerFile = dir.resolve("inner.safetensors");
        Checkpoint.save(innerFile, inner);
        double[] saved = inner.parameters().get(0).values();

        Sequential outer = new Sequential(new Linear(2, 2, rng), new Tanh(), inner);
        inner.parameters().get(0).copyFrom(new double[6]);
        Checkpoint.load(innerFile, inner);
        assertArrayEquals(saved, inner.parameters().get(0).values(), "the inner checkpoint still loads");

        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(inner.namedParameters().keySet()));
        assertEquals(List.of("0.weight", "0.bias", "2.0.weight", "2.0.bias", "2.2.weight", "2.2.bias"),
                List.copyOf(outer.namedParameters().keySet()));
        assertSame(inner.parameters().get(0), outer.namedParameters().get("2.0.weight"));
        assertEquals("weight", inner.parameters().get(0).name(), "a parameter keeps its own name");

        Path outerFile = dir.resolve("outer.safetensors");
        Checkpoint.save(outerFile, outer);
        String header = new String(Files.readAllBytes(outerFile), StandardCharsets.UTF_8);
        assertTrue(header.contains("\"2.2.bias\""), header);
        assertTrue(header.contains("\"0.weight\""), header);
        Sequential copy = new Sequential(new Linear(2, 2, rng), new Tanh(), Mlp.sigmoid(rng, 2, 3, 1));
        Checkpoint.load(outerFile, copy);
        assertArrayEquals(saved, copy.namedParameters().get("2.0.weight").values());
    }

    @Test
    void aLayerMayServeInSeveralContainersEachNamingItsOwnWay() {
        Linear shared = new Linear(2, 2, new SplittableRandom(1));
        Sequential a = new Sequential(shared);
        Sequential b = new Sequential(new ReLU(), shared);
        assertEquals(List.of("0.weight", "0.bias"), List.copyOf(a.namedParameters().keySet()));
        assertEquals(List.of("1.weight", "1.bias"), List.copyOf(b.namedParameters().keySet()));
        assertEquals(List.of("weight", "bias"), List.copyOf(shared.namedParameters().keySet()));
    }

    @Test
    void aLayerOfItsOwnIsNamedByItsParametersOwnNames() {
        Parameter scale = new Parameter("scale", Shape.of(1), 2);
        Layer scaled = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return x.mul(scale.on(x.tape()));
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(scale);
            }
        };
        assertEquals(Map.of("scale", scale), scaled.namedParameters());
        assertEquals(List.of("1.scale"), List.copyOf(new Sequential(new ReLU(), scaled).namedParameters().keySet()));
        Parameter clash = new Parameter("scale", Shape.of(1), 3);
        Layer twice = new Layer() {
            @Override
            public Tensor forward(Tensor x) {
                return x;
            }

            @Override
            public List<Parameter> parameters() {
                return List.of(scale, clash);
            }
        };
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, twice::namedParameters);
        assertTrue(e.getMessage().contains("'scale'") && e.getMessage().contains("namedParameters"), e.getMessage());
    }

    @Test
    void savingAModelsParameterListSaysToSaveTheModel() {
        Sequential net = Mlp.sigmoid(new SplittableRandom(2), 2, 2, 1);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.save(dir.resolve("m.safetensors"), net.parameters()));
        assertTrue(e.getMessage().contains("'weight'") && e.getMessage().contains("namedParameters()"), e.getMessage());
    }
}
