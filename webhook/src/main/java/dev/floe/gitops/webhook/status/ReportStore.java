package dev.floe.gitops.webhook.status;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The reports this process computed, by their page path, bounded (least recently used): a cache in front of
 * {@link OnDemandReports}, which renders a page again from Git when it is not here (another replica, a restart).
 */
public final class ReportStore {

  private final Map<String, ReportPage.Report> reports;

  public ReportStore(int capacity) {
    this.reports = Collections.synchronizedMap(new LinkedHashMap<>(16, 0.75f, true) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<String, ReportPage.Report> eldest) {
        return size() > capacity;
      }
    });
  }

  public void put(ReportPage.Report report) {
    reports.put(ReportLinks.path(report.repository(), report.commit(), report.environment()), report);
  }

  public Optional<ReportPage.Report> get(String path) {
    return Optional.ofNullable(reports.get(path));
  }
}
