package io.flowseg.model;

import java.util.List;

/**
 * The instruction-set caps the launcher tries, widest first: oneDNN's {@code ONEDNN_MAX_CPU_ISA}
 * value and the ATen CPU capability that goes with it ({@code ATEN_CPU_CAPABILITY}; none lets
 * ATen pick its widest). Both are read once, when libtorch loads, so they are set before the JVM
 * that runs the engine starts.
 */
public enum InstructionSet {
    ALL("ALL", null),
    AVX512_CORE("AVX512_CORE", "avx512"),
    AVX2("AVX2", "avx2"),
    SSE41("SSE41", "default");

    /** Tried in this order; the last is the narrowest and the fallback. */
    public static final List<InstructionSet> WIDEST_FIRST = List.of(values());

    private final String oneDnnCap;
    private final String atenCapability;

    InstructionSet(String oneDnnCap, String atenCapability) {
        this.oneDnnCap = oneDnnCap;
        this.atenCapability = atenCapability;
    }

    public String oneDnnCap() {
        return oneDnnCap;
    }

    /** The ATen capability to set, or null to leave ATen at its own default (its widest). */
    public String atenCapability() {
        return atenCapability;
    }
}
