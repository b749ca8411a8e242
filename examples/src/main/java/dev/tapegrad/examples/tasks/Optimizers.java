package dev.tapegrad.examples.tasks;

import dev.tapegrad.examples.cli.Checks;
import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.Optimizer;
import dev.tapegrad.nn.Parameter;
import dev.tapegrad.nn.Sgd;
import java.util.List;

/** The optimizers a command offers by name. */
final class Optimizers {
    static final List<String> NAMES = List.of("sgd", "adam");

    private Optimizers() {}

    static Optimizer create(String name, List<Parameter> parameters, double learningRate) {
        return switch (Checks.oneOf("--optimizer", name, NAMES)) {
            case "sgd" -> Sgd.builder(parameters).learningRate(learningRate).build();
            case "adam" -> Adam.builder(parameters).learningRate(learningRate).build();
            default -> throw new AssertionError(name);
        };
    }

    static String displayName(String name) {
        return name.equals("adam") ? "Adam" : "SGD";
    }
}
