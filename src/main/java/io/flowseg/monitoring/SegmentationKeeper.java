package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;

/** Keeps the newest segmentations (mask and image preview) by study id, for the dashboard's cases. */
final class SegmentationKeeper implements Processor<String, SegmentationResult, Void, Void> {
    private final int capacity;
    private NewestKept<SegmentationResult> segmentations;

    SegmentationKeeper(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        segmentations = new NewestKept<>(context.getStateStore(MonitoringStores.RECENT_SEGMENTATIONS), capacity);
    }

    @Override
    public void process(Record<String, SegmentationResult> record) {
        SegmentationResult result = record.value();
        if (result != null) {
            segmentations.keep(result.getStudy().getStudyId(), result);
        }
    }
}
