package io.flowseg.service;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.BitSet;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;

/**
 * One input partition's studies between being taken and being committed. A study is published as
 * soon as it is done (a STAT study need not wait for the routine ones before it), except behind
 * an unfinished earlier event with the same key, so one study's results keep their order. Kafka
 * commits one offset per partition, so the commit is the first offset not yet published, and the
 * offsets already published beyond it travel in the commit's metadata, in the same transaction as
 * their results (as Confluent's parallel consumer does): whoever resumes from that commit skips
 * them. Not thread-safe; the processor's loop owns it.
 *
 * @param <T> what an event's work yields (its output records)
 */
final class PartitionWork<T> {
    /** Marks metadata this class wrote; any other metadata is ignored. */
    static final String METADATA_PREFIX = "flowseg-published-ahead:v1:";

    /** One taken event and its work. */
    record Entry<T>(long offset, ByteBuffer key, CompletableFuture<T> outcome) {
    }

    private final List<Entry<T>> pending = new LinkedList<>();
    /** Published (or found published in the commit's metadata) beyond the first unpublished offset. */
    private final TreeSet<Long> publishedAhead = new TreeSet<>();
    /** The offset after the last event taken, or -1 before the first. */
    private long nextToTake = -1;

    /** Resumes from a partition's committed offset and its metadata (null: nothing committed yet). */
    PartitionWork(OffsetAndMetadata committed) {
        if (committed != null) {
            nextToTake = committed.offset();
            publishedAhead.addAll(decode(committed.offset(), committed.metadata()));
        }
    }

    /** True when an earlier run published this offset already: it is skipped, counted as taken. */
    boolean skip(long offset) {
        if (publishedAhead.contains(offset)) {
            nextToTake = offset + 1;
            return true;
        }
        return false;
    }

    void add(long offset, byte[] key, CompletableFuture<T> outcome) {
        pending.add(new Entry<>(offset, key != null ? ByteBuffer.wrap(key) : null, outcome));
        nextToTake = offset + 1;
    }

    /** Offsets from the first unpublished one to the last taken: what the commit's metadata may have to name. */
    int window() {
        return pending.isEmpty() ? 0 : (int) (nextToTake - pending.get(0).offset());
    }

    int inProgress() {
        return pending.size();
    }

    /**
     * Gives up the work not yet done (this partition was taken away, or its transaction failed):
     * whoever resumes it redoes that work, so finishing it here would only delay what comes next.
     */
    void cancelUnfinished() {
        pending.forEach(entry -> entry.outcome().cancel(false));
    }

    /** Done entries, in offset order, that no unfinished earlier entry with the same key holds back. */
    List<Entry<T>> publishable() {
        List<Entry<T>> ready = new ArrayList<>();
        Set<ByteBuffer> waitingKeys = new HashSet<>();
        for (Entry<T> entry : pending) {
            boolean heldBack = entry.key() != null && waitingKeys.contains(entry.key());
            if (entry.outcome().isDone() && !heldBack) {
                ready.add(entry);
            } else if (entry.key() != null) {
                waitingKeys.add(entry.key());
            }
        }
        return ready;
    }

    /** The offset and metadata to commit once {@code published} are, or null when there is nothing to commit. */
    OffsetAndMetadata commitAfter(Collection<Entry<T>> published) {
        if (nextToTake < 0) {
            return null;
        }
        Set<Long> done = offsets(published);
        long first = pending.stream().mapToLong(Entry::offset).filter(offset -> !done.contains(offset)).findFirst()
                .orElse(nextToTake);
        TreeSet<Long> ahead = new TreeSet<>(publishedAhead.tailSet(first, false));
        done.stream().filter(offset -> offset > first).forEach(ahead::add);
        return new OffsetAndMetadata(first, encode(first, ahead));
    }

    private static Set<Long> offsets(Collection<? extends Entry<?>> entries) {
        Set<Long> offsets = new HashSet<>();
        entries.forEach(entry -> offsets.add(entry.offset()));
        return offsets;
    }

    /** Records that {@code published} were committed. */
    void published(Collection<Entry<T>> published) {
        OffsetAndMetadata commit = commitAfter(published);
        Set<Long> done = offsets(published);
        pending.removeIf(entry -> done.contains(entry.offset()));
        publishedAhead.clear();
        publishedAhead.addAll(decode(commit.offset(), commit.metadata()));
    }

    /** A bitset over the offsets after {@code first} (bit i: first + 1 + i), base64: small for any window. */
    static String encode(long first, Collection<Long> ahead) {
        if (ahead.isEmpty()) {
            return "";
        }
        BitSet bits = new BitSet();
        ahead.forEach(offset -> bits.set(Math.toIntExact(offset - first - 1)));
        return METADATA_PREFIX + Base64.getEncoder().encodeToString(bits.toByteArray());
    }

    static List<Long> decode(long first, String metadata) {
        if (metadata == null || !metadata.startsWith(METADATA_PREFIX)) {
            return List.of();
        }
        BitSet bits = BitSet.valueOf(Base64.getDecoder().decode(metadata.substring(METADATA_PREFIX.length())));
        return bits.stream().mapToObj(bit -> first + 1 + bit).toList();
    }
}
