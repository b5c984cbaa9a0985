package io.github.govdx.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.govdx.cli.CliRun.Result;
import java.nio.file.Path;

/** Test parties made with the CLI's own keygen command. */
final class Pki {

  /** Valid unified social credit codes (GB 32100 MOD 31 and embedded GB 11714 MOD 11 computed by hand). */
  static final String A = "11320500014160478L";

  static final String B = "11110000000000019K";
  static final String C = "11110000000000027E";
  static final String D = "11320500014160486F";

  private Pki() {}

  /** Runs {@code govdx keygen} for a party into {@code dir/name} and returns that directory. */
  static Path keygen(Path dir, String name, String suite, String party) {
    Path out = dir.resolve(name);
    Result r = CliRun.run("keygen", "--suite", suite, "--party", party, "--out", out.toString());
    assertThat(r.exitCode()).as(r.toString()).isZero();
    return out;
  }

  static String key(Path party) {
    return party.resolve("key.pem").toString();
  }

  static String cert(Path party) {
    return party.resolve("cert.pem").toString();
  }
}
