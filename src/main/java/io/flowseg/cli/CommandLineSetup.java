package io.flowseg.cli;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import io.flowseg.imaging.ImageRejectedException;
import java.io.IOException;
import java.nio.file.NoSuchFileException;
import picocli.CommandLine;

/**
 * The picocli command line: a user's mistake is reported in one line, not as a stack trace. A
 * rejected image is bad input too, reported with its machine-readable reason.
 */
@ApplicationScoped
public class CommandLineSetup {
    static final int BAD_INPUT = 2;
    static final int IO_FAILURE = 1;

    @Produces
    CommandLine commandLine(CommandLine.IFactory factory) {
        return new CommandLine(FlowsegCommand.class, factory).setExecutionExceptionHandler((e, cmd, parsed) -> {
            if (e instanceof ImageRejectedException rejected) {
                cmd.getErr().println("flowseg " + cmd.getCommandName() + ": image rejected (" + rejected.reason()
                        + "): " + rejected.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof IllegalArgumentException) {
                cmd.getErr().println("flowseg " + cmd.getCommandName() + ": " + e.getMessage());
                return BAD_INPUT;
            }
            if (e instanceof IOException) {
                String message = e instanceof NoSuchFileException ? "file not found: " + e.getMessage() : e.getMessage();
                cmd.getErr().println("flowseg " + cmd.getCommandName() + ": " + message);
                return IO_FAILURE;
            }
            throw e;
        });
    }
}
