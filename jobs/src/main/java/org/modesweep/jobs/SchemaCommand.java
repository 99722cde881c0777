package org.modesweep.jobs;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.concurrent.Callable;
import org.modesweep.core.sweep.SpecKeys;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Prints the spec's JSON Schema (for editors: completion and red squiggles) or its key tables (docs/spec.md). */
@Command(name = "schema", mixinStandardHelpOptions = true,
    description = {"Prints the JSON Schema (draft 2020-12) of sweep specs, from the same key declarations the parser "
        + "uses.", "Editors: save it (jobs/bin/sweep schema > spec.schema.json) and point the YAML extension at it, "
        + "e.g. a first line '# yaml-language-server: $schema=../spec.schema.json' in a spec (docs/spec.md)."})
final class SchemaCommand implements Callable<Integer> {

    @Option(names = "--markdown", description = "print the key tables of docs/spec.md instead")
    boolean markdown;

    @Override
    public Integer call() throws JsonProcessingException {
        System.out.print(markdown ? SpecKeys.markdown()
            : new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(SpecKeys.jsonSchema()) + "\n");
        return 0;
    }
}
