package org.modesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;

/**
 * The folder of one sweep (any Hadoop-compatible URI) and its layout:
 * {@code trajectories/}, {@code series/} (recorded time series), {@code probabilities/}, {@code rc/},
 * {@code summary.csv}, {@code plots/},
 * {@code spec.yaml} (the resolved spec) and {@code manifest.json}.
 */
public final class SweepOutput {
    public static final String TRAJECTORIES = "trajectories";
    public static final String SERIES = "series";
    public static final String PROBABILITIES = "probabilities";
    public static final String RC = "rc";
    public static final String PLOTS = "plots";
    public static final String SUMMARY = "summary.csv";
    public static final String SPEC = "spec.yaml";
    public static final String MANIFEST = "manifest.json";

    private final FileSystem fs;
    private final Path root;

    public SweepOutput(Configuration conf, String uri) {
        checkNoEscape(uri);
        try {
            Path p = new Path(uri);
            this.fs = p.getFileSystem(conf);
            if (isLocal()) {
                fs.setWriteChecksum(false); // no .crc side files next to results on local disks
            }
            this.root = fs.makeQualified(p);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open output " + uri, e);
        }
    }

    public Path root() {
        return root;
    }

    public Path path(String name) {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\") || java.util.Arrays.asList(name.split("/")).contains("..")
            || name.contains(":")) {
            throw new IllegalArgumentException("not a name inside the output: " + name);
        }
        return new Path(root, name);
    }

    /**
     * Refuses output URIs with a {@code ..} segment: a spec (or its name, from which the default
     * output {@code data/runs/NAME} is built) cannot point the sweep outside the folder it declares.
     */
    static void checkNoEscape(String uri) {
        if (uri == null || uri.isBlank()) {
            throw new IllegalArgumentException("no output given");
        }
        String path = uri;
        int scheme = uri.indexOf("://");
        if (scheme > 0) {
            int slash = uri.indexOf('/', scheme + 3);
            path = slash < 0 ? "" : uri.substring(slash);
        }
        for (String seg : path.split("[/\\\\]")) {
            if (seg.equals("..")) {
                throw new IllegalArgumentException("output " + uri + " contains '..': give the output folder without"
                    + " parent references");
            }
        }
    }

    /** The qualified URI of a child, as Spark reads and writes it. */
    public String uri(String name) {
        return path(name).toString();
    }

    public boolean isLocal() {
        return "file".equals(fs.getUri().getScheme());
    }

    public boolean exists(String name) {
        try {
            return fs.exists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The root does not exist or holds nothing. */
    public boolean isEmpty() {
        try {
            return !fs.exists(root) || fs.listStatus(root).length == 0;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public boolean isDirectory() {
        try {
            return fs.getFileStatus(root).isDirectory();
        } catch (IOException e) {
            return false;
        }
    }

    /** Whether a table folder holds at least one visible Parquet file (folders starting with _ or . are ignored). */
    public boolean hasParquet(String name) {
        try {
            Path dir = path(name);
            if (!fs.exists(dir)) {
                return false;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                Path p = it.next().getPath();
                if (p.getName().endsWith(".parquet") && visible(dir, p)) {
                    return true;
                }
            }
            return false;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean visible(Path base, Path p) {
        for (Path q = p; q != null && !q.equals(base); q = q.getParent()) {
            String n = q.getName();
            if (n.startsWith("_") || n.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    /**
     * Checks a table folder written by the sweep ({@code trajectories/}): every visible file must be
     * a {@code part-*} Parquet file under {@code setup=.../d=...} with Parquet's magic at both ends
     * (so truncated files are caught), besides Spark's {@code _SUCCESS} markers. Spark would read
     * any other visible file as part of the table, so foreign files are mixed in or fail late.
     *
     * @return one line per problem, empty if the folder is sound
     */
    public java.util.List<String> checkTable(String table) {
        java.util.List<String> problems = new java.util.ArrayList<>();
        try {
            Path dir = path(table);
            if (!fs.exists(dir)) {
                return problems;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                Path p = f.getPath();
                if (!visible(dir, p) || p.getName().equals("_SUCCESS")) {
                    continue;
                }
                String rel = dir.toUri().relativize(p.toUri()).getPath();
                String[] parts = rel.split("/");
                boolean layout = parts.length == 3 && parts[0].startsWith("setup=") && parts[1].startsWith("d=")
                    && parts[2].startsWith("part-") && parts[2].endsWith(".parquet");
                if (!layout) {
                    problems.add("foreign file " + p + " (" + f.getLen() + " bytes): not written by the sweep");
                } else {
                    String damage;
                    try {
                        damage = parquetMagic(p, f.getLen()) ? null : "truncated or not Parquet";
                    } catch (IOException e) { // e.g. a checksum error on a file with a .crc side file
                        damage = e.getClass().getSimpleName();
                    }
                    if (damage != null) {
                        problems.add("damaged Parquet file " + p + " (" + f.getLen() + " bytes): " + damage);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return problems;
    }

    private boolean parquetMagic(Path p, long len) throws IOException {
        if (len < 12) {
            return false;
        }
        byte[] head = new byte[4];
        byte[] tail = new byte[4];
        try (org.apache.hadoop.fs.FSDataInputStream in = fs.open(p)) {
            in.readFully(0, head);
            in.readFully(len - 4, tail);
        }
        byte[] magic = "PAR1".getBytes(StandardCharsets.US_ASCII);
        return java.util.Arrays.equals(head, magic) && java.util.Arrays.equals(tail, magic);
    }

    /** Throws with every problem {@link #checkTable} finds in {@code table}. */
    public void requireSoundTable(String table) {
        java.util.List<String> problems = checkTable(table);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(path(table) + " holds " + problems.size() + " file(s) that are not "
                + "the sweep's own; nothing was read from it:\n  " + String.join("\n  ", problems)
                + "\nMove them away (a damaged part-*.parquet can be deleted: a rerun recomputes its points)");
        }
    }

    /**
     * Removes what an interrupted Spark write leaves inside a table: {@code _temporary/} (whose
     * committed task folders a later job's commit would otherwise promote a second time) and
     * {@code .spark-staging-*}. Only safe when no other run writes to this output.
     */
    public void cleanStaging(String table) {
        try {
            Path dir = path(table);
            if (!fs.exists(dir)) {
                return;
            }
            for (FileStatus s : fs.listStatus(dir)) {
                String n = s.getPath().getName();
                if (n.equals("_temporary") || n.startsWith(".spark-staging")) {
                    fs.delete(s.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String read(String name) {
        try (InputStream in = fs.open(path(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(name), e);
        }
    }

    /** Writes a small file through a temporary sibling and a rename. */
    public void write(String name, String content) {
        Path target = path(name);
        Path tmp = new Path(root, "." + name + ".tmp");
        try {
            fs.mkdirs(target.getParent());
            try (OutputStream out = fs.create(tmp, true)) {
                out.write(content.getBytes(StandardCharsets.UTF_8));
            }
            if (fs.exists(target)) {
                fs.delete(target, false);
            }
            if (!fs.rename(tmp, target)) {
                throw new IOException("rename " + tmp + " -> " + target + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target, e);
        }
    }

    /** The manifest, or null if there is none (a leftover temporary one is used if the rename was cut short). */
    public Manifest manifest() {
        String name = exists(MANIFEST) ? MANIFEST : exists("." + MANIFEST + ".tmp") ? "." + MANIFEST + ".tmp" : null;
        if (name == null) {
            return null;
        }
        try {
            return Manifest.fromJson(read(name));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(path(name) + " is not a sweep manifest: " + e.getMessage());
        }
    }

    public void writeManifest(Manifest m) {
        write(MANIFEST, m.toJson());
    }

    public void delete(String name) {
        try {
            fs.delete(path(name), true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public void rename(String from, String to) {
        try {
            if (!fs.rename(path(from), path(to))) {
                throw new IOException("rename " + path(from) + " -> " + path(to) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A local folder to draw into: the output's own folder if local, else a temporary one (see {@link #publish}). */
    public java.nio.file.Path localFolder(String name) {
        try {
            if (isLocal()) {
                java.nio.file.Path p = java.nio.file.Path.of(path(name).toUri());
                Files.createDirectories(p);
                return p;
            }
            return Files.createTempDirectory("modesweep-" + name);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Copies a folder from {@link #localFolder} to the output when the output is not local. */
    public void publish(java.nio.file.Path local, String name) {
        if (isLocal()) {
            return;
        }
        try (Stream<java.nio.file.Path> files = Files.list(local)) {
            Path target = path(name);
            fs.mkdirs(target);
            for (java.nio.file.Path f : files.toList()) {
                fs.copyFromLocalFile(true, true, new Path(f.toUri()), new Path(target, f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy plots to " + path(name), e);
        }
    }
}
