package io.flowseg.cli;

import ai.djl.engine.Engine;
import io.quarkus.picocli.runtime.annotations.TopCommand;
import picocli.CommandLine.Command;

@TopCommand
@Command(name = "flowseg", mixinStandardHelpOptions = true)
public class FlowsegCommand implements Runnable {
    @Override
    public void run() {
        Engine e = Engine.getInstance();
        System.out.println(e.getEngineName() + " " + e.getVersion() + " gpus=" + e.getGpuCount());
    }
}
