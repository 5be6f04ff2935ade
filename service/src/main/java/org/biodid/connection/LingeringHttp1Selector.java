package org.biodid.connection;

import java.util.Set;

import io.helidon.common.buffers.BufferData;
import io.helidon.webserver.ConnectionContext;
import io.helidon.webserver.http1.Http1Config;
import io.helidon.webserver.http1.Http1ConnectionSelector;
import io.helidon.webserver.spi.ServerConnection;
import io.helidon.webserver.spi.ServerConnectionSelector;

/**
 * Helidon's HTTP/1.1 connection selector, with every connection it makes wrapped in a {@link LingeringConnection}.
 * Registered on the server as a custom selector, which Helidon consults before the ones built from
 * {@code server.protocols}.
 */
public final class LingeringHttp1Selector implements ServerConnectionSelector {

    private final ServerConnectionSelector delegate;
    private final Linger linger;

    /**
     * @param http1  HTTP/1.1 settings ({@code server.protocols.http_1_1})
     * @param linger bounds of the lingering close
     */
    public LingeringHttp1Selector(Http1Config http1, Linger linger) {
        this.delegate = Http1ConnectionSelector.builder().config(http1).build();
        this.linger = linger;
    }

    @Override
    public int bytesToIdentifyConnection() {
        return delegate.bytesToIdentifyConnection();
    }

    @Override
    public Support supports(BufferData data) {
        return delegate.supports(data);
    }

    @Override
    public Set<String> supportedApplicationProtocols() {
        return delegate.supportedApplicationProtocols();
    }

    @Override
    public ServerConnection connection(ConnectionContext ctx) {
        return new LingeringConnection(delegate.connection(ctx), ctx, linger);
    }
}
