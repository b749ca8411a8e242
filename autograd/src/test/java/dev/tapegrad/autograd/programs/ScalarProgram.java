package dev.tapegrad.autograd.programs;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tape;
import dev.tapegrad.autograd.ops.Domains;
import java.util.function.Function;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * A random expression tree over the {@code Scalar} fast-path ops, as data: jqwik generates it (and
 * can shrink it); {@link #eval} builds it on a tape. Log, sqrt and pow with a variable exponent get
 * arguments of the form {@code x^2 + c} so they stay in their domain; division by a
 * squashed divisor keeps away from 0 by construction; abs and relu are watched by a
 * {@link Guard}.
 */
sealed interface ScalarProgram {
    /** How many variables programs read. */
    int VARIABLES = 3;

    /** Builds the program on the tape of {@code vars}, recording hazards in {@code guard}. */
    Scalar eval(Scalar[] vars, Guard guard);

    /** A variable. */
    record Var(int index) implements ScalarProgram {
        @Override
        public Scalar eval(Scalar[] vars, Guard guard) {
            return vars[index];
        }
    }

    /** A constant on the tape (no gradient). */
    record Const(double c) implements ScalarProgram {
        @Override
        public Scalar eval(Scalar[] vars, Guard guard) {
            return vars[0].tape().constant(c);
        }
    }

    /** The unary steps, some with a constant operand. */
    enum Unary {
        NEG, EXP, LOG, SQRT, ABS, TANH, SIGMOID, RELU, SIN, COS, SQUARE, CUBE, POW_C, ADD_C, SUB_C, MUL_C, DIV_C
    }

    /** A unary step; {@code c} is used by the steps with a constant. */
    record UnaryNode(Unary op, double c, ScalarProgram x) implements ScalarProgram {
        @Override
        public Scalar eval(Scalar[] vars, Guard guard) {
            Scalar a = x.eval(vars, guard);
            Scalar y = switch (op) {
                case NEG -> a.neg();
                case EXP -> a.exp();
                case LOG -> a.mul(a).add(0.5).log();
                case SQRT -> a.mul(a).add(0.5).sqrt();
                case ABS -> {
                    guard.kink(a.value());
                    yield a.abs();
                }
                case TANH -> a.tanh();
                case SIGMOID -> a.sigmoid();
                case RELU -> {
                    guard.kink(a.value());
                    yield a.relu();
                }
                case SIN -> a.sin();
                case COS -> a.cos();
                case SQUARE -> a.pow(2.0);
                case CUBE -> a.pow(3.0);
                case POW_C -> a.mul(a).add(0.5).pow(c);
                case ADD_C -> a.add(c);
                case SUB_C -> a.sub(c);
                case MUL_C -> a.mul(c);
                case DIV_C -> a.div(c);
            };
            guard.value(y.value());
            return y;
        }
    }

    /** The binary steps. */
    enum Binary { ADD, SUB, MUL, DIV_POSITIVE, DIV_NEGATIVE, POW }

    /** A binary step. */
    record BinaryNode(Binary op, ScalarProgram l, ScalarProgram r) implements ScalarProgram {
        @Override
        public Scalar eval(Scalar[] vars, Guard guard) {
            Scalar a = l.eval(vars, guard);
            Scalar b = r.eval(vars, guard);
            Scalar y = switch (op) {
                case ADD -> a.add(b);
                case SUB -> a.sub(b);
                case MUL -> a.mul(b);
                // Divisors in [0.25, 1.25] and [-1.25, -0.25] whatever b is.
                case DIV_POSITIVE -> a.div(b.sigmoid().add(0.25));
                case DIV_NEGATIVE -> a.div(b.sigmoid().sub(1.25));
                case POW -> a.mul(a).add(0.5).pow(b.tanh());
            };
            guard.value(y.value());
            return y;
        }
    }

    /** Programs of depth 1 to {@code maxDepth}. */
    static Arbitrary<ScalarProgram> programs(int maxDepth) {
        return Arbitraries.integers().between(1, maxDepth).flatMap(ScalarProgram::ofDepth);
    }

    /** Programs at most {@code depth} deep, mostly reaching it. */
    private static Arbitrary<ScalarProgram> ofDepth(int depth) {
        Arbitrary<ScalarProgram> leaf = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, Arbitraries.integers().between(0, VARIABLES - 1).map(Var::new)),
                net.jqwik.api.Tuple.of(1, Domains.awayFromZero(0.1, 2).map(Const::new)));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<ScalarProgram> sub = Arbitraries.lazy(() -> ofDepth(depth - 1));
        Function<Arbitrary<ScalarProgram>, Arbitrary<ScalarProgram>> unary = x -> Combinators.combine(
                Arbitraries.of(Unary.class), Domains.awayFromZero(0.3, 1.5), x).as(UnaryNode::new);
        Arbitrary<ScalarProgram> binary = Combinators.combine(Arbitraries.of(Binary.class), sub, sub)
                .as(BinaryNode::new);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(1, leaf),
                net.jqwik.api.Tuple.of(4, unary.apply(sub)),
                net.jqwik.api.Tuple.of(5, binary));
    }

    /** Evaluates on a fresh tape with variables at {@code x}, for the guard. */
    static Guard guardAt(ScalarProgram p, double[] x) {
        Tape tape = new Tape();
        Scalar[] vars = new Scalar[x.length];
        for (int i = 0; i < x.length; i++) {
            vars[i] = tape.scalar(x[i]);
        }
        Guard g = new Guard();
        p.eval(vars, g);
        return g;
    }
}
