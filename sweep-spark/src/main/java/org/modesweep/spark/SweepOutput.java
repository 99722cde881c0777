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
 * {@code trajectories/}, {@code probabilities/}, {@code rc/}, {@code summary.csv}, {@code plots/},
 * {@code spec.yaml} (the resolved spec) and {@code manifest.json}.
 */
public final class SweepOutput {
    public static final String TRAJECTORIES = "trajectories";
    public static final String PROBABILITIES = "probabilities";
    public static final String RC = "rc";
    public static final String PLOTS = "plots";
    public static final String SUMMARY = "summary.csv";
    public static final String SPEC = "spec.yaml";
    public static final String MANIFEST = "manifest.json";

    private final FileSystem fs;
    private final Path root;

    public SweepOutput(Configuration conf, String uri) {
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
        return new Path(root, name);
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
