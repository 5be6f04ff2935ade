package org.biodid.api;

import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * The Universal Resolver driver route, {@code GET /1.0/identifiers/{did}}: the same resolver as
 * {@code GET /api/v1/did/{did}}, so that this service can stand behind a Universal Resolver for {@code did:cardano}.
 */
public final class ResolverService implements HttpService {

    private final DidResolver resolver;

    /**
     * @param resolver the resolver
     */
    public ResolverService(DidResolver resolver) {
        this.resolver = resolver;
    }

    @Override
    public void routing(HttpRules rules) {
        rules.get("/{did}", resolver::resolve);
    }
}
