package io.flowseg.benchmark;

import java.util.List;
import java.util.Map;

/** The environment variables the launcher ({@code flowseg-jvm}) sets, for child processes that must start without them. */
final class LauncherVariables {
    /** What the allocator choice puts in the environment. */
    static final List<String> ALLOCATOR = List.of("FLOWSEG_ALLOCATOR", "LD_PRELOAD", "MALLOC_CONF", "GLIBC_TUNABLES");
    /** What the instruction-set choice puts in the environment. */
    static final List<String> INSTRUCTION_SETS = List.of("ONEDNN_MAX_CPU_ISA", "ATEN_CPU_CAPABILITY",
            "FLOWSEG_CPU_ISA_SOURCE", "FLOWSEG_CPU_ISA_DETAIL");

    private LauncherVariables() {
    }

    static void remove(Map<String, String> environment, List<String> variables) {
        variables.forEach(environment::remove);
    }
}
