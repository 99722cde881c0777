package org.modesweep.core;

/** Whether the model weights are fixed at {@code (w*, 1 − w*)} or trained through logits. */
public enum Weights {
    FIXED, TRAINABLE;

    public static Weights parse(String text) {
        return EnumLabels.parse(Weights.class, text, "weights");
    }

    public String label() {
        return EnumLabels.of(this);
    }
}
