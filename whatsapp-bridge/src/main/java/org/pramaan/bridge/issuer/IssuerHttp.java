package org.pramaan.bridge.issuer;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.pramaan.bridge.config.IssuerProperties;
import org.pramaan.service.correlation.Correlation;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.client.ClientHttpRequestInterceptor;
import org.springframework.http.client.ClientHttpResponse;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.support.RestClientAdapter;
import org.springframework.web.service.invoker.HttpServiceProxyFactory;

/**
 * Makes the typed {@link IssuerApi} over a {@link RestClient}: the issuer's base URL, connect and read timeouts,
 * HTTP Basic as the bridge's service client, the current correlation id on every call, and a cap on the size of
 * an answer, so a broken or hostile upstream cannot fill the bridge's memory.
 */
public final class IssuerHttp {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Every answer, a certificate PDF included, is far below this. */
    static final long MAX_ANSWER_BYTES = 16L * 1024 * 1024;

    private IssuerHttp() {
    }

    /** The API with {@code readTimeout} for each answer (the catalog is asked with a shorter one than forms). */
    public static IssuerApi api(IssuerProperties properties, Duration readTimeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(CONNECT_TIMEOUT).build();
        JdkClientHttpRequestFactory requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(readTimeout);
        String secret = properties.clientSecret() == null ? "" : properties.clientSecret();
        RestClient rest = RestClient.builder()
                .baseUrl(properties.baseUrl())
                .requestFactory(requests)
                .defaultHeaders(h -> h.setBasicAuth(properties.clientId(), secret, StandardCharsets.UTF_8))
                .requestInterceptor(correlation())
                .requestInterceptor(capped())
                .build();
        return HttpServiceProxyFactory.builderFor(RestClientAdapter.create(rest)).build().createClient(IssuerApi.class);
    }

    /** The issuer logs the call under the chat's correlation id too, unless the caller named one already. */
    private static ClientHttpRequestInterceptor correlation() {
        return (request, body, execution) -> {
            if (request.getHeaders().getFirst(Correlation.HEADER) == null) {
                Correlation.current().ifPresent(id -> request.getHeaders().set(Correlation.HEADER, id));
            }
            return execution.execute(request, body);
        };
    }

    private static ClientHttpRequestInterceptor capped() {
        return (request, body, execution) -> new CappedResponse(execution.execute(request, body));
    }

    /** A response whose body fails once more than {@link #MAX_ANSWER_BYTES} have been read. */
    private record CappedResponse(ClientHttpResponse response) implements ClientHttpResponse {

        @Override
        public HttpStatusCode getStatusCode() throws IOException {
            return response.getStatusCode();
        }

        @Override
        public String getStatusText() throws IOException {
            return response.getStatusText();
        }

        @Override
        public HttpHeaders getHeaders() {
            return response.getHeaders();
        }

        @Override
        public InputStream getBody() throws IOException {
            long declared = response.getHeaders().getContentLength();
            if (declared > MAX_ANSWER_BYTES) {
                throw new IOException("issuer-service's answer is " + declared + " bytes, over the cap");
            }
            return new FilterInputStream(response.getBody()) {
                private long read;

                @Override
                public int read() throws IOException {
                    int b = super.read();
                    count(b < 0 ? 0 : 1);
                    return b;
                }

                @Override
                public int read(byte[] buffer, int offset, int length) throws IOException {
                    int n = super.read(buffer, offset, length);
                    count(Math.max(n, 0));
                    return n;
                }

                private void count(int n) throws IOException {
                    read += n;
                    if (read > MAX_ANSWER_BYTES) {
                        throw new IOException("issuer-service's answer passed " + MAX_ANSWER_BYTES + " bytes");
                    }
                }
            };
        }

        @Override
        public void close() {
            response.close();
        }
    }
}
