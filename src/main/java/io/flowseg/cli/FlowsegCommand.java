package io.flowseg.cli;

import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

/** The one entry point; each job is a subcommand. */
@TopCommand
@Command(name = "flowseg", mixinStandardHelpOptions = true, version = "flowseg 0.1.0",
        description = "Uncertainty-aware segmentation with conditional flow matching.",
        subcommands = {ServeCommand.class, DemoCommand.class, SampleCommand.class, TrainCommand.class, EvalCommand.class,
                BenchCommand.class, SynthCommand.class, EngineCommand.class})
public class FlowsegCommand {
}
