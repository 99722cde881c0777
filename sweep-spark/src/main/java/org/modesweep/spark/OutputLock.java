package org.modesweep.spark;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.apache.hadoop.fs.Path;

/**
 * One writer per output: {@value #FILE} in the output folder, created with create-if-absent
 * ({@link SweepOutput#createIfAbsent}: atomic on local disks and HDFS, and on S3A
 * with its conditional create), holding who writes (user, host, pid, start, command) and a
 * heartbeat renewed every {@link #HEARTBEAT}. A lock whose owner is gone (its pid no longer runs on
 * this host) or whose heartbeat is older than {@link #STALE} is stale: reported, and broken only
 * when asked ({@code --break-lock}), since a driver on another host may be alive but slow.
 * Readers ({@code show}, {@code rc} without {@code --save}) take no lock; {@code plot} rewrites plots/ and takes it.
 */
public final class OutputLock implements AutoCloseable {
    public static final String FILE = ".sweep-lock.json";
    static final Duration HEARTBEAT = Duration.ofSeconds(60);
    static final Duration STALE = Duration.ofMinutes(10);

    /** The lock file's content. */
    record Holder(String user, String host, long pid, String started, String heartbeat, String command, String token) {
        String who() {
            return user + "@" + host + " pid " + pid + " (" + command + ", started " + started + ")";
        }
    }

    private final SweepOutput out;
    private final Holder holder;
    private final Thread heartbeat;
    /** Releases the lock when the JVM exits without {@link #close} (a second Ctrl-C, System.exit). */
    private final Thread atExit = new Thread(this::close, "sweep-lock-release");
    private volatile boolean lost;
    private volatile boolean released;

    private OutputLock(SweepOutput out, Holder holder) {
        this.out = out;
        this.holder = holder;
        this.heartbeat = new Thread(this::beat, "sweep-lock-heartbeat");
        this.heartbeat.setDaemon(true);
        this.heartbeat.start();
        Runtime.getRuntime().addShutdownHook(atExit);
    }

    /**
     * Takes the lock of {@code out} for {@code command}.
     *
     * @param breakStale break a stale lock (and say so) instead of refusing
     * @throws OutputProblem if another run holds the lock, or it is stale and {@code breakStale} is false
     */
    public static OutputLock acquire(SweepOutput out, String command, boolean breakStale) {
        String now = Instant.now().toString();
        Holder me = new Holder(System.getProperty("user.name"), host(), ProcessHandle.current().pid(), now, now, command,
            UUID.randomUUID().toString());
        for (int attempt = 0; ; attempt++) {
            if (out.createIfAbsent(FILE, json(me))) {
                return new OutputLock(out, me);
            }
            Holder other = read(out);
            String stale;
            try {
                stale = staleness(out, other);
            } catch (UncheckedIOException e) {
                if (attempt < 3) {
                    continue; // released meanwhile: take it
                }
                throw e;
            }
            String who = other == null ? "an unknown run (unreadable lock file)" : other.who();
            if (stale == null) {
                throw new OutputProblem("output " + out.root() + " is locked by " + who + ": another run is writing"
                    + " it; wait for it to finish (show and rc can read meanwhile)");
            }
            if (!breakStale || attempt > 0) {
                throw new OutputProblem("output " + out.root() + " has a stale lock: " + who + ", " + stale
                    + "; if no run writes it any more, rerun with --break-lock (or delete " + out.path(FILE) + ")");
            }
            System.err.println("note: breaking the stale lock of " + who + " (" + stale + ")");
            out.delete(FILE);
        }
    }

    /**
     * The lock of the sweep output at {@code path} (or above its table) if it is local, taken before anything reads
     * it, so that a running sweep refuses at once; null for a remote output, whose file system is reached
     * through Spark's configuration (lock it with {@link #acquire} once that is up).
     */
    public static OutputLock acquireIfLocal(String path, String command, boolean breakStale) {
        SweepOutput out = SweepOutput.at(path);
        return out.isLocal() ? acquire(ExistingSweep.locate(out), command, breakStale) : null;
    }

    /** Why a held lock is stale, or null if its owner may be alive. */
    private static String staleness(SweepOutput out, Holder h) {
        Duration age = Duration.between(out.modified(FILE), Instant.now());
        if (h != null && h.host().equals(host()) && !alive(h)) {
            return "its process " + h.pid() + " on this host is gone";
        }
        if (age.compareTo(STALE) > 0) {
            return "no heartbeat for " + age.toMinutes() + " min (renewed every " + HEARTBEAT.toSeconds() + " s)";
        }
        return null;
    }

    /** The holder's pid runs, and started no later than the lock (else the pid was reused). */
    private static boolean alive(Holder h) {
        Optional<ProcessHandle> p = ProcessHandle.of(h.pid());
        if (p.isEmpty() || !p.get().isAlive()) {
            return false;
        }
        Optional<Instant> start = p.get().info().startInstant();
        return start.isEmpty() || !start.get().isAfter(Instant.parse(h.started()).plusSeconds(5));
    }

    /** Whether another run broke this lock (the runner then stops between chunks). */
    public boolean lost() {
        return lost;
    }

    public Path path() {
        return out.path(FILE);
    }

    private void beat() {
        while (!released) {
            try {
                Thread.sleep(HEARTBEAT.toMillis());
            } catch (InterruptedException e) {
                return;
            }
            try {
                Holder now = read(out);
                if (released) {
                    return;
                }
                if (now == null || !holder.token().equals(now.token())) {
                    lost = true;
                    return;
                }
                out.write(FILE, new String(json(new Holder(holder.user(), holder.host(), holder.pid(), holder.started(),
                    Instant.now().toString(), holder.command(), holder.token())), StandardCharsets.UTF_8));
            } catch (RuntimeException e) {
                // a missed heartbeat is retried; STALE allows for several
            }
        }
    }

    /** Releases the lock if it is still this run's. */
    @Override
    public synchronized void close() {
        if (released) {
            return;
        }
        released = true;
        heartbeat.interrupt();
        if (Thread.currentThread() != atExit) {
            Runtime.getRuntime().removeShutdownHook(atExit);
        }
        try {
            Holder now = read(out);
            if (now != null && holder.token().equals(now.token())) {
                out.delete(FILE);
            }
        } catch (UncheckedIOException e) {
            System.err.println("note: could not remove the lock " + path() + ": " + e.getMessage());
        }
    }

    private static Holder read(SweepOutput out) {
        try {
            return Manifest.JSON.readValue(out.read(FILE), Holder.class);
        } catch (IOException | UncheckedIOException e) { // gone meanwhile, or being rewritten by a heartbeat
            return null;
        }
    }

    private static byte[] json(Holder h) {
        try {
            return Manifest.JSON.writeValueAsBytes(h);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e); // strings and numbers always serialise
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (IOException e) {
            return Optional.ofNullable(System.getenv("HOSTNAME")).orElse("unknown-host");
        }
    }
}
