package io.flowseg.web;

import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.monitoring.MonitoringQueries;
import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.service.TopicsPrepared;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.ToDoubleFunction;
import org.apache.kafka.streams.errors.InvalidStateStoreException;

/**
 * Prometheus gauges of the current hourly and daily window per site and modality (the same
 * figures as /api/stats): {@code flowseg_window_studies}, {@code flowseg_window_alerts{severity}},
 * {@code flowseg_window_high_uncertainty_share} (0 to 1), {@code flowseg_window_mean_variance_mean}
 * and {@code _p95}, each labelled window, site and modality. Read from the stores every 15 s; a
 * site with no study in the current window reads 0.
 */
@ApplicationScoped
public class WindowGauges {
    private static final Duration REFRESH = Duration.ofSeconds(15);

    private final MeterRegistry registry;
    private final MonitoringStreams streams;
    /** Current figures by window and scope; a scope once seen keeps its gauges. */
    private final Map<Tags, UncertaintyStatistics> current = new ConcurrentHashMap<>();
    private ScheduledExecutorService refresher;

    public WindowGauges(MeterRegistry registry, MonitoringStreams streams) {
        this.registry = registry;
        this.streams = streams;
    }

    /** Once the service's topics exist, the monitoring topology can run and fill its stores. */
    synchronized void start(@Observes TopicsPrepared prepared) {
        if (refresher == null) {
            refresher = DaemonScheduler.named("flowseg-window-gauges");
            refresher.scheduleWithFixedDelay(this::refresh, 0, REFRESH.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (refresher != null) {
            refresher.shutdownNow();
        }
    }

    void refresh() {
        try {
            MonitoringQueries queries = streams.queries();
            refresh(queries, StatisticsWindow.HOURLY, Duration.ofHours(1));
            refresh(queries, StatisticsWindow.DAILY, Duration.ofDays(1));
        } catch (InvalidStateStoreException e) {
            // starting or rebalancing: the next refresh will do
        }
    }

    private void refresh(MonitoringQueries queries, StatisticsWindow window, Duration size) {
        Instant now = Instant.now();
        Instant start = Instant.ofEpochMilli(now.toEpochMilli() - now.toEpochMilli() % size.toMillis());
        String label = window.name().toLowerCase(Locale.ROOT);
        current.replaceAll((tags, row) -> tags.stream().anyMatch(t -> t.getKey().equals("window")
                && t.getValue().equals(label)) ? empty(row) : row);
        for (UncertaintyStatistics row : queries.statistics(window, start, now)) {
            Tags tags = Tags.of("window", label, "site", row.getSite(), "modality", row.getModality());
            if (current.put(tags, row) == null) {
                register(tags);
            }
        }
    }

    private void register(Tags tags) {
        gauge("flowseg.window.studies", "Studies in the current window", tags, UncertaintyStatistics::getStudies);
        gauge("flowseg.window.alerts", "INFO alerts in the current window", tags.and("severity", "INFO"),
                tags, UncertaintyStatistics::getAlertsInfo);
        gauge("flowseg.window.alerts", "WARNING alerts in the current window", tags.and("severity", "WARNING"),
                tags, UncertaintyStatistics::getAlertsWarning);
        gauge("flowseg.window.alerts", "CRITICAL alerts in the current window", tags.and("severity", "CRITICAL"),
                tags, UncertaintyStatistics::getAlertsCritical);
        gauge("flowseg.window.high.uncertainty.share", "Share of studies with an alert", tags,
                UncertaintyStatistics::getHighUncertaintyShare);
        gauge("flowseg.window.mean.variance.mean", "Mean of the studies' mean variance", tags,
                UncertaintyStatistics::getMeanVarianceMean);
        gauge("flowseg.window.mean.variance.p95", "95th percentile of the studies' mean variance", tags,
                UncertaintyStatistics::getMeanVarianceP95);
    }

    private void gauge(String name, String description, Tags tags, ToDoubleFunction<UncertaintyStatistics> figure) {
        gauge(name, description, tags, tags, figure);
    }

    private void gauge(String name, String description, Tags meterTags, Tags scope,
                       ToDoubleFunction<UncertaintyStatistics> figure) {
        Gauge.builder(name, current, rows -> {
            UncertaintyStatistics row = rows.get(scope);
            return row == null ? 0 : figure.applyAsDouble(row);
        }).description(description).tags(meterTags).register(registry);
    }

    /** The same scope with nothing counted: the window it was in has passed. */
    private static UncertaintyStatistics empty(UncertaintyStatistics row) {
        return UncertaintyStatistics.newBuilder(row).setStudies(0).setAlertsInfo(0).setAlertsWarning(0)
                .setAlertsCritical(0).setHighUncertaintyStudies(0).setHighUncertaintyShare(0).setMeanVarianceMean(0)
                .setMeanVarianceP95(0).build();
    }
}
