import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.permission.FsPermission;
import org.apache.hadoop.hdfs.MiniDFSCluster;
import org.apache.hadoop.yarn.conf.YarnConfiguration;
import org.apache.hadoop.yarn.server.MiniYARNCluster;

/**
 * HDFS and YARN in one JVM for jobs/bin/yarn-test (a single-file program: `java -cp <yarn-test
 * classpath> MiniHadoop.java WORK CONF LIBS`): a MiniDFSCluster (one NameNode, one DataNode) and a
 * MiniYARNCluster (one ResourceManager, one NodeManager) from Hadoop's own test artifacts, sized for
 * a 2-core machine, all on 127.0.0.1. Writes the clients' configuration (core-site.xml, hdfs-site.xml,
 * yarn-site.xml) into CONF, uploads the archive LIBS (Spark's jars, for spark.yarn.archive) to
 * hdfs:///spark/, prints the addresses and "READY", and runs until it is killed.
 */
public final class MiniHadoop {

    public static void main(String[] args) throws Exception {
        Path work = Path.of(args[0]).toAbsolutePath();
        Path confDir = Path.of(args[1]).toAbsolutePath();
        Path libs = Path.of(args[2]).toAbsolutePath();
        Configuration conf = new YarnConfiguration();
        conf.set("hadoop.tmp.dir", work.resolve("tmp").toString());
        // Small containers: an AM and two 1-core executors of ~900 MB fit in the NodeManager.
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MINIMUM_ALLOCATION_MB, 128);
        conf.setInt(YarnConfiguration.RM_SCHEDULER_MAXIMUM_ALLOCATION_MB, 2048);
        conf.setInt(YarnConfiguration.NM_PMEM_MB, 4096);
        conf.setInt(YarnConfiguration.NM_VCORES, 4);
        conf.setBoolean(YarnConfiguration.NM_PMEM_CHECK_ENABLED, false);
        conf.setBoolean(YarnConfiguration.NM_VMEM_CHECK_ENABLED, false);
        // A nearly full disk must not mark the only NodeManager unhealthy.
        conf.setFloat(YarnConfiguration.NM_MAX_PER_DISK_UTILIZATION_PERCENTAGE, 99.9f);
        conf.set("yarn.scheduler.capacity.root.queues", "default");
        conf.set("yarn.scheduler.capacity.root.default.capacity", "100");
        conf.set(YarnConfiguration.RM_HOSTNAME, "127.0.0.1");
        conf.set("dfs.namenode.rpc-address", "127.0.0.1:0");
        conf.set("dfs.datanode.hostname", "127.0.0.1");
        conf.setInt("dfs.replication", 1);

        MiniDFSCluster dfs = new MiniDFSCluster.Builder(conf, work.resolve("hdfs").toFile()).numDataNodes(1).build();
        dfs.waitActive();
        String nameNode = "hdfs://127.0.0.1:" + dfs.getNameNodePort();
        conf.set("fs.defaultFS", nameNode);
        System.out.println("NameNode " + nameNode + " (HDFS, 1 DataNode, storage " + work.resolve("hdfs") + ")");

        MiniYARNCluster yarn = new MiniYARNCluster("modesweep-yarn-test", 1, 1, 1);
        yarn.init(conf);
        yarn.start();
        if (!yarn.waitForNodeManagersToConnect(60_000)) {
            throw new IllegalStateException("the NodeManager did not register with the ResourceManager in 60 s");
        }
        Configuration live = yarn.getConfig();
        live.set("fs.defaultFS", nameNode);
        System.out.println("ResourceManager " + live.get(YarnConfiguration.RM_ADDRESS) + " (scheduler "
            + live.get(YarnConfiguration.RM_SCHEDULER_ADDRESS) + "), NodeManager " + yarn.getNodeManager(0).getNMContext().getNodeId() + " registered (" + conf.getInt(YarnConfiguration.NM_PMEM_MB, 0) + " MB, " + conf.getInt(YarnConfiguration.NM_VCORES, 0)
            + " vcores)");

        // What a cluster's administrator hands its users: the addresses, not the servers' own settings.
        Files.createDirectories(confDir);
        site(confDir.resolve("core-site.xml"), live, "fs.defaultFS");
        site(confDir.resolve("hdfs-site.xml"), live, "dfs.replication");
        site(confDir.resolve("yarn-site.xml"), live, YarnConfiguration.RM_ADDRESS, YarnConfiguration.RM_SCHEDULER_ADDRESS,
            YarnConfiguration.RM_WEBAPP_ADDRESS, YarnConfiguration.RM_RESOURCE_TRACKER_ADDRESS);
        FileSystem fs = FileSystem.get(live);
        org.apache.hadoop.fs.Path archive = new org.apache.hadoop.fs.Path("/spark/" + libs.getFileName());
        fs.copyFromLocalFile(new org.apache.hadoop.fs.Path(libs.toUri()), archive);
        // World-readable, so the NodeManager localises it once into its public cache.
        fs.setPermission(archive.getParent(), new FsPermission((short) 0755));
        fs.setPermission(archive, new FsPermission((short) 0644));
        fs.mkdirs(new org.apache.hadoop.fs.Path("/user/" + System.getProperty("user.name")));
        System.out.println("uploaded " + libs.getFileName() + " (" + (Files.size(libs) >> 20) + " MB) to " + nameNode + archive);

        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping YARN and HDFS");
            yarn.stop();
            dfs.shutdown();
        }));
        System.out.println("READY");
        System.out.flush();
        Thread.currentThread().join();
    }

    private static void site(Path file, Configuration from, String... keys) throws IOException {
        Configuration site = new Configuration(false);
        for (String key : keys) {
            site.set(key, from.get(key));
        }
        try (OutputStream out = new FileOutputStream(file.toFile())) {
            site.writeXml(out);
        }
    }

    private MiniHadoop() {
    }
}
