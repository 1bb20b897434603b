package org.pramaan.issuer.seal;

import java.io.IOException;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.time.Duration;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.tsp.TSPException;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;

/**
 * RFC 3161 over HTTP ({@code application/timestamp-query}): asks for the TSA's certificate in the token
 * and a random nonce, and checks the response against the request (status, imprint, nonce) with Bouncy
 * Castle's TSP classes before using it.
 */
public final class HttpTimestamps implements Timestamps {

    private static final SecureRandom NONCES = new SecureRandom();

    private final URI url;
    private final Duration timeout;
    private final HttpClient client;

    public HttpTimestamps(URI url, Duration timeout) {
        this.url = url;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    @Override
    public byte[] token(byte[] sha256) {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, sha256,
                new BigInteger(64, NONCES));
        try {
            HttpResponse<byte[]> answer = client.send(HttpRequest.newBuilder(url).timeout(timeout)
                    .header("Content-Type", "application/timestamp-query")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(request.getEncoded())).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (answer.statusCode() != 200) {
                throw new TimestampUnavailableException("the timestamp authority at " + url + " answered HTTP "
                        + answer.statusCode(), null);
            }
            TimeStampResponse response = new TimeStampResponse(answer.body());
            response.validate(request);
            if (response.getTimeStampToken() == null) {
                throw new TimestampUnavailableException("the timestamp authority at " + url + " refused: "
                        + response.getStatusString(), null);
            }
            return response.getTimeStampToken().getEncoded();
        } catch (IOException | TSPException e) {
            throw new TimestampUnavailableException("no timestamp from " + url + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TimestampUnavailableException("interrupted while waiting for the timestamp authority", e);
        }
    }
}
