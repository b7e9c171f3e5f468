package io.github.deepcleermock.mock.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test command: README and CI name the same script, and that script tells a user without the browser packages
 * the very line the browser tests print.
 */
class TestCommandTest {

  private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

  @Test
  void ciRunsExactlyTheScriptTheReadmeGivesAsTheTestCommand() throws IOException {
    List<String> commands = Files.readAllLines(ROOT.resolve(".ci/run")).stream()
        .map(String::strip)
        .filter(line -> !line.isEmpty() && !line.startsWith("#") && !line.startsWith("set ") && !line.startsWith("cd "))
        .toList();
    String readme = Files.readString(ROOT.resolve("README.md"));
    String twoCommands = readme.substring(readme.indexOf("## The two commands"), readme.indexOf("\n## ",
        readme.indexOf("## The two commands") + 3));

    assertThat(commands).containsExactly("./test.sh");
    assertThat(twoCommands).contains("```bash\n./test.sh\n```");
    assertThat(Files.isExecutable(ROOT.resolve("test.sh"))).isTrue();
  }

  @Test
  void withoutTheBrowserPackagesAndWithoutRootTheScriptStopsWithTheInstallLine(@TempDir Path bin) throws Exception {
    // Stand-ins for the system: dpkg knows no package, and the user is not root. Maven must never be reached.
    fake(bin, "dpkg-query", "exit 1");
    fake(bin, "id", "echo 1000");
    fake(bin, "mvn", "echo mvn was run; exit 3");
    Result run = runTestScript(bin);

    assertThat(run.exitCode()).isEqualTo(1);
    assertThat(run.output()).contains("Missing Debian packages: redis-server chromium chromium-driver.")
        .contains("\n  " + HeadlessChromium.INSTALL_LINE + "\n")
        .doesNotContain("mvn was run");
  }

  @Test
  void asRootTheScriptInstallsTheMissingPackagesWithoutQuestionsThenRunsTheBuild(@TempDir Path bin) throws Exception {
    fake(bin, "dpkg-query", "exit 1");
    fake(bin, "id", "echo 0");
    fake(bin, "apt-get", "echo \"apt-get $* (DEBIAN_FRONTEND=$DEBIAN_FRONTEND)\"");
    fake(bin, "mvn", "echo \"mvn $*\"");

    Result run = runTestScript(bin);

    assertThat(run.exitCode()).isZero();
    assertThat(run.output().lines().filter(line -> line.startsWith("apt-get") || line.startsWith("mvn")))
        .containsExactly(
            "apt-get update (DEBIAN_FRONTEND=noninteractive)",
            "apt-get install -y redis-server chromium chromium-driver (DEBIAN_FRONTEND=noninteractive)",
            "mvn -B verify");
  }

  @Test
  void withEveryPackageInstalledTheScriptOnlyRunsTheBuild(@TempDir Path bin) throws Exception {
    fake(bin, "dpkg-query", "printf installed");
    fake(bin, "id", "echo 1000");
    fake(bin, "apt-get", "echo apt-get was run; exit 3");
    fake(bin, "mvn", "echo \"mvn $*\"");

    Result run = runTestScript(bin);

    assertThat(run.exitCode()).isZero();
    assertThat(run.output().strip()).isEqualTo("mvn -B verify");
  }

  private record Result(int exitCode, String output) {}

  /** Runs ./test.sh with the stand-ins in {@code bin} first on the PATH, no stdin (as CI does). */
  private static Result runTestScript(Path bin) throws Exception {
    ProcessBuilder builder = new ProcessBuilder("bash", ROOT.resolve("test.sh").toString())
        .redirectErrorStream(true)
        .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
        .directory(ROOT.toFile());
    builder.environment().put("PATH", bin + ":" + System.getenv("PATH"));
    Process run = builder.start();
    String output = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(30, TimeUnit.SECONDS)).as("test.sh finished").isTrue();
    return new Result(run.exitValue(), output);
  }

  private static void fake(Path bin, String name, String body) throws IOException {
    Path file = bin.resolve(name);
    Files.writeString(file, "#!/bin/sh\n" + body + "\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
  }
}
