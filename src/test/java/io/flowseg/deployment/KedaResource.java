package io.flowseg.deployment;

import io.fabric8.kubernetes.api.model.ObjectMeta;

/** A KEDA object read into a strict record: its kind and metadata, as fabric8's HasMetadata gives them. */
interface KedaResource {
    String kind();

    ObjectMeta metadata();
}
