package io.flowseg.model;

import ai.djl.Device;
import ai.djl.engine.Engine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks where the engine runs: the first GPU when the natives can see one, else the CPU. */
public final class ComputeDevice {
    private static final Logger LOG = LoggerFactory.getLogger(ComputeDevice.class);
    private static volatile Device chosen;

    private ComputeDevice() {
    }

    /** The device every model is placed on; decided and logged once per process. */
    public static Device get() {
        if (chosen == null) {
            synchronized (ComputeDevice.class) {
                if (chosen == null) {
                    Engine engine = Engine.getInstance();
                    chosen = engine.getGpuCount() > 0 ? Device.gpu() : Device.cpu();
                    LOG.info("flowseg engine: {} {} on {} ({} GPU(s) visible), CPU kernels: {}", engine.getEngineName(),
                            engine.getVersion(), chosen, engine.getGpuCount(), InstructionSetInUse.current().describe());
                }
            }
        }
        return chosen;
    }
}
