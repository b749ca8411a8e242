package dev.tapegrad.spark.cli;

import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/** The options every command shares: where Spark runs. */
public final class SparkOptions {
    @Option(names = "--master", paramLabel = "URL", defaultValue = "local[*]",
            description = "Spark master: local[*], local[N], spark://host:7077, yarn (default: ${DEFAULT-VALUE}).")
    String master;

    /** The session, on {@code --master}; under spark-submit, the master spark-submit was given wins. */
    SparkSession start(String app) {
        SparkSession.Builder b = SparkSession.builder().appName(app).config("spark.ui.showConsoleProgress", "false");
        if (System.getProperty("spark.master") == null) {
            b.master(master);
        }
        return b.getOrCreate();
    }
}
