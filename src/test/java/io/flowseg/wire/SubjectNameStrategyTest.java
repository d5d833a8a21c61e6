package io.flowseg.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.flowseg.events.ImageStudy;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

class SubjectNameStrategyTest {

    private static final Schema STUDY = ImageStudy.getClassSchema();
    private static final Schema STRING = Schema.create(Schema.Type.STRING);

    @Test
    void topicNameNamesTheKeyAndValueSubjectsAfterTheTopic() {
        assertEquals("studies-key", SubjectNameStrategy.TOPIC_NAME.subject("studies", true, STRING));
        assertEquals("studies-value", SubjectNameStrategy.TOPIC_NAME.subject("studies", false, STUDY));
    }

    @Test
    void recordNameUsesTheRecordsFullName() {
        assertEquals("io.flowseg.events.ImageStudy", SubjectNameStrategy.RECORD_NAME.subject("studies", false, STUDY));
        assertEquals("io.flowseg.events.ImageStudy", SubjectNameStrategy.RECORD_NAME.subject("other", true, STUDY));
    }

    @Test
    void topicRecordNameJoinsTopicAndFullName() {
        assertEquals("studies-io.flowseg.events.ImageStudy",
                SubjectNameStrategy.TOPIC_RECORD_NAME.subject("studies", false, STUDY));
    }

    @Test
    void onlyTopicNameServesPrimitives() {
        assertThrows(IllegalArgumentException.class, () -> SubjectNameStrategy.RECORD_NAME.subject("studies", true, STRING));
        assertThrows(IllegalArgumentException.class, () -> SubjectNameStrategy.TOPIC_RECORD_NAME.subject("studies", true, STRING));
    }

    @Test
    void parsesConstantNamesAndConfluentClassNames() {
        assertEquals(SubjectNameStrategy.TOPIC_RECORD_NAME, SubjectNameStrategy.parse("topic_record_name"));
        assertEquals(SubjectNameStrategy.RECORD_NAME, SubjectNameStrategy.parse("RecordNameStrategy"));
        assertEquals(SubjectNameStrategy.TOPIC_NAME,
                SubjectNameStrategy.parse("io.confluent.kafka.serializers.subject.TopicNameStrategy"));
        assertThrows(IllegalArgumentException.class, () -> SubjectNameStrategy.parse("SubjectNameStrategy"));
    }
}
