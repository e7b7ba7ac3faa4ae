package dev.floe.gitops.runtime.secrets;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Secrets from files {@code <secretsDir>/<name>}: keys of a mounted Kubernetes Secret. The kubelet swaps
 * the files when the Secret changes, so every lookup checks modification time and size and re-reads a
 * file that changed; the content is trimmed of trailing newlines (editors and {@code echo} add one).
 */
public final class FileSecretSource implements SecretSource {

    private record Cached(FileTime modified, long size, Object fileKey, SecretValue value) {}

    private final Path directory;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public FileSecretSource(Path directory) {
        this.directory = directory.toAbsolutePath().normalize();
    }

    @Override
    public Lookup lookup(SecretRef ref) {
        // SecretRef names cannot contain '/' or start with '.', so this stays inside the directory.
        Path file = directory.resolve(ref.name());
        String where = "file " + file;
        try {
            BasicFileAttributes attributes = Files.readAttributes(file, BasicFileAttributes.class); // follows the kubelet's symlinks
            if (!attributes.isRegularFile()) return new Absent(where);
            Cached cached = cache.get(ref.name());
            if (cached != null && cached.modified().equals(attributes.lastModifiedTime()) && cached.size() == attributes.size()
                    && java.util.Objects.equals(cached.fileKey(), attributes.fileKey())) {
                return new Found(cached.value(), where);
            }
            String text = trimTrailingNewlines(Files.readString(file, StandardCharsets.UTF_8));
            if (text.isEmpty()) return new Absent(where + " (empty)");
            SecretValue value = SecretValue.of(text);
            cache.put(ref.name(), new Cached(attributes.lastModifiedTime(), attributes.size(), attributes.fileKey(), value));
            return new Found(value, where);
        } catch (NoSuchFileException e) {
            cache.remove(ref.name());
            return new Absent(where);
        } catch (IOException e) {
            // The exception class only: an I/O message could quote content in exotic file systems.
            return new Failed(where, "cannot read (" + e.getClass().getSimpleName() + ")");
        }
    }

    static String trimTrailingNewlines(String text) {
        int end = text.length();
        while (end > 0 && (text.charAt(end - 1) == '\n' || text.charAt(end - 1) == '\r')) end--;
        return text.substring(0, end);
    }
}
