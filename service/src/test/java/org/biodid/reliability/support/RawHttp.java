package org.biodid.reliability.support;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, byte for byte: what a fuzzer needs to send what no well-behaved client would
 * (invalid UTF-8, raw paths, lying lengths) and to tell an answer from a dropped connection.
 * <p>
 * One keep-alive connection, reopened when the server said {@code Connection: close}. An {@link IOException}
 * from {@link #exchange} means the server dropped the connection without a complete answer, including a kept-alive
 * connection it closed silently after the previous request: no request is ever sent twice.
 */
public final class RawHttp implements AutoCloseable {

    private final int port;
    private final int timeoutMillis;
    private Socket socket;
    private InputStream in;
    private OutputStream out;
    private String previousRequest = "(none)";

    /**
     * @param port          server port on loopback
     * @param timeoutMillis read timeout for each answer
     */
    public RawHttp(int port, int timeoutMillis) {
        this.port = port;
        this.timeoutMillis = timeoutMillis;
    }

    /**
     * A request in wire form.
     *
     * @param method  method
     * @param target  request target, sent as given
     * @param headers extra header lines ({@code Name: value}), may be empty
     * @param body    body, or {@code null}
     * @return bytes
     */
    public static byte[] request(String method, byte[] target, Map<String, String> headers, byte[] body) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes((method + " ").getBytes(StandardCharsets.US_ASCII));
        b.writeBytes(target);
        b.writeBytes(" HTTP/1.1\r\nHost: 127.0.0.1\r\n".getBytes(StandardCharsets.US_ASCII));
        headers.forEach((k, v) -> b.writeBytes((k + ": " + v + "\r\n").getBytes(StandardCharsets.UTF_8)));
        if (body != null) {
            b.writeBytes(("Content-Length: " + body.length + "\r\n").getBytes(StandardCharsets.US_ASCII));
        }
        b.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            b.writeBytes(body);
        }
        return b.toByteArray();
    }

    /**
     * Send one request and read its answer.
     *
     * @param request the request bytes
     * @return the answer
     * @throws IOException when the connection was dropped or the answer is not HTTP
     */
    public Response exchange(byte[] request) throws IOException {
        boolean reused = socket != null && !socket.isClosed();
        if (!reused) {
            open();
        }
        try {
            Response response = writeAndRead(request);
            previousRequest = firstLine(request);
            return response;
        } catch (IOException e) {
            if (!reused) {
                throw e;
            }
            // No resend: a server that drops a kept-alive connection without "Connection: close" after some
            // request is exactly what a fuzzer looks for. The caller counts this as a failure; the next exchange
            // opens a new connection.
            close();
            throw new IOException("kept-alive connection dropped without Connection: close; the previous request on"
                                          + " it was " + previousRequest + " (" + e.getMessage() + ")", e);
        }
    }

    private static String firstLine(byte[] request) {
        String text = new String(request, 0, Math.min(request.length, 200), StandardCharsets.ISO_8859_1);
        int end = text.indexOf('\r');
        return "\"" + (end < 0 ? text : text.substring(0, end)) + "\"";
    }

    private Response writeAndRead(byte[] request) throws IOException {
        try {
            out.write(request);
            out.flush();
        } catch (IOException e) {
            // The server may answer early and close without reading the body (413 from Content-Length alone):
            // whatever it sent before closing is its answer.
            try {
                Response early = read();
                close();
                return early;
            } catch (IOException | RuntimeException none) {
                close();
                throw e;
            }
        }
        Response response;
        try {
            response = read();
        } catch (IOException | RuntimeException e) {
            close();
            throw e instanceof IOException io ? io : new IOException(e);
        }
        String connection = response.header("connection");
        if ("close".equalsIgnoreCase(connection)) {
            close();
        }
        return response;
    }

    /**
     * Write bytes without reading an answer (for requests sent in pieces).
     *
     * @param bytes part of a request
     * @throws IOException when the connection is gone
     */
    public void write(byte[] bytes) throws IOException {
        if (socket == null || socket.isClosed()) {
            open();
        }
        out.write(bytes);
        out.flush();
    }

    /**
     * Read the answer to a request written with {@link #write}.
     *
     * @return the answer
     * @throws IOException when the connection was dropped
     */
    public Response readAnswer() throws IOException {
        return read();
    }

    private void open() throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(timeoutMillis);
        socket.setTcpNoDelay(true);
        in = new BufferedInputStream(socket.getInputStream(), 16384);
        out = socket.getOutputStream();
    }

    private Response read() throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            close();
            throw new IOException("connection closed before any answer");
        }
        if (!statusLine.startsWith("HTTP/1.1 ") || statusLine.length() < 12) {
            close();
            throw new IOException("not an HTTP answer: " + statusLine);
        }
        int status = Integer.parseInt(statusLine.substring(9, 12));
        Map<String, String> headers = new LinkedHashMap<>();
        for (String h = line(); h != null && !h.isEmpty(); h = line()) {
            int colon = h.indexOf(':');
            if (colon > 0) {
                headers.merge(h.substring(0, colon).trim().toLowerCase(Locale.ROOT), h.substring(colon + 1).trim(),
                              (a, b) -> a + ", " + b);
            }
        }
        byte[] body;
        if (headers.containsKey("content-length")) {
            body = in.readNBytes(Integer.parseInt(headers.get("content-length")));
        } else if ("chunked".equalsIgnoreCase(headers.get("transfer-encoding"))) {
            ByteArrayOutputStream b = new ByteArrayOutputStream();
            while (true) {
                String size = line();
                if (size == null) {
                    throw new IOException("connection closed inside a chunked body");
                }
                int n = Integer.parseInt(size.split(";")[0].trim(), 16);
                if (n == 0) {
                    for (String t = line(); t != null && !t.isEmpty(); t = line()) {
                        // trailers
                    }
                    break;
                }
                b.writeBytes(in.readNBytes(n));
                line();
            }
            body = b.toByteArray();
        } else {
            body = new byte[0];
        }
        return new Response(status, headers, body);
    }

    private String line() throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream(64);
        int c;
        while ((c = in.read()) != -1) {
            if (c == '\n') {
                byte[] bytes = b.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            b.write(c);
        }
        return b.size() == 0 ? null : b.toString(StandardCharsets.ISO_8859_1);
    }

    @Override
    public void close() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
            socket = null;
        }
    }

    /**
     * An answer.
     *
     * @param status  status code
     * @param headers headers, lower-case names
     * @param body    body bytes
     */
    public record Response(int status, Map<String, String> headers, byte[] body) {
        /**
         * @param name lower-case name
         * @return value or {@code null}
         */
        public String header(String name) {
            return headers.get(name);
        }

        /**
         * @return body as UTF-8
         */
        public String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }
}
