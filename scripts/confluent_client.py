#!/usr/bin/python3
"""An independent Confluent client against flowseg: Debian's python3-confluent-kafka (librdkafka)
with python3-avro. Produces ImageStudy events through the schema registry, then consumes and
decodes the service's SegmentationResult and UncertaintyMap events, and prints what it read as
JSON lines. Run with /usr/bin/python3 (Debian's packages), not a pyenv python.

usage: confluent_client.py BOOTSTRAP REGISTRY_URL SCHEMAS_DIR STUDIES_TOPIC SEGMENTATIONS_TOPIC
                           UNCERTAINTY_TOPIC COUNT
"""
import datetime
import json
import sys
import time

import avro.schema
from confluent_kafka.avro import AvroConsumer, AvroProducer

WIDTH, HEIGHT = 40, 32


def image_pixels():
    """A bright disc on a dim, slightly textured background, uint8, row-major."""
    rows = []
    for y in range(HEIGHT):
        for x in range(WIDTH):
            inside = (x - WIDTH / 2) ** 2 + (y - HEIGHT / 2) ** 2 < 49
            rows.append(210 if inside else 30 + (x * 3 + y) % 11)
    return bytes(rows)


def study(index):
    study_id = "python-%03d" % index
    return study_id, {
        "studyId": study_id, "seriesId": study_id + ".1", "instanceId": study_id + ".1.1",
        "patientRef": "pseudo-python-%d" % index, "site": "python-site", "modality": "CT", "bodyPart": "CHEST",
        "acquisitionTime": datetime.datetime(2026, 11, 26, 9, 0, tzinfo=datetime.timezone.utc),
        "image": {"width": WIDTH, "height": HEIGHT, "channels": 1, "pixelType": "UINT8", "encoding": "RAW_LE",
                  "pixelSpacing": {"rowMm": 0.8, "columnMm": 0.8}, "pixels": image_pixels()},
        "sampling": {"samples": 2, "guidance": 0.3, "steps": 2, "solver": "euler", "seed": 1000 + index,
                     "model": None},
        "priority": "ROUTINE",
    }


def main(bootstrap, registry, schemas, studies_topic, segmentations_topic, uncertainty_topic, count):
    with open(schemas + "/ImageStudy.avsc") as f:
        value_schema = avro.schema.parse(f.read())
    key_schema = avro.schema.parse('"string"')
    producer = AvroProducer({"bootstrap.servers": bootstrap, "schema.registry.url": registry},
                            default_key_schema=key_schema, default_value_schema=value_schema)
    sent = []
    for index in range(count):
        study_id, event = study(index)
        producer.produce(topic=studies_topic, key=study_id, value=event)
        sent.append(study_id)
    producer.flush(30)

    consumer = AvroConsumer({"bootstrap.servers": bootstrap, "schema.registry.url": registry,
                             "group.id": "python-client", "auto.offset.reset": "earliest",
                             "isolation.level": "read_committed"})
    consumer.subscribe([segmentations_topic, uncertainty_topic])
    seen = {}
    deadline = time.time() + 120
    while len(seen) < 2 * count and time.time() < deadline:
        message = consumer.poll(0.5)
        if message is None or message.error():
            continue
        value = message.value()
        reference = value["study"]
        line = {"topic": message.topic(), "key": message.key(), "studyId": reference["studyId"],
                "site": reference["site"], "samples": value["settings"]["samples"],
                "seed": value["settings"]["seed"], "endToEndMs": value["timings"]["endToEndMs"]}
        if message.topic() == segmentations_topic:
            mask = value["consensusMask"]
            line.update(maskWidth=mask["width"], maskHeight=mask["height"], maskEncoding=mask["encoding"],
                        maskPngBytes=len(mask["data"]), pngSignature=mask["data"][:4] == b"\x89PNG")
        else:
            line.update(meanVariance=value["summary"]["meanVariance"],
                        foregroundAreaMm2=value["summary"]["foregroundAreaMm2"])
        seen[(message.topic(), reference["studyId"])] = line
        print(json.dumps(line), flush=True)
    consumer.close()
    missing = [s for s in sent if (segmentations_topic, s) not in seen or (uncertainty_topic, s) not in seen]
    if missing:
        print("missing results for %s" % missing, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:7], int(sys.argv[7])))
