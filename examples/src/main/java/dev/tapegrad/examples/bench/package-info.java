/** The benchmarks: the quick {@code bench} command and the JMH benchmarks over the same workloads. */
package dev.tapegrad.examples.bench;
