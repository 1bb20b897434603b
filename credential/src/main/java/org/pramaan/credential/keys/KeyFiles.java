package org.pramaan.credential.keys;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import javax.naming.ldap.Rdn;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.pramaan.contract.id.DepartmentCode;

/**
 * Reads and writes department keys: PKCS#8 private keys and X.509 certificates as PEM, or a
 * PKCS#12 file. Errors name the file and what was wrong with it.
 */
public final class KeyFiles {

    private KeyFiles() {
    }

    /** A signer key from PEM files; the department is the certificate subject's OU. */
    public static SignerKey loadPem(Path privateKeyPem, Path certificatePem) throws IOException {
        X509Certificate certificate = readCertificate(certificatePem);
        return new SignerKey(departmentOf(certificate, certificatePem), readPrivateKey(privateKeyPem), certificate);
    }

    /**
     * A signer key from a PKCS#12 file. With {@code alias} null the file must hold exactly one key
     * entry: picking "the first" of several would sign with whichever key the file happens to list first.
     */
    public static SignerKey loadPkcs12(Path file, char[] password, String alias) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            String chosen = alias;
            if (chosen == null) {
                List<String> keyAliases = new ArrayList<>();
                for (String a : Collections.list(store.aliases())) {
                    if (store.isKeyEntry(a)) {
                        keyAliases.add(a);
                    }
                }
                if (keyAliases.size() != 1) {
                    throw new IOException(file + " holds " + keyAliases.size() + " keys " + keyAliases
                            + "; name the one to use");
                }
                chosen = keyAliases.get(0);
            }
            if (!store.isKeyEntry(chosen)) {
                throw new IOException(file + " has no key entry named '" + chosen + "'");
            }
            PrivateKey key = (PrivateKey) store.getKey(chosen, password);
            X509Certificate certificate = (X509Certificate) store.getCertificate(chosen);
            return new SignerKey(departmentOf(certificate, file), key, certificate);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read PKCS#12 file " + file + ": " + e.getMessage(), e);
        }
    }

    public static X509Certificate readCertificate(Path pem) throws IOException {
        try (InputStream in = Files.newInputStream(pem)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        } catch (CertificateException e) {
            throw new IOException(pem + " does not hold an X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static X509Certificate parseCertificate(String pem) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new java.io.ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        } catch (CertificateException e) {
            throw new IllegalArgumentException("not a PEM X.509 certificate: " + e.getMessage(), e);
        }
    }

    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        try (Reader reader = Files.newBufferedReader(pem, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            if (object instanceof PrivateKeyInfo info) {
                return converter.getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                return converter.getPrivateKey(pair.getPrivateKeyInfo());
            }
            throw new IOException(pem + " does not hold an unencrypted PKCS#8 private key"
                    + (object == null ? "" : " (found " + object.getClass().getSimpleName() + ")"));
        }
    }

    public static void writePrivateKey(PrivateKey key, Path pem) throws IOException {
        Files.createDirectories(pem.toAbsolutePath().getParent());
        try (Writer writer = Files.newBufferedWriter(pem, StandardCharsets.US_ASCII);
             JcaPEMWriter out = new JcaPEMWriter(writer)) {
            out.writeObject(new JcaPKCS8Generator(key, null));
        }
        restrictToOwner(pem);
    }

    public static void writeCertificate(X509Certificate certificate, Path pem) throws IOException {
        Files.createDirectories(pem.toAbsolutePath().getParent());
        Files.writeString(pem, toPem(certificate), StandardCharsets.US_ASCII);
    }

    public static String toPem(X509Certificate certificate) {
        java.io.StringWriter text = new java.io.StringWriter();
        try (JcaPEMWriter out = new JcaPEMWriter(text)) {
            out.writeObject(certificate);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write a certificate to a string", e);
        }
        return text.toString();
    }

    /** The department a signer certificate speaks for: its subject OU. */
    public static DepartmentCode departmentOf(X509Certificate certificate, Path source) throws IOException {
        try {
            for (Rdn rdn : new LdapName(certificate.getSubjectX500Principal().getName()).getRdns()) {
                if (rdn.getType().equalsIgnoreCase("OU")) {
                    return DepartmentCode.of(rdn.getValue().toString());
                }
            }
        } catch (InvalidNameException | IllegalArgumentException e) {
            throw new IOException("the certificate in " + source + " has no usable department (OU): " + e.getMessage(), e);
        }
        throw new IOException("the certificate in " + source + " names no department: its subject needs OU=<department code>");
    }

    private static void restrictToOwner(Path file) {
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | IOException e) {
            // Not a POSIX file system: the platform's default permissions apply.
        }
    }
}
