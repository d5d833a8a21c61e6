package io.flowseg.streaming;

/**
 * What {@link BrokerCheck} found.
 *
 * @param reachable whether the broker answered flowseg's connection settings
 * @param problem   why not, for an operator (never a credential); null when reachable
 */
public record BrokerStatus(boolean reachable, String problem) {
    public static final BrokerStatus REACHABLE = new BrokerStatus(true, null);

    /** For readiness: "reachable", or the problem. */
    public String describe() {
        return reachable ? "reachable" : problem;
    }
}
