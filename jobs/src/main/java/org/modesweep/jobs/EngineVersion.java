package org.modesweep.jobs;

import picocli.CommandLine;

/** The engine version, read from the jar manifest (recorded with results). */
public final class EngineVersion implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"modesweep " + org.modesweep.core.Engine.version()};
    }
}
