package org.modesweep.core;

import java.util.Arrays;
import java.util.Locale;

/** The lower-case names by which specs and the command line give the constants of a closed set. */
public final class EnumLabels {
    private EnumLabels() {
    }

    public static String of(Enum<?> constant) {
        return constant.name().toLowerCase(Locale.ROOT);
    }

    /** The constant labelled {@code text} (any case); else an error saying what {@code what} must be. */
    public static <E extends Enum<E>> E parse(Class<E> type, String text, String what) {
        for (E e : type.getEnumConstants()) {
            if (of(e).equals(text.toLowerCase(Locale.ROOT))) {
                return e;
            }
        }
        throw new IllegalArgumentException(what + " must be " + String.join(" or ",
            Arrays.stream(type.getEnumConstants()).map(e -> "'" + of(e) + "'").toList()) + ", got '" + text + "'");
    }
}
