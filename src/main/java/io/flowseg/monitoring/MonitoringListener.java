package io.flowseg.monitoring;

import io.flowseg.alerts.Severity;

/** Told what the monitoring topology did, for metrics; called on a stream thread. */
public interface MonitoringListener {
    MonitoringListener NONE = new MonitoringListener() { };

    default void alertRaised(Severity severity) {
    }

    /** A policy record that no policy can come from (an unknown figure); it is ignored. */
    default void policyIgnored() {
    }
}
