/**
 * Why a network is not learning, in plain sentences. {@link dev.tapegrad.nn.diagnose.Diagnosis} runs
 * one diagnostic step of a model on a batch and reports {@link dev.tapegrad.nn.diagnose.Finding}s, each
 * with a {@link dev.tapegrad.nn.diagnose.Severity} and the numbers behind it;
 * {@link dev.tapegrad.nn.diagnose.DiagnosisListener} does so every few epochs of a
 * {@link dev.tapegrad.nn.Trainer} run and at its end.
 */
package dev.tapegrad.nn.diagnose;
