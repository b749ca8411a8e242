/** The small training tasks: {@code xor}, {@code parity} and {@code bits-parity}. */
package dev.tapegrad.examples.tasks;
