/** What the training commands share: progress, history, plots, prediction tables and the summary. */
package dev.tapegrad.examples.train;
