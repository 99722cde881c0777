package org.modesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;
import org.apache.spark.sql.catalyst.catalog.ExternalCatalogUtils;

/**
 * The folder of one sweep (any Hadoop-compatible URI) and its layout:
 * {@code trajectories/}, {@code series/} (recorded time series), {@code probabilities/}, {@code rc/},
 * {@code summary.csv}, {@code plots/},
 * {@code spec.yaml} (the resolved spec) and {@code manifest.json}.
 */
public final class SweepOutput {
    public static final String TRAJECTORIES = "trajectories";
    /** Suffix of a table renamed aside while {@link #replace} swaps in its rewrite. */
    static final String ASIDE = "-old";
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

    FileSystem fileSystem() {
        return fs;
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

    /**
     * Why {@code uri} cannot be a sweep's output folder, or null. Checked before Spark starts; only
     * local paths are looked at on disk (other stores are checked when the run writes).
     */
    public static String targetProblem(String uri) {
        try {
            checkNoEscape(uri);
        } catch (IllegalArgumentException e) {
            return e.getMessage();
        }
        java.net.URI u = new Path(uri).toUri();
        if (u.getScheme() != null && !u.getScheme().equals("file")) {
            return null;
        }
        java.nio.file.Path local = java.nio.file.Path.of(u.getPath()).toAbsolutePath();
        java.nio.file.Path existing = local;
        while (existing != null && !Files.exists(existing)) {
            existing = existing.getParent();
        }
        if (existing == null) {
            return null;
        }
        if (!Files.isDirectory(existing)) {
            return existing + " is a file, not a folder";
        }
        if (!Files.isWritable(existing)) {
            boolean readOnly;
            try {
                readOnly = Files.getFileStore(existing).isReadOnly();
            } catch (IOException e) {
                readOnly = false;
            }
            return "cannot write in " + existing + ": " + (readOnly ? "read-only file system" : "permission denied");
        }
        return null;
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
            throw new UncheckedIOException("cannot read " + path(name), e);
        }
    }

    /** The root does not exist or holds nothing but hidden files (the lock, a temporary file). */
    public boolean isEmpty() {
        try {
            return !fs.exists(root) || java.util.Arrays.stream(fs.listStatus(root)).allMatch(f -> f.getPath().getName().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
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
        return hasParquet(path(name));
    }

    /** Whether this folder itself holds a visible Parquet file (is a table). */
    public boolean holdsParquet() {
        return hasParquet(root);
    }

    private boolean hasParquet(Path dir) {
        try {
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
            throw new UncheckedIOException("cannot list " + dir, e);
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
     * One visible file of a table folder: its place in the {@code setup=.../d=...} layout (null
     * when it is not a {@code part-*.parquet} file there), and from its Parquet footer the row count
     * and key-value metadata, or why the footer could not be read (truncated, not Parquet).
     */
    record Part(Path path, long bytes, String setup, Long d, long rows, Map<String, String> metadata, String damage) {
        boolean inLayout() {
            return setup != null;
        }
    }

    /** The visible files of a table folder (Spark's {@code _SUCCESS} markers and hidden folders skipped). */
    List<Part> parts(String table) {
        List<Part> parts = new ArrayList<>();
        try {
            Path dir = path(table);
            if (!fs.exists(dir)) {
                return parts;
            }
            RemoteIterator<LocatedFileStatus> it = fs.listFiles(dir, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                Path p = f.getPath();
                if (!visible(dir, p) || p.getName().equals("_SUCCESS")) {
                    continue;
                }
                String[] rel = dir.toUri().relativize(p.toUri()).getPath().split("/");
                boolean layout = rel.length == 3 && rel[0].startsWith("setup=") && rel[1].matches("d=\\d+")
                    && rel[2].startsWith("part-") && rel[2].endsWith(".parquet");
                if (!layout) {
                    parts.add(new Part(p, f.getLen(), null, null, 0, Map.of(), null));
                    continue;
                }
                String setup = ExternalCatalogUtils.unescapePathName(rel[0].substring("setup=".length()));
                Long d = Long.parseLong(rel[1].substring(2));
                try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromStatus(f, fs.getConf()))) {
                    parts.add(new Part(p, f.getLen(), setup, d, r.getRecordCount(),
                        r.getFooter().getFileMetaData().getKeyValueMetaData(), null));
                } catch (IOException | RuntimeException e) { // truncated, not Parquet, checksum error
                    String why = String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName());
                    parts.add(new Part(p, f.getLen(), setup, d, 0, Map.of(), why));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + path(table), e);
        }
        return parts;
    }

    /**
     * Checks a table without an identity ({@code series/}): every visible file must be a readable
     * {@code part-*} Parquet file in the {@code setup=/d=} layout. Spark would read any other visible
     * file as part of the table, so foreign files are mixed in or fail late.
     */
    public void requireSoundTable(String table) {
        List<String> problems = new ArrayList<>();
        for (Part p : parts(table)) {
            if (!p.inLayout()) {
                problems.add(OutputStatus.foreign(p, "not a part-*.parquet file under setup=.../d=..."));
            } else if (p.damage() != null) {
                problems.add(OutputStatus.damaged(p));
            }
        }
        OutputStatus.refuse(path(table).toString(), problems);
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
            throw new UncheckedIOException("cannot clean " + path(table), e);
        }
    }

    public String read(String name) {
        try (InputStream in = fs.open(path(name))) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(name), e);
        }
    }

    /** Writes a small file through a temporary sibling (its own name: writers never share it) and a rename. */
    public void write(String name, String content) {
        Path target = path(name);
        Path tmp = new Path(target.getParent(), "." + target.getName() + "." + java.util.UUID.randomUUID() + ".tmp");
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

    /**
     * The manifest, or null if there is none or it does not parse (a run cut short while writing it):
     * the data and {@code spec.yaml} rebuild it ({@link Manifest#rebuilt}).
     */
    public Manifest manifest() {
        if (!exists(MANIFEST)) {
            return null;
        }
        try {
            return Manifest.fromJson(read(MANIFEST));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    public void writeManifest(Manifest m) {
        write(MANIFEST, m.toJson());
    }

    public void delete(String name) {
        try {
            fs.delete(path(name), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete " + path(name), e);
        }
    }

    /**
     * Puts {@code replacement}, a complete table written beside {@code table}, in its place. The old table is
     * renamed aside first, so a run killed between the two renames leaves the old table aside (or the new one in
     * place with the old aside), which {@link #finishReplacement} settles on the next run; nothing is lost.
     */
    public void replace(String table, String replacement) {
        rename(table, table + ASIDE);
        rename(replacement, table);
        delete(table + ASIDE);
    }

    /** Settles a {@link #replace} cut short: the old table back if the new one had not moved in, else the old one dropped. */
    public void finishReplacement(String table) {
        if (!exists(table + ASIDE)) {
            return;
        }
        if (exists(table)) {
            delete(table + ASIDE);
        } else {
            rename(table + ASIDE, table);
        }
    }

    public void rename(String from, String to) {
        try {
            if (!fs.rename(path(from), path(to))) {
                throw new IOException("rename " + path(from) + " -> " + path(to) + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot rename " + path(from) + " to " + path(to), e);
        }
    }

    /** Moves a file of the output (a qualified path inside it) to the same place under {@code folder}; returns where. */
    Path moveAside(String file, String folder) {
        Path from = new Path(file);
        String rel = root.toUri().relativize(from.toUri()).getPath();
        Path to = path(folder + "/" + rel);
        try {
            fs.mkdirs(to.getParent());
            if (!fs.rename(from, to)) {
                throw new IOException("rename returned false");
            }
            return to;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot move " + from + " to " + to, e);
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
            throw new UncheckedIOException("cannot create " + name + " for " + root, e);
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
