package io.flowseg.cli;

import io.flowseg.benchmark.LoadBench;
import io.flowseg.sampling.SamplingSettings;
import java.time.Duration;
import java.util.List;
import picocli.CommandLine.Option;

/** {@code bench --load}: the arrival rates, their length and the share of STAT studies. */
final class LoadOptions {

    @Option(names = "--load", description = "Poisson arrivals through Kafka and the service: latency per priority at shares of the measured capacity")
    boolean load;

    @Option(names = "--load-shares", split = ",", defaultValue = "0.5,0.7,0.9,1.0", paramLabel = "SHARE",
            description = "with --load: arrival rates as shares of the capacity (default: ${DEFAULT-VALUE})")
    List<Double> shares;

    @Option(names = "--load-rates", split = ",", paramLabel = "RATE",
            description = "with --load: arrival rates in studies/s, instead of shares")
    List<Double> rates = List.of();

    @Option(names = "--load-duration", defaultValue = "60s", converter = DurationConverter.class,
            description = "with --load: how long studies arrive at each rate (default: ${DEFAULT-VALUE})")
    Duration duration;

    @Option(names = "--stat-share", defaultValue = "0", paramLabel = "SHARE",
            description = "with --load: share of arrivals that are STAT, the rest ROUTINE (default: ${DEFAULT-VALUE})")
    double statShare;

    LoadBench.Plan plan(SamplingSettings settings, long seed) {
        return new LoadBench.Plan(shares, rates, duration, statShare, settings.samples(), settings.guidance(),
                settings.steps(), settings.solver().id(), seed);
    }
}
