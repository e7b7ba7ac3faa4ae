package dev.floe.gitops.admission.tls;

import java.nio.file.Path;

/** Where the serving certificate (PEM chain) and its private key live. */
public record CertificateFiles(Path cert, Path key) {}
