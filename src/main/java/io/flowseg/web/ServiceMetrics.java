package io.flowseg.web;

import io.flowseg.alerts.Severity;
import io.flowseg.monitoring.MonitoringListener;
import io.flowseg.service.ProcessingListener;
import io.flowseg.service.RejectReason;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * The service's Prometheus metrics (at /q/metrics): studies processed, rejected by reason, alerts
 * by severity, batch sizes, and latency histograms for queueing, sampling and end to end. Labels
 * never carry study or patient data, only reason codes and severities.
 */
@ApplicationScoped
public class ServiceMetrics implements ProcessingListener, MonitoringListener {
    private final MeterRegistry registry;
    private final Counter processed;
    private final Timer queued;
    private final Timer sampling;
    private final Timer endToEnd;
    private final DistributionSummary batchStudies;

    public ServiceMetrics(MeterRegistry registry) {
        this.registry = registry;
        this.processed = Counter.builder("flowseg.studies.processed")
                .description("Studies whose results were committed").register(registry);
        this.queued = latency("flowseg.study.queued", "From receiving a study to its sampling starting");
        this.sampling = latency("flowseg.study.sampling", "Sampling and summarising a study's batch");
        this.endToEnd = latency("flowseg.study.end.to.end", "From a study's Kafka timestamp to its results");
        this.batchStudies = DistributionSummary.builder("flowseg.batch.studies")
                .description("Studies sampled together in one engine call")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32).register(registry);
    }

    private Timer latency(String name, String description) {
        return Timer.builder(name).description(description).publishPercentileHistogram()
                .minimumExpectedValue(Duration.ofMillis(10)).maximumExpectedValue(Duration.ofMinutes(10))
                .register(registry);
    }

    @Override
    public void processed(long queuedMs, long samplingMs, long endToEndMs) {
        processed.increment();
        queued.record(Duration.ofMillis(queuedMs));
        sampling.record(Duration.ofMillis(samplingMs));
        endToEnd.record(Duration.ofMillis(endToEndMs));
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
