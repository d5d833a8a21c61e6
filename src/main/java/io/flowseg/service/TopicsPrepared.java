package io.flowseg.service;

/** Fired (a CDI event) once the service's topics exist and the policy topic holds a policy: the monitoring topology can run. */
public record TopicsPrepared() {
}
