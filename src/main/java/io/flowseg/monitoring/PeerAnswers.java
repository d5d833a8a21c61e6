package io.flowseg.monitoring;

import io.flowseg.config.TopicNames;
import io.flowseg.events.SegmentationResult;
import io.flowseg.events.StatisticsWindow;
import io.flowseg.events.UncertaintyAlert;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.statistics.WindowStatistics;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.kafka.common.serialization.Serde;

/**
 * The local answers instances send each other ({@link PeerClient}'s paths), as bytes. Records
 * travel in their topics' own wire format (Confluent's, through the schema registry), so two
 * versions side by side in a rolling update read each other as they read the topics; window
 * states travel as the stores keep them, sketch included, so that they merge exactly.
 */
public final class PeerAnswers {
    private final Serde<UncertaintyAlert> alerts;
    private final Serde<UncertaintyMap> maps;
    private final Serde<SegmentationResult> segmentations;
    private final TopicNames topics;

    public PeerAnswers(MonitoringSerdes serdes, TopicNames topics) {
        this.alerts = serdes.value(UncertaintyAlert.class);
        this.maps = serdes.value(UncertaintyMap.class);
        this.segmentations = serdes.value(SegmentationResult.class);
        this.topics = topics;
    }

    public byte[] writeAlerts(List<RecentAlert> recent) {
        return write(recent, (out, entry) -> {
            out.writeLong(entry.raisedAt().toEpochMilli());
            writeBytes(out, alerts.serializer().serialize(topics.alerts(), entry.alert()));
        });
    }

    public List<RecentAlert> readAlerts(byte[] bytes) {
        return read(bytes, in -> new RecentAlert(Instant.ofEpochMilli(in.readLong()),
                alerts.deserializer().deserialize(topics.alerts(), readBytes(in))));
    }

    /** Cases travel without their segmentation, which a list of cases does not show. */
    public byte[] writeCases(List<AlertedCase> cases) {
        return write(cases, (out, alerted) -> {
            writeBytes(out, writeAlerts(alerted.alerts()));
            writeBytes(out, writeMap(alerted.map()));
        });
    }

    public List<AlertedCase> readCases(byte[] bytes) {
        return read(bytes, in -> {
            List<RecentAlert> recent = readAlerts(readBytes(in));
            return AlertedCase.of(readMap(readBytes(in)), recent, Optional.empty());
        });
    }

    public byte[] writeWindows(List<ScopeWindow> windows) {
        return write(windows, (out, window) -> {
            out.writeUTF(window.scope().encode());
            out.writeLong(window.start().toEpochMilli());
            out.writeLong(window.end().toEpochMilli());
            writeBytes(out, window.statistics().toBytes());
        });
    }

    public List<ScopeWindow> readWindows(byte[] bytes, StatisticsWindow window) {
        return read(bytes, in -> new ScopeWindow(window, ScopeKey.decode(in.readUTF()),
                Instant.ofEpochMilli(in.readLong()), Instant.ofEpochMilli(in.readLong()),
                WindowStatistics.fromBytes(readBytes(in))));
    }

    public byte[] writeMap(UncertaintyMap map) {
        return maps.serializer().serialize(topics.uncertainty(), map);
    }

    public UncertaintyMap readMap(byte[] bytes) {
        return maps.deserializer().deserialize(topics.uncertainty(), bytes);
    }

    public byte[] writeSegmentation(SegmentationResult segmentation) {
        return segmentations.serializer().serialize(topics.segmentations(), segmentation);
    }

    public SegmentationResult readSegmentation(byte[] bytes) {
        return segmentations.deserializer().deserialize(topics.segmentations(), bytes);
    }

    private interface EntryWriter<T> {
        void write(DataOutputStream out, T entry) throws IOException;
    }

    private interface EntryReader<T> {
        T read(DataInputStream in) throws IOException;
    }

    /** A count, then the entries. */
    private static <T> byte[] write(List<T> entries, EntryWriter<T> writer) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(bytes)) {
            out.writeInt(entries.size());
            for (T entry : entries) {
                writer.write(out, entry);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static <T> List<T> read(byte[] bytes, EntryReader<T> reader) {
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
            int count = in.readInt();
            List<T> entries = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                entries.add(reader.read(in));
            }
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException("a peer's answer is cut short", e);
        }
    }

    private static void writeBytes(DataOutputStream out, byte[] value) throws IOException {
        out.writeInt(value.length);
        out.write(value);
    }

    private static byte[] readBytes(DataInputStream in) throws IOException {
        byte[] value = new byte[in.readInt()];
        in.readFully(value);
        return value;
    }
}
