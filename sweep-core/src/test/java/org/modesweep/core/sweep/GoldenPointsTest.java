package org.modesweep.core.sweep;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.modesweep.core.Trajectory;

/**
 * Old outputs resume: the specs of the last release (copied as they were into {@code golden/specs/}) give the
 * point ids, seeds and spec hashes that release computed ({@code golden/point-ids.tsv}, written by the code at
 * commit d67b2e9), and the default spec's trajectories end in the same outcome and overlaps
 * ({@code golden/default-outcomes.tsv}, same commit). Sgd setups there say {@code engine: vectors}, the engine they
 * were computed with.
 */
class GoldenPointsTest {

    private static final int HASHED_POINTS = 200_000;

    @Test
    void everyConfSpecKeepsItsIdsSeedsAndHash() throws Exception {
        for (String line : lines("golden/point-ids.tsv")) {
            String[] f = line.split("\t");
            SweepSpec spec = SpecParser.parse(text("golden/specs/" + f[0]), f[0], true);
            PointSpace points = spec.points();
            assertEquals(f[1], spec.hash(), f[0] + ": spec hash");
            assertEquals(Long.parseLong(f[2]), points.size(), f[0] + ": points");
            MessageDigest md = sha256();
            for (long i = 0; i < Math.min(points.size(), HASHED_POINTS); i++) {
                GridPoint p = points.point(i);
                md.update((p.pointId() + " " + p.seed() + "\n").getBytes(StandardCharsets.UTF_8));
            }
            assertEquals(f[3], HexFormat.of().formatHex(md.digest()), f[0] + ": point ids and seeds");
        }
    }

    @Test
    void theDefaultSpecKeepsItsOutcomes() throws Exception {
        SweepSpec spec = SpecParser.parse(text("golden/specs/default.yaml"), "default.yaml", true);
        PointSpace points = spec.points();
        List<String> expected = lines("golden/default-outcomes.tsv");
        for (int k = 0; k < expected.size(); k++) {
            String[] f = expected.get(k).split("\t");
            GridPoint p = points.pointAt(k * (points.size() / expected.size()));
            Trajectory t = points.run(p);
            assertEquals(f[0], p.pointId());
            assertEquals(f[1], t.outcome().name(), p.pointId());
            assertEquals(Double.parseDouble(f[2]), t.overlaps().orElseThrow().end().m1(), 0.0, p.pointId() + " m1");
            assertEquals(Double.parseDouble(f[3]), t.overlaps().orElseThrow().end().m2(), 0.0, p.pointId() + " m2");
        }
    }

    private static List<String> lines(String resource) throws IOException {
        return text(resource).lines().filter(l -> !l.startsWith("#") && !l.isBlank()).toList();
    }

    private static String text(String resource) throws IOException {
        try (InputStream in = GoldenPointsTest.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IOException("missing test resource " + resource);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static MessageDigest sha256() throws NoSuchAlgorithmException {
        return MessageDigest.getInstance("SHA-256");
    }
}
