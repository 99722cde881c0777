package org.modesweep.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for the {@code sweep} commands: quiet, UI off unless asked, bound to 127.0.0.1
 * for local masters. The master is, in order: the {@code --master} option, the one
 * {@code spark-submit} passed ({@code spark.master}), the spec's {@code spark.master}.
 */
public final class Sessions {
    private Sessions() {
    }

    public static SparkSession open(String appName, String masterOption, String specMaster, boolean ui) {
        String master = masterOption != null ? masterOption
            : System.getProperty("spark.master") != null ? System.getProperty("spark.master")
            : specMaster != null ? specMaster : "local[*]";
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(master)
            .config("spark.ui.enabled", ui)
            .config("spark.ui.showConsoleProgress", false)
            .config("spark.sql.shuffle.partitions", 8)
            .config("spark.sql.debug.maxToStringFields", 200)
            .config("spark.sql.adaptive.enabled", true);
        if (master.startsWith("local")) {
            b.config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1");
        }
        if (!master.startsWith("local") && System.getProperty("spark.jars") == null) {
            // Launched with java -cp rather than spark-submit: ship the code executors need.
            String jars = applicationJars();
            if (!jars.isEmpty()) {
                b.config("spark.jars", jars);
            }
        }
        return b.getOrCreate();
    }

    /** Jar files holding the engine, the driver and their non-Spark dependencies. */
    static String applicationJars() {
        Set<String> jars = new LinkedHashSet<>();
        for (String cls : new String[] {"org.modesweep.spark.SweepRunner", "org.modesweep.core.Trajectory",
            "org.modesweep.jobs.Main", "org.hipparchus.ode.ODEIntegrator", "org.hipparchus.util.FastMath",
            "org.hipparchus.stat.StatUtils", "org.yaml.snakeyaml.Yaml"}) {
            try {
                CodeSource src = Class.forName(cls).getProtectionDomain().getCodeSource();
                if (src != null) {
                    Path p = Path.of(src.getLocation().toURI());
                    if (Files.isRegularFile(p)) {
                        jars.add(p.toUri().toString());
                    }
                }
            } catch (ClassNotFoundException | URISyntaxException | SecurityException e) {
                // not on the classpath: nothing to ship
            }
        }
        return String.join(",", jars);
    }
}
