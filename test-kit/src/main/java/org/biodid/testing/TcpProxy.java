package org.biodid.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A TCP forwarder on a fixed loopback port that can be opened and closed, so a test can take a real database away
 * from the service and give it back: closed, connections are refused exactly as with a database that is down.
 * With {@link #dropAnswers} on, it forwards requests but cuts each connection at the first byte of its answer,
 * so a client loses an answer the server has already produced (and, for a write, committed).
 */
public final class TcpProxy implements AutoCloseable {

    private final int port;
    private final int targetPort;
    private final List<Socket> sockets = new CopyOnWriteArrayList<>();
    private final AtomicInteger droppedAnswers = new AtomicInteger();
    private volatile ServerSocket server;
    private volatile boolean dropAnswers;

    private TcpProxy(int port, int targetPort) {
        this.port = port;
        this.targetPort = targetPort;
    }

    /**
     * A proxy in front of a local port, not yet accepting connections.
     *
     * @param targetPort the real service's port on 127.0.0.1
     * @return proxy
     * @throws IOException when no free port can be found
     */
    public static TcpProxy closedInFrontOf(int targetPort) throws IOException {
        int free;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            free = probe.getLocalPort();
        }
        return new TcpProxy(free, targetPort);
    }

    /**
     * @return the port clients connect to
     */
    public int port() {
        return port;
    }

    /**
     * From now on, cut every connection at the first byte the target answers, instead of forwarding it.
     *
     * @param drop whether answers are dropped
     */
    public void dropAnswers(boolean drop) {
        dropAnswers = drop;
    }

    /**
     * @return how many connections were cut at the first byte of an answer
     */
    public int droppedAnswers() {
        return droppedAnswers.get();
    }

    /**
     * Start accepting and forwarding connections.
     *
     * @throws IOException when the port cannot be bound
     */
    public synchronized void open() throws IOException {
        ServerSocket socket = new ServerSocket();
        socket.setReuseAddress(true);
        socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server = socket;
        Thread.ofVirtual().name("tcp-proxy-accept").start(() -> acceptLoop(socket));
    }

    /**
     * Stop accepting and cut every open connection.
     */
    @Override
    public synchronized void close() {
        ServerSocket socket = server;
        server = null;
        if (socket != null) {
            closeQuietly(socket);
        }
        sockets.forEach(TcpProxy::closeQuietly);
        sockets.clear();
    }

    private void acceptLoop(ServerSocket socket) {
        while (!socket.isClosed()) {
            try {
                Socket client = socket.accept();
                Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
                sockets.add(client);
                sockets.add(upstream);
                pump(client, upstream);
                pumpAnswers(upstream, client);
            } catch (IOException e) {
                return;
            }
        }
    }

    private static void pump(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
            } catch (IOException ignored) {
                // the other side closed; closing both below ends the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private void pumpAnswers(Socket from, Socket to) {
        Thread.ofVirtual().start(() -> {
            byte[] buffer = new byte[8192];
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                for (int n = in.read(buffer); n != -1; n = in.read(buffer)) {
                    if (dropAnswers) {
                        droppedAnswers.incrementAndGet();
                        return;
                    }
                    out.write(buffer, 0, n);
                    out.flush();
                }
            } catch (IOException ignored) {
                // the other side closed; closing both below ends the pair
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        });
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // closing is best effort
        }
    }
}
