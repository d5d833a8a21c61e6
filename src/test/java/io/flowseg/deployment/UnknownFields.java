package io.flowseg.deployment;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.AnnotatedMember;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * Finds the fields a deserialized manifest did not know. fabric8's model classes keep every
 * unknown field in an {@code @JsonAnySetter} map ({@code additionalProperties}) instead of
 * failing, so a misspelt {@code readinesProbe} would otherwise pass unnoticed (and the API server
 * would drop it just as quietly). The walk follows the properties Jackson itself sees, and reports
 * each any-setter map that caught something, by its path.
 */
final class UnknownFields {
    private final ObjectMapper mapper;

    UnknownFields(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The paths of the unknown fields under {@code value}, e.g. {@code spec.template.spec.containers[0].readinesProbe}. */
    List<String> in(Object value, String path) {
        List<String> found = new ArrayList<>();
        walk(value, path, found);
        return found;
    }

    private void walk(Object value, String path, List<String> found) {
        if (value == null || isLeaf(value)) {
            return;
        }
        if (value instanceof Map<?, ?> map) {
            map.forEach((key, child) -> walk(child, path + "[" + key + "]", found));
            return;
        }
        if (value instanceof Collection<?> items) {
            int index = 0;
            for (Object item : items) {
                walk(item, path + "[" + index++ + "]", found);
            }
            return;
        }
        BeanDescription description = mapper.getSerializationConfig().introspect(mapper.constructType(value.getClass()));
        AnnotatedMember anyGetter = description.findAnyGetter();
        if (anyGetter != null) {
            anyGetter.fixAccess(true);
        }
        if (anyGetter != null && anyGetter.getValue(value) instanceof Map<?, ?> unknown) {
            unknown.keySet().forEach(key -> found.add(path + "." + key));
        }
        for (BeanPropertyDefinition property : description.findProperties()) {
            AnnotatedMember accessor = property.getAccessor();
            if (accessor != null) {
                accessor.fixAccess(true);
                walk(accessor.getValue(value), path + "." + property.getName(), found);
            }
        }
    }

    private static boolean isLeaf(Object value) {
        return value instanceof CharSequence || value instanceof Number || value instanceof Boolean
                || value instanceof Enum<?> || value.getClass().isPrimitive();
    }
}
