package org.modesweep.core;

/** The engine version recorded with every result row. */
public final class Engine {
    private Engine() {
    }

    public static String version() {
        String v = Engine.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
