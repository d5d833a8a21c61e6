package io.flowseg.benchmark;

import io.flowseg.config.FlowsegConfig;
import io.flowseg.config.TopicNames;
import io.flowseg.demo.DemoStudies;
import io.flowseg.engine.ProcessMemory;
import io.flowseg.events.ImageStudy;
import io.flowseg.events.StudyPriority;
import io.flowseg.events.UncertaintyMap;
import io.flowseg.service.StudyService;
import io.flowseg.uncertainty.Percentile;
import io.flowseg.wire.AvroEventDecoder;
import io.flowseg.wire.EventCodec;
import io.flowseg.wire.SchemaRegistryClient;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * {@code bench --load}: studies published through the embedded broker with Poisson arrivals, at
 * shares of the service's measured capacity (or at given rates), and the latency a consumer of the
 * results sees, per priority, beside the service time of one study alone with the same settings.
 * Latency is from handing a study to the producer to reading its uncertainty map, committed.
 */
@ApplicationScoped
public class LoadBench {
    private static final Duration RESULT_TIMEOUT = Duration.ofMinutes(20);
    private static final int SERVICE_TIME_STUDIES = 5;
    private static final Duration POLL = Duration.ofMillis(20);

    private final FlowsegConfig config;
    private final BenchStack bench;

    public LoadBench(FlowsegConfig config, BenchStack bench) {
        this.config = config;
        this.bench = bench;
    }

    /**
     * What to run.
     *
     * @param shares     arrival rates as shares of the measured capacity (ignored where {@code rates} is not empty)
     * @param rates      arrival rates in studies per second
     * @param duration   how long studies arrive at each rate
     * @param statShare  share of the arrivals that are STAT (the rest ROUTINE)
     */
    public record Plan(List<Double> shares, List<Double> rates, Duration duration, double statShare, int samples,
                       float guidance, int steps, String solver, long seed) {
    }

    public void run(Plan plan, PrintStream out) throws IOException {
        List<DemoStudies.NamedImage> images = DemoStudies.lidcImages(null);
        DemoStudies settings = DemoStudies.fixed(plan.samples(), plan.guidance(), plan.steps(), plan.solver());
        try (BenchStack.Running on = bench.start()) {
            out.printf("flowseg bench --load: %s, M = %d, w = %.1f, %d %s steps, up to %d studies and %s rows in the "
                            + "engine at once, %s%n", on.model.info().name(), plan.samples(), plan.guidance(), plan.steps(),
                    plan.solver(), config.processor().maxStudiesPerBatch(), config.engine().maxBatch(),
                    ProcessMemory.allocator());
            try (StudyService ignored = on.startService();
                 Traffic traffic = new Traffic(on.topics(), on.codec, on.client, on.connection)) {
                Source source = new Source(settings, images);
                traffic.burst(source.routine(2)); // warm-up: the JIT, the allocator, the first transaction
                double serviceMs = median(traffic.oneAtATime(source.routine(SERVICE_TIME_STUDIES)));
                int burst = 4 * config.processor().maxStudiesPerBatch();
                double capacity = traffic.burst(source.routine(burst));
                out.printf("service time of one study alone: %.0f ms (median of %d); capacity: %.3f studies/s "
                        + "(%d studies sent at once)%n%n", serviceMs, SERVICE_TIME_STUDIES, capacity, burst);
                out.printf("%-10s %8s %6s %9s %9s %9s %9s %9s %9s%n", "load", "rate/s", "sent", "done/s",
                        "priority", "p50 ms", "p95 ms", "p99 ms", "p99/svc");
                List<Double> rates = plan.rates().isEmpty()
                        ? plan.shares().stream().map(share -> share * capacity).toList() : plan.rates();
                for (double rate : rates) {
                    Run run = traffic.poisson(source, rate, plan.duration(), plan.statShare(), plan.seed());
                    String load = String.format(Locale.ROOT, "%.0f%%", 100 * rate / capacity);
                    boolean first = true;
                    for (Map.Entry<StudyPriority, List<Long>> entry : run.latencies().entrySet()) {
                        long[] ms = entry.getValue().stream().mapToLong(Long::longValue).toArray();
                        out.printf(Locale.ROOT, "%-10s %8s %6s %9s %9s %9d %9d %9d %9.2f%n", first ? load : "",
                                first ? String.format(Locale.ROOT, "%.3f", rate) : "", first ? run.sent() : "",
                                first ? String.format(Locale.ROOT, "%.3f", run.throughput()) : "", entry.getKey(),
                                Percentile.nearestRank(ms, 50), Percentile.nearestRank(ms, 95),
                                Percentile.nearestRank(ms, 99), Percentile.nearestRank(ms, 99) / serviceMs);
                        first = false;
                    }
                }
            }
        }
    }

    private static double median(List<Long> latencies) {
        return Percentile.nearestRank(latencies.stream().mapToLong(Long::longValue).toArray(), 50);
    }

    /** Fresh study ids over the LIDC images, so every study of the run is a new one. */
    private static final class Source {
        private final DemoStudies settings;
        private final List<DemoStudies.NamedImage> images;
        private int counter;

        Source(DemoStudies settings, List<DemoStudies.NamedImage> images) {
            this.settings = settings;
            this.images = images;
        }

        List<ImageStudy> routine(int count) {
            List<DemoStudies.NamedImage> named = new ArrayList<>(count);
            for (int i = 0; i < count; i++, counter++) {
                named.add(new DemoStudies.NamedImage(String.format("load-%06d", counter),
                        images.get(counter % images.size()).file()));
            }
            return settings.events(named, 0, 0);
        }

        /** One study, STAT with probability {@code statShare}. */
        ImageStudy drawn(Random random, double statShare) {
            return ImageStudy.newBuilder(routine(1).get(0))
                    .setPriority(random.nextDouble() < statShare ? StudyPriority.STAT : StudyPriority.ROUTINE).build();
        }
    }

    /**
     * One rate's arrivals.
     *
     * @param latencies  per priority, in milliseconds
     * @param throughput studies answered per second, from the first arrival to the last answer
     */
    private record Run(int sent, double throughput, Map<StudyPriority, List<Long>> latencies) {
    }

    /** The hospital side: a producer of studies and a read_committed consumer of their uncertainty maps. */
    private static final class Traffic implements AutoCloseable {
        private final TopicNames topics;
        private final EventCodec codec;
        private final KafkaProducer<byte[], byte[]> producer;
        private final KafkaConsumer<byte[], byte[]> consumer;
        private final AvroEventDecoder<UncertaintyMap> maps;
        private final Map<String, Long> sentAt = new ConcurrentHashMap<>();

        Traffic(TopicNames topics, EventCodec codec, SchemaRegistryClient registry, Map<String, Object> connection) {
            this.topics = topics;
            this.codec = codec;
            Map<String, Object> producing = new HashMap<>(connection);
            producing.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producing.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
            producing.put(ProducerConfig.LINGER_MS_CONFIG, 0);
            this.producer = new KafkaProducer<>(producing);
            Map<String, Object> consuming = new HashMap<>(connection);
            consuming.put(ConsumerConfig.GROUP_ID_CONFIG, "flowseg-bench-load");
            consuming.put(ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
            consuming.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
            consuming.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            consuming.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
            this.consumer = new KafkaConsumer<>(consuming);
            this.consumer.subscribe(List.of(topics.uncertainty()));
            this.maps = new AvroEventDecoder<>(registry, UncertaintyMap.class);
        }

        /** Each study sent once the one before it is answered; their latencies. */
        List<Long> oneAtATime(List<ImageStudy> studies) {
            List<Long> latencies = new ArrayList<>();
            for (ImageStudy study : studies) {
                send(study);
                awaitAnswers(Map.of(study.getStudyId(), study.getPriority())).latencies().values().forEach(latencies::addAll);
            }
            return latencies;
        }

        /** All studies sent at once; the studies answered per second. */
        double burst(List<ImageStudy> studies) {
            long start = System.nanoTime();
            Map<String, StudyPriority> expected = new HashMap<>();
            for (ImageStudy study : studies) {
                expected.put(study.getStudyId(), study.getPriority());
                send(study);
            }
            awaitAnswers(expected);
            return studies.size() / ((System.nanoTime() - start) / 1e9);
        }

        /** Studies arrive with exponential gaps of mean 1 / rate for the duration; then every answer is awaited. */
        Run poisson(Source source, double rate, Duration duration, double statShare, long seed) {
            Random random = new Random(seed);
            Map<String, StudyPriority> expected = new HashMap<>();
            Map<StudyPriority, List<Long>> latencies = new EnumMap<>(StudyPriority.class);
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            double next = start;
            int sent = 0;
            while (true) {
                next += -Math.log(1 - random.nextDouble()) / rate * 1e9;
                if (next >= end) {
                    break;
                }
                // Read answers while waiting for the next arrival, so latencies are taken when they happen.
                while (System.nanoTime() < next) {
                    collect(expected, latencies, Math.max(1, (long) ((next - System.nanoTime()) / 1e6)));
                }
                ImageStudy study = source.drawn(random, statShare);
                expected.put(study.getStudyId(), study.getPriority());
                send(study);
                sent++;
            }
            long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
            while (!expected.isEmpty() && System.nanoTime() < deadline) {
                collect(expected, latencies, POLL.toMillis());
            }
            double seconds = (System.nanoTime() - start) / 1e9;
            return new Run(sent, (sent - expected.size()) / seconds, latencies);
        }

        private Run awaitAnswers(Map<String, StudyPriority> expected) {
            Map<String, StudyPriority> waiting = new HashMap<>(expected);
            Map<StudyPriority, List<Long>> latencies = new EnumMap<>(StudyPriority.class);
            long deadline = System.nanoTime() + RESULT_TIMEOUT.toNanos();
            while (!waiting.isEmpty() && System.nanoTime() < deadline) {
                collect(waiting, latencies, POLL.toMillis());
            }
            if (!waiting.isEmpty()) {
                throw new IllegalStateException(waiting.size() + " studies unanswered after " + RESULT_TIMEOUT);
            }
            return new Run(expected.size(), 0, latencies);
        }

        /** Polls once; every awaited study answered is removed from {@code waiting} and its latency kept. */
        private void collect(Map<String, StudyPriority> waiting, Map<StudyPriority, List<Long>> latencies, long pollMs) {
            consumer.poll(Duration.ofMillis(Math.min(pollMs, 200))).forEach(record -> {
                long now = System.nanoTime();
                String id = maps.decode(record.value()).getStudy().getStudyId();
                StudyPriority priority = waiting.remove(id);
                if (priority != null) {
                    latencies.computeIfAbsent(priority, p -> new ArrayList<>())
                            .add(TimeUnit.NANOSECONDS.toMillis(now - sentAt.remove(id)));
                }
            });
        }

        private void send(ImageStudy study) {
            sentAt.put(study.getStudyId(), System.nanoTime());
            producer.send(new ProducerRecord<>(topics.studies(), codec.encodeKey(topics.studies(), study.getStudyId()),
                    codec.encodeValue(topics.studies(), study)));
            producer.flush();
        }

        @Override
        public void close() {
            producer.close();
            consumer.close();
        }
    }
}
