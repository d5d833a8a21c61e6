package io.flowseg.monitoring;

import io.flowseg.alerts.Severity;
import io.flowseg.statistics.StudyFacts;
import io.flowseg.statistics.WindowStatistics;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.AvroEventEncoder;
import io.flowseg.wire.RegistryAvroDeserializer;
import io.flowseg.wire.RegistryAvroSerializer;
import io.flowseg.wire.SchemaRegistryClient;
import io.flowseg.wire.SubjectNameStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.specific.SpecificRecord;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;

/**
 * Serdes of the monitoring topology: Confluent's wire format through the schema registry for
 * every topic and store of Avro records (keys are Avro strings, as the service writes them), and
 * compact binary forms for the internal statistics state.
 */
public final class MonitoringSerdes {
    private final SchemaRegistryClient registry;
    private final AvroEventEncoder encoder;

    public MonitoringSerdes(SchemaRegistryClient registry, SubjectNameStrategy strategy, boolean autoRegister) {
        this.registry = registry;
        this.encoder = new AvroEventEncoder(registry, strategy, autoRegister);
    }

    /** Study ids and policy ids, as Avro strings. */
    public Serde<String> key() {
        return Serdes.serdeFrom(new RegistryAvroSerializer<>(encoder, true),
                new RegistryAvroDeserializer<>(new AvroEventDecoder<>(registry, String.class)));
    }

    public <T extends SpecificRecord> Serde<T> value(Class<T> type) {
        return Serdes.serdeFrom(new RegistryAvroSerializer<>(encoder, false),
                new RegistryAvroDeserializer<>(new AvroEventDecoder<>(registry, type)));
    }

    /** The facts of a study, on their way to the statistics (the repartition topic). */
    static Serde<StudyFacts> facts() {
        return Serdes.serdeFrom((topic, facts) -> facts == null ? null : writeFacts(facts),
                (topic, bytes) -> bytes == null ? null : readFacts(bytes));
    }

    static Serde<WindowStatistics> windowStatistics() {
        return Serdes.serdeFrom((topic, statistics) -> statistics == null ? null : statistics.toBytes(),
                (topic, bytes) -> bytes == null ? null : WindowStatistics.fromBytes(bytes));
    }

    private static byte[] writeFacts(StudyFacts facts) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeUTF(facts.site());
            out.writeUTF(facts.modality());
            out.writeDouble(facts.meanVariance());
            out.writeByte(facts.alerts().size());
            for (Severity severity : facts.alerts()) {
                out.writeByte(severity.ordinal());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static StudyFacts readFacts(byte[] bytes) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            String site = in.readUTF();
            String modality = in.readUTF();
            double meanVariance = in.readDouble();
            int count = in.readUnsignedByte();
            List<Severity> alerts = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                alerts.add(Severity.values()[in.readUnsignedByte()]);
            }
            return new StudyFacts(site, modality, meanVariance, alerts);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
