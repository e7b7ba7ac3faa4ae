package dev.floe.gitops.cli.demo;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * The demo's output: one {@code [n/N] what … ok (1.4 s)} line per step, details indented below it. A failed step
 * prints {@code FAILED} with what went wrong, and the demo stops there.
 */
final class Progress {

  /** A step that failed: its message is shown to the user as is (never carries a secret). */
  static final class StepFailed extends Exception {
    StepFailed(String message) {
      super(message);
    }

    StepFailed(String message, Throwable cause) {
      super(message, cause);
    }
  }

  @FunctionalInterface
  interface Step<T> {
    T run() throws Exception;
  }

  private final PrintWriter out;
  private final int total;
  private int current;

  Progress(PrintWriter out, int total) {
    this.out = out;
    this.total = total;
  }

  <T> T step(String what, Step<T> step) throws StepFailed {
    current++;
    out.print("[" + current + "/" + total + "] " + what + " … ");
    out.flush();
    long started = System.nanoTime();
    try {
      T result = step.run();
      out.println("ok (" + seconds(started) + ")");
      out.flush();
      return result;
    } catch (StepFailed e) {
      fail(started, e.getMessage());
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(started, "interrupted");
      throw new StepFailed(what + ": interrupted", e);
    } catch (Exception e) {
      String message = what + ": " + rootMessage(e);
      fail(started, message);
      throw new StepFailed(message, e);
    }
  }

  /** A detail line under the current step. */
  void detail(String line) {
    out.println(line.isEmpty() ? "" : "      " + line);
    out.flush();
  }

  void line(String line) {
    out.println(line);
    out.flush();
  }

  private void fail(long started, String message) {
    out.println("FAILED (" + seconds(started) + ")");
    out.println("      " + message);
    out.flush();
  }

  private static String seconds(long started) {
    return String.format(Locale.ROOT, "%.1f s", (System.nanoTime() - started) / 1e9);
  }

  static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }
}
