package io.flowseg.sampling;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Iteration-level scheduling: jobs join between passes and leave on the pass that finishes them. */
class SamplingSessionTest {
    private static final int RESOLUTION = 4;
    private static final int PIXELS = RESOLUTION * RESOLUTION;

    private static TestFields.RecordingField field() {
        return new TestFields.RecordingField(1, RESOLUTION, (t, x, xOffset, images, imageOffset, out, outOffset) -> {
            for (int p = 0; p < PIXELS; p++) {
                out[outOffset + p] = (float) (images[imageOffset + p] - 0.5 * x[xOffset + p] + 0.1 * Math.sin(7 * t));
            }
        });
    }

    private static SamplingJob job(String id, int samples, int steps, float guidance) {
        return new SamplingJob(id, TestFields.image(PIXELS, 0.4f), new SamplingSettings(samples, guidance, steps,
                OdeSolver.EULER, (long) id.hashCode()), null);
    }

    /** Steps the session until the job with this ticket comes back; returns the passes that took. */
    private static int passesUntil(SamplingSession session, long ticket, List<SampleSet> into) {
        for (int passes = 1; ; passes++) {
            for (SamplingSession.Finished finished : session.step().finished()) {
                into.add(finished.samples());
                if (finished.ticket() == ticket) {
                    return passes;
                }
            }
        }
    }

    @Test
    void aShortJobAddedMidRunComesBackBeforeTheLongJobItJoined() {
        TestFields.RecordingField field = field();
        SamplingSession session = new SamplingSession(field, 16);
        long longTicket = session.add(job("long", 2, 40, 0.3f));
        for (int i = 0; i < 5; i++) {
            assertTrue(session.step().finished().isEmpty());
        }
        assertTrue(session.hasRoom(), "4 of 16 rows in use and nothing waiting");
        SamplingJob shortJob = job("short", 3, 4, 0.3f);
        long shortTicket = session.add(shortJob);
        int before = field.calls.size();

        List<SampleSet> finished = new ArrayList<>();
        assertEquals(4, passesUntil(session, shortTicket, finished), "the short job takes its own 4 steps");
        assertEquals(List.of(shortJob), finished.stream().map(SampleSet::request).toList(), "the long job is still running");
        assertEquals(4 + 6, field.calls.get(before).batch(), "it joined the very next pass");
        assertEquals(4 * 6, finished.get(0).networkEvaluations());

        passesUntil(session, longTicket, finished);
        assertEquals(40, field.calls.size(), "the long job's 40 passes carried the short one");
        assertTrue(session.idle());

        SampleSet alone = new FlowSampler(field(), 16).sample(List.of(shortJob), SamplingProgress.NONE).get(0);
        for (int i = 0; i < 3; i++) {
            assertArrayEquals(alone.samples()[i], finished.get(0).samples()[i], "samples do not depend on company");
        }
    }

    @Test
    void aHeldJobKeepsItsStateWhileAnotherRunsAloneInRowsItWouldHaveTaken() {
        TestFields.RecordingField field = field();
        SamplingSession session = new SamplingSession(field, 8);
        SamplingJob routine = job("routine", 4, 6, 0.3f); // all 8 rows
        long routineTicket = session.add(routine);
        session.step();
        session.step();
        SamplingJob stat = job("stat", 2, 3, 0.3f);
        long statTicket = session.add(stat);
        int before = field.calls.size();

        List<SampleSet> finished = new ArrayList<>();
        for (int pass = 0; pass < 3; pass++) {
            SamplingSession.Step step = session.step(ticket -> ticket == statTicket);
            assertEquals(4, step.rows(), "only the STAT job's rows run");
            step.finished().forEach(done -> finished.add(done.samples()));
        }
        assertEquals(List.of(stat), finished.stream().map(SampleSet::request).toList());
        assertEquals(List.of(4, 4, 4), field.calls.subList(before, before + 3).stream().map(TestFields.Call::batch).toList());

        passesUntil(session, routineTicket, finished);
        assertEquals(2 + 3 + 4, field.calls.size(), "the routine job resumed where it was held: 2 + 4 passes of its 6");
        assertTrue(session.idle());
        List<SampleSet> alone = new FlowSampler(field(), 8).sample(List.of(routine, stat), SamplingProgress.NONE);
        for (int job = 0; job < 2; job++) {
            SampleSet held = finished.get(1 - job); // finished: stat, then routine
            for (int i = 0; i < held.samples().length; i++) {
                assertArrayEquals(alone.get(job).samples()[i], held.samples()[i], "holding a job changes none of its samples");
            }
        }
    }

    @Test
    void samplesThatDoNotFitWaitAndLeaveNoRoom() {
        SamplingSession session = new SamplingSession(field(), 4);
        session.add(job("wide", 3, 2, 0.3f)); // 6 rows: two samples run, one waits
        session.step();
        assertFalse(session.hasRoom(), "a sample still waits for rows");
        assertEquals(1, session.jobsInProgress());
    }

    @Test
    void abandonHandsBackEveryJobInOrderAndLeavesTheSessionIdle() {
        SamplingSession session = new SamplingSession(field(), 4);
        long first = session.add(job("a", 2, 3, 0f));
        long second = session.add(job("b", 4, 3, 0.3f));
        session.step();
        assertEquals(List.of(first, second), session.abandon());
        assertTrue(session.idle());
        assertTrue(session.step().finished().isEmpty());
        assertEquals(0, session.step().rows());
    }
}
