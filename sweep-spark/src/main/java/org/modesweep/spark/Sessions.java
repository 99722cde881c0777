package org.modesweep.spark;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.LinkedHashSet;
import java.util.Set;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.SparkSession;

/**
 * Spark sessions for the {@code sweep} commands: quiet, UI off unless asked, driver bound to
 * {@code SPARK_LOCAL_IP} (127.0.0.1 for local masters when unset), Spark authentication on for
 * cluster masters (see {@link #authenticate}). The master is, in order: the {@code --master} option, the one
 * {@code spark-submit} passed ({@code spark.master}), the spec's {@code spark.master}.
 */
public final class Sessions {
    private Sessions() {
    }

    public static SparkSession open(String appName, String masterOption, String specMaster, boolean ui) {
        return open(appName, masterOption, specMaster, ui, null);
    }

    /** A session whose cluster secret, if the master needs one, comes first from {@code secretFile} ({@code --secret-file}). */
    public static SparkSession open(String appName, String masterOption, String specMaster, boolean ui, Path secretFile) {
        String master = masterOption != null ? masterOption
            : System.getProperty("spark.master") != null ? System.getProperty("spark.master")
            : specMaster != null ? specMaster : "local[*]";
        SparkSession.Builder b = SparkSession.builder().appName(appName).master(master)
            .config("spark.ui.enabled", ui)
            .config("spark.ui.showConsoleProgress", false)
            .config("spark.sql.shuffle.partitions", 8)
            .config("spark.sql.debug.maxToStringFields", 200)
            .config("spark.sql.adaptive.enabled", true)
            // A partitioned write keeps one open Parquet writer per (setup, d) of a task (falling back to
            // sorting past 16) instead of sorting every row by its partition first: ~3% of a fast sweep's CPU.
            .config("spark.sql.maxConcurrentOutputFileWriters", 16)
            .config("spark.hadoop." + LocalDisk.SETTING, System.getProperty("spark.hadoop." + LocalDisk.SETTING,
                LocalDisk.class.getName()));
        String bind = bindHost(master);
        if (bind != null) {
            // RPC (and, through SPARK_LOCAL_IP, the UI) on the configured host only
            if (System.getProperty("spark.driver.host") == null) {
                b.config("spark.driver.host", bind);
            }
            if (System.getProperty("spark.driver.bindAddress") == null) {
                b.config("spark.driver.bindAddress", bind);
            }
        }
        if (!master.startsWith("local")) {
            authenticate(b, master, secretFile);
            b.config("spark.executor.extraJavaOptions",
                executorJavaOptions(System.getProperty("spark.executor.extraJavaOptions", "")));
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

    /**
     * The Hadoop configuration a session of this JVM would have, for touching an output before Spark
     * starts (the lock, {@code repair}): Hadoop's defaults and the {@code spark.hadoop.*} system properties
     * ({@code --conf} of spark-submit), as Spark copies them. The filesystem of a URI is cached for the
     * JVM on first use, so it must be created with the same settings the session will use.
     */
    public static Configuration hadoopConfiguration() {
        Configuration conf = new Configuration();
        conf.set(LocalDisk.SETTING, LocalDisk.class.getName()); // as the session's (Sessions.open)
        String prefix = "spark.hadoop.";
        System.getProperties().stringPropertyNames().stream().filter(k -> k.startsWith(prefix))
            .forEach(k -> conf.set(k.substring(prefix.length()), System.getProperty(k)));
        return conf;
    }

    /**
     * JVM option for executors (and for a local master's driver: jobs/bin/sweep and jobs/bin/submit pass
     * it): Spark's generated row serializer for a {@code trajectories/} row exceeds HotSpot's 8000-byte
     * limit for compiling a method and otherwise runs interpreted, ~4% of a fast sweep's CPU.
     */
    public static final String COMPILE_HUGE_METHODS = "-XX:-DontCompileHugeMethods";

    /**
     * Garbage collector for executors (and for the launchers' JVM, jobs/bin/sweep and jobs/bin/submit): the
     * throughput collector, since a sweep is a batch job whose pauses nobody sees, while G1's concurrent
     * work takes cores from the trajectories (measured in the note of issue 15).
     */
    public static final String THROUGHPUT_GC = "-XX:+UseParallelGC";

    /** {@code given} executor options with {@link #COMPILE_HUGE_METHODS} and, unless a collector is chosen, {@link #THROUGHPUT_GC}. */
    static String executorJavaOptions(String given) {
        String options = given;
        if (!options.contains(COMPILE_HUGE_METHODS)) {
            options += " " + COMPILE_HUGE_METHODS;
        }
        if (!options.matches(".*-XX:\\+Use\\w+GC.*")) { // two collectors would stop the JVM from starting
            options += " " + THROUGHPUT_GC;
        }
        return options.trim();
    }

    /** Environment variable holding the cluster's shared secret. */
    public static final String SECRET_ENV = "MODESWEEP_SPARK_SECRET";
    /** Environment variable naming a file that holds the shared secret. */
    public static final String SECRET_FILE_ENV = "MODESWEEP_SPARK_SECRET_FILE";

    /**
     * The driver's bind host: {@code SPARK_LOCAL_IP} if set, else 127.0.0.1 for local masters, else
     * whatever Spark picks (null).
     */
    static String bindHost(String master) {
        String ip = System.getenv("SPARK_LOCAL_IP");
        if (ip != null && !ip.isBlank()) {
            return ip.trim();
        }
        return master.startsWith("local") ? "127.0.0.1" : null;
    }

    /**
     * Turns Spark authentication on for a cluster master. The secret comes from {@code secretFile}
     * ({@code --secret-file}) or the file named by {@value #SECRET_FILE_ENV}, else from
     * {@value #SECRET_ENV}, else from what spark-submit was given
     * ({@code spark.authenticate.secret[.file]}); never from the spec. YARN and Kubernetes generate a
     * per-application secret when none is given; a standalone cluster needs the one its master and
     * workers were started with.
     */
    static void authenticate(SparkSession.Builder b, String master, Path secretFile) {
        b.config("spark.authenticate", true);
        String secret = secret(secretFile);
        if (secret != null) {
            b.config("spark.authenticate.secret", secret);
        } else if (System.getProperty("spark.authenticate.secret") == null
            && System.getProperty("spark.authenticate.secret.file") == null
            && !master.startsWith("yarn") && !master.startsWith("k8s://")) {
            throw new IllegalArgumentException("a cluster run needs the cluster's shared secret: set " + SECRET_ENV
                + " or " + SECRET_FILE_ENV + " (or --secret-file FILE)");
        }
    }

    /** The shared secret from {@code secretFile} if given, else from the environment (a file or the value), or null. Never logged. */
    static String secret(Path secretFile) {
        String file = secretFile != null ? secretFile.toString() : System.getenv(SECRET_FILE_ENV);
        if (file != null && !file.isBlank()) {
            try {
                String s = Files.readString(Path.of(file.trim())).trim();
                if (s.isEmpty()) {
                    throw new IllegalArgumentException("secret file " + file + " is empty");
                }
                return s;
            } catch (java.io.IOException e) {
                throw new IllegalArgumentException("cannot read secret file " + file + ": " + e.getMessage());
            }
        }
        String env = System.getenv(SECRET_ENV);
        return env == null || env.isBlank() ? null : env.trim();
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
