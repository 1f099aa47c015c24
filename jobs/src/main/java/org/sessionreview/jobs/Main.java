package org.sessionreview.jobs;

public final class Main {
    public static void main(String[] args) {
        System.out.println("placeholder");
    }
}
