package org.sessionreview.jobs.report.svg;

import java.util.Locale;

/**
 * A small SVG writer: elements with attributes and text, every attribute value and every text
 * escaped, numbers written with at most 2 decimals in a locale-independent form. The report's
 * charts are built from it in plain Java (no chart library); the pages insert the result as
 * markup, so this class is where an id or a code read from a table is made harmless.
 */
public final class Svg {
    private final StringBuilder out = new StringBuilder();

    /** Starts an {@code <svg>} of {@code width} x {@code height} user units that scales to its box. */
    public Svg(double width, double height, String cssClass, String label) {
        out.append("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
                .append(num(width))
                .append(' ')
                .append(num(height))
                .append("\" class=\"")
                .append(escape(cssClass))
                .append("\" role=\"img\" aria-label=\"")
                .append(escape(label))
                .append("\">\n");
    }

    /** Escapes text for an XML/HTML text node or a double-quoted attribute. */
    public static String escape(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '&' -> b.append("&amp;");
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') {
                        b.append(' ');
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }

    /** A number as SVG wants it: at most 2 decimals, no trailing zeros, never {@code -0}. */
    public static String num(double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("not a finite coordinate: " + v);
        }
        String t = String.format(Locale.ROOT, "%.2f", v);
        t = t.replaceAll("\\.?0+$", "");
        return t.equals("-0") ? "0" : t;
    }

    /** Opens an element; {@code attrs} are name/value pairs (values escaped; Doubles as numbers). */
    public Svg open(String name, Object... attrs) {
        tag(name, attrs);
        out.append(">");
        return this;
    }

    /** Closes an element. */
    public Svg close(String name) {
        out.append("</").append(name).append(">\n");
        return this;
    }

    /** An empty element. */
    public Svg empty(String name, Object... attrs) {
        tag(name, attrs);
        out.append("/>\n");
        return this;
    }

    /** An element holding escaped text. */
    public Svg text(String name, String text, Object... attrs) {
        tag(name, attrs);
        out.append('>').append(escape(text)).append("</").append(name).append(">\n");
        return this;
    }

    /** A {@code <title>} child: the tooltip and accessible name of the enclosing element. */
    public Svg title(String text) {
        return text("title", text);
    }

    /** Raw markup made by this class's callers from constants (pattern definitions). */
    public Svg raw(String markup) {
        out.append(markup);
        return this;
    }

    private void tag(String name, Object... attrs) {
        if (attrs.length % 2 != 0) {
            throw new IllegalArgumentException("attributes come in name/value pairs");
        }
        out.append('<').append(name);
        for (int i = 0; i < attrs.length; i += 2) {
            Object v = attrs[i + 1];
            if (v == null) {
                continue;
            }
            String value =
                    v instanceof Double d ? num(d) : v instanceof Integer n ? n.toString() : escape(v.toString());
            out.append(' ').append(attrs[i]).append("=\"").append(value).append('"');
        }
    }

    /** The finished document. */
    public String finish() {
        return out + "</svg>\n";
    }
}
