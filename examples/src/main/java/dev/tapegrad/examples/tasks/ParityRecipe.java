package dev.tapegrad.examples.tasks;

/**
 * What works for N-bit parity with one hidden layer, found by trying (full batch, BCE, seed 1 unless
 * said): the hidden width and activation, the optimizer and its learning rate, and an epoch budget
 * with room to spare.
 *
 * <ul>
 *   <li>2 to 6 bits: 64 sigmoid units, plain SGD, lr 5. Seeds 1-5 all reached 100%, the slowest
 *       (6 bits) by epoch 13,612; 16 or 32 units, or lr 2 or 10, stalled at 50-97% for some sizes.
 *   <li>7 to 9 bits: plain SGD stalls (SGD with momentum too); Adam with sigmoid units reached 99.8%
 *       at 9 bits and stayed there. Adam with 64 tanh units, lr 0.02, reached 100% by epoch 537
 *       (7 bits), 1,285 (8) and 1,597 (9) for seeds 1 and 2.
 *   <li>10 bits: 64 tanh units stalled at 52% for seed 1 within 6,000 epochs; 128 reached 100% at
 *       epoch 5,231. This is the slow one: about a minute on one core.
 * </ul>
 */
record ParityRecipe(int hidden, String activation, String loss, String optimizer, double learningRate, int batch,
        int epochs) {
    static final int MIN_BITS = 2;
    static final int MAX_BITS = 10;

    /** The learning rate the recipes use with {@code optimizer}, for a user who picks the optimizer. */
    static double learningRate(String optimizer) {
        return optimizer.equals("adam") ? 0.02 : 5.0;
    }

    static ParityRecipe forBits(int bits) {
        if (bits <= 6) {
            return new ParityRecipe(64, "sigmoid", "bce", "sgd", 5.0, 0, bits <= 5 ? 10_000 : 20_000);
        }
        if (bits <= 9) {
            return new ParityRecipe(64, "tanh", "bce", "adam", 0.02, 0, 4000);
        }
        return new ParityRecipe(128, "tanh", "bce", "adam", 0.02, 0, 7000);
    }
}
