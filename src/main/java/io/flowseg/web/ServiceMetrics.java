package io.flowseg.web;

import io.flowseg.alerts.Severity;
import io.flowseg.engine.Priority;
import io.flowseg.monitoring.MonitoringListener;
import io.flowseg.service.ProcessingListener;
import io.flowseg.service.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;

/**
 * The service's Prometheus metrics (at /q/metrics): studies processed, rejected by reason, alerts
 * by severity, batch sizes, and latency histograms for queueing, sampling and end to end. Labels
 * never carry study or patient data, only reason codes and severities.
 */
@ApplicationScoped
public class ServiceMetrics implements ProcessingListener, MonitoringListener {
    private final MeterRegistry registry;
    private final Counter processed;
    private final Map<Priority, Latencies> latencies = new EnumMap<>(Priority.class);
    private final DistributionSummary batchStudies;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("flowseg.studies.processed")
                .description("Studies whose results were committed").register(registry);
        for (Priority priority : Priority.values()) {
            latencies.put(priority, new Latencies(
                    latency("flowseg.study.queued", "From receiving a study to its sampling starting", priority),
                    latency("flowseg.study.sampling", "From a study's sampling starting to its result", priority),
                    latency("flowseg.study.end.to.end", "From a study's Kafka timestamp to its results", priority)));
        }
        this.batchStudies = DistributionSummary.builder("flowseg.batch.studies")
                .description("Studies in progress in the engine when a study started, itself included")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32).register(registry);
    }

    /** One study's three latencies, per priority so a STAT study's are read apart from the routine stream's. */
    private record Latencies(Timer queued, Timer sampling, Timer endToEnd) {
    }

    private Timer latency(String name, String description, Priority priority) {
        return Timer.builder(name).description(description).tag("priority", priority.name()).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    @Override
    public void processed(Priority priority, long queuedMs, long samplingMs, long endToEndMs) {
        processed.increment();
        Latencies latency = latencies.get(priority);
        latency.queued().record(Duration.ofMillis(queuedMs));
        latency.sampling().record(Duration.ofMillis(samplingMs));
        latency.endToEnd().record(Duration.ofMillis(endToEndMs));
    }

    @Override
    public void rejected(RejectReason reason) {
        Counter.builder("flowseg.studies.rejected").description("Events sent to the dead-letter topic")
                .tag("reason", reason.code()).register(registry).increment();
    }

    @Override
    public void alertRaised(Severity severity) {
        Counter.builder("flowseg.alerts").description("Alerts raised by the policies")
                .tag("severity", severity.name()).register(registry).increment();
    }

    @Override
    public void policyIgnored() {
        Counter.builder("flowseg.policies.ignored").description("Policy records no policy can come from")
                .register(registry).increment();
    }

    @Override
    public void batched(int studies) {
        batchStudies.record(studies);
    }
}
