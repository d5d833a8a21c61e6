package io.flowseg.service;

/**
 * What a {@link ConnectionWatch.Check} found.
 *
 * @param reachable whether the broker or registry answered flowseg's connection settings
 * @param problem   why not, for an operator (never a credential); null when reachable
 */
public record ConnectionStatus(boolean reachable, String problem) {
    public static final ConnectionStatus REACHABLE = new ConnectionStatus(true, null);

    /** For readiness: "reachable", or the problem. */
    public String describe() {
        return reachable ? "reachable" : problem;
    }
}
