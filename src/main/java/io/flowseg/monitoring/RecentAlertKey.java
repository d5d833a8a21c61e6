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

    static java.time.Instant raisedAt(String key) {
        return java.time.Instant.ofEpochMilli(Long.parseLong(key.substring(0, key.indexOf('/'))));
    }
}
