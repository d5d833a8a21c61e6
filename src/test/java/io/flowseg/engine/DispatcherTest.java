package io.flowseg.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.flowseg.imaging.Image;
import io.flowseg.imaging.ImageRejectedException;
import io.flowseg.sampling.OdeSolver;
import io.flowseg.sampling.SamplingSettings;
import io.flowseg.sampling.VelocityField;
import io.flowseg.uncertainty.UncertaintySettings;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The dispatcher's scheduling: results as soon as they are ready, urgent studies first, failures kept to their study. */
class DispatcherTest {
    private static final int RESOLUTION = 4;

    /** A field that holds the worker until the test opens its gate, and fails on a mostly dark image (one bright pixel). */
    private static final class GatedField implements VelocityField {
        final CountDownLatch open = new CountDownLatch(1);

        @Override
        public int imageChannels() {
            return 1;
        }

        @Override
        public int resolution() {
            return RESOLUTION;
        }

        @Override
        public float[] evaluate(float[] x, float[] images, float[] t, int batch) {
            try {
                assertTrue(open.await(30, TimeUnit.SECONDS), "the test opens the gate");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
            int pixels = RESOLUTION * RESOLUTION;
            for (int row = 0; row < batch; row++) {
                float sum = 0;
                for (int p = 0; p < pixels; p++) {
                    sum += images[row * pixels + p];
                }
                if (sum < 2) {
                    throw new IllegalStateException("this field cannot take a mostly dark image");
                }
            }
            float[] u = new float[x.length];
            for (int i = 0; i < u.length; i++) {
                u[i] = -0.5f * x[i];
            }
            return u;
        }
    }

    private static Study study(String id, int steps) {
        float[] pixels = new float[RESOLUTION * RESOLUTION];
        for (int i = 0; i < pixels.length; i++) {
            pixels[i] = i % 3;
        }
        return new Study(id, new Image(RESOLUTION, RESOLUTION, 1, pixels), null,
                new SamplingSettings(2, 0f, steps, OdeSolver.EULER, 1L), null);
    }

    private static Dispatcher dispatcher(GatedField field, int maxStudies, List<Integer> batchSizes) {
        return new Dispatcher(() -> new SegmentationEngine(field, 64, UncertaintySettings.defaults()), maxStudies,
                batchSizes::add);
    }

    /** Submits while the worker is held at its first pass, so the order of admission is the test's to choose. */
    private static List<String> completionOrder(GatedField field, Dispatcher dispatcher, List<CompletableFuture<DispatchedStudy>> futures)
            throws Exception {
        List<String> order = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> recorded = new ArrayList<>();
        for (CompletableFuture<DispatchedStudy> future : futures) {
            recorded.add(future.thenAccept(done -> order.add(done.result().study().id())));
        }
        field.open.countDown();
        // Await the recording actions themselves: the last study's may still run when its future is done.
        CompletableFuture.allOf(recorded.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        return order;
    }

    @Test
    void aShortStudyIsHandedBackBeforeTheLongStudyItSharesPassesWith() throws Exception {
        GatedField field = new GatedField();
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        try (Dispatcher dispatcher = dispatcher(field, 8, batchSizes)) {
            CompletableFuture<DispatchedStudy> slow = dispatcher.submit(study("long", 200));
            Thread.sleep(300); // the worker takes it and waits at the gate
            CompletableFuture<DispatchedStudy> quick = dispatcher.submit(study("short", 3));
            assertEquals(List.of("short", "long"), completionOrder(field, dispatcher, List.of(slow, quick)));
            assertEquals(2, quick.get().batchStudies(), "the short study ran beside the long one");
            assertEquals(0, dispatcher.pending());
        }
        assertEquals(List.of(2, 1), batchSizes);
    }

    @Test
    void cancelledStudiesLeaveTheEngineWhetherRunningOrQueued() throws Exception {
        GatedField field = new GatedField();
        List<Integer> batchSizes = Collections.synchronizedList(new ArrayList<>());
        try (Dispatcher dispatcher = dispatcher(field, 1, batchSizes)) {
            CompletableFuture<DispatchedStudy> running = dispatcher.submit(study("running", 500));
            Thread.sleep(300); // the worker takes it and waits at the gate
            CompletableFuture<DispatchedStudy> queued = dispatcher.submit(study("queued", 500));
            CompletableFuture<DispatchedStudy> wanted = dispatcher.submit(study("wanted", 2));
            running.cancel(false);
            queued.cancel(false);
            assertEquals(List.of("wanted"), completionOrder(field, dispatcher, List.of(wanted)));
            assertEquals(1, wanted.get().batchStudies(), "it ran alone: the cancelled study left the session");
            assertEquals(0, dispatcher.pending(), "cancelled studies no longer count as pending");
        }
        assertEquals(List.of(1), batchSizes, "only the wanted study was handed back");
    }

    @Test
    void aStatStudyPreemptsRunningRoutineWorkAndStartsAheadOfQueuedWork() throws Exception {
        GatedField field = new GatedField();
        try (Dispatcher dispatcher = dispatcher(field, 1, new ArrayList<>())) {
            CompletableFuture<DispatchedStudy> running = dispatcher.submit(study("running", 2));
            Thread.sleep(300);
            List<CompletableFuture<DispatchedStudy>> futures = new ArrayList<>(List.of(running,
                    dispatcher.submit(study("routine-1", 2)), dispatcher.submit(study("routine-2", 2)),
                    dispatcher.submit(study("urgent", 2), Priority.URGENT), dispatcher.submit(study("stat", 2), Priority.STAT)));
            // One study at a time per priority: STAT runs alone first, then URGENT, then the routine
            // study that was held where it was, then the queued ones, oldest first.
            assertEquals(List.of("stat", "urgent", "running", "routine-1", "routine-2"),
                    completionOrder(field, dispatcher, futures));
        }
    }

    @Test
    void aFailedPassFailsOnlyTheStudyThatCausesIt() throws Exception {
        GatedField field = new GatedField();
        try (Dispatcher dispatcher = dispatcher(field, 8, new ArrayList<>())) {
            Study bright = new Study("bright", new Image(RESOLUTION, RESOLUTION, 1, new float[RESOLUTION * RESOLUTION]),
                    null, study("x", 2).settings(), null);
            bright.image().pixels()[0] = 1000; // normalised: one pixel at 1, the rest 0, which the field refuses
            List<CompletableFuture<DispatchedStudy>> futures = List.of(dispatcher.submit(study("a", 4)),
                    dispatcher.submit(bright), dispatcher.submit(study("b", 4)));
            field.open.countDown();
            assertEquals("a", futures.get(0).get(30, TimeUnit.SECONDS).result().study().id());
            assertEquals("b", futures.get(2).get(30, TimeUnit.SECONDS).result().study().id());
            ExecutionException failed = assertThrows(ExecutionException.class, () -> futures.get(1).get(30, TimeUnit.SECONDS));
            assertInstanceOf(IllegalStateException.class, failed.getCause());
            assertEquals(0, dispatcher.pending());
        }
    }

    @Test
    void anImageTheModelCannotTakeFailsAtOnce() throws Exception {
        GatedField field = new GatedField();
        field.open.countDown();
        try (Dispatcher dispatcher = dispatcher(field, 8, new ArrayList<>())) {
            Study constant = new Study("flat", new Image(RESOLUTION, RESOLUTION, 1, new float[RESOLUTION * RESOLUTION]),
                    null, study("x", 2).settings(), null);
            ExecutionException failed = assertThrows(ExecutionException.class,
                    () -> dispatcher.submit(constant).get(30, TimeUnit.SECONDS));
            assertInstanceOf(ImageRejectedException.class, failed.getCause());
            assertEquals("ok", dispatcher.submit(study("ok", 2)).get(30, TimeUnit.SECONDS).result().study().id());
        }
    }
}
