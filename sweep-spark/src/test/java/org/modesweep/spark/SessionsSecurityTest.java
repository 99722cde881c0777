package org.modesweep.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shared secret comes from a file (or the environment), never from elsewhere. */
class SessionsSecurityTest {

    @AfterEach
    void clear() {
        System.clearProperty(Sessions.SECRET_FILE_PROPERTY);
    }

    @Test
    void secretFromFile(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("secret");
        Files.writeString(f, "s3cr3t\n");
        System.setProperty(Sessions.SECRET_FILE_PROPERTY, f.toString());
        assertEquals("s3cr3t", Sessions.secret());
        Files.writeString(f, "  \n");
        assertThrows(IllegalArgumentException.class, Sessions::secret);
        System.setProperty(Sessions.SECRET_FILE_PROPERTY, dir.resolve("missing").toString());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, Sessions::secret);
        assertEquals(false, e.getMessage().contains("s3cr3t"));
    }

    @Test
    void localMastersBindToLoopbackUnlessConfigured() {
        String ip = System.getenv("SPARK_LOCAL_IP");
        assertEquals(ip != null && !ip.isBlank() ? ip : "127.0.0.1", Sessions.bindHost("local[2]"));
    }
}
