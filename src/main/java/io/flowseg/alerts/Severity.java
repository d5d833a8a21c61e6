package io.flowseg.alerts;

/** How urgently a person should look at an alert. */
public enum Severity {
    INFO, WARNING, CRITICAL
}
