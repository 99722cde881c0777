package org.modesweep.spark;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.List;
import java.util.Map;
import org.modesweep.core.Engine;
import org.modesweep.core.sweep.SetupSpec;
import org.modesweep.core.sweep.SweepSpec;

/**
 * {@code manifest.json} of a sweep output: which spec (by hash) the rows were last run with, how many
 * points its grid has, and whether that run finished (every point has its row and the aggregates are
 * up to date). The rows themselves are the truth about what is done ({@link OutputStatus}); the
 * manifest is a record of the last run, rebuilt from the data when lost ({@link #rebuilt}).
 *
 * <p>{@code format} {@value #FORMAT}: every part of {@code trajectories/} carries the sweep identity
 * ({@link PartIdentity}); outputs started as {@value #LEGACY} have parts without it, accepted when
 * their schema is that of trajectory rows.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record Manifest(String format, String name, String specHash, long points, List<String> setups,
                       boolean completed, long trajectories, String engineVersion, String sparkVersion,
                       String created, String updated, Map<String, Object> aggregation) {

    public static final String FORMAT = "modesweep-sweep-v2";
    public static final String LEGACY = "modesweep-sweep-v1";
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    public Manifest {
        setups = setups == null ? List.of() : List.copyOf(setups);
        aggregation = aggregation == null ? Map.of() : aggregation;
    }

    /** Whether every part of {@code trajectories/} must carry the sweep identity. */
    public boolean partsCarryIdentity() {
        return !LEGACY.equals(format);
    }

    public Manifest withProgress(boolean nowCompleted, long rows, String now) {
        return new Manifest(format, name, specHash, points, setups, nowCompleted, rows, engineVersion, sparkVersion,
            created, now, aggregation);
    }

    public Manifest withAggregation(Map<String, Object> settings, String now) {
        return new Manifest(format, name, specHash, points, setups, completed, trajectories, engineVersion,
            sparkVersion, created, now, settings);
    }

    /** The same output, now holding the sweep of another (extended) spec. */
    public Manifest withSpec(String newName, String newHash, long newPoints, List<String> newSetups, String now) {
        return new Manifest(format, newName, newHash, newPoints, newSetups, false, trajectories, engineVersion,
            sparkVersion, created, now, aggregation);
    }

    /** The manifest of a new output of {@code spec}. */
    static Manifest fresh(SweepSpec spec, String sparkVersion, String now) {
        return new Manifest(FORMAT, spec.name(), spec.hash(), spec.trajectories(), setupNames(spec), false, 0,
            Engine.version(), sparkVersion, now, now, SweepAggregation.settings(spec.threshold()));
    }

    /**
     * A manifest rebuilt from the data and {@code spec.yaml} (the old one lost or unreadable):
     * complete when every point has its row, so the next run re-aggregates unless it is.
     */
    static Manifest rebuilt(SweepSpec spec, OutputStatus status, String sparkVersion, String now) {
        boolean done = status.problems().isEmpty() && status.rows() == spec.trajectories() && !spec.threshold().adaptive();
        return new Manifest(status.legacy() ? LEGACY : FORMAT, spec.name(), spec.hash(), spec.trajectories(),
            setupNames(spec), done, status.rows(), Engine.version(), sparkVersion, null, now,
            SweepAggregation.settings(spec.threshold()));
    }

    private static List<String> setupNames(SweepSpec spec) {
        return spec.setups().stream().map(SetupSpec::name).distinct().toList();
    }

    String toJson() {
        try {
            return JSON.writeValueAsString(this) + "\n";
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // strings, numbers and maps of them always serialise
        }
    }

    /** Reads a manifest of either format. */
    static Manifest fromJson(String json) {
        try {
            Manifest m = JSON.readValue(json, Manifest.class);
            if (m == null || m.format() == null || !m.format().startsWith("modesweep-sweep-")) {
                throw new IllegalArgumentException("no \"format\": \"" + FORMAT + "\"");
            }
            return m;
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage());
        }
    }
}
