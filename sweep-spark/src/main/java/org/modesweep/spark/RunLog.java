package org.modesweep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.modesweep.core.Engine;

/**
 * {@code run-log.jsonl} in the output, the {@link SweepListener} every run has: one JSON object per line
 * for each event of every run ({@code start}, {@code progress} at each chunk and every few seconds,
 * {@code computed}, {@code aggregated}), each with {@code time} and {@code event}, so a notebook or a dashboard can follow a run (docs/python.md). The
 * file is rewritten whole through a temporary sibling at each event, so a reader never sees half a
 * line and the same code works on HDFS or S3, where appending is not offered.
 */
public final class RunLog implements SweepListener {
    public static final String FILE = "run-log.jsonl";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final SweepOutput out;
    private final StringBuilder lines;

    RunLog(SweepOutput out) {
        this.out = out;
        this.lines = new StringBuilder(out.exists(FILE) ? out.read(FILE) : "");
    }

    @Override
    public void started(RunPlan plan, Resume resume) {
        event("start", fields("sweep", plan.spec().name(), "specHash", plan.spec().hash(), "points", plan.total(),
            "alreadyDone", resume.alreadyDone(), "toCompute", resume.toCompute(), "master", plan.master(),
            "cores", plan.cores(), "engineVersion", Engine.version()));
    }

    @Override
    public void progress(Reading r) {
        event("progress", fields("done", r.done(), "total", r.total(), "rate", r.rate(), "planned", r.planned(), "elapsedSeconds",
            r.elapsedSeconds(), "leftSeconds", Double.isNaN(r.leftSeconds()) ? null : r.leftSeconds()));
    }

    @Override
    public void chunkDone(Reading reading, Chunk chunk) {
        progress(reading);
    }

    @Override
    public void computed(RunPlan plan, Computation c) {
        event("computed", fields("computed", c.computed(), "computeSeconds", c.computeSeconds(), "coreSeconds",
            c.coreMillis() / 1000, "cores", plan.cores(), "chunks", c.chunks(), "stopped", c.stopped()));
    }

    @Override
    public void aggregated(RunPlan plan, Aggregated a) {
        event("aggregated", fields("trajectories", a.trajectories(), "plots", a.tables().plots().size(),
            "wallSeconds", a.wallSeconds()));
    }

    /** Appends one event with its fields (in the given order) and writes the file. */
    private synchronized void event(String event, Map<String, Object> fields) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("time", Instant.now().toString());
        m.put("event", event);
        m.putAll(fields);
        try {
            lines.append(JSON.writeValueAsString(m)).append('\n');
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write a run-log event", e);
        }
        out.write(FILE, lines.toString());
    }

    /** The events of an output's log, oldest first (none if it has no log). */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> read(SweepOutput out) {
        List<Map<String, Object>> events = new ArrayList<>();
        if (!out.exists(FILE)) {
            return events;
        }
        for (String line : out.read(FILE).split("\n")) {
            if (!line.isBlank()) {
                try {
                    events.add(JSON.readValue(line, Map.class));
                } catch (JsonProcessingException e) {
                    throw new IllegalArgumentException(out.path(FILE) + ": not a JSON line: " + line, e);
                }
            }
        }
        return events;
    }

    /** A map from alternating keys and values, for events. */
    private static Map<String, Object> fields(Object... keyValues) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < keyValues.length; i += 2) {
            m.put((String) keyValues[i], keyValues[i + 1]);
        }
        return m;
    }
}
