package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fork-free local file system sets the permissions Hadoop's chmod would. */
class LocalDiskTest {
    @TempDir
    Path dir;

    /** Every mode maps to the bits of its rwx string, as chmod reads it. */
    @Test
    void everyModeMapsToTheSameBitsAsItsRwxString() {
        for (short mode = 0; mode < 512; mode++) {
            FsPermission p = new FsPermission(mode);
            assertEquals(PosixFilePermissions.fromString(p.toString()), LocalDisk.posix(p), p.toString());
        }
    }

    /** Through the configuration sessions use, files and folders on disk get the modes Hadoop asks for. */
    @Test
    void filesAndFoldersGetTheModesAskedFor() throws Exception {
        FileSystem fs = new org.apache.hadoop.fs.Path(dir.toUri()).getFileSystem(Sessions.hadoopConfiguration());
        assertInstanceOf(LocalDisk.class, fs);
        org.apache.hadoop.fs.Path folder = new org.apache.hadoop.fs.Path(dir.toUri().toString(), "a/b");
        fs.mkdirs(folder, new FsPermission((short) 0750));
        org.apache.hadoop.fs.Path file = new org.apache.hadoop.fs.Path(folder, "f.txt");
        try (OutputStream o = fs.create(file, new FsPermission((short) 0640), true, 4096, (short) 1, 1 << 20, null)) {
            o.write(1);
        }
        assertEquals("rwxr-x---", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b"))));
        assertEquals("rw-r-----", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))));
        fs.setPermission(file, new FsPermission((short) 0604));
        assertEquals("rw----r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("a/b/f.txt"))));
    }
}
