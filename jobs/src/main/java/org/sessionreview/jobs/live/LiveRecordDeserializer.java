package org.sessionreview.jobs.live;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.sessionreview.live.LiveJson;
import org.sessionreview.live.LiveMessage;

/**
 * A Kafka record as a {@link LiveMessage}, with where it was read. Never throws: a record that is
 * not a usable message becomes one with {@link LiveMessage#problem} set, so that a malformed
 * message ends in the dead-letter topic and the rejects table instead of failing (and, with
 * restarts, stalling) the job.
 */
public final class LiveRecordDeserializer implements KafkaRecordDeserializationSchema<LiveMessage> {
    private static final long serialVersionUID = 1L;

    @Override
    public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<LiveMessage> out) {
        LiveMessage m = LiveJson.parse(record.key(), record.value());
        m.topic = record.topic();
        m.partition = record.partition();
        m.offset = record.offset();
        m.timestampMillis = record.timestamp();
        out.collect(m);
    }

    @Override
    public TypeInformation<LiveMessage> getProducedType() {
        return TypeInformation.of(LiveMessage.class);
    }
}
