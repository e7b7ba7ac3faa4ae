package dev.floe.gitops.compiler.resolve;

import dev.floe.gitops.compiler.model.SecretRef;
import java.util.Locale;

/** The variable names of FORMATS.md's "Runtime binding" table, in one place so resolver and renderers agree. */
public final class SecretVars {
    public static final String DBT_SECRET_PREFIX = "DBT_ENV_SECRET_";
    public static final String KEYFILE_DIR = "/var/run/secrets/floe/";

    private SecretVars() {
    }

    public static String single(SecretRef ref) {
        return ref.envVar();
    }

    public static String dbtSingle(SecretRef ref) {
        return DBT_SECRET_PREFIX + ref.envVar();
    }

    /** {@code DBT_ENV_SECRET_<NAME>_USERNAME} and friends for a compute profile's static credentials. */
    public static String compute(String secretName, String suffix) {
        return DBT_SECRET_PREFIX + new SecretRef(secretName).envVar() + "_" + suffix;
    }

    /** PyIceberg's environment name of a catalog: upper case with '-' and '_' as '_' (it folds '_' to '-' back). */
    public static String pyicebergCatalog(String catalogName) {
        return "PYICEBERG_CATALOG__" + catalogName.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    public static String keyfilePath(String secretName) {
        return KEYFILE_DIR + secretName + "/keyfile.json";
    }
}
