package io.flowseg.monitoring;

import io.flowseg.events.SegmentationResult;
import java.util.ArrayDeque;
import java.util.Deque;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueStore;

/** Keeps the newest segmentations (mask and image preview) by study id, for the dashboard's cases. */
final class SegmentationKeeper implements Processor<String, SegmentationResult, Void, Void> {
    private final int capacity;
    private final Deque<String> order = new ArrayDeque<>();
    private KeyValueStore<String, SegmentationResult> segmentations;

    SegmentationKeeper(int capacity) {
        this.capacity = capacity;
    }

    @Override
    public void init(ProcessorContext<Void, Void> context) {
        segmentations = context.getStateStore(MonitoringStores.RECENT_SEGMENTATIONS);
    }

    @Override
    public void process(Record<String, SegmentationResult> record) {
        SegmentationResult result = record.value();
        if (result == null) {
            return;
        }
        String studyId = result.getStudy().getStudyId();
        segmentations.put(studyId, result);
        order.remove(studyId);
        order.addLast(studyId);
        while (order.size() > capacity) {
            segmentations.delete(order.removeFirst());
        }
    }
}
