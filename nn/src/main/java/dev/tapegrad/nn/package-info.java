/**
 * Neural networks on the autograd tape: {@link dev.tapegrad.nn.Parameter}s that outlive tapes,
 * {@link dev.tapegrad.nn.Layer}s ({@link dev.tapegrad.nn.Linear}, activations,
 * {@link dev.tapegrad.nn.Sequential}, {@link dev.tapegrad.nn.Mlp}), {@link dev.tapegrad.nn.Loss}es,
 * {@link dev.tapegrad.nn.Init}ialisers, {@link dev.tapegrad.nn.Optimizer}s ({@link dev.tapegrad.nn.Sgd},
 * {@link dev.tapegrad.nn.Adam}), a training loop ({@link dev.tapegrad.nn.Trainer}) and safetensors
 * {@link dev.tapegrad.nn.Checkpoint}s.
 *
 * <pre>{@code
 * Sequential net = Mlp.sigmoid(new SplittableRandom(7), 3, 4, 1);   // Linear, Sigmoid, Linear, Sigmoid
 * Optimizer sgd = Sgd.builder(net.parameters()).learningRate(0.5).build();
 * TrainingResult r = Trainer.builder(net, sgd, Loss::mse)
 *         .data(features, targets).perSample().epochs(1000).targetAccuracy(1.0)
 *         .listener(report -> { })                                  // show progress here
 *         .build().fit();
 * Checkpoint.save(Path.of("net.safetensors"), net);                 // PyTorch's load_file reads it
 * }</pre>
 *
 * <p>Parameters keep their own names ({@code weight}); {@link dev.tapegrad.nn.Layer#namedParameters()}
 * gives their names in the model ({@code 0.weight}), which checkpoints use.
 *
 * <p>The same step by hand, one tape per step (a tape copies each parameter when it is first used, so
 * a tape reused after an optimizer step refuses the changed parameter):
 * <pre>{@code
 * Tape tape = new Tape();
 * Scalar loss = Loss.mse(net.forward(tape.constant(xShape, x)), tape.constant(yShape, y));
 * sgd.step(loss.backward());
 * }</pre>
 *
 * <p>The library prints nothing and keeps no static mutable state; every random choice takes a
 * {@link java.util.random.RandomGenerator} from the caller, so the same seed gives the same bits.
 */
package dev.tapegrad.nn;
