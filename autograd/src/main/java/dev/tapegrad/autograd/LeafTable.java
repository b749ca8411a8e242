package dev.tapegrad.autograd;

import java.util.Arrays;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The persistent values put on one tape: each leaf, the tensor it became and its version when it was
 * copied, so a leaf changed since is refused. A short array searched by identity (a model of a few
 * layers has a handful of parameters, and a hash map per step cost more than the search), then a map.
 */
final class LeafTable {
    private static final int LINEAR = 16;

    private Leaf[] keys;
    private Tensor[] tensors;
    private long[] versions;
    private int count;
    /** Index into the arrays above, once there are more leaves than a search should cover. */
    private Map<Leaf, Integer> index;

    /** Remembers that {@code leaf}, at {@code version}, became {@code t}. */
    void put(Leaf leaf, Tensor t, long version) {
        if (keys == null) {
            keys = new Leaf[4];
            tensors = new Tensor[4];
            versions = new long[4];
        } else if (count == keys.length) {
            keys = Arrays.copyOf(keys, 2 * count);
            tensors = Arrays.copyOf(tensors, 2 * count);
            versions = Arrays.copyOf(versions, 2 * count);
        }
        keys[count] = leaf;
        tensors[count] = t;
        versions[count] = version;
        if (index == null && count == LINEAR) {
            index = new IdentityHashMap<>(4 * LINEAR);
            for (int i = 0; i < count; i++) {
                index.put(keys[i], i);
            }
        }
        if (index != null) {
            index.put(leaf, count);
        }
        count++;
    }

    /**
     * The tensor {@code leaf} became, or {@code null} if it was never put on the tape; for a use that
     * needs the leaf unchanged since.
     *
     * @param refused what cannot be done with a changed leaf, for the message
     * @throws IllegalStateException naming the leaf if its version changed since
     */
    Tensor get(Leaf leaf, String refused) {
        int i = indexOf(leaf);
        if (i < 0) {
            return null;
        }
        if (leaf.version() != versions[i]) {
            throw new IllegalStateException(String.format("parameter '%s' changed (an optimizer step, copyFrom or a "
                    + "checkpoint load) after it was put on this tape, so it %s: the tape holds its old values. "
                    + "Make a new Tape per step (one tape per forward and backward)", leaf.name(), refused));
        }
        return tensors[i];
    }

    private int indexOf(Leaf leaf) {
        if (index != null) {
            Integer i = index.get(leaf);
            return i == null ? -1 : i;
        }
        for (int i = 0; i < count; i++) {
            if (keys[i] == leaf) {
                return i;
            }
        }
        return -1;
    }
}
