package org.biodid.api;

import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

import io.helidon.webserver.http.ServerRequest;

/**
 * The id that ties a response, its problem body and its log lines together.
 *
 * @param value the id
 */
public record RequestId(String value) {

    /** Header carrying the id in both directions. */
    public static final String HEADER = "X-Request-ID";

    // A client-supplied id is echoed only when it cannot break a log line or a header.
    private static final Pattern SANE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");
    private static final char[] HEX = "0123456789abcdef".toCharArray();

    /**
     * Accept the client's id when it is a sane token, or make a new one.
     *
     * @param offered the client's header value, may be {@code null}
     * @return request id
     */
    public static RequestId acceptOrGenerate(String offered) {
        if (offered != null && SANE.matcher(offered).matches()) {
            return new RequestId(offered);
        }
        return generate();
    }

    /**
     * A new random id (128 bits, hex); not a secret, so a fast generator is enough.
     *
     * @return request id
     */
    public static RequestId generate() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        char[] chars = new char[32];
        long hi = random.nextLong();
        long lo = random.nextLong();
        for (int i = 0; i < 16; i++) {
            chars[i] = HEX[(int) (hi >>> (60 - 4 * i)) & 0xF];
            chars[16 + i] = HEX[(int) (lo >>> (60 - 4 * i)) & 0xF];
        }
        return new RequestId(new String(chars));
    }

    /**
     * The id of the request being served.
     *
     * @param req request
     * @return its id, or a fresh one when the request did not pass the filter (should not happen)
     */
    public static String of(ServerRequest req) {
        return req.context().get(RequestId.class).map(RequestId::value).orElseGet(() -> generate().value());
    }
}
