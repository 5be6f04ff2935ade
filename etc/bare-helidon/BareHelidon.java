import io.helidon.http.HeaderNames;
import io.helidon.webserver.WebServer;

/**
 * The framework alone: Helidon 4.1.2's web server with one constant handler on {@code GET /health}, for the
 * side-by-side in {@code etc/scripts/compare-with-bare-helidon.sh}. Run from source with the service's libraries:
 * {@code java -cp 'service/target/libs/*' etc/bare-helidon/BareHelidon.java 18282}.
 */
public class BareHelidon {

    public static void main(String[] args) {
        WebServer server = WebServer.builder()
                .port(Integer.parseInt(args[0]))
                .routing(routing -> routing.get("/health", (req, res) -> {
                    res.header(HeaderNames.CONTENT_TYPE, "application/json");
                    res.send("{\"status\":\"UP\"}");
                }))
                .build()
                .start();
        System.out.println("bare Helidon listening on " + server.port());
    }
}
