/**
 * The command-line program ({@link dev.tapegrad.examples.Main}): small training tasks, a backprop
 * checker, classification of a CSV file and the benchmarks. Not a library: nothing here is API.
 */
package dev.tapegrad.examples;
