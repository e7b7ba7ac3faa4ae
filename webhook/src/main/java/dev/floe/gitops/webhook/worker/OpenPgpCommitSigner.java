package dev.floe.gitops.webhook.worker;

import dev.floe.gitops.runtime.config.SigningConfig;
import dev.floe.gitops.runtime.secrets.SecretResolver;
import dev.floe.gitops.runtime.secrets.SecretValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.Provider;
import java.util.Date;
import java.util.Iterator;
import java.util.Optional;
import org.bouncycastle.bcpg.ArmoredOutputStream;
import org.bouncycastle.bcpg.BCPGOutputStream;
import org.bouncycastle.bcpg.HashAlgorithmTags;
import org.bouncycastle.jce.provider.BouncyCastleProvider;
import org.bouncycastle.openpgp.PGPException;
import org.bouncycastle.openpgp.PGPPrivateKey;
import org.bouncycastle.openpgp.PGPSecretKey;
import org.bouncycastle.openpgp.PGPSecretKeyRing;
import org.bouncycastle.openpgp.PGPSecretKeyRingCollection;
import org.bouncycastle.openpgp.PGPSignature;
import org.bouncycastle.openpgp.PGPSignatureGenerator;
import org.bouncycastle.openpgp.PGPSignatureSubpacketGenerator;
import org.bouncycastle.openpgp.PGPUtil;
import org.bouncycastle.openpgp.operator.jcajce.JcaKeyFingerprintCalculator;
import org.bouncycastle.openpgp.operator.jcajce.JcaPGPContentSignerBuilder;
import org.bouncycastle.openpgp.operator.jcajce.JcePBESecretKeyDecryptorBuilder;
import org.eclipse.jgit.lib.CommitBuilder;
import org.eclipse.jgit.lib.GpgSignature;
import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.lib.Repository;

/**
 * Signs deploy commits with an OpenPGP key (a detached, ASCII-armoured signature in the commit's {@code gpgsig} header,
 * what {@code git verify-commit} checks with gpg and what GitHub and GitLab show as verified).
 *
 * <p>The key is the armoured secret key ({@code gpg --export-secret-keys --armor KEYID}) held in a secret; it is parsed in
 * memory, never written to disk and never handed to a GnuPG home. The signing key is the first key of the ring that can
 * sign (a signing subkey, or the primary key). The signature's creation time is the commit's committer time, so the same
 * commit signs the same way.
 */
final class OpenPgpCommitSigner implements CommitSigner {

  private final SecretResolver secrets;
  private final SigningConfig config;
  // an instance, never registered with java.security.Security: no global provider state
  private final Provider provider = new BouncyCastleProvider();

  OpenPgpCommitSigner(SecretResolver secrets, SigningConfig config) {
    this.secrets = secrets;
    this.config = config;
  }

  @Override
  public void sign(Repository repository, CommitBuilder commit, PersonIdent committer) throws IOException {
    SecretValue armoured = secrets.require(config.key());
    char[] passphrase = config.passphrase().map(secrets::require).map(v -> v.expose().toCharArray()).orElse(new char[0]);
    try {
      PGPSecretKey key = signingKey(armoured.expose()).orElseThrow(() -> new PGPException("no key of the ring can sign"));
      PGPPrivateKey privateKey = key.extractPrivateKey(
          new JcePBESecretKeyDecryptorBuilder().setProvider(provider).build(passphrase));
      PGPSignatureGenerator generator = new PGPSignatureGenerator(
          new JcaPGPContentSignerBuilder(key.getPublicKey().getAlgorithm(), HashAlgorithmTags.SHA256)
              .setProvider(provider), key.getPublicKey());
      generator.init(PGPSignature.BINARY_DOCUMENT, privateKey);
      PGPSignatureSubpacketGenerator hashed = new PGPSignatureSubpacketGenerator();
      hashed.setSignatureCreationTime(false, Date.from(committer.getWhenAsInstant()));
      hashed.setIssuerFingerprint(false, key);
      generator.setHashedSubpackets(hashed.generate());
      generator.update(commit.build());
      commit.setGpgSignature(new GpgSignature(armour(generator.generate())));
    } catch (PGPException | IOException | RuntimeException e) {
      // never e as the cause: a parser's message may quote the secret input, and causes reach logs
      throw new IOException("cannot sign the deploy commit with the OpenPGP key of secret '" + config.key().name()
          + "' (worker.signing.key): " + reason(e) + "; it must be an armoured secret key (gpg --export-secret-keys"
          + " --armor), with worker.signing.passphrase if it is protected");
    } finally {
      java.util.Arrays.fill(passphrase, '\0');
    }
  }

  private Optional<PGPSecretKey> signingKey(String armoured) throws IOException, PGPException {
    try (InputStream in = PGPUtil.getDecoderStream(
        new ByteArrayInputStream(armoured.strip().getBytes(StandardCharsets.US_ASCII)))) {
      PGPSecretKeyRingCollection rings = new PGPSecretKeyRingCollection(in, new JcaKeyFingerprintCalculator());
      for (Iterator<PGPSecretKeyRing> r = rings.getKeyRings(); r.hasNext(); ) {
        PGPSecretKey primary = null;
        for (Iterator<PGPSecretKey> k = r.next().getSecretKeys(); k.hasNext(); ) {
          PGPSecretKey key = k.next();
          if (!key.isSigningKey() || key.isPrivateKeyEmpty()) {
            continue;
          }
          if (!key.isMasterKey()) {
            return Optional.of(key); // a signing subkey is what gpg itself would use
          }
          primary = key;
        }
        if (primary != null) {
          return Optional.of(primary);
        }
      }
      return Optional.empty();
    }
  }

  private static byte[] armour(PGPSignature signature) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (ArmoredOutputStream armoured = ArmoredOutputStream.builder().clearHeaders().build(bytes);
        BCPGOutputStream out = new BCPGOutputStream(armoured)) {
      signature.encode(out);
    }
    return bytes.toByteArray();
  }

  /**
   * What kind of failure, never the library's message: a parser's message may quote the input it rejected (an armour
   * header line), and the input is the secret.
   */
  private static String reason(Exception e) {
    if (e instanceof PGPException && e.getMessage() != null && e.getMessage().contains("checksum mismatch")) {
      return "the passphrase does not open the key";
    }
    if (e instanceof PGPException && "no key of the ring can sign".equals(e.getMessage())) {
      return e.getMessage();
    }
    return "not a readable OpenPGP secret key (" + e.getClass().getSimpleName() + ")";
  }
}
