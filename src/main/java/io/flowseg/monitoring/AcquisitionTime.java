package io.flowseg.monitoring;

import io.flowseg.events.UncertaintyMap;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.processor.TimestampExtractor;

/**
 * Statistics windows run on acquisition time: a backlog processed late still counts in the hours
 * its studies were acquired. A study stamped later than its result (a scanner's clock ahead) takes
 * the result's time instead, so one wrong clock cannot push stream time ahead and close every
 * window early; a result without an acquisition time (an older schema) takes its own.
 */
public final class AcquisitionTime implements TimestampExtractor {

    @Override
    public long extract(ConsumerRecord<Object, Object> record, long partitionTime) {
        long produced = record.timestamp() >= 0 ? record.timestamp() : partitionTime;
        if (record.value() instanceof UncertaintyMap map) {
            Instant acquired = map.getStudy().getAcquisitionTime();
            if (acquired != null && acquired.toEpochMilli() >= 0) {
                return Math.min(acquired.toEpochMilli(), produced);
            }
        }
        return produced;
    }
}
