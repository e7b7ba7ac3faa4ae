package dev.floe.gitops.policy;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;

/**
 * The catalogue of known token formats. Patterns follow the vendors' published formats; each one
 * puts the whole token in group 1 and its public prefix (shown in the mask) in group 2 where the
 * format has one. All patterns are RE2: no backtracking, linear in the input.
 */
final class BuiltinTokenRules {

  private BuiltinTokenRules() {}

  private static final String E = "(?:[^A-Za-z0-9_]|$)"; // right boundary for fixed-length formats

  static List<TokenRule> all() {
    List<TokenRule> r = new ArrayList<>();
    // Cloud providers
    prefix(r, "aws-access-key-id", "AWS access key id", Severity.CRITICAL,
        List.of("AKIA", "ASIA", "ABIA", "ACCA"),
        "((AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16})" + E, 2.8);
    contextual(r, "aws-secret-access-key", "AWS secret access key", Severity.CRITICAL,
        List.of("aws_secret", "aws-secret", "awssecret", "secret_access_key", "secretaccesskey", "secret-access-key", "aws_session_token"),
        "(?i:(?:aws)?[_.-]?(?:secret|session)[_.-]?(?:access[_.-]?)?(?:key|token))[\"']?\\s*[:=]\\s*[\"']?([A-Za-z0-9/+]{40}(?:[A-Za-z0-9/+=]{0,400}))(?:[^A-Za-z0-9/+=]|$)",
        3.5);
    prefix(r, "gcp-api-key", "Google Cloud API key", Severity.HIGH, List.of("AIza"),
        "((AIza)[0-9A-Za-z_\\-]{35})" + E, 3.0);
    prefix(r, "gcp-oauth-client-secret", "Google OAuth client secret", Severity.HIGH, List.of("GOCSPX-"),
        "((GOCSPX-)[A-Za-z0-9_\\-]{28})" + E, 3.0);
    prefix(r, "google-oauth-refresh-token", "Google OAuth refresh token", Severity.HIGH, List.of("1//0"),
        "((1//0)[A-Za-z0-9_\\-]{40,})", 3.0);
    r.add(rule("azure-storage-account-key", "Azure storage account key in a connection string", Severity.CRITICAL,
        List.of("accountkey="), false,
        "(?i:AccountKey)=([A-Za-z0-9+/]{86}==)", 1, -1, 3.5, false));
    r.add(rule("azure-shared-access-key", "Azure Service Bus / Event Hubs shared access key", Severity.CRITICAL,
        List.of("sharedaccesskey="), false,
        "(?i:SharedAccessKey)=([A-Za-z0-9+/]{43}=)", 1, -1, 3.5, false));
    r.add(rule("azure-sas-token", "Azure shared access signature", Severity.HIGH,
        List.of("sig="), false,
        "(?i:[?&;]sv=[0-9-]{6,}[^\\s\"']{0,400}?[?&;]sig=)([A-Za-z0-9%+/]{40,}(?:%3D|=){0,2})", 1, -1, 3.5, false));
    prefix(r, "azure-ad-client-secret", "Azure AD (Entra ID) client secret", Severity.HIGH, List.of("Q~"),
        "([A-Za-z0-9_~.]{3}[0-9]Q~[A-Za-z0-9_~.\\-]{31,34})" + E, 3.0, false);
    prefix(r, "alibaba-access-key-id", "Alibaba Cloud AccessKey id", Severity.HIGH, List.of("LTAI"),
        "((LTAI)[A-Za-z0-9]{12,20})" + E, 3.0);
    prefix(r, "digitalocean-token", "DigitalOcean token", Severity.HIGH, List.of("dop_v1_", "doo_v1_", "dor_v1_"),
        "((do[por]_v1_)[a-f0-9]{64})" + E, 3.0);
    prefix(r, "heroku-api-key", "Heroku API key", Severity.HIGH, List.of("HRKU-"),
        "((HRKU-)[A-Za-z0-9_\\-]{60})" + E, 3.0);
    contextual(r, "heroku-api-key-legacy", "Heroku API key (legacy UUID form)", Severity.HIGH, List.of("heroku"),
        "(?i:heroku)[A-Za-z0-9_.-]{0,20}(?i:key|token)[\"']?\\s*[:=]\\s*[\"']?([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})", 3.0);
    // Source control and CI
    prefix(r, "github-pat", "GitHub personal access token (classic)", Severity.CRITICAL, List.of("ghp_"),
        "((ghp_)[A-Za-z0-9]{36})" + E, 3.0);
    prefix(r, "github-oauth-token", "GitHub OAuth access token", Severity.CRITICAL, List.of("gho_"),
        "((gho_)[A-Za-z0-9]{36})" + E, 3.0);
    prefix(r, "github-app-token", "GitHub App user-to-server or installation token", Severity.CRITICAL, List.of("ghu_", "ghs_"),
        "((gh[us]_)[A-Za-z0-9]{36})" + E, 3.0);
    prefix(r, "github-refresh-token", "GitHub refresh token", Severity.CRITICAL, List.of("ghr_"),
        "((ghr_)[A-Za-z0-9]{36,76})" + E, 3.0);
    prefix(r, "github-fine-grained-pat", "GitHub fine-grained personal access token", Severity.CRITICAL, List.of("github_pat_"),
        "((github_pat_)[A-Za-z0-9_]{60,255})" + E, 3.0);
    prefix(r, "gitlab-pat", "GitLab personal, project or group access token", Severity.CRITICAL, List.of("glpat-"),
        "((glpat-)[A-Za-z0-9_\\-.]{20,})", 3.0);
    prefix(r, "gitlab-token", "GitLab deploy, runner, trigger, agent or OAuth token", Severity.HIGH,
        List.of("gldt-", "glrt-", "glptt-", "glsoat-", "glcbt-", "gloas-", "glimt-", "glft-", "glagent-", "glffct-", "GR1348941"),
        "((gldt-|glrt-|glptt-|glsoat-|glcbt-|gloas-|glimt-|glft-|glagent-|glffct-|GR1348941)[A-Za-z0-9_\\-.]{20,})", 3.0);
    prefix(r, "bitbucket-app-password", "Bitbucket app password or access token", Severity.HIGH, List.of("ATBB", "ATCTT3"),
        "((ATBB|ATCTT3)[A-Za-z0-9_=.\\-]{24,})", 3.0);
    prefix(r, "atlassian-api-token", "Atlassian API token", Severity.HIGH, List.of("ATATT3"),
        "((ATATT3)[A-Za-z0-9_=\\-]{50,})", 3.0);
    prefix(r, "npm-token", "npm access token", Severity.HIGH, List.of("npm_"),
        "((npm_)[A-Za-z0-9]{36})" + E, 3.0);
    prefix(r, "pypi-token", "PyPI upload token", Severity.HIGH, List.of("pypi-AgEIcHlwaS5vcmc", "pypi-AgENdGVzdC5weXBpLm9yZw"),
        "((pypi-)AgE(?:IcHlwaS5vcmc|NdGVzdC5weXBpLm9yZw)[A-Za-z0-9_\\-]{50,})", 3.0);
    prefix(r, "dockerhub-token", "Docker Hub access token", Severity.HIGH, List.of("dckr_pat_", "dckr_oat_"),
        "((dckr_(?:pat|oat)_)[A-Za-z0-9_\\-]{27,})", 3.0);
    prefix(r, "rubygems-api-key", "RubyGems API key", Severity.HIGH, List.of("rubygems_"),
        "((rubygems_)[a-f0-9]{48})" + E, 3.0);
    prefix(r, "nuget-api-key", "NuGet API key", Severity.HIGH, List.of("oy2"),
        "((oy2)[a-z0-9]{43})" + E, 3.0);
    prefix(r, "artifactory-token", "JFrog Artifactory API key or reference token", Severity.HIGH, List.of("AKCp", "cmVmdGtuOjAxOj"),
        "((AKCp)[A-Za-z0-9]{69}|(?:cmVmdGtuOjAxOj)[A-Za-z0-9]{50,})", 3.0);
    prefix(r, "buildkite-token", "Buildkite API token", Severity.HIGH, List.of("bkua_"),
        "((bkua_)[a-f0-9]{40})" + E, 3.0);
    prefix(r, "sourcegraph-token", "Sourcegraph access token", Severity.HIGH, List.of("sgp_"),
        "((sgp_)[A-Za-z0-9_]{40,})", 3.0);
    prefix(r, "harness-pat", "Harness personal access token", Severity.HIGH, List.of("pat."),
        "((pat\\.)[A-Za-z0-9_\\-]{22}\\.[0-9a-f]{24}\\.[A-Za-z0-9]{20})" + E, 3.0);
    // Secrets managers and infrastructure
    prefix(r, "vault-token", "HashiCorp Vault token", Severity.CRITICAL, List.of("hvs.", "hvb.", "hvr."),
        "((hv[sbr]\\.)[A-Za-z0-9_\\-]{24,})", 3.0);
    prefix(r, "terraform-cloud-token", "Terraform Cloud / Enterprise API token", Severity.CRITICAL, List.of("atlasv1"),
        "([A-Za-z0-9]{14}\\.atlasv1\\.[A-Za-z0-9_\\-=]{60,})", 3.0, false);
    prefix(r, "doppler-token", "Doppler token", Severity.CRITICAL, List.of("dp.pt.", "dp.st.", "dp.sa.", "dp.ct.", "dp.scim.", "dp.audit."),
        "((dp\\.(?:pt|st|sa|ct|scim|audit)\\.)[A-Za-z0-9_\\-]{40,})", 3.0);
    prefix(r, "pulumi-token", "Pulumi access token", Severity.HIGH, List.of("pul-"),
        "((pul-)[a-f0-9]{40})" + E, 3.0);
    prefix(r, "age-secret-key", "age secret key", Severity.CRITICAL, List.of("AGE-SECRET-KEY-1"),
        "((AGE-SECRET-KEY-1)[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58})" + E, 3.0);
    prefix(r, "fly-token", "Fly.io token", Severity.HIGH, List.of("fo1_", "fm1", "fm2_"),
        "((fo1_|fm[12][ar]?_)[A-Za-z0-9+/=_\\-]{40,})", 3.0);
    prefix(r, "planetscale-token", "PlanetScale token or password", Severity.HIGH, List.of("pscale_"),
        "((pscale_(?:tkn|pw|oauth)_)[A-Za-z0-9_\\-.=]{32,64})", 3.0);
    prefix(r, "supabase-token", "Supabase access token", Severity.HIGH, List.of("sbp_"),
        "((sbp_)[a-f0-9]{40})" + E, 3.0);
    prefix(r, "databricks-token", "Databricks personal access token", Severity.CRITICAL, List.of("dapi"),
        "((dapi)[0-9a-f]{32}(?:-[0-9])?)" + E, 3.0);
    prefix(r, "dynatrace-token", "Dynatrace API token", Severity.HIGH, List.of("dt0c01."),
        "((dt0c01\\.)[A-Z0-9]{24}\\.[A-Z0-9]{64})" + E, 3.0);
    // Communication and SaaS APIs
    prefix(r, "slack-token", "Slack bot, user or app token", Severity.HIGH,
        List.of("xoxb-", "xoxp-", "xoxa-", "xoxr-", "xoxs-", "xoxe.", "xoxe-", "xapp-"),
        "((xox[bpars]-|xoxe[.-]|xapp-)[0-9A-Za-z\\-.]{10,})", 3.0);
    prefix(r, "slack-webhook", "Slack incoming webhook URL", Severity.HIGH, List.of("hooks.slack.com/"),
        "((https?://hooks\\.slack\\.com/)(?:services|workflows|triggers)/[A-Za-z0-9+/_\\-]{20,})", 3.0);
    prefix(r, "discord-webhook", "Discord webhook URL", Severity.HIGH, List.of("discord.com/api/webhooks/", "discordapp.com/api/webhooks/"),
        "((https?://(?:ptb\\.|canary\\.)?discord(?:app)?\\.com/api/webhooks/)[0-9]+/[A-Za-z0-9_\\-]{60,})", 3.0);
    contextual(r, "discord-bot-token", "Discord bot token", Severity.HIGH, List.of("discord"),
        "(?i:discord)[A-Za-z0-9_.\\-\"' :=]{0,40}?([MNO][A-Za-z0-9_\\-]{23,25}\\.[A-Za-z0-9_\\-]{6}\\.[A-Za-z0-9_\\-]{27,38})", 3.0);
    prefix(r, "telegram-bot-token", "Telegram bot token", Severity.HIGH, List.of(":AA"),
        "([0-9]{8,10}:AA[A-Za-z0-9_\\-]{33})" + E, 3.0, false);
    prefix(r, "stripe-secret-key", "Stripe secret or restricted key", Severity.CRITICAL,
        List.of("sk_live_", "rk_live_", "sk_test_", "rk_test_"),
        "(([sr]k_(?:live|test)_)[0-9A-Za-z]{20,})", 3.0);
    r.add(rule("twilio-api-key", "Twilio API key or account SID", Severity.HIGH, List.of("SK", "AC"), true,
        "((SK|AC)[0-9a-f]{32})" + E, 1, 2, 3.0, false));
    prefix(r, "sendgrid-api-key", "SendGrid API key", Severity.HIGH, List.of("SG."),
        "((SG\\.)[A-Za-z0-9_\\-]{22}\\.[A-Za-z0-9_\\-]{43})" + E, 3.0);
    prefix(r, "mailgun-api-key", "Mailgun API key", Severity.HIGH, List.of("key-"),
        "((key-)[0-9a-f]{32})" + E, 3.0);
    prefix(r, "mailchimp-api-key", "Mailchimp API key", Severity.HIGH, List.of("-us"),
        "([0-9a-f]{32}-us[0-9]{1,2})" + E, 3.0, false);
    prefix(r, "openai-api-key", "OpenAI API key", Severity.CRITICAL, List.of("sk-proj-", "sk-svcacct-", "sk-admin-", "T3BlbkFJ"),
        "((sk-(?:proj|svcacct|admin)-)[A-Za-z0-9_\\-]{20,}|(sk-)[A-Za-z0-9_\\-]{0,64}T3BlbkFJ[A-Za-z0-9_\\-]{16,})", 3.0);
    prefix(r, "anthropic-api-key", "Anthropic API key", Severity.CRITICAL, List.of("sk-ant-"),
        "((sk-ant-(?:api03|admin01|oat01|ort01)-)[A-Za-z0-9_\\-]{32,})", 3.0);
    prefix(r, "huggingface-token", "Hugging Face access token", Severity.HIGH, List.of("hf_", "api_org_"),
        "((hf_|api_org_)[A-Za-z0-9]{30,40})" + E, 3.0);
    prefix(r, "shopify-token", "Shopify access token or shared secret", Severity.HIGH, List.of("shpat_", "shpca_", "shppa_", "shpss_"),
        "((shp(?:at|ca|pa|ss)_)[a-fA-F0-9]{32})" + E, 3.0);
    prefix(r, "square-token", "Square access token or OAuth secret", Severity.HIGH, List.of("sq0atp-", "sq0csp-", "EAAA"),
        "((sq0atp-)[0-9A-Za-z_\\-]{22}|(sq0csp-)[0-9A-Za-z_\\-]{43}|(EAAA)[A-Za-z0-9_\\-]{60})" + E, 3.0);
    prefix(r, "linear-api-key", "Linear API key", Severity.HIGH, List.of("lin_api_"),
        "((lin_api_)[A-Za-z0-9]{40})" + E, 3.0);
    prefix(r, "grafana-token", "Grafana service account or Cloud token", Severity.HIGH, List.of("glsa_", "glc_"),
        "((glsa_)[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}|(glc_)[A-Za-z0-9+/]{32,}={0,2})", 3.0);
    prefix(r, "new-relic-key", "New Relic API or ingest key", Severity.HIGH, List.of("NRAK-", "NRII-", "NRRA-", "NRJS-"),
        "((NR(?:AK|II|RA|JS)-)[A-Z0-9]{19,32})" + E, 3.0);
    contextual(r, "datadog-api-key", "Datadog API or application key", Severity.HIGH,
        List.of("datadog", "dd_api", "dd-api", "ddapi", "dd_app", "dd-app", "ddapp"),
        "(?i:(?:datadog|dd)[_.-]?(?:api|app(?:lication)?)[_.-]?key)[\"']?\\s*[:=]\\s*[\"']?([a-f0-9]{32}|[a-f0-9]{40})(?:[^A-Za-z0-9]|$)", 3.0);
    prefix(r, "sentry-token", "Sentry auth token", Severity.HIGH, List.of("sntrys_", "sntryu_"),
        "((sntrys_)eyJ[A-Za-z0-9+/=_\\-]{50,}|(sntryu_)[a-f0-9]{64})", 3.0);
    prefix(r, "postman-api-key", "Postman API key", Severity.HIGH, List.of("PMAK-"),
        "((PMAK-)[a-f0-9]{24}-[a-f0-9]{34})" + E, 3.0);
    prefix(r, "figma-token", "Figma personal access token", Severity.HIGH, List.of("figd_"),
        "((figd_)[A-Za-z0-9_\\-]{40})" + E, 3.0);
    prefix(r, "mapbox-secret-token", "Mapbox secret token", Severity.HIGH, List.of("sk.eyJ"),
        "((sk\\.)eyJ[A-Za-z0-9_\\-]{50,}\\.[A-Za-z0-9_\\-]{20,})", 3.0);
    prefix(r, "prefect-api-key", "Prefect API key", Severity.HIGH, List.of("pnu_"),
        "((pnu_)[A-Za-z0-9]{36})" + E, 3.0);
    prefix(r, "facebook-access-token", "Facebook access token", Severity.HIGH, List.of("EAACEdEose0cBA"),
        "((EAACEdEose0cBA)[0-9A-Za-z]{20,})", 3.0);
    // Generic formats
    prefix(r, "jwt", "JSON Web Token", Severity.HIGH, List.of("eyJ"),
        "((eyJ)[A-Za-z0-9_\\-]{10,}\\.eyJ[A-Za-z0-9_\\-]{10,}\\.[A-Za-z0-9_\\-]{16,})", 3.0);
    r.add(rule("private-key", "PEM or PGP private key", Severity.CRITICAL, List.of("PRIVATE KEY"), true,
        "((-----BEGIN (?:[A-Z0-9]+ ){0,3}PRIVATE KEY(?: BLOCK)?-----)(?:\\s|\\\\n|\\\\r|[A-Za-z0-9+/=:,\\-])*?[A-Za-z0-9+/=]{32})",
        1, 2, 0.0, false));
    r.add(rule("putty-private-key", "PuTTY private key", Severity.CRITICAL, List.of("PuTTY-User-Key-File-"), true,
        "((PuTTY-User-Key-File-[0-9]+:)[^\\n]{0,200}\\n(?:[^\\n]{0,400}\\n){0,30}?Private-Lines:)", 1, 2, 0.0, false));
    return List.copyOf(r);
  }

  private static void prefix(List<TokenRule> r, String id, String what, Severity sev, List<String> kws, String regex, double entropy) {
    prefix(r, id, what, sev, kws, regex, entropy, true);
  }

  private static void prefix(
      List<TokenRule> r, String id, String what, Severity sev, List<String> kws, String regex, double entropy, boolean hasPrefixGroup) {
    r.add(rule(id, what, sev, kws, true, regex, 1, hasPrefixGroup ? 2 : -1, entropy, false));
  }

  private static void contextual(List<TokenRule> r, String id, String what, Severity sev, List<String> kws, String regex, double entropy) {
    r.add(rule(id, what, sev, kws, false, regex, 1, -1, entropy, true));
  }

  private static TokenRule rule(
      String id, String what, Severity sev, List<String> kws, boolean caseSensitive, String regex,
      int secretGroup, int prefixGroup, double entropy, boolean contextual) {
    // The left boundary is checked in code, not in the pattern: a pattern that starts with a literal
    // lets RE2/J jump between candidates instead of stepping its NFA through every character.
    return new TokenRule(id, what, kws, caseSensitive, Pattern.compile(regex), secretGroup, prefixGroup, entropy, contextual, !contextual,
        sev, remediation(what));
  }

  static String remediation(String what) {
    return "Revoke and rotate this " + what + " (it is in the history now), then supply it from a Kubernetes Secret"
        + " (valueFrom.secretKeyRef) or a platform secret_ref instead of writing it inline.";
  }
}
