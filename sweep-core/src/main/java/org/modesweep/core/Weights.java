package org.modesweep.core;

import java.util.Locale;

/** Whether the model weights are fixed at {@code (w*, 1 − w*)} or trained through logits. */
public enum Weights {
    FIXED, TRAINABLE;

    public static Weights parse(String text) {
        for (Weights w : values()) {
            if (w.label().equals(text.toLowerCase(Locale.ROOT))) {
                return w;
            }
        }
        throw new IllegalArgumentException("weights must be 'fixed' or 'trainable', got '" + text + "'");
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
