package io.flowseg.wire;

import io.flowseg.events.ImageStudy;
import org.apache.avro.specific.SpecificRecord;

/**
 * Confluent's wire format through the schema registry: the codec of every flowseg topic. Keys are
 * the study id as an Avro string, as Confluent's clients write them.
 */
public final class RegistryEventCodec implements EventCodec {
    private final AvroEventDecoder<ImageStudy> studies;
    private final AvroEventEncoder encoder;

    public RegistryEventCodec(SchemaRegistryClient registry, SubjectNameStrategy strategy, boolean autoRegister) {
        this.studies = new AvroEventDecoder<>(registry, ImageStudy.class);
        this.encoder = new AvroEventEncoder(registry, strategy, autoRegister);
    }

    @Override
    public ImageStudy decodeStudy(byte[] value) {
        try {
            return studies.decode(value);
        } catch (EventDecodingException e) {
            if (e.isTransient()) {
                throw new TransientCodecException(e.getMessage(), e);
            }
            throw e;
        }
    }

    @Override
    public byte[] encodeKey(String topic, String studyId) {
        return encode(topic, true, studyId);
    }

    @Override
    public byte[] encodeValue(String topic, SpecificRecord record) {
        return encode(topic, false, record);
    }

    private byte[] encode(String topic, boolean isKey, Object value) {
        try {
            return encoder.encode(topic, isKey, value);
        } catch (SchemaRegistryException e) {
            if (e.isTransient()) {
                throw new TransientCodecException(e.getMessage(), e);
            }
            throw e;
        }
    }
}
