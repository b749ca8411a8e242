package dev.tapegrad.spark;

import dev.tapegrad.autograd.Scalar;
import dev.tapegrad.autograd.Tensor;
import dev.tapegrad.nn.Loss;
import dev.tapegrad.nn.LossFunction;
import java.util.Locale;

/** Tapegrad's losses as a serialisable choice, each a mean over the rows as in {@link Loss}. */
public enum LossKind implements LossFunction {
    /** {@link Loss#mse}. */
    MSE {
        @Override
        public Scalar apply(Tensor prediction, Tensor target) {
            return Loss.mse(prediction, target);
        }
    },
    /** {@link Loss#bce}, on probabilities. */
    BCE {
        @Override
        public Scalar apply(Tensor prediction, Tensor target) {
            return Loss.bce(prediction, target);
        }
    },
    /** {@link Loss#bceWithLogits}. */
    BCE_WITH_LOGITS {
        @Override
        public Scalar apply(Tensor prediction, Tensor target) {
            return Loss.bceWithLogits(prediction, target);
        }
    },
    /** {@link Loss#crossEntropy(Tensor, Tensor)} on logits, with one-hot (or soft) target rows. */
    CROSS_ENTROPY {
        @Override
        public Scalar apply(Tensor prediction, Tensor target) {
            return Loss.crossEntropy(prediction, target);
        }
    };

    /** The loss named {@code mse}, {@code bce}, {@code bce-with-logits} or {@code cross-entropy}. */
    public static LossKind byName(String name) {
        for (LossKind k : values()) {
            if (k.cliName().equals(name)) {
                return k;
            }
        }
        throw new IllegalArgumentException("loss must be one of mse, bce, bce-with-logits, cross-entropy, got '"
                + name + "'");
    }

    /** The name {@link #byName} takes. */
    public String cliName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
