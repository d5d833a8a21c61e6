package io.flowseg.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import org.apache.avro.specific.SpecificRecordBase;

/**
 * The API writes the contract's Avro records (policies, alerts, statistics, figures) as JSON with
 * the same field names as schemas/, leaving out Avro's own schema accessors.
 */
@Singleton
public class AvroJson implements ObjectMapperCustomizer {

    @Override
    public void customize(ObjectMapper mapper) {
        mapper.addMixIn(SpecificRecordBase.class, AvroRecordMixin.class);
    }

    @JsonIgnoreProperties({"schema", "specificData"})
    private abstract static class AvroRecordMixin {
    }
}
