package io.flowseg.monitoring;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.alerts.PolicySelection;
import io.flowseg.alerts.Severity;
import io.flowseg.events.StudyRef;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.statistics.StudyFacts;
import io.flowseg.uncertainty.UncertaintySummary;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.apache.kafka.streams.state.TimestampedKeyValueStore;
import org.apache.kafka.streams.state.ValueAndTimestamp;
import org.jboss.logging.Logger;

/**
 * Evaluates each study's uncertainty map against the policies in force (the global policy table
 * as it stands when the study arrives) and raises at most one alert per study and policy: a
 * re-delivered result raises only alerts of policies that had not fired on that study, and is
 * not counted twice in the statistics.
 */
final class AlertEvaluator implements Processor<String, UncertaintyMap, String, Assessment> {
    private static final Logger LOG = Logger.getLogger(AlertEvaluator.class);
    private static final Duration PURGE_EVERY = Duration.ofMinutes(10);
    /** Policy ids are validated to letters, digits and ".-_"; a record written around the API may hold anything else but a line break. */
    private static final String ID_SEPARATOR = "\n";

    private final MonitoringSettings settings;
    private final MonitoringListener listener;
    private final Set<String> reportedBadPolicies = new HashSet<>();
    private ProcessorContext<String, Assessment> context;
    private TimestampedKeyValueStore<String, ThresholdPolicy> policies;
    private TimestampedKeyValueStore<String, String> delivered;
    private KeyValueStore<String, UncertaintyAlert> recentAlerts;
    /** The maps of the newest alerted studies, for the dashboard's cases. */
    private NewestKept<UncertaintyMap> alertedMaps;

    AlertEvaluator(MonitoringSettings settings, MonitoringListener listener) {
        this.settings = settings;
        this.listener = listener;
    }

    @Override
    public void init(ProcessorContext<String, Assessment> context) {
        this.context = context;
        this.policies = context.getStateStore(MonitoringStores.POLICIES);
        this.delivered = context.getStateStore(MonitoringStores.DELIVERED);
        this.recentAlerts = context.getStateStore(MonitoringStores.RECENT_ALERTS);
        this.alertedMaps = new NewestKept<>(context.getStateStore(MonitoringStores.ALERTED_MAPS), settings.recentCases());
        context.schedule(PURGE_EVERY, PunctuationType.STREAM_TIME, this::forgetStudiesBefore);
    }

    @Override
    public void process(Record<String, UncertaintyMap> record) {
        UncertaintyMap map = record.value();
        if (map == null) {
            return;
        }
        StudyRef study = map.getStudy();
        String studyId = study.getStudyId();
        ValueAndTimestamp<String> seen = delivered.get(studyId);
        Set<String> alerted = seen == null ? new LinkedHashSet<>() : policyIds(seen.value());
        UncertaintySummary summary = AlertEvents.summary(map.getSummary());
        // Stamped with the time raised, not acquired: the alerts topic's retention runs from now.
        long now = context.currentSystemTimeMs();
        List<Severity> raised = new ArrayList<>();
        for (AlertPolicy policy : PolicySelection.applicable(currentPolicies(), study.getSite(), study.getModality(),
                study.getBodyPart())) {
            Optional<Double> observed = alerted.contains(policy.id()) ? Optional.empty() : policy.firesOn(summary);
            if (observed.isPresent()) {
                UncertaintyAlert alert = AlertEvents.alert(policy, map, observed.get());
                context.forward(new Record<>(studyId, new Assessment.RaisedAlert(alert), now));
                recentAlerts.put(RecentAlertKey.of(now, studyId, policy.id()), alert);
                alerted.add(policy.id());
                raised.add(policy.severity());
                listener.alertRaised(policy.severity());
            }
        }
        if (seen == null || !raised.isEmpty()) {
            delivered.put(studyId, ValueAndTimestamp.make(String.join(ID_SEPARATOR, alerted), record.timestamp()));
        }
        if (seen == null) {
            StudyFacts facts = new StudyFacts(study.getSite(), study.getModality(),
                    map.getSummary().getMeanVariance(), raised);
            context.forward(new Record<>(studyId, new Assessment.CountedStudy(facts), record.timestamp()));
        }
        if (!raised.isEmpty()) {
            alertedMaps.keep(studyId, map);
            trimRecentAlerts();
        }
    }

    private List<AlertPolicy> currentPolicies() {
        List<AlertPolicy> current = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<ThresholdPolicy>> all = policies.all()) {
            while (all.hasNext()) {
                ThresholdPolicy record = all.next().value.value();
                try {
                    current.add(PolicyRecords.toPolicy(record));
                } catch (IllegalArgumentException e) {
                    if (reportedBadPolicies.add(record.getId() + "@" + record.getUpdatedAt())) {
                        LOG.warnf("policy %s is ignored: %s", record.getId(), e.getMessage());
                        listener.policyIgnored();
                    }
                }
            }
        }
        return current;
    }

    private static Set<String> policyIds(String joined) {
        Set<String> ids = new LinkedHashSet<>();
        Arrays.stream(joined.split(ID_SEPARATOR)).filter(id -> !id.isEmpty()).forEach(ids::add);
        return ids;
    }

    private void trimRecentAlerts() {
        long excess = recentAlerts.approximateNumEntries() - settings.recentAlerts();
        if (excess <= 0) {
            return;
        }
        List<String> oldest = new ArrayList<>();
        try (KeyValueIterator<String, UncertaintyAlert> all = recentAlerts.all()) {
            while (all.hasNext() && oldest.size() < excess) {
                oldest.add(all.next().key);
            }
        }
        oldest.forEach(recentAlerts::delete);
    }

    /** A study acquired longer than the retention before stream time is forgotten. */
    private void forgetStudiesBefore(long streamTime) {
        long cutoff = streamTime - settings.deliveredRetention().toMillis();
        List<String> old = new ArrayList<>();
        try (KeyValueIterator<String, ValueAndTimestamp<String>> all = delivered.all()) {
            while (all.hasNext()) {
                KeyValue<String, ValueAndTimestamp<String>> entry = all.next();
                if (entry.value.timestamp() < cutoff) {
                    old.add(entry.key);
                }
            }
        }
        old.forEach(delivered::delete);
    }
}
