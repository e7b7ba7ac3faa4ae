package dev.floe.gitops.admission;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import dev.floe.gitops.policy.Finding;
import dev.floe.gitops.runtime.config.AdmissionConfig;

/**
 * Turns scan results into a verdict (SPEC §8): the mode decides what new findings do; on UPDATE findings
 * already in {@code oldObject} only warn unless configured otherwise; a scan over its budget gets the
 * failure verdict; DELETE and CONNECT are always allowed. dryRun plays no part: a dry run must predict
 * the real answer.
 */
public final class VerdictPolicy {

    static final int DENY_CODE = 403;

    private final AdmissionConfig.Mode mode;
    private final AdmissionConfig.OldObjectFindings oldObjectFindings;
    private final AdmissionConfig.FailureVerdict failureVerdict;

    public VerdictPolicy(AdmissionConfig config) {
        this.mode = config.mode();
        this.oldObjectFindings = config.oldObjectFindings();
        this.failureVerdict = config.failureVerdict();
    }

    public static boolean needsScan(ReviewRequest request) {
        return request.operation() == ReviewRequest.Operation.CREATE || request.operation() == ReviewRequest.Operation.UPDATE;
    }

    public Decision decide(ReviewRequest request, ReviewScan scan, ExemptionScope exemptions) {
        if (!needsScan(request)) return new Decision(new Verdict.Allow(), "allow", List.of(), List.of(), false);
        if (scan.budgetExceeded()) {
            Verdict v = failureVerdict == AdmissionConfig.FailureVerdict.DENY
                    ? new Verdict.Deny(DENY_CODE, Messages.budgetDenial(request), List.of())
                    : new Verdict.Warn(List.of(Messages.budgetWarning()));
            return new Decision(v, v.decision(), exemptions.keep(scan.object().findings()), List.of(), true);
        }
        List<Finding> all = exemptions.keep(scan.object().findings());
        List<Finding> fresh = new ArrayList<>();
        List<Finding> preExisting = new ArrayList<>();
        Set<String> old = identities(exemptions.keep(scan.old().findings()));
        boolean softenOld = request.operation() == ReviewRequest.Operation.UPDATE && oldObjectFindings == AdmissionConfig.OldObjectFindings.WARN;
        for (Finding f : all) {
            if (softenOld && old.contains(identity(f))) preExisting.add(f);
            else fresh.add(f);
        }
        if (fresh.isEmpty() && preExisting.isEmpty()) return new Decision(new Verdict.Allow(), "allow", all, List.of(), false);
        List<String> warnings = new ArrayList<>();
        if (mode == AdmissionConfig.Mode.AUDIT) return new Decision(new Verdict.Allow(), "audit", fresh, preExisting, false);
        if (!preExisting.isEmpty()) warnings.addAll(Messages.warnings("already present: ", preExisting));
        if (fresh.isEmpty()) return new Decision(new Verdict.Warn(warnings), "warn", fresh, preExisting, false);
        if (mode == AdmissionConfig.Mode.WARN) {
            List<String> w = new ArrayList<>(Messages.warnings("", fresh));
            w.addAll(warnings);
            return new Decision(new Verdict.Warn(cap(w)), "warn", fresh, preExisting, false);
        }
        return new Decision(new Verdict.Deny(DENY_CODE, Messages.denial(request, fresh), cap(warnings)), "deny", fresh, preExisting, false);
    }

    private static List<String> cap(List<String> warnings) {
        return warnings.size() <= 2 * Messages.MAX_WARNINGS ? warnings : warnings.subList(0, 2 * Messages.MAX_WARNINGS);
    }

    /** A finding "is the same" when rule, path and masked value (format prefix and length) agree. */
    private static String identity(Finding f) {
        return f.ruleId() + '\u0000' + f.path() + '\u0000' + f.masked();
    }

    private static Set<String> identities(List<Finding> findings) {
        Set<String> out = new HashSet<>();
        for (Finding f : findings) out.add(identity(f));
        return out;
    }
}
