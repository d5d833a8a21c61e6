package io.flowseg.monitoring;

import static io.flowseg.monitoring.MonitoringFixtures.SETTINGS;
import static io.flowseg.monitoring.MonitoringFixtures.map;
import static io.flowseg.monitoring.MonitoringFixtures.policy;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.alerts.AlertScope;
import io.flowseg.alerts.Comparator;
import io.flowseg.alerts.Severity;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.events.UncertaintyStatistics;
import io.flowseg.statistics.WindowStatistics;
import io.flowseg.wire.InMemorySchemaRegistry;
import io.flowseg.wire.SubjectNameStrategy;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.apache.kafka.streams.state.WindowStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The monitoring topology, driven through TopologyTestDriver (no broker). */
class MonitoringTopologyTest {
    private static final Instant T0 = Instant.parse("2026-11-28T10:00:00Z");
    private static final String FIGURE = "meanVarianceForeground";

    @TempDir
    Path stateDir;

    private TopologyTestDriver driver;
    private TestInputTopic<String, UncertaintyMap> maps;
    private TestInputTopic<String, ThresholdPolicy> policies;
    private TestOutputTopic<String, UncertaintyAlert> alerts;
    private TestOutputTopic<String, UncertaintyStatistics> statistics;

    @BeforeEach
    void start() {
        MonitoringSerdes serdes = new MonitoringSerdes(new InMemorySchemaRegistry(), SubjectNameStrategy.TOPIC_NAME, true);
        Properties config = new Properties();
        config.put(StreamsConfig.APPLICATION_ID_CONFIG, "monitoring-test");
        config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
        config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir.toString());
        config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, StreamsConfig.EXACTLY_ONCE_V2);
        driver = new TopologyTestDriver(MonitoringTopology.build(SETTINGS, serdes, MonitoringListener.NONE), config, T0);
        Serde<String> key = serdes.key();
        maps = driver.createInputTopic(SETTINGS.topics().uncertainty(), key.serializer(),
                serdes.value(UncertaintyMap.class).serializer());
        policies = driver.createInputTopic(SETTINGS.topics().policies(), key.serializer(),
                serdes.value(ThresholdPolicy.class).serializer());
        alerts = driver.createOutputTopic(SETTINGS.topics().alerts(), key.deserializer(),
                serdes.value(UncertaintyAlert.class).deserializer());
        statistics = driver.createOutputTopic(SETTINGS.topics().statistics(), key.deserializer(),
                serdes.value(UncertaintyStatistics.class).deserializer());
    }

    @AfterEach
    void stop() {
        driver.close();
    }

    @ParameterizedTest(name = "0.2 {0} {1} -> {2}")
    @CsvSource({"GT, 0.19, true", "GT, 0.2, false", "GE, 0.2, true", "GE, 0.21, false",
            "LT, 0.21, true", "LT, 0.2, false", "LE, 0.2, true", "LE, 0.19, false"})
    void everyComparatorDecidesOnTheWatchedFigure(Comparator comparator, double threshold, boolean fires) {
        put(policy("p", AlertScope.ANY, FIGURE, comparator, threshold, Severity.WARNING, true));

        send(map("study-1", "site-a", "CT", "CHEST", T0, 0.2));

        List<UncertaintyAlert> raised = alerts.readValuesToList();
        assertEquals(fires ? 1 : 0, raised.size());
        if (fires) {
            UncertaintyAlert alert = raised.get(0);
            assertEquals("p", alert.getPolicyId());
            assertEquals(FIGURE, alert.getFigure());
            assertEquals(comparator.name(), alert.getComparator());
            assertEquals(threshold, alert.getThreshold());
            assertEquals(0.2, alert.getObserved());
            assertEquals("WARNING", alert.getSeverity());
            assertEquals("study-1", alert.getStudy().getStudyId());
        }
    }

    @Test
    void theMostSpecificScopeWinsPerFigure() {
        put(policy("everywhere", AlertScope.ANY, FIGURE, Comparator.GT, 0.1, Severity.INFO, true));
        put(policy("site-a", new AlertScope("site-a", null, null), FIGURE, Comparator.GT, 0.5, Severity.WARNING, true));
        put(policy("ct-chest", new AlertScope(null, "CT", "CHEST"), FIGURE, Comparator.GT, 0.25, Severity.CRITICAL, true));
        // Another figure: applies beside whichever policy wins on meanVarianceForeground.
        put(policy("diversity", AlertScope.ANY, "sampleDiversity", Comparator.GE, 0.2, Severity.INFO, true));

        send(map("a-ct-chest", "site-a", "CT", "CHEST", T0, 0.3)); // two concrete fields beat one: ct-chest (0.25) fires
        send(map("a-mr-head", "site-a", "MR", "HEAD", T0, 0.3));   // site-a applies (0.5): silent
        send(map("b-mr-head", "site-b", "MR", "HEAD", T0, 0.3));   // only the catch-all: fires

        Map<String, List<String>> byStudy = alerts.readValuesToList().stream().collect(Collectors.groupingBy(
                a -> a.getStudy().getStudyId(), Collectors.mapping(UncertaintyAlert::getPolicyId, Collectors.toList())));
        assertEquals(List.of("ct-chest", "diversity"), sorted(byStudy.get("a-ct-chest")));
        assertEquals(List.of("diversity"), byStudy.get("a-mr-head"));
        assertEquals(List.of("diversity", "everywhere"), sorted(byStudy.get("b-mr-head")));
    }

    @Test
    void equallySpecificScopesFallToSiteThenSeverityThenId() {
        put(policy("modality", new AlertScope(null, "CT", null), FIGURE, Comparator.GT, 0.1, Severity.CRITICAL, true));
        put(policy("site", new AlertScope("site-a", null, null), FIGURE, Comparator.GT, 0.1, Severity.INFO, true));
        send(map("s1", "site-a", "CT", "CHEST", T0, 0.3));
        assertEquals(List.of("site"), policyIds(alerts.readValuesToList()), "a site beats a modality");

        put(policy("site-b-warning", new AlertScope("site-b", null, null), FIGURE, Comparator.GT, 0.1, Severity.WARNING, true));
        put(policy("site-b-critical", new AlertScope("SITE-B", null, null), FIGURE, Comparator.GT, 0.1, Severity.CRITICAL, true));
        send(map("s2", "site-b", "MR", "HEAD", T0, 0.3));
        assertEquals(List.of("site-b-critical"), policyIds(alerts.readValuesToList()), "then the higher severity");

        put(policy("site-c-2", new AlertScope("site-c", null, null), FIGURE, Comparator.GT, 0.1, Severity.INFO, true));
        put(policy("site-c-1", new AlertScope("site-c", null, null), FIGURE, Comparator.GT, 0.1, Severity.INFO, true));
        send(map("s3", "site-c", "MR", "HEAD", T0, 0.3));
        assertEquals(List.of("site-c-1"), policyIds(alerts.readValuesToList()), "then the smaller id");
    }

    @Test
    void aPolicyChangedMidStreamTakesEffectOnTheNextStudy() {
        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.1, Severity.WARNING, true));
        send(map("s1", "site-a", "CT", "CHEST", T0, 0.3));
        assertEquals(1, alerts.readValuesToList().size(), "fires at 0.1");

        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.5, Severity.WARNING, true));
        send(map("s2", "site-a", "CT", "CHEST", T0, 0.3));
        assertTrue(alerts.isEmpty(), "raised to 0.5: silent");

        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.1, Severity.CRITICAL, false));
        send(map("s3", "site-a", "CT", "CHEST", T0, 0.3));
        assertTrue(alerts.isEmpty(), "disabled: silent");

        put(policy("site-a", new AlertScope("site-a", null, null), FIGURE, Comparator.GT, 0.9, Severity.INFO, false));
        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.1, Severity.CRITICAL, true));
        send(map("s4", "site-a", "CT", "CHEST", T0, 0.3));
        List<UncertaintyAlert> raised = alerts.readValuesToList();
        assertEquals(List.of("p"), policyIds(raised), "re-enabled; a disabled narrower policy takes no part");
        assertEquals("CRITICAL", raised.get(0).getSeverity());
    }

    @Test
    void aReDeliveredResultRaisesNoSecondAlertAndCountsOnce() {
        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.1, Severity.WARNING, true));
        UncertaintyMap study = map("s1", "site-a", "CT", "CHEST", T0, 0.3);
        send(study);
        send(study);
        send(study);
        assertEquals(1, alerts.readValuesToList().size());

        // A policy added later fires on a re-delivery once, for itself only.
        put(policy("q", AlertScope.ANY, "sampleDiversity", Comparator.GT, 0.1, Severity.INFO, true));
        send(study);
        send(study);
        assertEquals(List.of("q"), policyIds(alerts.readValuesToList()));
        assertEquals(1, hourly("site-a", "CT", T0).studies());
    }

    @Test
    void windowsSplitAtTheHourAndTheDayOfAcquisition() {
        put(policy("p", AlertScope.ANY, FIGURE, Comparator.GT, 0.25, Severity.CRITICAL, true));
        Instant lastMs = T0.minusMillis(1); // 09:59:59.999
        send(map("before", "site-a", "CT", "CHEST", lastMs, 0.1));
        send(map("at", "site-a", "CT", "CHEST", T0, 0.3));
        send(map("later", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(59)), 0.2));
        send(map("other-modality", "site-a", "MR", "HEAD", T0, 0.2));

        WindowStatistics nine = hourly("site-a", "CT", T0.minus(Duration.ofHours(1)));
        WindowStatistics ten = hourly("site-a", "CT", T0);
        assertEquals(1, nine.studies());
        assertEquals(2, ten.studies());
        assertEquals(1, ten.alerts(Severity.CRITICAL));
        assertEquals(0.5, ten.highUncertaintyShare(), 1e-12);
        assertEquals(0.25, ten.meanVarianceMean(), 1e-12);
        // The sketch's quantile is the value at rank floor(0.95 (n - 1)): of {0.2, 0.3}, the lower.
        assertEquals(0.2, ten.meanVarianceP95(), 0.2 * WindowStatistics.RELATIVE_ACCURACY);
        assertEquals(1, hourly("site-a", "MR", T0).studies());
        assertEquals(3, daily("site-a", "CT", Instant.parse("2026-11-28T00:00:00Z")).studies());

        List<KeyValue<String, UncertaintyStatistics>> published = statistics.readKeyValuesToList();
        UncertaintyStatistics lastTen = published.stream()
                .filter(kv -> kv.key.equals("HOURLY/site-a/CT/2026-11-28T10:00:00Z")).reduce((a, b) -> b)
                .orElseThrow().value;
        assertEquals(2, lastTen.getStudies());
        assertEquals(StatisticsWindow.HOURLY, lastTen.getWindow());
        assertEquals(T0.plus(Duration.ofHours(1)), lastTen.getWindowEnd());
        assertEquals(1, lastTen.getAlertsCritical());
    }

    @Test
    void aLateStudyCountsWithinTheGracePeriodAndIsLeftOutAfterIt() {
        send(map("now", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(75)), 0.1)); // stream time 11:15
        send(map("late-in-grace", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(50)), 0.1)); // 10:50, window closes 11:30
        assertEquals(1, hourly("site-a", "CT", T0).studies());

        send(map("now-2", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(95)), 0.1)); // stream time 11:35
        send(map("too-late", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(55)), 0.1)); // 10:55: past grace
        assertEquals(1, hourly("site-a", "CT", T0).studies());
        assertEquals(4, daily("site-a", "CT", Instant.parse("2026-11-28T00:00:00Z")).studies(),
                "the day's window is still open");
    }

    @Test
    void aScannerClockAheadOfTheResultCannotCloseWindowsEarly() {
        // Acquired "tomorrow" by a wrong clock, produced now: counted at the result's time instead.
        Instant produced = T0.plus(Duration.ofMinutes(5));
        maps.pipeInput("ahead", map("ahead", "site-a", "CT", "CHEST", T0.plus(Duration.ofDays(1)), 0.1), produced);
        send(map("normal", "site-a", "CT", "CHEST", T0.plus(Duration.ofMinutes(1)), 0.1));
        assertEquals(2, hourly("site-a", "CT", T0).studies());
    }

    @Test
    void everyStoreLivesInMemoryWithChangelogsForWhatMustSurviveARestart() {
        // No RocksDB: state is small, and the changelog topics restore it after a restart.
        for (String store : List.of(MonitoringStores.DELIVERED, MonitoringStores.RECENT_ALERTS,
                MonitoringStores.ALERTED_MAPS, MonitoringStores.RECENT_SEGMENTATIONS, MonitoringStores.HOURLY,
                MonitoringStores.DAILY)) {
            assertFalse(driver.getAllStateStores().get(store).persistent(), store);
        }
        assertFalse(driver.getAllStateStores().get(MonitoringStores.POLICIES).persistent(), "policies");
    }

    private void put(ThresholdPolicy policy) {
        policies.pipeInput(policy.getId(), policy);
    }

    /** A result produced a minute after its acquisition. */
    private void send(UncertaintyMap map) {
        Instant acquired = map.getStudy().getAcquisitionTime();
        maps.pipeInput(map.getStudy().getStudyId(), map, acquired.plus(Duration.ofMinutes(1)));
    }

    private WindowStatistics hourly(String site, String modality, Instant start) {
        return fetch(MonitoringStores.HOURLY, site, modality, start);
    }

    private WindowStatistics daily(String site, String modality, Instant start) {
        return fetch(MonitoringStores.DAILY, site, modality, start);
    }

    private WindowStatistics fetch(String store, String site, String modality, Instant start) {
        WindowStore<String, WindowStatistics> windows = driver.getWindowStore(store);
        WindowStatistics found = windows.fetch(new ScopeKey(site, modality).encode(), start.toEpochMilli());
        return found != null ? found : new WindowStatistics();
    }

    private static List<String> policyIds(List<UncertaintyAlert> raised) {
        return raised.stream().map(UncertaintyAlert::getPolicyId).toList();
    }

    private static List<String> sorted(List<String> values) {
        return values.stream().sorted().toList();
    }
}
