package dev.tapegrad.spark;

import org.apache.spark.sql.SparkSession;

/**
 * The embedded Spark the tests share (two worker threads, a failed task retried once): started by the
 * first test class, found again by the others, ended with the test JVM.
 */
final class LocalSpark {
    private LocalSpark() {}

    static SparkSession start() {
        return SparkSession.builder()
                .master("local[2,2]")
                .appName("tapegrad-spark-test")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "4")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
    }
}
