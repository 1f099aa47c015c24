package org.sessionreview.jobs.sampledata;

/** One annotation file of a session: its name inside the session folder and its format. */
public record AnnotationFile(String name, AnnotationFormat format) {}
