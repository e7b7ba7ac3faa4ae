package dev.floe.gitops.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code floe-gitops version}: prints the version baked into the jar at build time. */
@Command(name = "version", description = "Print the floe-gitops version.")
final class VersionCommand implements Runnable {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  static String version() {
    String v = FloeGitops.class.getPackage().getImplementationVersion();
    return v == null ? "development" : v;
  }

  @Override
  public void run() {
    spec.commandLine().getOut().println("floe-gitops " + version());
  }

  static final class Provider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"floe-gitops " + version()};
    }
  }
}
