package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared secret comes from a file (or the environment), never from elsewhere. */
class SessionsSecurityTest {

    @Test
    void secretFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("secret");
        Files.writeString(f, "s3cr3t\n");
        assertEquals("s3cr3t", Sessions.secret(f));
        Files.writeString(f, "  \n");
        assertThrows(IllegalArgumentException.class, () -> Sessions.secret(f));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
            () -> Sessions.secret(dir.resolve("missing")));
        assertEquals(false, e.getMessage().contains("s3cr3t"));
    }

    @Test
    void localMastersBindToLoopbackUnlessConfigured() {
        String ip = System.getenv("SPARK_LOCAL_IP");
        assertEquals(ip != null && !ip.isBlank() ? ip : "127.0.0.1", Sessions.bindHost("local[2]"));
    }
}
