package org.sessionreview.jobs.live;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.functions.Function;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.kafka.clients.producer.ProducerRecord;

/**
 * A row as one JSON object on a Kafka topic (its public fields, snake_case; non-finite numbers as
 * null), keyed by its session id so that a session's records stay in order.
 */
final class JsonRecordSerializer<T> implements KafkaRecordSerializationSchema<T> {
    private static final long serialVersionUID = 1L;

    /** The record key of a row. */
    interface Key<T> extends Function {
        String of(T row);
    }

    private final String topic;
    private final Key<T> key;
    private transient ObjectMapper mapper;

    JsonRecordSerializer(String topic, Key<T> key) {
        this.topic = topic;
        this.key = key;
    }

    @Override
    public ProducerRecord<byte[], byte[]> serialize(T row, KafkaSinkContext context, Long timestamp) {
        if (mapper == null) {
            com.fasterxml.jackson.databind.module.SimpleModule finite =
                    new com.fasterxml.jackson.databind.module.SimpleModule();
            com.fasterxml.jackson.databind.JsonSerializer<Double> nullIfNotFinite =
                    new com.fasterxml.jackson.databind.JsonSerializer<>() {
                        @Override
                        public void serialize(
                                Double v,
                                com.fasterxml.jackson.core.JsonGenerator g,
                                com.fasterxml.jackson.databind.SerializerProvider p)
                                throws java.io.IOException {
                            if (v == null || !Double.isFinite(v)) {
                                g.writeNull();
                            } else {
                                g.writeNumber(v);
                            }
                        }
                    };
            finite.addSerializer(Double.class, nullIfNotFinite);
            finite.addSerializer(double.class, nullIfNotFinite);
            mapper = new ObjectMapper()
                    .registerModule(finite)
                    .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
                    .setVisibility(PropertyAccessor.ALL, JsonAutoDetect.Visibility.NONE)
                    .setVisibility(PropertyAccessor.FIELD, JsonAutoDetect.Visibility.PUBLIC_ONLY);
        }
        String k = key.of(row);
        try {
            return new ProducerRecord<>(
                    topic,
                    null,
                    null,
                    k == null ? null : k.getBytes(StandardCharsets.UTF_8),
                    mapper.writeValueAsBytes(row));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + row + " as JSON", e);
        }
    }
}
