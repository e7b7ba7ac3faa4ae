package dev.floe.gitops.admission.tls;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;

import io.vertx.core.buffer.Buffer;

/**
 * Reads a PEM certificate chain and private key and checks that they can serve: the chain parses, the
 * leaf is within its validity, and the key signs what the leaf's public key verifies. A half-written pair
 * during a cert-manager rotation (new cert, old key) fails the check and is not used.
 */
public final class PemPairReader {

    private PemPairReader() {}

    public static PairLoadResult read(CertificateFiles files, Instant now) {
        byte[] certBytes;
        byte[] keyBytes;
        try {
            certBytes = Files.readAllBytes(files.cert());
            keyBytes = Files.readAllBytes(files.key());
        } catch (IOException e) {
            return new PairLoadResult.Broken("cannot read " + files.cert() + " / " + files.key() + ": " + e.getClass().getSimpleName());
        }
        List<X509Certificate> chain;
        try {
            chain = new ArrayList<>();
            for (var c : CertificateFactory.getInstance("X.509").generateCertificates(new ByteArrayInputStream(certBytes))) {
                chain.add((X509Certificate) c);
            }
        } catch (GeneralSecurityException | RuntimeException e) {
            return new PairLoadResult.Broken(files.cert() + " is not a PEM certificate chain");
        }
        if (chain.isEmpty()) return new PairLoadResult.Broken(files.cert() + " holds no certificate");
        X509Certificate leaf = chain.get(0);
        if (now.isAfter(leaf.getNotAfter().toInstant())) return new PairLoadResult.Broken(files.cert() + " has expired");
        PrivateKey key;
        try {
            key = privateKey(new String(keyBytes, StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            return new PairLoadResult.Broken(files.key() + " is not a PEM private key");
        }
        if (key == null) return new PairLoadResult.Broken(files.key() + " holds no private key");
        if (!belongTogether(leaf, key)) return new PairLoadResult.Broken(files.key() + " does not match the certificate in " + files.cert());
        return new PairLoadResult.Loaded(new ServingPair(Buffer.buffer(certBytes), Buffer.buffer(pkcs8Pem(key)),
                leaf.getNotAfter().toInstant(), leaf.getSubjectX500Principal().getName()));
    }

    private static PrivateKey privateKey(String pem) throws IOException {
        try (PEMParser parser = new PEMParser(new StringReader(pem))) {
            JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
            for (Object o = parser.readObject(); o != null; o = parser.readObject()) {
                if (o instanceof PEMKeyPair pair) return converter.getPrivateKey(pair.getPrivateKeyInfo());
                if (o instanceof PrivateKeyInfo info) return converter.getPrivateKey(info);
            }
            return null;
        }
    }

    /** Sign and verify a probe: works for RSA, EC and EdDSA without comparing key internals. */
    static boolean belongTogether(X509Certificate cert, PrivateKey key) {
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "EdDSA" -> "Ed25519";
            default -> null;
        };
        if (algorithm == null) return false;
        try {
            byte[] probe = "floe-gitops key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(cert.getPublicKey());
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    static String pkcs8Pem(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }
}
