package io.flowseg.service;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.LongStream;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.junit.jupiter.api.Test;

class PartitionWorkTest {

    @Test
    void givingUpCancelsOnlyTheWorkNotYetDone() {
        PartitionWork<String> work = new PartitionWork<>(null);
        CompletableFuture<String> done = CompletableFuture.completedFuture("results");
        CompletableFuture<String> running = new CompletableFuture<>();
        work.add(0, "a".getBytes(StandardCharsets.UTF_8), done);
        work.add(1, "b".getBytes(StandardCharsets.UTF_8), running);
        work.cancelUnfinished();
        assertTrue(running.isCancelled(), "unfinished work is given up");
        assertFalse(done.isCancelled(), "finished work keeps its results");
    }

    @Test
    void aStudyDoneFirstIsPublishedFirstAndTheCommitNamesItUntilThePrefixCatchesUp() {
        PartitionWork<String> work = new PartitionWork<>(null);
        CompletableFuture<String> routine1 = new CompletableFuture<>();
        CompletableFuture<String> routine2 = new CompletableFuture<>();
        CompletableFuture<String> stat = new CompletableFuture<>();
        work.add(10, key("r1"), routine1);
        work.add(11, key("r2"), routine2);
        work.add(12, key("stat"), stat);

        stat.complete("stat");
        List<PartitionWork.Entry<String>> first = work.publishable();
        assertEquals(List.of(12L), offsets(first));
        OffsetAndMetadata commit = work.commitAfter(first);
        assertEquals(10, commit.offset(), "10 and 11 are not published yet");
        assertEquals(List.of(12L), PartitionWork.decode(commit.offset(), commit.metadata()));
        work.published(first);
        assertEquals(List.of(), work.publishable(), "nothing is published twice");

        routine1.complete("r1");
        List<PartitionWork.Entry<String>> second = work.publishable();
        assertEquals(List.of(10L), offsets(second));
        commit = work.commitAfter(second);
        assertEquals(11, commit.offset());
        assertEquals(List.of(12L), PartitionWork.decode(commit.offset(), commit.metadata()));
        work.published(second);

        routine2.complete("r2");
        List<PartitionWork.Entry<String>> third = work.publishable();
        commit = work.commitAfter(third);
        assertEquals(13, commit.offset(), "the prefix passes the study published ahead of it");
        assertEquals("", commit.metadata());
        work.published(third);
        assertEquals(0, work.inProgress());
        assertEquals(0, work.window());
    }

    @Test
    void aStudyWaitsBehindAnUnfinishedEarlierEventWithTheSameKey() {
        PartitionWork<String> work = new PartitionWork<>(null);
        CompletableFuture<String> firstVersion = new CompletableFuture<>();
        work.add(0, key("study-7"), firstVersion);
        work.add(1, key("study-7"), CompletableFuture.completedFuture("second version"));
        work.add(2, key("study-8"), CompletableFuture.completedFuture("other study"));

        assertEquals(List.of(2L), offsets(work.publishable()), "study-7's second result must not overtake its first");
        firstVersion.complete("first version");
        assertEquals(List.of(0L, 1L, 2L), offsets(work.publishable()));
    }

    @Test
    void aResumedPartitionSkipsWhatTheCommitSaysWasPublished() {
        PartitionWork<String> before = new PartitionWork<>(null);
        CompletableFuture<String> slow = new CompletableFuture<>();
        before.add(5, key("a"), slow);
        before.add(6, key("b"), CompletableFuture.completedFuture("b"));
        before.add(7, key("c"), CompletableFuture.completedFuture("c"));
        OffsetAndMetadata committed = before.commitAfter(before.publishable());
        // The process dies here, after the transaction with 6 and 7 committed.

        PartitionWork<String> after = new PartitionWork<>(committed);
        assertFalse(after.skip(5));
        after.add(5, key("a"), CompletableFuture.completedFuture("a"));
        assertTrue(after.skip(6));
        assertTrue(after.skip(7));
        List<PartitionWork.Entry<String>> redone = after.publishable();
        assertEquals(List.of(5L), offsets(redone));
        assertEquals(new OffsetAndMetadata(8, ""), after.commitAfter(redone));
    }

    @Test
    void theLargestWindowsMetadataFitsKafkasLimitAndForeignMetadataIsIgnored() {
        long first = 1_000_000_000L;
        List<Long> everyOther = LongStream.range(1, StudyProcessor.MAX_WINDOW).filter(i -> i % 2 == 1)
                .mapToObj(i -> first + i).toList();
        String metadata = PartitionWork.encode(first, everyOther);
        assertTrue(metadata.getBytes(StandardCharsets.UTF_8).length < 4096, metadata.length() + " bytes");
        assertEquals(everyOther, PartitionWork.decode(first, metadata));
        assertEquals(List.of(), PartitionWork.decode(first, "written by another tool"));
    }

    private static byte[] key(String id) {
        return id.getBytes(StandardCharsets.UTF_8);
    }

    private static List<Long> offsets(List<PartitionWork.Entry<String>> entries) {
        return entries.stream().map(PartitionWork.Entry::offset).toList();
    }
}
