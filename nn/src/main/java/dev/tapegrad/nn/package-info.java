/**
 * Neural networks on the autograd tape: {@link dev.tapegrad.nn.Parameter}s that outlive tapes,
 * {@link dev.tapegrad.nn.Layer}s ({@link dev.tapegrad.nn.Linear}, activations,
 * {@link dev.tapegrad.nn.Sequential}, {@link dev.tapegrad.nn.Mlp}), {@link dev.tapegrad.nn.Loss}es,
 * {@link dev.tapegrad.nn.Init}ialisers, {@link dev.tapegrad.nn.Optimizer}s ({@link dev.tapegrad.nn.Sgd},
 * {@link dev.tapegrad.nn.Adam}), a training loop ({@link dev.tapegrad.nn.Trainer}) and safetensors
 * {@link dev.tapegrad.nn.Checkpoint}s.
 *
 * <p>The library prints nothing and keeps no static mutable state; every random choice takes a
 * {@link java.util.random.RandomGenerator} from the caller, so the same seed gives the same bits.
 */
package dev.tapegrad.nn;
