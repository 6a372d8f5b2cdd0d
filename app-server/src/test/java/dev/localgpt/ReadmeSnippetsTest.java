package dev.localgpt;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's Java snippets compile and run: every {@code ```java} block of README.md is wrapped
 * in a class (the import lines of all blocks go on top, the rest into a {@code main}), compiled
 * with {@code javax.tools} against the test classpath and run with {@code /tmp/lg} replaced by a
 * temporary home.
 */
class ReadmeSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);

  @TempDir Path work;

  static List<String> javaBlocks(String markdown) {
    List<String> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(markdown);
    while (m.find()) {
      blocks.add(m.group(1));
    }
    return blocks;
  }

  private static Path readme() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isRegularFile(dir.resolve("README.md"))
          && Files.isDirectory(dir.resolve("app-server"))) {
        return dir.resolve("README.md");
      }
    }
    throw new IllegalStateException(
        "README.md of the project not found above " + Path.of("").toAbsolutePath());
  }

  @Test
  void everyJavaSnippetOfTheReadmeCompilesAndRuns() throws Exception {
    List<String> blocks = javaBlocks(Files.readString(readme()));
    assertThat(blocks).hasSizeGreaterThanOrEqualTo(3);
    Set<String> imports = new LinkedHashSet<>();
    List<String> bodies = new ArrayList<>();
    for (String block : blocks) {
      StringBuilder body = new StringBuilder();
      for (String line : block.lines().toList()) {
        if (line.startsWith("import ")) {
          imports.add(line);
        } else {
          body.append(line).append('\n');
        }
      }
      if (!body.toString().isBlank()) {
        bodies.add(body.toString());
      }
    }
    Path home = Files.createDirectories(work.resolve("home"));
    Path sources = Files.createDirectories(work.resolve("src"));
    List<Path> files = new ArrayList<>();
    for (int i = 0; i < bodies.size(); i++) {
      String body =
          bodies
              .get(i)
              .replace("Path.of(\"/tmp/lg\")", "Path.of(System.getProperty(\"readme.home\"))");
      String source =
          String.join("\n", imports)
              + "\n\npublic class Snippet"
              + i
              + " {\n"
              + "  public static void main(String[] args) throws Exception {\n"
              + body
              + "  }\n}\n";
      files.add(Files.writeString(sources.resolve("Snippet" + i + ".java"), source));
    }
    Path classes = Files.createDirectories(work.resolve("classes"));
    compile(files, classes);
    String before = System.getProperty("readme.home");
    System.setProperty("readme.home", home.toString());
    try (URLClassLoader loader =
        new URLClassLoader(
            new URL[] {classes.toUri().toURL()}, ReadmeSnippetsTest.class.getClassLoader())) {
      for (int i = 0; i < bodies.size(); i++) {
        Method main = loader.loadClass("Snippet" + i).getMethod("main", String[].class);
        main.invoke(null, (Object) new String[0]);
      }
    } finally {
      if (before == null) {
        System.clearProperty("readme.home");
      } else {
        System.setProperty("readme.home", before);
      }
    }
    assertThat(home.resolve("workspace/MEMORY.md")).isRegularFile();
    assertThat(home.resolve("sessions")).isNotEmptyDirectory();
  }

  private static void compile(List<Path> files, Path classes) throws IOException {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream errors = new ByteArrayOutputStream();
    List<String> arguments =
        new ArrayList<>(
            List.of(
                "-d",
                classes.toString(),
                "-classpath",
                System.getProperty("java.class.path"),
                "--release",
                "21"));
    files.forEach(f -> arguments.add(f.toString()));
    int code = javac.run(null, errors, errors, arguments.toArray(String[]::new));
    assertThat(code)
        .as("the README snippets do not compile:%n%s", errors.toString(StandardCharsets.UTF_8))
        .isZero();
  }
}
