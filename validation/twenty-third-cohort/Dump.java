import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Dumps every table of a review's output with DuckDB (an independent Parquet reader), one JSON
 * line per row: {@code java -cp duckdb_jdbc.jar Dump.java OUT JSONDIR [OUT JSONDIR]...} writes
 * {@code JSONDIR/<table>.jsonl} for each visible folder of OUT, reading its visible {@code *.parquet}
 * files (a name starting with '.' or '_' is hidden and skipped, as every Parquet reader does), and
 * {@code JSONDIR/files.txt} listing every entry under OUT (hidden ones too), for check.py.
 */
public class Dump {
    public static void main(String[] args) throws Exception {
        Class.forName("org.duckdb.DuckDBDriver");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:");
                Statement st = c.createStatement()) {
            for (int i = 0; i + 1 < args.length; i += 2) {
                Path out = Path.of(args[i]);
                Path json = Files.createDirectories(Path.of(args[i + 1]));
                try (Stream<Path> all = Files.walk(out)) {
                    Files.write(json.resolve("files.txt"), all.map(p -> out.relativize(p).toString())
                            .sorted().collect(Collectors.toList()));
                }
                List<Path> tables;
                try (Stream<Path> s = Files.list(out)) {
                    tables = s.filter(Files::isDirectory).filter(p -> visible(p)).sorted().toList();
                }
                for (Path t : tables) {
                    List<String> files;
                    try (Stream<Path> s = Files.list(t)) {
                        files = s.filter(p -> visible(p) && p.toString().endsWith(".parquet"))
                                .map(p -> "'" + p.toString().replace("'", "''") + "'").sorted().toList();
                    }
                    Path target = json.resolve(t.getFileName() + ".jsonl");
                    if (files.isEmpty()) {
                        Files.writeString(target, "");
                        continue;
                    }
                    st.execute("COPY (SELECT * FROM read_parquet([" + String.join(",", files)
                            + "])) TO '" + target.toString().replace("'", "''") + "' (FORMAT JSON)");
                }
            }
        }
    }

    private static boolean visible(Path p) {
        String n = p.getFileName().toString();
        return !n.startsWith(".") && !n.startsWith("_");
    }
}
