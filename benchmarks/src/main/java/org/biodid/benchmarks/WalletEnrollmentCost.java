package org.biodid.benchmarks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.biodid.biometrics.Minutia;
import org.biodid.biometrics.synthetic.SyntheticFingerprints;
import org.biodid.wallet.Cip30Signer;
import org.biodid.wallet.DataSignature;

/**
 * What wallet control adds to one enrollment, over HTTP against a running service started with
 * {@code APP_REQUIRE_WALLET_SIGNATURE=false} (so that unsigned and signed enrollments can be compared on one server;
 * a signature that is sent is still checked). Sequential, one request at a time, fresh wallets throughout,
 * signed and unsigned enrollments alternating so that both see the same machine.
 * <pre>
 * java -cp benchmarks/target/benchmarks.jar org.biodid.benchmarks.WalletEnrollmentCost http://127.0.0.1:8080 KEY 200
 * </pre>
 * Prints the median and 90th percentile of: the challenge request, the signed enrollment, the unsigned enrollment.
 */
public final class WalletEnrollmentCost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] FINGERS = {"left_thumb", "left_index"};

    private WalletEnrollmentCost() {
    }

    /**
     * @param args base URL, API key (enroll scope), rounds
     * @throws Exception on I/O failure or an unexpected answer
     */
    public static void main(String[] args) throws Exception {
        String base = args[0];
        String key = args[1];
        int rounds = Integer.parseInt(args[2]);
        HttpClient http = HttpClient.newHttpClient();
        SecureRandom random = new SecureRandom();
        SyntheticFingerprints prints = new SyntheticFingerprints(random.nextLong());
        List<Long> challenge = new ArrayList<>();
        List<Long> signed = new ArrayList<>();
        List<Long> unsigned = new ArrayList<>();
        for (int i = 0; i < rounds + 20; i++) {
            boolean warm = i >= 20;
            Cip30Signer wallet = Cip30Signer.random(random);
            String address = wallet.enterpriseAddress(false);
            ObjectNode body = enrollBody(address, prints, i);
            long start = System.nanoTime();
            JsonNode issued = post(http, base + "/api/v1/wallet/challenges", key,
                                   "{\"wallet_address\":\"" + address + "\",\"action\":\"enroll\"}", 201);
            long issuedAt = System.nanoTime();
            DataSignature signature = wallet.signChallenge(address, issued.get("payload").asText());
            body.putObject("wallet_signature").put("signature", signature.signature()).put("key", signature.key());
            long sendSigned = System.nanoTime();
            post(http, base + "/api/v1/did/enroll", key, body.toString(), 201);
            long signedDone = System.nanoTime();

            Cip30Signer other = Cip30Signer.random(random);
            ObjectNode plain = enrollBody(other.enterpriseAddress(false), prints, 100_000 + i);
            long sendPlain = System.nanoTime();
            post(http, base + "/api/v1/did/enroll", key, plain.toString(), 201);
            long plainDone = System.nanoTime();
            if (warm) {
                challenge.add(issuedAt - start);
                signed.add(signedDone - sendSigned);
                unsigned.add(plainDone - sendPlain);
            }
        }
        System.out.printf("rounds %d: challenge request %s | signed enroll %s | unsigned enroll %s (median / p90, ms)%n",
                          rounds, summary(challenge), summary(signed), summary(unsigned));
    }

    private static ObjectNode enrollBody(String address, SyntheticFingerprints prints, long person) {
        ObjectNode body = JSON.createObjectNode();
        body.put("wallet_address", address);
        body.put("network", "testnet");
        ArrayNode fingers = body.putArray("fingers");
        for (int f = 0; f < FINGERS.length; f++) {
            ObjectNode finger = fingers.addObject().put("finger_id", FINGERS[f]);
            ArrayNode minutiae = finger.putArray("minutiae");
            for (Minutia m : prints.master(person * FINGERS.length + f)) {
                minutiae.addArray().add(m.x()).add(m.y()).add(m.angle());
            }
        }
        return body;
    }

    private static JsonNode post(HttpClient http, String url, String key, String body, int expected)
            throws Exception {
        HttpResponse<String> res = http.send(HttpRequest.newBuilder(URI.create(url))
                                                     .header("X-API-Key", key)
                                                     .header("Content-Type", "application/json")
                                                     .POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                                             HttpResponse.BodyHandlers.ofString());
        if (res.statusCode() != expected) {
            throw new IllegalStateException(url + " answered " + res.statusCode() + ": " + res.body());
        }
        return JSON.readTree(res.body());
    }

    private static String summary(List<Long> nanos) {
        long[] sorted = nanos.stream().mapToLong(Long::longValue).sorted().toArray();
        return String.format("%.2f / %.2f", sorted[sorted.length / 2] / 1e6,
                             sorted[(int) (sorted.length * 0.9)] / 1e6);
    }
}
