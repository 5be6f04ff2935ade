package org.biodid.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import org.biodid.budget.SubjectLockedException;
import org.biodid.identity.VerifyDid;

/**
 * {@code POST /api/v1/did/verify/batch}: up to 100 verifications, each on its own virtual thread; an item that
 * cannot be verified answers its problem in place of a result, the others are unaffected.
 */
final class BatchVerify {

    private static final int MAX_BATCH = 100;

    private final VerifyDid verify;
    private final DidResponses responses;

    BatchVerify(VerifyDid verify, DidResponses responses) {
        this.verify = verify;
        this.responses = responses;
    }

    /**
     * @param body  {@code {"requests": [...]}} (1 to 100 items)
     * @param items how many items the batch had
     */
    record Answer(ObjectNode body, int items) {
    }

    Answer verify(JsonNode request, String keyId, String requestId) {
        JsonNode body = JsonFields.object(request, "", Set.of("requests"));
        JsonNode items = JsonFields.requiredArray(body, "requests", "", 1, MAX_BATCH);
        List<Future<JsonNode>> futures = new ArrayList<>(items.size());
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i = 0; i < items.size(); i++) {
                String path = "requests[" + i + "]";
                JsonNode item = items.get(i);
                futures.add(pool.submit(() -> verifyItem(item, path, keyId, requestId)));
            }
            ArrayNode results = JsonNodeFactory.instance.arrayNode();
            for (Future<JsonNode> future : futures) {
                results.add(future.get());
            }
            return new Answer(JsonNodeFactory.instance.objectNode().set("results", results), items.size());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ApiException.unavailable("Interrupted while verifying the batch");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private JsonNode verifyItem(JsonNode item, String path, String keyId, String requestId) {
        try {
            return responses.verification(verify.verify(DidRequests.verify(item, path), path, keyId, requestId));
        } catch (SubjectLockedException e) {
            return VerificationLocked.itemProblem(e, requestId);
        } catch (RuntimeException e) {
            ApiException problem = ErrorHandling.knownProblem(e);
            if (problem == null) {
                throw e;
            }
            return JsonBodies.tree(Problem.of(problem, requestId));
        }
    }
}
