package io.flowseg.monitoring;

/** Another instance of the monitoring topology did not answer in time, or answered with an error. */
public final class PeerUnreachableException extends RuntimeException {
    private final String peer;

    public PeerUnreachableException(String peer, String reason) {
        super("the instance at " + peer + " did not answer: " + reason);
        this.peer = peer;
    }

    /** Its advertised address, host:port. */
    public String peer() {
        return peer;
    }
}
