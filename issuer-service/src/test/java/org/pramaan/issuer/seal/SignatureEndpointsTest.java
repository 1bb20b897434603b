package org.pramaan.issuer.seal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.x509.CRLDistPoint;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampRequestGenerator;
import org.bouncycastle.tsp.TimeStampResponse;
import org.junit.jupiter.api.Test;
import org.pramaan.contract.id.DepartmentCode;
import org.pramaan.issuer.certificate.SignerKeys;
import org.pramaan.issuer.support.IntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The development TSA and the CRL over HTTP in the running service: an RFC 3161 request answered with a
 * token that validates and is certified by the development root for time stamping; bad requests refused
 * with a problem and nothing stamped; the CRL signed by the root at the address the department signing
 * certificates name, which also carry the department's name.
 */
class SignatureEndpointsTest extends IntegrationTest {

    @Autowired
    SignerKeys keys;

    private final HttpClient http = HttpClient.newHttpClient();

    private HttpResponse<byte[]> post(String contentType, byte[] body) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tsa"))
                .header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    @Test
    void theDevelopmentTsaAnswersAnRfc3161Request() throws Exception {
        TimeStampRequestGenerator generator = new TimeStampRequestGenerator();
        generator.setCertReq(true);
        TimeStampRequest request = generator.generate(NISTObjectIdentifiers.id_sha256, new byte[32], BigInteger.TEN);
        HttpResponse<byte[]> answer = post("application/timestamp-query", request.getEncoded());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/timestamp-reply");
        TimeStampResponse response = new TimeStampResponse(answer.body());
        response.validate(request);
        X509Certificate tsa = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(((org.bouncycastle.cert.X509CertificateHolder) response.getTimeStampToken()
                        .getCertificates().getMatches(response.getTimeStampToken().getSID()).iterator().next()).getEncoded()));
        response.getTimeStampToken().validate(new JcaSimpleSignerInfoVerifierBuilder().build(tsa));
        tsa.verify(keys.developmentRoot().orElseThrow().certificate().getPublicKey());
        assertThat(tsa.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.8");
    }

    @Test
    void httpTimestampsGetATokenFromATsaUrlAsProductionDoes() throws Exception {
        byte[] imprint = java.security.MessageDigest.getInstance("SHA-256").digest("signature value".getBytes());
        HttpTimestamps timestamps = new HttpTimestamps(URI.create("http://127.0.0.1:" + port + "/api/v1/tsa"),
                java.time.Duration.ofSeconds(10));
        org.bouncycastle.tsp.TimeStampToken token = new org.bouncycastle.tsp.TimeStampToken(
                new org.bouncycastle.cms.CMSSignedData(timestamps.token(imprint)));
        assertThat(token.getTimeStampInfo().getMessageImprintDigest()).isEqualTo(imprint);

        HttpTimestamps nowhere = new HttpTimestamps(URI.create("http://127.0.0.1:" + port + "/api/v1/no-tsa-here"),
                java.time.Duration.ofSeconds(10));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> nowhere.token(imprint))
                .isInstanceOf(TimestampUnavailableException.class);

        // A TSA that cannot be reached at all (nothing listens): the same 503 refusal, its cause kept for the log.
        int closed;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = socket.getLocalPort();
        }
        HttpTimestamps unreachable = new HttpTimestamps(URI.create("http://127.0.0.1:" + closed + "/tsa"),
                java.time.Duration.ofSeconds(5));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> unreachable.token(imprint))
                .isInstanceOf(TimestampUnavailableException.class)
                .satisfies(e -> assertThat(((TimestampUnavailableException) e).code())
                        .isEqualTo(org.pramaan.service.problem.ProblemCode.UNAVAILABLE))
                .hasCauseInstanceOf(java.io.IOException.class);
    }

    @Test
    void aBadTimestampRequestIsRefusedWithAProblem() throws Exception {
        HttpResponse<byte[]> garbage = post("application/timestamp-query", "not DER".getBytes());
        assertThat(garbage.statusCode()).isEqualTo(400);
        assertThat(new String(garbage.body())).contains("urn:pramaan:problem:").contains("TimeStampReq");
        assertThat(post("application/json", "{}".getBytes()).statusCode()).isEqualTo(415);
        assertThat(post("application/timestamp-query", new byte[TimestampController.MAX_REQUEST + 1]).statusCode())
                .isEqualTo(413);
    }

    @Test
    void theCrlIsSignedByTheRootAtTheAddressTheSigningCertificatesName() throws Exception {
        X509Certificate signer = keys.signer(DepartmentCode.of("REV")).certificate();
        assertThat(signer.getSubjectX500Principal().getName()).contains("CN=Revenue").contains("OU=REV");
        assertThat(signer.getKeyUsage()[1]).as("nonRepudiation").isTrue();
        CRLDistPoint points = CRLDistPoint.getInstance(org.bouncycastle.asn1.ASN1OctetString.getInstance(
                signer.getExtensionValue(Extension.cRLDistributionPoints.getId())).getOctets());
        String address = points.getDistributionPoints()[0].getDistributionPoint().getName().toASN1Primitive().toString();
        assertThat(address).contains("http://issuer.test" + SignerKeys.CRL_PATH);

        HttpResponse<byte[]> answer = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + SignerKeys.CRL_PATH)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pkix-crl");
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(answer.body()));
        crl.verify(keys.developmentRoot().orElseThrow().certificate().getPublicKey());
        assertThat(crl.getRevokedCertificate(signer)).as("the ledger lists REV's key as usable").isNull();
    }
}
