package org.sessionreview.jobs.report;

import freemarker.core.HTMLOutputFormat;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * Renders the report's FreeMarker templates ({@code .ftlh} under {@code
 * /org/sessionreview/jobs/report/} on the class path).
 *
 * <p>Why FreeMarker: an Apache project, small (one jar, no dependencies), and in HTML output
 * format it escapes every {@code ${...}} value by default, so an id or evidence text from a table
 * can never become markup; templates stay logic-light because the views ({@link QueueView},
 * {@link SessionView}, {@link TrendViews}) hand them text. The only unescaped insertions are the
 * SVG charts ({@code ?no_esc}), which {@link org.sessionreview.jobs.report.svg.Svg} escapes as it
 * builds them. Locale ROOT, UTC and the {@code computer} number format keep pages the same
 * everywhere; template errors are thrown, never printed into a page; {@code ?api} and {@code
 * ?new} are disabled.
 */
public final class ReportRenderer {
    private final Configuration cfg;

    public ReportRenderer() {
        cfg = new Configuration(Configuration.VERSION_2_3_34);
        cfg.setClassForTemplateLoading(ReportRenderer.class, "/org/sessionreview/jobs/report/");
        cfg.setDefaultEncoding("UTF-8");
        cfg.setOutputEncoding("UTF-8");
        cfg.setRecognizeStandardFileExtensions(true);
        cfg.setOutputFormat(HTMLOutputFormat.INSTANCE);
        cfg.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        cfg.setLogTemplateExceptions(false);
        cfg.setWrapUncheckedExceptions(true);
        cfg.setFallbackOnNullLoopVariable(false);
        cfg.setLocale(Locale.ROOT);
        cfg.setTimeZone(TimeZone.getTimeZone("UTC"));
        cfg.setNumberFormat("computer");
        cfg.setAPIBuiltinEnabled(false);
        cfg.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    /** The page made by {@code template} (e.g. {@code session.ftlh}) from {@code model}. */
    public String render(String template, Map<String, Object> model) {
        try {
            StringWriter out = new StringWriter();
            cfg.getTemplate(template).process(model, out);
            return out.toString();
        } catch (IOException | TemplateException e) {
            throw new IllegalStateException("cannot render " + template + ": " + e.getMessage(), e);
        }
    }
}
