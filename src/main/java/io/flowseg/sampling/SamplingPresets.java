package io.flowseg.sampling;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The presets a service or command knows, by name; asking for another is a clear error. */
public final class SamplingPresets {
    private final Map<String, SamplingPreset> byName = new LinkedHashMap<>();

    public SamplingPresets(Collection<SamplingPreset> presets) {
        for (SamplingPreset preset : presets) {
            if (byName.putIfAbsent(preset.name(), preset) != null) {
                throw new IllegalArgumentException("preset " + preset.name() + " is defined twice");
            }
        }
    }

    /** The preset of that name (case-insensitive, surrounding blanks ignored). */
    public SamplingPreset get(String name) {
        SamplingPreset preset = byName.get(name.trim().toLowerCase(java.util.Locale.ROOT));
        if (preset == null) {
            throw new IllegalArgumentException("unknown sampling preset '" + name + "' (known: "
                    + String.join(", ", byName.keySet()) + ")");
        }
        return preset;
    }

    public List<SamplingPreset> all() {
        return List.copyOf(byName.values());
    }
}
