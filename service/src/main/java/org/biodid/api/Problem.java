package org.biodid.api;

import java.net.URI;
import java.util.List;
import java.util.Locale;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * RFC 9457 problem details body, as every error of this service is answered.
 *
 * @param type      URI identifying the problem type
 * @param title     short summary of the type
 * @param status    HTTP status code
 * @param detail    explanation of this occurrence
 * @param code      stable upper-case identifier
 * @param requestId the request id, also sent as {@code X-Request-ID}
 * @param errors    offending fields, omitted when there are none
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type,
                      String title,
                      int status,
                      String detail,
                      String code,
                      @JsonProperty("request_id") String requestId,
                      List<ApiException.FieldError> errors) {

    private static final String TYPE_BASE = "https://biodid.org/problems/";

    /**
     * Problem for an {@link ApiException}.
     *
     * @param e         the exception
     * @param requestId request id
     * @return problem body
     */
    public static Problem of(ApiException e, String requestId) {
        return of(e.status().code(), e.code(), e.title(), e.getMessage(), requestId, e.errors());
    }

    /**
     * Problem from its parts; the type URI derives from the code so that it is stable.
     *
     * @param status    HTTP status
     * @param code      stable code
     * @param title     title
     * @param detail    detail
     * @param requestId request id
     * @param errors    field errors
     * @return problem body
     */
    public static Problem of(int status, String code, String title, String detail, String requestId,
                             List<ApiException.FieldError> errors) {
        URI type = URI.create(TYPE_BASE + code.toLowerCase(Locale.ROOT).replace('_', '-'));
        return new Problem(type, title, status, detail, code, requestId, errors);
    }
}
