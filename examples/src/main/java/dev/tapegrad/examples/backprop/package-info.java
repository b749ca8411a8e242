/** The {@code check-backprop} command: a hand-written backprop with typical bugs beside Tapegrad's gradients. */
package dev.tapegrad.examples.backprop;
