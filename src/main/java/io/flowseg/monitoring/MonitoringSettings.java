package io.flowseg.monitoring;

import io.flowseg.config.TopicNames;
import java.time.Duration;

/**
 * How the monitoring topology runs ({@code flowseg.monitoring.*} and the topic names).
 *
 * @param topics             reads the uncertainty maps, the segmentations (kept for the dashboard's
 *                           images) and the policies (a global table); writes alerts and statistics
 * @param grace              how late (in acquisition time) a study may arrive and still count in its window
 * @param hourlyRetention    how long hourly windows stay queryable
 * @param dailyRetention     how long daily windows stay queryable
 * @param deliveredRetention how long a study is remembered, so a re-delivered result raises no second alert
 * @param recentAlerts       alerts kept for the API, per partition
 * @param recentCases        alerted studies whose images are kept for the dashboard, per partition
 * @param maxRecordBytes     the largest record the producers send ({@code kafka.max.request.size}), so the
 *                           largest result: the image stores' changelog topics accept records this large
 */
public record MonitoringSettings(TopicNames topics, Duration grace, Duration hourlyRetention,
                                 Duration dailyRetention, Duration deliveredRetention, int recentAlerts,
                                 int recentCases, int maxRecordBytes) {
}
