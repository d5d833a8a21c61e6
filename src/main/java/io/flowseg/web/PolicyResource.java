package io.flowseg.web;

import io.flowseg.alerts.AlertPolicy;
import io.flowseg.config.FlowsegConfig;
import io.flowseg.events.ThresholdPolicy;
import io.flowseg.monitoring.MonitoringQueries;
import io.flowseg.monitoring.MonitoringStreams;
import io.flowseg.monitoring.PolicyRecords;
import io.flowseg.monitoring.PolicyTopic;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Threshold policies: list, read, create, replace, disable and enable. Writes go to the policy
 * topic; a write answers once the policy is in effect (the global table shows it), or with 202
 * Accepted when that takes longer than {@code flowseg.monitoring.policy-write-timeout}.
 */
@Path("/api/policies")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class PolicyResource {
    private static final Logger LOG = Logger.getLogger(PolicyResource.class);
    private static final long VISIBILITY_POLL_MS = 50;

    private final MonitoringStreams streams;
    private final PolicyTopic topic;
    private final FlowsegConfig config;

    public PolicyResource(MonitoringStreams streams, PolicyTopic topic, FlowsegConfig config) {
        this.streams = streams;
        this.topic = topic;
        this.config = config;
    }

    @GET
    public List<ThresholdPolicy> list() {
        return queries().policies();
    }

    @GET
    @Path("{id}")
    public Response get(@PathParam("id") String id) {
        return queries().policy(id).map(policy -> Response.ok(policy).build())
                .orElseGet(() -> notFound(id));
    }

    /** Creates a policy; 409 when the id is taken (PUT replaces). */
    @POST
    public Response create(PolicyRequest request) {
        if (request == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "a policy is required", null);
        }
        try {
            AlertPolicy policy = request.toPolicy(null);
            if (queries().policy(policy.id()).isPresent()) {
                return ApiError.response(Response.Status.CONFLICT, "policy " + policy.id()
                        + " exists; PUT /api/policies/" + policy.id() + " replaces it", "id");
            }
            return write(policy, Response.Status.CREATED);
        } catch (PolicyRequest.InvalidPolicyException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(), e.field);
        }
    }

    /** Creates or replaces a policy. */
    @PUT
    @Path("{id}")
    public Response replace(@PathParam("id") String id, PolicyRequest request) {
        if (request == null) {
            return ApiError.response(Response.Status.BAD_REQUEST, "a policy is required", null);
        }
        try {
            AlertPolicy policy = request.toPolicy(id);
            boolean exists = queries().policy(id).isPresent();
            return write(policy, exists ? Response.Status.OK : Response.Status.CREATED);
        } catch (PolicyRequest.InvalidPolicyException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage(), e.field);
        }
    }

    @POST
    @Path("{id}/disable")
    public Response disable(@PathParam("id") String id) {
        return setEnabled(id, false);
    }

    @POST
    @Path("{id}/enable")
    public Response enable(@PathParam("id") String id) {
        return setEnabled(id, true);
    }

    private Response setEnabled(String id, boolean enabled) {
        Optional<ThresholdPolicy> current = queries().policy(id);
        if (current.isEmpty()) {
            return notFound(id);
        }
        AlertPolicy policy = PolicyRecords.toPolicy(current.get());
        return write(new AlertPolicy(policy.id(), policy.scope(), policy.figure(), policy.comparator(),
                policy.threshold(), policy.severity(), enabled, policy.description()), Response.Status.OK);
    }

    private Response write(AlertPolicy policy, Response.Status done) {
        ThresholdPolicy record = PolicyRecords.toRecord(policy, Instant.now());
        topic.write(record, config.monitoring().policyWriteTimeout());
        LOG.infof("policy %s written (%s %s %s %s, %s, %s)", policy.id(), policy.figure().id(),
                policy.comparator().symbol(), policy.threshold(), policy.severity(),
                policy.enabled() ? "enabled" : "disabled", policy.scope());
        boolean inEffect = awaitInEffect(record);
        Response.ResponseBuilder response = Response.status(inEffect ? done : Response.Status.ACCEPTED).entity(record);
        if (done == Response.Status.CREATED) {
            response.location(URI.create("/api/policies/" + policy.id()));
        }
        return response.build();
    }

    /** Waits until the global table holds this very version of the policy. */
    private boolean awaitInEffect(ThresholdPolicy record) {
        long deadline = System.nanoTime() + config.monitoring().policyWriteTimeout().toNanos();
        MonitoringQueries queries = queries();
        while (System.nanoTime() < deadline) {
            if (queries.policy(record.getId()).filter(record::equals).isPresent()) {
                return true;
            }
            try {
                Thread.sleep(VISIBILITY_POLL_MS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private MonitoringQueries queries() {
        return streams.queries();
    }

    private static Response notFound(String id) {
        return ApiError.response(Response.Status.NOT_FOUND, "no policy " + id, null);
    }
}
