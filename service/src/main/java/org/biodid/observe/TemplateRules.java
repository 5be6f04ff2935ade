package org.biodid.observe;

import java.util.Set;

import io.helidon.http.Method;
import io.helidon.webserver.http.Handler;
import io.helidon.webserver.http.HttpRoute;
import io.helidon.webserver.http.HttpRules;
import io.helidon.webserver.http.HttpService;

/**
 * {@link HttpRules} that remember the path template of every route registered through them.
 * <p>
 * Services keep writing ordinary Helidon rules ({@code rules.get("/{did}", this::resolve)}); this decorator
 * prefixes nested service paths and wraps each handler so that the request carries {@code /api/v1/did/{did}}.
 */
final class TemplateRules implements HttpRules {

    private final HttpRules delegate;
    private final String prefix;
    private final Set<String> registered;

    TemplateRules(HttpRules delegate, String prefix, Set<String> registered) {
        this.delegate = delegate;
        this.prefix = prefix;
        this.registered = registered;
    }

    @Override
    public HttpRules register(HttpService... services) {
        delegate.register(wrap(prefix, services, registered));
        return this;
    }

    @Override
    public HttpRules register(String pathPattern, HttpService... services) {
        delegate.register(pathPattern, wrap(prefix + pathPattern, services, registered));
        return this;
    }

    @Override
    public HttpRules route(HttpRoute route) {
        // A prebuilt route does not expose its path; it is metered under the filter's fallback name.
        delegate.route(route);
        return this;
    }

    @Override
    public HttpRules route(Method method, String pathPattern, Handler handler) {
        registered.add(method.text() + " " + prefix + pathPattern);
        delegate.route(method, pathPattern, new RouteMetrics.TaggingHandler(prefix + pathPattern, handler));
        return this;
    }

    @Override
    public HttpRules route(Method method, Handler handler) {
        String template = prefix.isEmpty() ? "/" : prefix;
        registered.add(method.text() + " " + template);
        delegate.route(method, new RouteMetrics.TaggingHandler(template, handler));
        return this;
    }

    private static HttpService[] wrap(String prefix, HttpService[] services, Set<String> registered) {
        HttpService[] wrapped = new HttpService[services.length];
        for (int i = 0; i < services.length; i++) {
            wrapped[i] = new TemplateService(prefix, services[i], registered);
        }
        return wrapped;
    }

    /** Passes a service its rules through the decorator, and its lifecycle through unchanged. */
    private record TemplateService(String prefix, HttpService delegate, Set<String> registered)
            implements HttpService {
        @Override
        public void routing(HttpRules rules) {
            delegate.routing(new TemplateRules(rules, prefix, registered));
        }

        @Override
        public void beforeStart() {
            delegate.beforeStart();
        }

        @Override
        public void afterStop() {
            delegate.afterStop();
        }
    }
}
