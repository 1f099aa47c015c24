package org.sessionreview.jobs.badinput;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * One case's session folder while its mutation runs: a fresh copy of the base session, with
 * helpers to damage it. Paths given to the helpers are relative to the case folder; {@code {C}}
 * and {@code {T}} stand for the client's and the therapist's wearable folder.
 */
public final class CaseFolder {
    private static final ObjectMapper JSON = new ObjectMapper();

    public final Path root;
    public final Path dir;
    public final Path intact;
    public final BaseSession base;
    public final String sessionId;

    CaseFolder(Path root, Path dir, Path intact, BaseSession base, String sessionId) {
        this.root = root;
        this.dir = dir;
        this.intact = intact;
        this.base = base;
        this.sessionId = sessionId;
    }

    /** {@code {C}} and {@code {T}} replaced by the wearable folders. */
    public String expand(String relative) {
        String t = base.therapistFolder();
        return relative.replace("{C}", base.clientFolder()).replace("{T}", t == null ? "{T}" : t);
    }

    public Path path(String relative) {
        return dir.resolve(expand(relative));
    }

    /** The file of a channel of the client ({@code EDA} -> {@code <client>/EDA.csv.gz}), as stored. */
    public String channel(String channel) {
        return channel("{C}", channel);
    }

    public String channel(String wearer, String channel) {
        String plain = wearer + "/" + channel + ".csv";
        return Files.exists(path(plain + ".gz")) ? plain + ".gz" : plain;
    }

    public String read(String relative) throws IOException {
        return TextFiles.read(path(relative));
    }

    public List<String> lines(String relative) throws IOException {
        return new ArrayList<>(read(relative).lines().toList());
    }

    public void write(String relative, String text) throws IOException {
        Path p = path(relative);
        Files.createDirectories(p.getParent());
        TextFiles.write(p, text);
    }

    /** Writes lines joined by {@code \n}, ending with one. */
    public void writeLines(String relative, List<String> lines) throws IOException {
        write(relative, String.join("\n", lines) + "\n");
    }

    /** Raw bytes, never compressed. */
    public void writeRaw(String relative, byte[] bytes) throws IOException {
        Path p = path(relative);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
    }

    /** Replaces 1-based line {@code line} of a file. */
    public void setLine(String relative, int line, String text) throws IOException {
        List<String> l = lines(relative);
        l.set(line - 1, text);
        writeLines(relative, l);
    }

    public void delete(String relative) throws IOException {
        Path p = path(relative);
        if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            try (Stream<Path> s = Files.walk(p)) {
                for (Path q : s.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(q);
                }
            }
        } else {
            Files.delete(p);
        }
    }

    public ObjectNode manifest() throws IOException {
        return (ObjectNode) JSON.readTree(path("session.json").toFile());
    }

    public void manifest(ObjectNode m) throws IOException {
        write("session.json", JSON.writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
    }

    /** Writes an annotation file and lists it in session.json. */
    public void addAnnotationFile(String name, String content) throws IOException {
        writeRaw(name, content.getBytes(StandardCharsets.UTF_8));
        listAnnotation(name);
    }

    public void listAnnotation(String name) throws IOException {
        ObjectNode m = manifest();
        m.withArray("annotations").add(name);
        manifest(m);
    }
}
