package io.flowseg.monitoring;

import io.flowseg.events.UncertaintyAlert;
import io.flowseg.statistics.StudyFacts;

/** What the alert evaluator passes on for one study: its new alerts, and (on first delivery) its facts for the statistics. */
sealed interface Assessment {

    record RaisedAlert(UncertaintyAlert alert) implements Assessment {
    }

    record CountedStudy(StudyFacts facts) implements Assessment {
    }
}
