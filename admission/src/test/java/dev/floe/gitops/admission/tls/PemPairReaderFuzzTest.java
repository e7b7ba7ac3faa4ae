package dev.floe.gitops.admission.tls;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Set;

/**
 * The serving pair is whatever lands in the mounted secret (cert-manager, an operator's kubectl, a
 * half-written rotation). Reading any bytes as certificate and key ends in Loaded or Broken, never
 * an exception, and a Broken reason is one of the fixed phrases around the two file names: it never
 * carries file content (the key). One side can be a real pair's file so the fuzzer reaches the
 * later checks. Without JAZZER_FUZZ this replays {@code PemPairReaderFuzzTestInputs/pemPair/}.
 */
class PemPairReaderFuzzTest {

    private static final Instant NOW = Instant.parse("2026-11-29T06:00:00Z");
    private static final Set<String> REASONS = Set.of("C is not a PEM certificate chain", "C holds no certificate",
            "C has expired", "K is not a PEM private key", "K holds no private key", "K does not match the certificate in C");
    private static final Path DIR;
    private static final byte[] REAL_CERT;
    private static final byte[] REAL_KEY;

    static {
        try {
            DIR = Files.createTempDirectory("pem-fuzz");
            CertificateFiles real = SelfSignedCertificates.ensure(DIR.resolve("real"), NOW).files();
            REAL_CERT = Files.readAllBytes(real.cert());
            REAL_KEY = Files.readAllBytes(real.key());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @FuzzTest(maxDuration = "30s")
    void pemPair(FuzzedDataProvider data) throws IOException {
        int mode = data.consumeInt(0, 2);
        byte[] fuzzedCert = data.consumeBytes(data.consumeInt(0, 4096));
        byte[] fuzzedKey = data.consumeRemainingAsBytes();
        CertificateFiles files = new CertificateFiles(DIR.resolve("tls.crt"), DIR.resolve("tls.key"));
        Files.write(files.cert(), mode == 1 ? REAL_CERT : fuzzedCert);
        Files.write(files.key(), mode == 2 ? REAL_KEY : fuzzedKey);

        PairLoadResult result = PemPairReader.read(files, NOW);

        assertThat(result).isNotNull();
        if (result instanceof PairLoadResult.Broken broken) {
            String phrase = broken.reason().replace(files.cert().toString(), "C").replace(files.key().toString(), "K");
            assertThat(REASONS).contains(phrase);
        } else {
            ServingPair pair = ((PairLoadResult.Loaded) result).pair();
            assertThat(pair.notAfter()).isAfter(NOW);
        }
    }
}
