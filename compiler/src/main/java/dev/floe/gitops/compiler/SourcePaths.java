package dev.floe.gitops.compiler;

/** Checks relative paths before any source tree touches them, so no implementation can be tricked into leaving its root. */
public final class SourcePaths {
    private SourcePaths() {
    }

    /** Returns the normalised path ('/'-separated, no "./") or throws when it is absolute, empty or climbs with "..". */
    public static String checkRelative(String path) throws SourceException {
        if (path == null || path.isEmpty()) {
            throw new SourceException("empty path: give a path relative to the repository root");
        }
        String p = path.replace('\\', '/');
        if (p.startsWith("/") || p.matches("^[A-Za-z]:.*")) {
            throw new SourceException("absolute path '" + path + "' is not allowed: paths are relative to the repository root");
        }
        StringBuilder out = new StringBuilder();
        for (String part : p.split("/")) {
            if (part.isEmpty() || part.equals(".")) {
                continue;
            }
            if (part.equals("..")) {
                throw new SourceException("path '" + path + "' leaves the repository ('..' is not allowed)");
            }
            if (part.indexOf('\0') >= 0) {
                throw new SourceException("path '" + path + "' contains a NUL character");
            }
            if (out.length() > 0) {
                out.append('/');
            }
            out.append(part);
        }
        if (out.length() == 0) {
            throw new SourceException("path '" + path + "' names the repository root, not a file");
        }
        return out.toString();
    }

    /**
     * The literal folder prefix of a Java NIO glob: the text up to and including the last '/' before the first glob
     * metacharacter (star, question mark, bracket, brace or backslash), or "" when there is none. Every path the glob matches starts with it, so a
     * source tree can list only the files under that prefix instead of testing every file.
     */
    public static String globLiteralPrefix(String glob) {
        int end = glob.length();
        for (int i = 0; i < glob.length(); i++) {
            char c = glob.charAt(i);
            if (c == '*' || c == '?' || c == '[' || c == '{' || c == '\\') {
                end = i;
                break;
            }
        }
        int slash = glob.lastIndexOf('/', end - 1);
        return slash < 0 ? "" : glob.substring(0, slash + 1);
    }
}
