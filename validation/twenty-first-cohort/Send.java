import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Sends hand-made Kafka messages for the twenty-first audit: one record per line of FILE, key and
 * value separated by the first tab. Run with the jar on the class path (it holds kafka-clients):
 * {@code java -cp session-review.jar Send.java HOST:PORT TOPIC FILE}.
 */
public class Send {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        int n = 0;
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String line : Files.readAllLines(Path.of(args[2]), StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab < 0) {
                    continue;
                }
                producer.send(new ProducerRecord<>(args[1], line.substring(0, tab), line.substring(tab + 1))).get();
                n++;
            }
        }
        System.out.println("sent " + n + " messages");
    }
}
