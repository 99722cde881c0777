package org.modesweep.core.sweep;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A sweep spec that cannot be run: every problem found, each naming the file, the key (a dotted
 * path such as {@code setups[1].dynamics.eta}), the line and the reason. The message lists them
 * all, one per line, as {@code file:line: key: reason}.
 */
public final class SpecException extends IllegalArgumentException {

    /** One problem in a spec file; {@code line} is 1-based, 0 when unknown. */
    public record Error(String file, String key, int line, String reason) implements java.io.Serializable {
        @Override
        public String toString() {
            return file + (line > 0 ? ":" + line : "") + ": " + (key.isEmpty() ? "" : key + ": ") + reason;
        }
    }

    private final transient List<Error> errors;

    public SpecException(List<Error> errors) {
        super(message(errors));
        this.errors = List.copyOf(errors);
    }

    public List<Error> errors() {
        return errors;
    }

    private static String message(List<Error> errors) {
        if (errors.size() == 1) {
            return errors.get(0).toString();
        }
        return errors.size() + " problems in the spec:\n"
            + errors.stream().map(e -> "  " + e).collect(Collectors.joining("\n"));
    }
}
