/**
 * Classification metrics: {@link dev.tapegrad.nn.metrics.Metrics#accuracy accuracy} and the
 * {@link dev.tapegrad.nn.metrics.ConfusionMatrix confusion matrix}. A NaN score is never a correct
 * prediction.
 */
package dev.tapegrad.nn.metrics;
