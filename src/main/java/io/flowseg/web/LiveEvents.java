package io.flowseg.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.monitoring.AlertedCase;
import io.flowseg.monitoring.MonitoringStreams;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.streams.errors.InvalidStateStoreException;
import org.jboss.logging.Logger;

/**
 * Server-sent events for the dashboard (GET /api/events): a {@code case} event when a study has
 * raised an alert and its pictures can be shown (its segmentation is in, or it waited long enough),
 * and a {@code stats} event with the last 24 hourly windows every few seconds. One thread polls
 * the stores for all listeners; each listener has its own cursor.
 */
@Path("/api/events")
@ApplicationScoped
public class LiveEvents {
    private static final Logger LOG = Logger.getLogger(LiveEvents.class);
    private static final Duration POLL = Duration.ofSeconds(1);
    private static final int STATS_EVERY_POLLS = 5;
    /** A case whose segmentation has not come after this long is shown without its pictures. */
    private static final Duration SEGMENTATION_WAIT = Duration.ofSeconds(10);
    /** Cases raised this long before a listener connected are announced too (the page's first fetch may have missed them). */
    private static final Duration OVERLAP = Duration.ofSeconds(5);
    private static final int CASES = 24;

    private final MonitoringStreams streams;
    private final StatisticsResource statistics;
    private final ObjectMapper json;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private ScheduledExecutorService poller;
    private long polls;

    public LiveEvents(MonitoringStreams streams, StatisticsResource statistics, ObjectMapper json) {
        this.streams = streams;
        this.statistics = statistics;
        this.json = json;
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void subscribe(@Context SseEventSink sink, @Context Sse sse) {
        listeners.add(new Listener(sink, sse, Instant.now().minus(OVERLAP)));
        startPolling();
    }

    private synchronized void startPolling() {
        if (poller == null) {
            poller = DaemonScheduler.named("flowseg-live-events");
            poller.scheduleWithFixedDelay(this::poll, 0, POLL.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private void poll() {
        listeners.removeIf(listener -> listener.sink.isClosed());
        if (listeners.isEmpty()) {
            return;
        }
        try {
            List<AlertedCase> cases = streams.queries().alertedCases(CASES);
            String stats = polls++ % STATS_EVERY_POLLS == 0
                    ? json.writeValueAsString(statistics.query(StatisticsWindow.HOURLY, 24, null, null).value()) : null;
            Instant now = Instant.now();
            for (Listener listener : listeners) {
                listener.announce(cases, now);
                if (stats != null) {
                    listener.send("stats", stats);
                }
            }
        } catch (InvalidStateStoreException e) {
            LOG.debugf("stores not queryable yet: %s", e.getMessage());
        } catch (JsonProcessingException | RuntimeException e) {
            LOG.warnf("live events: %s", e.getMessage());
        }
    }

    void stop(@Observes ShutdownEvent event) {
        if (poller != null) {
            poller.shutdownNow();
        }
        listeners.forEach(listener -> listener.sink.close());
    }

    /** One open event stream and what it has been told. */
    private final class Listener {
        final SseEventSink sink;
        final Sse sse;
        final Instant since;
        /** Alerts announced per study: a case is announced again when it raises another. */
        final Map<String, Integer> announced = new HashMap<>();

        Listener(SseEventSink sink, Sse sse, Instant since) {
            this.sink = sink;
            this.sse = sse;
            this.since = since;
        }

        void announce(List<AlertedCase> cases, Instant now) throws JsonProcessingException {
            // Oldest first, so the page, which puts each new card on top, ends newest first.
            for (int i = cases.size() - 1; i >= 0; i--) {
                AlertedCase alerted = cases.get(i);
                boolean ready = alerted.segmentation().isPresent()
                        || alerted.raisedAt().plus(SEGMENTATION_WAIT).isBefore(now);
                if (alerted.raisedAt().isBefore(since) || !ready
                        || announced.getOrDefault(alerted.studyId(), 0) >= alerted.alerts().size()) {
                    continue;
                }
                announced.put(alerted.studyId(), alerted.alerts().size());
                send("case", json.writeValueAsString(CaseView.of(alerted)));
            }
        }

        void send(String name, String data) {
            if (!sink.isClosed()) {
                sink.send(sse.newEventBuilder().name(name).data(data).build());
            }
        }
    }
}
