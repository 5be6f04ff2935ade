package org.biodid.perf.support;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;

/**
 * The HTTP protocol of every simulation: the target (one instance or several), JSON, and a warm-up against the
 * service's own liveness route (Gatling's default warm-up would call gatling.io).
 */
public final class Protocols {

    private Protocols() {
    }

    /**
     * The protocol.
     *
     * @param settings run settings
     * @param shareConnections virtual users share one keep-alive pool (API clients such as wallet back-ends keep
     *                         connections open); false gives each user its own connection (the closed model)
     * @return protocol
     */
    public static HttpProtocolBuilder of(HarnessSettings settings, boolean shareConnections) {
        HttpProtocolBuilder protocol = (settings.baseUrls().size() > 1 ? http.baseUrls(settings.baseUrls())
                : http.baseUrl(settings.baseUrl()))
                .acceptHeader("application/json")
                .userAgentHeader("biodid-perf (Gatling)")
                .warmUp(settings.baseUrl() + "/health/live");
        return shareConnections ? protocol.shareConnections() : protocol;
    }
}
