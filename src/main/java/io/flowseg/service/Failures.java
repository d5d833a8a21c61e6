package io.flowseg.service;

/** What a failure says at its root, for log lines and readiness: Kafka wraps the telling cause deep down. */
final class Failures {

    private Failures() {
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage() != null ? root.getMessage() : root.getClass().getSimpleName();
    }
}
