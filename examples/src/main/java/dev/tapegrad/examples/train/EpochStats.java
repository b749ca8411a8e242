package dev.tapegrad.examples.train;

/**
 * What one epoch of training reports: its number (from 1), the mean training loss, the training
 * accuracy in [0, 1], and the wall time since training started.
 */
public record EpochStats(int epoch, double loss, double accuracy, double elapsedSeconds) {}
