package org.sessionreview.jobs.live;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

/**
 * How far the live job's input is behind: the input topic's end offsets minus the offsets the
 * job's consumer group has committed. Flink's Kafka source commits its offsets when a checkpoint
 * completes, so a job that keeps up shows about one checkpoint interval of messages; a lag that
 * grows from one reading to the next is a job falling behind.
 */
final class InputLag implements AutoCloseable {
    private static final long TIMEOUT_MS = 10_000;

    /**
     * One reading.
     *
     * @param endOffsets sum of the input partitions' end offsets: messages sent so far
     * @param committed sum of the group's committed offsets: messages the job has consumed and checkpointed
     */
    record Reading(long endOffsets, long committed) {
        long lag() {
            return endOffsets - committed;
        }
    }

    private final Admin admin;
    private final String topic;
    private final String group;

    InputLag(String bootstrap, String topic, String group) {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS);
        p.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, (int) TIMEOUT_MS / 2);
        p.put(AdminClientConfig.CLIENT_ID_CONFIG, "session-review-live-bench-lag");
        this.admin = Admin.create(p);
        this.topic = topic;
        this.group = group;
    }

    /** The current reading (a partition the group has not committed counts from offset 0). */
    Reading read() throws Exception {
        Map<TopicPartition, OffsetAndMetadata> committed = admin.listConsumerGroupOffsets(group)
                .partitionsToOffsetAndMetadata()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
        Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
        admin.describeTopics(List.of(topic))
                .allTopicNames()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .get(topic)
                .partitions()
                .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
        long end = 0;
        for (ListOffsetsResult.ListOffsetsResultInfo i : admin.listOffsets(latest)
                .all()
                .get(TIMEOUT_MS, TimeUnit.MILLISECONDS)
                .values()) {
            end += i.offset();
        }
        long done = 0;
        for (Map.Entry<TopicPartition, OffsetAndMetadata> e : committed.entrySet()) {
            if (e.getKey().topic().equals(topic) && e.getValue() != null) {
                done += e.getValue().offset();
            }
        }
        return new Reading(end, done);
    }

    @Override
    public void close() {
        admin.close(Duration.ofSeconds(2));
    }
}
