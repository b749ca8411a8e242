package dev.tapegrad.spark;

import org.apache.spark.sql.SparkSession;

/** An embedded Spark for one test class: two worker threads, and a failed task retried once. */
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
