// Sends raw Kafka records (one per line of a file: KEY<TAB>VALUE) for the live-damaged probes:
//   java -cp session-review.jar validation/live-damaged/Raw.java BOOTSTRAP TOPIC FILE
// (Java's single-file source launcher; the jar brings kafka-clients). Keys and values as written,
// so that damaged JSON reaches the live job as a producer other than replay would send it.
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

public class Raw {
    public static void main(String[] args) throws Exception {
        Properties p = new Properties();
        p.put("bootstrap.servers", args[0]);
        p.put("key.serializer", StringSerializer.class.getName());
        p.put("value.serializer", StringSerializer.class.getName());
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p)) {
            for (String line : Files.readAllLines(Path.of(args[2]))) {
                int tab = line.indexOf('\t');
                producer.send(new ProducerRecord<>(args[1], line.substring(0, tab), line.substring(tab + 1))).get();
            }
        }
        System.out.println("sent " + Files.readAllLines(Path.of(args[2])).size() + " records");
    }
}
