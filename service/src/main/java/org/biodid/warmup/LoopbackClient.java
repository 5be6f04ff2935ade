package org.biodid.warmup;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * A minimal HTTP/1.1 client on one keep-alive connection, for the warm-up only: it writes the request headers in
 * the spelling it is told, because clients differ there (curl and the JDK capitalize header names, Python's
 * {@code httpx} sends them in lower case) and the server's header parser compiles a different branch for each.
 * A warm-up that sends one spelling leaves the other to be compiled, with a deoptimization, under the first real
 * client's requests.
 */
final class LoopbackClient implements AutoCloseable {

    private final Socket socket;
    private final OutputStream out;
    private final InputStream in;
    private final String host;

    LoopbackClient(int port) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setTcpNoDelay(true);
        out = socket.getOutputStream();
        in = new BufferedInputStream(socket.getInputStream());
        host = "127.0.0.1:" + port;
    }

    /**
     * One exchange; the answer must be 200.
     *
     * @param method    GET or POST
     * @param path      request path
     * @param body      JSON body for POST, or {@code null}
     * @param lowerCase whether header names are written in lower case
     * @return the answer's body
     * @throws IOException when the exchange fails or the answer is not 200
     */
    byte[] exchange(String method, String path, byte[] body, boolean lowerCase) throws IOException {
        StringBuilder head = new StringBuilder(256).append(method).append(' ').append(path).append(" HTTP/1.1\r\n");
        header(head, "Host", host, lowerCase);
        header(head, "Accept", "*/*", lowerCase);
        header(head, "Accept-Encoding", "gzip, deflate", lowerCase);
        header(head, "User-Agent", "biodid-warmup", lowerCase);
        header(head, "Connection", "keep-alive", lowerCase);
        if (body != null) {
            header(head, "Content-Type", "application/json", lowerCase);
            header(head, "Content-Length", Integer.toString(body.length), lowerCase);
        }
        out.write(head.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII));
        if (body != null) {
            out.write(body);
        }
        out.flush();
        return readAnswer(path);
    }

    private static void header(StringBuilder head, String name, String value, boolean lowerCase) {
        head.append(lowerCase ? name.toLowerCase(Locale.ROOT) : name).append(": ").append(value).append("\r\n");
    }

    private byte[] readAnswer(String path) throws IOException {
        String status = line();
        if (!status.startsWith("HTTP/1.1 200")) {
            throw new IOException(path + " answered " + status);
        }
        int length = 0;
        for (String line = line(); !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            if (colon > 0 && line.substring(0, colon).equalsIgnoreCase("Content-Length")) {
                length = Integer.parseInt(line.substring(colon + 1).trim());
            }
        }
        return in.readNBytes(length);
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new IOException("the server closed the connection");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
