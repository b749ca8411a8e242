package dev.tapegrad.examples.tasks;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The best a monotone predictor can do, counted by hand for small label sequences. */
class MonotoneExplanationTest {
    @Test
    void alternatingParityOfOneToNineAllowsFiveOfNine() {
        // Odd numbers are 0: five zeros and four ones, alternating; "always 0" gets the five zeros.
        assertEquals(5, MonotoneExplanation.bestMonotoneRight(new int[] {0, 1, 0, 1, 0, 1, 0, 1, 0}));
    }

    @Test
    void sortedLabelsAreSeparableEitherWay() {
        assertEquals(4, MonotoneExplanation.bestMonotoneRight(new int[] {0, 0, 1, 1}));
        assertEquals(4, MonotoneExplanation.bestMonotoneRight(new int[] {1, 1, 0, 0}));
    }

    @Test
    void oneSwitchTooManyCostsOne() {
        assertEquals(2, MonotoneExplanation.bestMonotoneRight(new int[] {0, 1, 0}));
        assertEquals(3, MonotoneExplanation.bestMonotoneRight(new int[] {1, 1, 0, 1}));
    }
}
