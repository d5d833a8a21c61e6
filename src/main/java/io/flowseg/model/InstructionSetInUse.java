package io.flowseg.model;

/**
 * The instruction-set caps this process runs libtorch under, and how they were chosen, as the
 * launcher put them in the environment ({@code flowseg-jvm}: probed, cached, or set by the user).
 */
public record InstructionSetInUse(String oneDnnCap, String atenCapability, String source, String detail) {

    public static InstructionSetInUse current() {
        return new InstructionSetInUse(System.getenv("ONEDNN_MAX_CPU_ISA"), System.getenv("ATEN_CPU_CAPABILITY"),
                System.getenv("FLOWSEG_CPU_ISA_SOURCE"), System.getenv("FLOWSEG_CPU_ISA_DETAIL"));
    }

    /** For logs, {@code flowseg engine} and readiness data, e.g. "oneDNN AVX2, ATen avx2 (probed: ...)". */
    public String describe() {
        String caps = "oneDNN " + (oneDnnCap != null ? oneDnnCap : "uncapped") + ", ATen "
                + (atenCapability != null ? atenCapability : "uncapped");
        String how = source != null ? source : "set outside the launcher";
        return caps + " (" + how + (detail != null && !detail.isBlank() ? ": " + detail : "") + ")";
    }
}
