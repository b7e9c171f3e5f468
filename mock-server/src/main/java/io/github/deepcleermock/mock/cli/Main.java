package io.github.deepcleermock.mock.cli;

import java.io.PrintWriter;
import picocli.CommandLine;

/**
 * Entry point of the standalone jar ({@code java -jar deepcleer-mock.jar --help}).
 *
 * <p>Configuration and start-up problems end the process with a one-line error, never a stack trace.
 */
public final class Main {

  private Main() {}

  public static void main(String[] args) {
    quietLibraries();
    int status = run(args);
    if (status != 0) {
      System.exit(status);
    }
  }

  /** Runs the command; returns a non-zero status on failure. Blocks while the mock serves. */
  static int run(String[] args) {
    return run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true));
  }

  /** {@link #run(String[])} with its output and error streams given (tests capture them). */
  static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine command = new CommandLine(new MockCommand());
    command.setOut(out);
    command.setErr(err);
    // A mistyped flag gets the same one-line error as a bad value; picocli's default prints the whole usage.
    command.setParameterExceptionHandler(
        (e, parsed) -> {
          e.getCommandLine().getErr().println("error: " + oneLine(e) + " (see --help)");
          e.getCommandLine().getErr().flush();
          return 2;
        });
    command.setExecutionExceptionHandler(
        (e, cmd, parsed) -> {
          cmd.getErr().println("error: " + oneLine(e));
          cmd.getErr().flush();
          return 2;
        });
    return command.execute(args);
  }

  /** One INFO line at start is ours; Jetty's and Javalin's start-up chatter stays below WARN unless asked for. */
  private static void quietLibraries() {
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty", "warn");
    // One WARN per request with a malformed Host header (14 MB of log in 1.3 s): the client gets a JSON 400, the
    // log need not repeat it.
    setIfAbsent("org.slf4j.simpleLogger.log.org.eclipse.jetty.util.HostPort", "error");
    // Javalin logs a failed start at ERROR before throwing; our one-line error says it better.
    setIfAbsent("org.slf4j.simpleLogger.log.io.javalin", "off");
    setIfAbsent("org.slf4j.simpleLogger.showThreadName", "false");
  }

  private static void setIfAbsent(String key, String value) {
    if (System.getProperty(key) == null) {
      System.setProperty(key, value);
    }
  }

  private static String oneLine(Throwable e) {
    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return message.lines().findFirst().orElse(message);
  }
}
