package org.modesweep.spark;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.hadoop.fs.RemoteIterator;
import org.apache.hadoop.fs.LocatedFileStatus;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.util.HadoopInputFile;

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

    private final Supplier<Configuration> conf;
    private final Path root;
    /** The root on this machine's disk, read and written with the JDK (no Hadoop start-up); null for other stores. */
    private final java.nio.file.Path local;
    private FileSystem fs; // Hadoop's, opened on first use: commands that only read a local output never need it

    public SweepOutput(Configuration conf, String uri) {
        this(() -> conf, uri, FileSystem.getDefaultUri(conf).getScheme());
    }

    /**
     * The output at {@code uri} with Spark's Hadoop settings ({@link Sessions#hadoopConfiguration}) loaded only
     * if a remote store is reached: a path without a scheme is a local path here.
     */
    public static SweepOutput at(String uri) {
        return new SweepOutput(Sessions::hadoopConfiguration, uri, "file");
    }

    private SweepOutput(Supplier<Configuration> conf, String uri, String defaultScheme) {
        checkNoEscape(uri);
        this.conf = conf;
        Path p = new Path(uri);
        String scheme = p.toUri().getScheme() != null ? p.toUri().getScheme() : defaultScheme;
        if ("file".equals(scheme)) {
            this.local = java.nio.file.Path.of(p.toUri().getPath()).toAbsolutePath().normalize();
            this.root = new Path("file", null, local.toString());
        } else {
            this.local = null;
            try {
                this.fs = p.getFileSystem(conf.get());
                this.root = fs.makeQualified(p);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open output " + uri, e);
            }
        }
    }

    /** The same store's folder at {@code uri} (e.g. a table's parent). */
    public SweepOutput sibling(String uri) {
        return new SweepOutput(conf, uri, local != null ? "file" : root.toUri().getScheme());
    }

    public Path root() {
        return root;
    }

    /** The root as a user names it: a local folder's path, else its URI. */
    public String where() {
        return local != null ? local.toString() : root.toString();
    }

    private synchronized FileSystem fs() {
        if (fs == null) {
            try {
                fs = new Path("file:///").getFileSystem(conf.get()); // remote stores open theirs at once
            } catch (IOException e) {
                throw new UncheckedIOException("cannot open the file system of " + root, e);
            }
            if (local != null) {
                fs.setWriteChecksum(false); // no .crc side files next to results on local disks
            }
        }
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
        return local != null;
    }

    public boolean exists(String name) {
        try {
            return local != null ? Files.exists(local(path(name))) : fs().exists(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(name), e);
        }
    }

    /** The root does not exist or holds nothing but hidden files (the lock, a temporary file). */
    public boolean isEmpty() {
        try {
            if (local != null) {
                try (Stream<java.nio.file.Path> files = Files.exists(local) ? Files.list(local) : Stream.empty()) {
                    return files.allMatch(f -> f.getFileName().toString().startsWith("."));
                }
            }
            return !fs().exists(root) || java.util.Arrays.stream(fs().listStatus(root)).allMatch(f -> f.getPath().getName().startsWith("."));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + root, e);
        }
    }

    public boolean isDirectory() {
        try {
            return local != null ? Files.isDirectory(local) : fs().getFileStatus(root).isDirectory();
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
        return files(dir).stream().anyMatch(f -> f.path().getName().endsWith(".parquet"));
    }

    /** A visible file of a table folder and its size. */
    private record Listed(Path path, long bytes) {
    }

    /** The visible files under {@code dir}, at any depth ({@code _}- and {@code .}-names and what is under them left out). */
    private List<Listed> files(Path dir) {
        List<Listed> files = new ArrayList<>();
        try {
            if (local != null) {
                java.nio.file.Path base = local(dir);
                if (Files.isDirectory(base)) {
                    try (Stream<java.nio.file.Path> walk = Files.walk(base)) {
                        for (java.nio.file.Path f : walk.filter(Files::isRegularFile).sorted().toList()) {
                            Path p = new Path(dir, base.relativize(f).toString());
                            if (visible(dir, p)) {
                                files.add(new Listed(p, Files.size(f)));
                            }
                        }
                    }
                }
                return files;
            }
            if (!fs().exists(dir)) {
                return files;
            }
            RemoteIterator<LocatedFileStatus> it = fs().listFiles(dir, true);
            while (it.hasNext()) {
                LocatedFileStatus f = it.next();
                if (visible(dir, f.getPath())) {
                    files.add(new Listed(f.getPath(), f.getLen()));
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dir, e);
        }
    }

    /** The visible files under folder {@code name}, as paths relative to it (none if it does not exist). */
    List<String> fileNames(String name) {
        Path dir = path(name);
        return files(dir).stream().map(f -> dir.toUri().relativize(f.path().toUri()).getPath()).toList();
    }

    /** A path of this local output on this machine's disk. */
    private static java.nio.file.Path local(Path p) {
        return java.nio.file.Path.of(p.toUri().getPath());
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
    public record Part(String path, long bytes, String setup, Long d, long rows, Map<String, String> metadata, String damage) {
        boolean inLayout() {
            return setup != null;
        }
    }

    /** A Parquet footer's row count and key-value metadata, or why it could not be read ({@code damage}). */
    public record Footer(long rows, Map<String, String> metadata, String damage) {
        public static Footer damaged(Exception e) {
            return new Footer(0, Map.of(), String.valueOf(e.getMessage()).lines().findFirst().orElse(e.getClass().getSimpleName()));
        }
    }

    /**
     * Reads the footers of Parquet files (given as qualified paths), in their order: an engine may read them
     * in one pass. The default reads each with parquet-java through Hadoop.
     */
    public interface Footers {
        List<Footer> read(List<String> files);
    }

    /** The visible files of a table folder (Spark's {@code _SUCCESS} markers and hidden folders skipped). */
    List<Part> parts(String table) {
        return parts(table, parquetFooters());
    }

    /** Footers read one by one by parquet-java, through Hadoop. */
    public Footers parquetFooters() {
        return this::footers;
    }

    /** The visible files of a table folder, their footers read by {@code footers}. */
    public List<Part> parts(String table, Footers footers) {
        Path dir = path(table);
        List<Part> parts = new ArrayList<>();
        List<Integer> inLayout = new ArrayList<>();
        for (Listed f : files(dir)) {
            if (f.path().getName().equals("_SUCCESS")) {
                continue;
            }
            String[] rel = dir.toUri().relativize(f.path().toUri()).getPath().split("/");
            boolean layout = rel.length == 3 && rel[0].startsWith("setup=") && rel[1].matches("d=\\d+")
                && rel[2].startsWith("part-") && rel[2].endsWith(".parquet");
            if (layout) {
                inLayout.add(parts.size());
                parts.add(new Part(f.path().toString(), f.bytes(), unescapePathName(
                    rel[0].substring("setup=".length())), Long.parseLong(rel[1].substring(2)), 0, Map.of(), null));
            } else {
                parts.add(new Part(f.path().toString(), f.bytes(), null, null, 0, Map.of(), null));
            }
        }
        List<Footer> read = footers.read(inLayout.stream().map(i -> parts.get(i).path()).toList());
        for (int k = 0; k < inLayout.size(); k++) {
            Part p = parts.get(inLayout.get(k));
            Footer f = read.get(k);
            parts.set(inLayout.get(k), new Part(p.path(), p.bytes(), p.setup(), p.d(), f.rows(), f.metadata(), f.damage()));
        }
        return parts;
    }

    /**
     * A partition value from its folder name: Spark writes the characters it escapes as {@code %XX} (its
     * {@code ExternalCatalogUtils.unescapePathName}, which would start Spark's logging on a read-only path).
     */
    static String unescapePathName(String name) {
        StringBuilder b = new StringBuilder(name.length());
        for (int i = 0; i < name.length(); i++) {
            int code = name.charAt(i) == '%' && i + 2 < name.length() ? hex(name.substring(i + 1, i + 3)) : -1;
            if (code >= 0) {
                b.append((char) code);
                i += 2;
            } else {
                b.append(name.charAt(i));
            }
        }
        return b.toString();
    }

    /** Two ASCII hexadecimal digits' value, else -1. */
    private static int hex(String digits) {
        return digits.chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0) ? Integer.parseInt(digits, 16) : -1;
    }

    private List<Footer> footers(List<String> files) {
        List<Footer> read = new ArrayList<>();
        for (String file : files) {
            try (ParquetFileReader r = ParquetFileReader.open(HadoopInputFile.fromPath(new Path(file), fs().getConf()))) {
                read.add(new Footer(r.getRecordCount(), r.getFooter().getFileMetaData().getKeyValueMetaData(), null));
            } catch (IOException | RuntimeException e) { // truncated, not Parquet, checksum error
                read.add(Footer.damaged(e));
            }
        }
        return read;
    }

    /**
     * Checks a table without an identity ({@code series/}): every visible file must be a readable
     * {@code part-*} Parquet file in the {@code setup=/d=} layout. Spark would read any other visible
     * file as part of the table, so foreign files are mixed in or fail late.
     */
    public void requireSoundTable(String table) {
        requireSoundTable(table, parquetFooters());
    }

    /** The same, the footers read by {@code footers}. */
    public void requireSoundTable(String table, Footers footers) {
        List<String> problems = new ArrayList<>();
        for (Part p : parts(table, footers)) {
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
            if (!fs().exists(dir)) {
                return;
            }
            for (FileStatus s : fs().listStatus(dir)) {
                String n = s.getPath().getName();
                if (n.equals("_temporary") || n.startsWith(".spark-staging")) {
                    fs().delete(s.getPath(), true);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clean " + path(table), e);
        }
    }

    public String read(String name) {
        try (InputStream in = local != null ? Files.newInputStream(local(path(name))) : fs().open(path(name))) {
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
            if (local != null) { // the JDK's rename replaces the target atomically
                Files.createDirectories(local(target.getParent()));
                Files.writeString(local(tmp), content, StandardCharsets.UTF_8);
                Files.move(local(tmp), local(target), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                return;
            }
            FileSystem fs = fs();
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

    /**
     * Creates {@code name} holding {@code content} only if it is absent, atomically; false if it exists. Locally
     * through the JDK's {@code CREATE_NEW} ({@code O_EXCL}: Hadoop's local file system checks and creates in two
     * steps); elsewhere Hadoop's {@code create(path, overwrite = false)}, atomic at HDFS's name node and
     * conditional on S3A.
     */
    boolean createIfAbsent(String name, byte[] content) {
        try {
            if (local != null) {
                Files.createDirectories(local);
                Files.write(local(path(name)), content, java.nio.file.StandardOpenOption.CREATE_NEW,
                    java.nio.file.StandardOpenOption.WRITE);
                return true;
            }
            fs().mkdirs(root);
            try (OutputStream o = fs().create(path(name), false)) {
                o.write(content);
            }
            return true;
        } catch (java.nio.file.FileAlreadyExistsException | org.apache.hadoop.fs.FileAlreadyExistsException e) {
            return false;
        } catch (IOException e) {
            if (exists(name)) {
                return false; // some stores report a lost race as another error
            }
            throw new UncheckedIOException("cannot create " + path(name), e);
        }
    }

    /** When {@code name} was last written. */
    java.time.Instant modified(String name) {
        try {
            return local != null ? Files.getLastModifiedTime(local(path(name))).toInstant()
                : java.time.Instant.ofEpochMilli(fs().getFileStatus(path(name)).getModificationTime());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(name), e);
        }
    }

    public void delete(String name) {
        try {
            if (local != null) {
                java.nio.file.Path target = local(path(name));
                if (Files.exists(target)) {
                    try (Stream<java.nio.file.Path> walk = Files.walk(target)) {
                        for (java.nio.file.Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.delete(f);
                        }
                    }
                }
                return;
            }
            fs().delete(path(name), true);
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
            if (!fs().rename(path(from), path(to))) {
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
            fs().mkdirs(to.getParent());
            if (!fs().rename(from, to)) {
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
            fs().mkdirs(target);
            for (java.nio.file.Path f : files.toList()) {
                fs().copyFromLocalFile(true, true, new Path(f.toUri()), new Path(target, f.getFileName().toString()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy plots to " + path(name), e);
        }
    }
}
