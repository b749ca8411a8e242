package dev.tapegrad.spark;

import dev.tapegrad.nn.Layer;
import java.io.Serializable;

/**
 * Builds a model on whichever JVM needs one: the driver and every executor call it. Each call must
 * return a new model of the same architecture; its initial values matter only on the driver, since
 * executors overwrite them with the driver's parameters. Serializable, so Spark can ship it.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
    /** A new model. */
    Layer create();
}
