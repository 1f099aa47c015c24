package org.sessionreview.jobs.report;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Writes every page of a report into a folder: {@code index.html} (the review queue), {@code
 * sessions/<session_id>.html} per consented session, {@code trainees/<therapist_id>.html} and
 * {@code clients/<client_key>.html}. Pages link to each other with relative links, so the folder
 * works from a file and from any web server; nothing is fetched from elsewhere.
 */
public final class ReportPages {
    /** What the folder holds at its top level (the entries the output marker lists). */
    public static final List<String> ENTRIES = List.of("index.html", "sessions", "trainees", "clients");

    private ReportPages() {}

    /** How many pages of each kind were written. */
    public record Written(int sessions, int trainees, int clients, int withheld, int flagged) {}

    /** Writes the report of {@code tables} into {@code dir} (which exists). */
    public static Written write(ReportTables tables, Optional<VideoLinks> video, Path dir) throws IOException {
        ReportRenderer renderer = new ReportRenderer();
        QueueView queue = QueueView.of(tables);
        MethodsView methods = MethodsView.of(tables.footers(), List.of("sessions"));
        Map<String, Object> index = model("", "Review queue", methods);
        index.put("queue", queue);
        write(dir.resolve("index.html"), renderer.render("index.ftlh", index));

        SessionViews sessions = new SessionViews(tables, video);
        Files.createDirectories(dir.resolve("sessions"));
        for (Map<String, Object> s : tables.sessions()) {
            SessionView view = sessions.of(s);
            Map<String, Object> m = model("../", "Session " + view.header().sessionId(), methods);
            m.put("s", view);
            m.put("video", video.isPresent());
            write(dir.resolve("sessions").resolve(view.header().page()), renderer.render("session.ftlh", m));
        }
        TrendViews trends = new TrendViews(tables, queue);
        Files.createDirectories(dir.resolve("trainees"));
        Map<String, TrendViews.TraineeView> trainees = trends.trainees();
        for (TrendViews.TraineeView t : trainees.values()) {
            Map<String, Object> m = model("../", "Trainee " + t.therapistId(), methods);
            m.put("t", t);
            write(
                    dir.resolve("trainees").resolve(tables.names().trainee(t.therapistId())),
                    renderer.render("trainee.ftlh", m));
        }
        Files.createDirectories(dir.resolve("clients"));
        Map<String, TrendViews.ClientView> clients = trends.clients();
        for (TrendViews.ClientView c : clients.values()) {
            Map<String, Object> m = model("../", "Client " + SessionViews.shortKey(c.clientKey()), methods);
            m.put("c", c);
            write(
                    dir.resolve("clients").resolve(tables.names().client(c.clientKey())),
                    renderer.render("client.ftlh", m));
        }
        return new Written(
                tables.sessions().size(),
                trainees.size(),
                clients.size(),
                tables.withheld().size(),
                queue.flagged().size());
    }

    private static Map<String, Object> model(String root, String title, MethodsView methods) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("root", root);
        m.put("title", title);
        m.put("version", methods.version());
        return m;
    }

    private static void write(Path file, String html) throws IOException {
        Files.writeString(file, html, StandardCharsets.UTF_8);
    }
}
