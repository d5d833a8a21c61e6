package io.flowseg.monitoring;

import io.flowseg.events.StatisticsWindow;

/** Names of the topology's state stores, which the REST API queries (interactive queries). */
public final class MonitoringStores {
    /** Global: every policy by id. */
    public static final String POLICIES = "flowseg-policies";
    /** Studies seen, with the ids of the policies that alerted on them (re-delivery guard). */
    public static final String DELIVERED = "flowseg-delivered-studies";
    /** Recent alerts, keyed so that they sort by time ({@link RecentAlertKey}). */
    public static final String RECENT_ALERTS = "flowseg-recent-alerts";
    /** Uncertainty maps of recently alerted studies, by study id (in memory). */
    public static final String ALERTED_MAPS = "flowseg-alerted-maps";
    /** Recent segmentations, by study id (in memory), for the dashboard's image and mask. */
    public static final String RECENT_SEGMENTATIONS = "flowseg-recent-segmentations";
    public static final String HOURLY = "flowseg-statistics-hourly";
    public static final String DAILY = "flowseg-statistics-daily";

    private MonitoringStores() {
    }

    /** The window store of hourly or daily statistics. */
    static String of(StatisticsWindow window) {
        return window == StatisticsWindow.HOURLY ? HOURLY : DAILY;
    }
}
