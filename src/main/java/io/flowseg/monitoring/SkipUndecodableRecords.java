package io.flowseg.monitoring;

import io.flowseg.wire.EventDecodingException;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.streams.errors.DeserializationExceptionHandler;
import org.apache.kafka.streams.errors.ErrorHandlerContext;
import org.jboss.logging.Logger;

/**
 * One record that cannot be read must not stop the topology: it is logged by position and
 * skipped. A registry that cannot be reached is different: the thread fails and is replaced, and
 * the record is read again, never skipped for that.
 */
public final class SkipUndecodableRecords implements DeserializationExceptionHandler {
    private static final Logger LOG = Logger.getLogger(SkipUndecodableRecords.class);

    @Override
    public DeserializationHandlerResponse handle(ErrorHandlerContext context, ConsumerRecord<byte[], byte[]> record,
                                                 Exception exception) {
        if (exception instanceof EventDecodingException decoding && decoding.isTransient()) {
            LOG.warnf("the schema registry is unreachable while reading %s-%d@%d; retrying", record.topic(),
                    record.partition(), record.offset());
            return DeserializationHandlerResponse.FAIL;
        }
        // Position only: the record may carry a patient's study.
        LOG.warnf("skipped an unreadable record at %s-%d@%d: %s", record.topic(), record.partition(), record.offset(),
                exception.getMessage());
        return DeserializationHandlerResponse.CONTINUE;
    }

    @Override
    public void configure(Map<String, ?> configs) {
    }
}
