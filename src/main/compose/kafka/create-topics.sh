#!/usr/bin/env bash
# The topics job of docker-compose.yml: creates every topic flowseg uses, and the schema registry's
# _schemas, on the stack's one Kafka node (replication factor 1). Running it again changes nothing.
# Partitions bound how many flowseg instances share the work; studies, uncertainty maps, segmentations
# and alerts, keyed by study, have the same count. Retention: studies (images) a few days, results a month,
# statistics as long as the daily windows stay queryable (flowseg.monitoring.daily-retention), dead
# letters longest, for the person who looks into them. Policies and schemas are compacted: a key's
# latest record is its value, kept for good.
set -euo pipefail
bootstrap="${KAFKA_BOOTSTRAP_SERVERS:-kafka:9092}"

create() {
  /opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --create --if-not-exists --replication-factor 1 "$@"
}

# Record sizes: studies up to flowseg.processor.max-message-bytes (16 MiB); maps and dead letters (which carry
# the event) up to flowseg's producer limit (KAFKA_MAX_REQUEST_SIZE, 20 MiB), so no accepted study's output
# is refused. Kafka's default is 1 MiB, too small for large images.
create --topic flowseg.studies             --partitions 12 --config retention.ms=259200000   --config max.message.bytes=16777216  # 3 days
create --topic flowseg.uncertainty-maps    --partitions 12 --config retention.ms=2592000000  --config max.message.bytes=20971520  # 30 days
create --topic flowseg.segmentations       --partitions 12 --config retention.ms=2592000000  --config max.message.bytes=20971520  # 30 days
create --topic flowseg.alerts              --partitions 12 --config retention.ms=2592000000   # 30 days
create --topic flowseg.statistics          --partitions 3  --config retention.ms=7776000000   # 90 days
create --topic flowseg.studies.dead-letter --partitions 3  --config retention.ms=15552000000 --config max.message.bytes=20971520  # 180 days
create --topic flowseg.policies            --partitions 1  --config cleanup.policy=compact
# The registry's store: one partition, compacted, as Confluent Schema Registry requires of it.
create --topic _schemas                    --partitions 1  --config cleanup.policy=compact

/opt/kafka/bin/kafka-topics.sh --bootstrap-server "$bootstrap" --describe --exclude-internal
