package io.flowseg.monitoring;

import java.util.List;

/**
 * An answer for the whole cluster, and the instances left out of it because they did not answer
 * (a partial answer when there are any).
 *
 * @param value      the merged answer of the instances that answered
 * @param unanswered why each missing instance is missing, naming its address
 */
public record ClusterAnswer<T>(T value, List<String> unanswered) {

    public boolean partial() {
        return !unanswered.isEmpty();
    }
}
