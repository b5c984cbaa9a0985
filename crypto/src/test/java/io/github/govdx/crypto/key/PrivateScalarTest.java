package io.github.govdx.crypto.key;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The private scalar of a key is read in exactly one place: the software key holder. Every other main class of
 * every module works through {@link PrivateKeyHolder}, so a key in a module (PKCS#11, SDF/SKF, a signing server)
 * works wherever a software key does. This test fails when a main source file outside the software holder reads
 * an EC private key's scalar ({@code getS()}, or Bouncy Castle's {@code getD()} of private parameters). The
 * {@code benchmarks} module is left out: its raw-library baselines work on raw keys by design.
 */
class PrivateScalarTest {

  private static final Pattern SCALAR_READ = Pattern.compile("\\.getS\\(\\)|\\.getD\\(\\)");
  private static final String ALLOWED = "SoftwareKeyHolder.java";

  @Test
  void scalarRead_onlyInTheSoftwareKeyHolder() throws IOException {
    Path root = Path.of("..").toAbsolutePath().normalize();
    List<String> offenders = new ArrayList<>();
    List<Path> mains = new ArrayList<>();
    try (Stream<Path> modules = Files.list(root)) {
      modules
          .filter(m -> !m.getFileName().toString().equals("benchmarks"))
          .map(m -> m.resolve("src/main/java"))
          .filter(Files::isDirectory)
          .forEach(mains::add);
    }
    assertThat(mains).as("main source roots found from " + root).hasSizeGreaterThanOrEqualTo(5);
    for (Path main : mains) {
      try (Stream<Path> files = Files.walk(main)) {
        for (Path f :
            (Iterable<Path>) files.filter(p -> p.toString().endsWith(".java"))::iterator) {
          if (f.getFileName().toString().equals(ALLOWED)) {
            continue;
          }
          String text = Files.readString(f, StandardCharsets.UTF_8);
          if (SCALAR_READ.matcher(text).find()) {
            offenders.add(root.relativize(f).toString());
          }
        }
      }
    }
    assertThat(offenders).as("main classes that read a private scalar").isEmpty();
  }

  @Test
  void theSoftwareHolderItselfIsFound() throws IOException {
    Path holder = Path.of("src/main/java/io/github/govdx/crypto/internal/SoftwareKeyHolder.java");
    assertThat(SCALAR_READ.matcher(Files.readString(holder, StandardCharsets.UTF_8)).find())
        .as("the pattern recognises the one allowed read")
        .isTrue();
  }
}
