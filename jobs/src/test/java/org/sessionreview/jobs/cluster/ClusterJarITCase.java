package org.sessionreview.jobs.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarFile;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The cluster job jar holds our code and the libraries a Flink cluster lacks, and nothing a
 * cluster's {@code lib/} provides: not one class of it is also in the test cluster's lib/ (Commons
 * Math aside: our dependency, shipped on purpose, loaded child-first), the live job's Kafka
 * connector and client, and not the {@code kafka} command's embedded broker.
 */
class ClusterJarITCase {
    private static final String OURS_ON_PURPOSE = "org/apache/commons/math3/";

    private static Set<String> classes(Path jar) throws IOException {
        try (JarFile j = new JarFile(jar.toFile())) {
            return j.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.endsWith(".class") && !n.startsWith("META-INF/"))
                    .collect(Collectors.toCollection(TreeSet::new));
        }
    }

    @Test
    void shouldCarryOurCodeAndParquetButNoFlinkRuntimeWhenBuiltForACluster() throws IOException {
        Path jar = ClusterRuns.clusterJar();
        Set<String> classes = classes(jar);
        try (JarFile j = new JarFile(jar.toFile())) {
            assertEquals(
                    "org.sessionreview.jobs.Main",
                    j.getManifest().getMainAttributes().getValue("Main-Class"));
        }
        for (String needed : List.of(
                "org/sessionreview/jobs/Main.class",
                "org/apache/flink/formats/parquet/",
                "org/apache/parquet/hadoop/",
                "org/apache/hadoop/conf/Configuration.class",
                "com/fasterxml/jackson/databind/",
                "org/apache/commons/math3/")) {
            assertTrue(classes.stream().anyMatch(c -> c.startsWith(needed)), "missing " + needed);
        }
        for (String provided : List.of(
                "org/apache/flink/runtime/",
                "org/apache/flink/streaming/",
                "org/apache/flink/api/",
                "org/apache/flink/configuration/",
                "org/apache/flink/shaded/",
                "org/slf4j/",
                "org/apache/logging/",
                "scala/")) {
            // the Kafka connector has classes of its own under org/apache/flink/streaming/ (not in lib/)
            assertTrue(
                    classes.stream()
                            .noneMatch(
                                    c -> c.startsWith(provided)
                                            && !c.startsWith("org/apache/flink/streaming/connectors/kafka/")
                                            && !c.startsWith(
                                                    "org/apache/flink/streaming/util/serialization/JSONKeyValueDeserializationSchema")),
                    "holds " + provided);
        }
        // the live job's Kafka connector and client travel with it
        for (String needed : List.of(
                "org/apache/flink/connector/kafka/source/KafkaSource.class",
                "org/apache/kafka/clients/producer/KafkaProducer.class")) {
            assertTrue(classes.contains(needed), "missing " + needed);
        }
        // the `kafka` command's broker runs from session-review.jar only (kafka-clients has some
        // org/apache/kafka/server/ interfaces of its own, so that prefix is not a sign of the broker)
        for (String broker : List.of(
                "kafka/",
                "org/apache/kafka/server/BrokerFeatures",
                "org/apache/kafka/raft/",
                "org/apache/kafka/metadata/",
                "org/apache/kafka/storage/internals/log/")) {
            assertTrue(classes.stream().noneMatch(c -> c.startsWith(broker)), "holds the Kafka broker: " + broker);
        }
        long mb = Files.size(jar) >> 20;
        assertTrue(mb < 60, jar + " is " + mb + " MB");
    }

    @Test
    void shouldShareNoClassWithTheClustersLibWhenBuiltForACluster() throws IOException {
        Set<String> ours = classes(ClusterRuns.clusterJar());
        Set<String> shared = new TreeSet<>();
        try (Stream<Path> jars = Files.list(FlinkTestCluster.defaultLib())) {
            for (Path lib : jars.filter(p -> p.toString().endsWith(".jar")).toList()) {
                for (String c : classes(lib)) {
                    if (ours.contains(c) && !c.startsWith(OURS_ON_PURPOSE)) {
                        shared.add(lib.getFileName() + ": " + c);
                    }
                }
            }
        }
        assertEquals(
                Collections.emptySet(),
                shared.stream().limit(50).collect(Collectors.toCollection(TreeSet::new)),
                shared.size() + " classes of the cluster jar are also in the cluster's lib/");
    }
}
