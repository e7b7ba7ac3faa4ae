package dev.floe.gitops.admission.tls;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * For local use without {@code --cert/--key}: a throwaway CA and a serving certificate for localhost,
 * written to {@code <dataDir>/admission-tls/} ({@code ca.crt}, {@code tls.crt}, {@code tls.key}). A pair
 * that is still valid for a week is reused, so the CA bundle a developer configured keeps working.
 * ECDSA P-256: generated in milliseconds, accepted by the API server and every TLS client.
 */
public final class SelfSignedCertificates {

    public record Generated(CertificateFiles files, Path caBundle) {}

    static final Duration VALIDITY = Duration.ofDays(365);
    static final Duration REUSE_MARGIN = Duration.ofDays(7);
    static final List<String> DNS_NAMES = List.of("localhost");
    static final List<String> IP_ADDRESSES = List.of("127.0.0.1", "::1");

    private SelfSignedCertificates() {}

    public static Generated ensure(Path dataDir, Instant now) throws IOException {
        Path dir = dataDir.resolve("admission-tls");
        Generated out = new Generated(new CertificateFiles(dir.resolve("tls.crt"), dir.resolve("tls.key")), dir.resolve("ca.crt"));
        if (Files.isRegularFile(out.caBundle())
                && PemPairReader.read(out.files(), now.plus(REUSE_MARGIN)) instanceof PairLoadResult.Loaded) {
            return out;
        }
        Files.createDirectories(dir);
        try {
            KeyPair ca = keyPair();
            KeyPair leaf = keyPair();
            X500Name caName = new X500Name("CN=floe-gitops admission local CA");
            X509Certificate caCert = sign(new JcaX509v3CertificateBuilder(caName, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), caName, ca.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, new JcaX509ExtensionUtils().createSubjectKeyIdentifier(ca.getPublic())), ca);
            GeneralName[] names = new GeneralName[DNS_NAMES.size() + IP_ADDRESSES.size()];
            int i = 0;
            for (String dns : DNS_NAMES) names[i++] = new GeneralName(GeneralName.dNSName, dns);
            for (String ip : IP_ADDRESSES) names[i++] = new GeneralName(GeneralName.iPAddress, ip);
            X509Certificate leafCert = sign(new JcaX509v3CertificateBuilder(caCert, serial(), Date.from(now.minus(Duration.ofMinutes(5))),
                    Date.from(now.plus(VALIDITY)), new X500Name("CN=localhost"), leaf.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(names))
                    .addExtension(Extension.authorityKeyIdentifier, false, new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(caCert)), ca);
            write(out.caBundle(), pem("CERTIFICATE", caCert.getEncoded()), false);
            write(out.files().key(), PemPairReader.pkcs8Pem(leaf.getPrivate()), true);
            write(out.files().cert(), pem("CERTIFICATE", leafCert.getEncoded()), false);
        } catch (GeneralSecurityException | OperatorCreationException e) {
            throw new IOException("cannot generate the self-signed certificate: " + e.getMessage(), e);
        }
        return out;
    }

    private static KeyPair keyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer) throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter().getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    static String pem(String type, byte[] der) {
        return "-----BEGIN " + type + "-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der) + "\n-----END " + type + "-----\n";
    }

    /** Written next to the target and moved, so a reader never sees half a file; the key readable by the owner only. */
    private static void write(Path target, String text, boolean secret) throws IOException {
        Path tmp = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".tmp");
        try {
            if (secret) {
                try {
                    Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
                } catch (UnsupportedOperationException ignored) {
                    // not a POSIX file system: the folder's permissions apply
                }
            }
            Files.writeString(tmp, text, StandardCharsets.US_ASCII);
            Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }
}
