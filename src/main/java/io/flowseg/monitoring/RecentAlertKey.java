package io.flowseg.monitoring;

/**
 * Keys of the recent-alerts store: the raise time zero-padded first, so the store's order is time
 * order, then the study and policy, which make the key unique.
 */
final class RecentAlertKey {

    private RecentAlertKey() {
    }

    static String of(long raisedAtMillis, String studyId, String policyId) {
        return String.format("%019d/%s/%s", raisedAtMillis, studyId, policyId);
    }

    /** The smallest key raised at or after this time. */
    static String from(long raisedAtMillis) {
        return String.format("%019d/", raisedAtMillis);
    }
}
