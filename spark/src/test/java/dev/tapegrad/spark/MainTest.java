package dev.tapegrad.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The command line, run in-process on the shared embedded Spark. */
class MainTest {
    @BeforeAll
    static void start() {
        LocalSpark.start();
    }

    private record Result(int code, String out, String err) {}

    private static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute(args);
        return new Result(code, out.toString(), err.toString());
    }

    @Test
    void helpNamesTheCommandsAndTheMaster() {
        assertTrue(run("--help").out().contains("sweep"));
        Result r = run("sweep", "bits-parity", "--help");
        assertEquals(0, r.code());
        assertTrue(r.out().contains("--master=URL"), r.out());
        assertTrue(r.out().contains("local[*]"), r.out());
        assertTrue(run("train", "--help").out().contains("--partitions=P"));
    }

    @Test
    void sweepReportsEachConfigurationsSeeds() {
        int reached = 0;
        for (long seed = 1; seed <= 3; seed++) {
            Outcome o = TrainingSpec.fullBatch(new BitsParity(3), ModelSpec.sigmoid(seed, 3, 8, 1), OptimizerSpec.sgd(5),
                    LossKind.BCE, 2000, 1.0).run();
            reached += o.epochsToTarget() == null ? 0 : 1;
        }
        Result r = run("sweep", "bits-parity", "--bits", "3", "--hidden", "8", "--lr", "5", "--seeds", "3", "--epochs",
                "2000", "--master", "local[2]");
        assertEquals(reached == 3 ? 0 : 1, r.code(), r.err());
        assertTrue(r.out().contains("bits 3, hidden 8 sigmoid, sgd lr 5: reached " + reached + "/3"), r.out());
    }

    @Test
    void trainPrintsEachIterationAndTheAccuracy(@TempDir Path dir) throws IOException {
        StringBuilder csv = new StringBuilder("a,b,kind\n");
        SplittableRandom rng = new SplittableRandom(5);
        for (int i = 0; i < 60; i++) {
            double a = rng.nextDouble(-1, 1);
            double b = rng.nextDouble(-1, 1);
            csv.append(a).append(',').append(b).append(',').append(a > b ? "up" : "down").append('\n');
        }
        Path file = dir.resolve("rows.csv");
        Files.writeString(file, csv);
        Result r = run("train", "--data", file.toString(), "--target", "kind", "--partitions", "3", "--iterations", "4",
                "--hidden", "4");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.out().contains("60 rows, 2 features, 2 classes [down, up]"), r.out());
        assertTrue(r.out().contains("iteration   4  loss "), r.out());
        assertTrue(r.out().contains("accuracy "), r.out());
    }

    @Test
    void badCsvCellsAreOneLineNamingColumnAndRow(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("bad.csv");
        Files.writeString(file, "a,b,kind\n1,2,x\n3,4,y\n5,oops,x\n");
        Result r = run("train", "--data", file.toString(), "--target", "kind");
        assertEquals(2, r.code());
        assertEquals("error: column 'b', row 2 (line 4 of " + file + ") holds 'oops', which is not a number",
                r.err().strip());
        Result missing = run("train", "--data", file.toString(), "--target", "label");
        assertEquals("error: no column 'label' in " + file + "; the columns are [a, b, kind]", missing.err().strip());
        Files.writeString(file, "a,kind\n1,x\n2,x\n");
        assertTrue(run("train", "--data", file.toString(), "--target", "kind").err()
                .contains("classification needs at least two classes"));
    }
}
