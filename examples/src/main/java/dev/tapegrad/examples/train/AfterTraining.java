package dev.tapegrad.examples.train;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.debug.GraphExport;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Shape;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Adam;
import dev.tapegrad.nn.EpochReport;
import dev.tapegrad.nn.Sgd;
import dev.tapegrad.nn.TrainingListener;
import dev.tapegrad.nn.TrainingResult;
import dev.tapegrad.nn.diagnose.Diagnosis;
import dev.tapegrad.nn.diagnose.DiagnosisListener;
import dev.tapegrad.nn.diagnose.Finding;
import dev.tapegrad.nn.diagnose.Severity;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * What a training command can show about the trained network beyond its predictions: the diagnosis
 * of a run that missed its target, and one step's computation graph. Neither changes the model.
 */
final class AfterTraining {
    private static final int WIDTH = 100;

    private AfterTraining() {}

    /**
     * A listener that watches the run for the diagnosis: it measures each epoch's real update to the
     * parameters, so a learning rate that drove the units into saturation early is still named at the end.
     * It diagnoses nothing while training; {@link #printDiagnosis} does, once, if the target was missed.
     */
    static DiagnosisListener listener(Experiment e) {
        DiagnosisListener.Builder b = DiagnosisListener.builder(e.model(), e.loss(), e.features(), e.targets())
                .every(Integer.MAX_VALUE);
        if (e.optimizer() instanceof Sgd sgd) {
            b.learningRate(sgd.learningRate());
        } else if (e.optimizer() instanceof Adam adam) {
            b.learningRate(adam.learningRate());
        }
        return b.build();
    }

    /**
     * What the trainer should call: {@code diagnosis}'s start and epochs, but not its end, where it would
     * diagnose the run (a tenth of a second on a cold JVM) even when the run reached its target and
     * nothing is shown; {@link #printDiagnosis} ends it when needed.
     */
    static TrainingListener watching(DiagnosisListener diagnosis) {
        return new TrainingListener() {
            @Override
            public void onStart(int maxEpochs) {
                diagnosis.onStart(maxEpochs);
            }

            @Override
            public void onEpoch(EpochReport report) {
                diagnosis.onEpoch(report);
            }
        };
    }

    /**
     * Prints why the network is not learning, in the diagnosis's own sentences, most severe first:
     * ends {@code listener}, which watched the run through {@link #watching}, with the run's result.
     */
    static void printDiagnosis(PrintWriter out, DiagnosisListener listener, TrainingResult result) {
        listener.onEnd(result);
        Diagnosis d = listener.latest().orElseGet(listener::diagnose);
        List<Finding> problems = d.atLeast(Severity.WARNING);
        out.println();
        out.println("  Diagnosis (why the target was missed)");
        if (problems.isEmpty()) {
            out.println("    nothing above info: gradients and updates look healthy; see the measurements below");
            d.findings().forEach(f -> printWrapped(out, f.toString()));
        } else {
            problems.forEach(f -> printWrapped(out, f.toString()));
        }
    }

    /** Wraps one finding at word boundaries to the width of the rest of the report, continuation indented. */
    static void printWrapped(PrintWriter out, String text) {
        String indent = "    ";
        StringBuilder line = new StringBuilder(indent);
        for (String word : text.split(" ")) {
            if (line.length() > indent.length() && line.length() + 1 + word.length() > WIDTH) {
                out.println(line);
                line = new StringBuilder(indent + "  ");
            } else if (line.length() > indent.length() && !line.toString().endsWith(" ")) {
                line.append(' ');
            }
            line.append(word);
        }
        out.println(line);
    }

    /**
     * Records one full-batch step of the trained network (forward, loss, backward) and writes it as
     * Graphviz DOT, parameters named, through a temporary file so a failure leaves no partial file.
     */
    static void writeGraph(Path file, Experiment e) throws IOException {
        Tape tape = new Tape();
        Tensor x = tape.constant(shapeOf(e.features()), flatten(e.features()));
        Tensor y = tape.constant(shapeOf(e.targets()), flatten(e.targets()));
        Scalar loss = e.loss().apply(e.model().forward(x), y);
        Gradients g = loss.backward();
        String dot = GraphExport.toDot(tape, g, GraphExport.DEFAULT_MAX_VALUES, e.model().namedParameters());
        Path dir = file.toAbsolutePath().getParent();
        Path tmp = Files.createTempFile(dir, ".graph-", ".dot.tmp");
        try {
            Files.writeString(tmp, dot);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static Shape shapeOf(double[][] rows) {
        return Shape.of(rows.length, rows.length == 0 ? 0 : rows[0].length);
    }

    private static double[] flatten(double[][] rows) {
        int w = rows.length == 0 ? 0 : rows[0].length;
        double[] flat = new double[rows.length * w];
        for (int i = 0; i < rows.length; i++) {
            System.arraycopy(rows[i], 0, flat, i * w, w);
        }
        return flat;
    }
}
