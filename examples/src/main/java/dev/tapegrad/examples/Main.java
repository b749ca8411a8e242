package dev.tapegrad.examples;

import dev.tapegrad.autograd.Gradients;
import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tape;

/** The examples program. Until the subcommands land it runs a small scalar demo. */
public final class Main {
    private Main() {}

    /** Runs the scalar demo: a small expression and its gradient, no derivative written by hand. */
    public static void main(String[] args) {
        Tape tape = new Tape();
        Scalar x = tape.scalar(-4.0);
        Scalar z = x.mul(2).add(2).add(x);
        Scalar y = z.mul(z).relu().add(z.relu()).add(z.mul(x));
        Gradients g = y.backward();
        System.out.printf("y = relu(z*z) + relu(z) + z*x with z = 3x + 2, at x = %.1f%n", x.value());
        System.out.printf("y = %.4f, dy/dx = %.4f (by hand: 2z*3 + 3x + z = -82)%n", y.value(), g.of(x));
    }
}
