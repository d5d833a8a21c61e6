package io.flowseg.monitoring;

import java.util.List;
import java.util.function.Function;

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

    /** The same answer in another form (filtered, shown), as partial as it was. */
    public <U> ClusterAnswer<U> map(Function<T, U> change) {
        return new ClusterAnswer<>(change.apply(value), unanswered);
    }
}
