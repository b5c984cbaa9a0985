package io.github.govdx.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/** Runs the command line in-process, capturing standard output, standard error and the exit code. */
final class CliRun {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private CliRun() {}

  /** The outcome of one run. */
  record Result(int exitCode, byte[] outBytes, String err) {

    String out() {
      return new String(outBytes, StandardCharsets.UTF_8);
    }

    JsonNode json() {
      try {
        return MAPPER.readTree(outBytes);
      } catch (IOException e) {
        throw new UncheckedIOException("stdout is not JSON: " + out() + "\nstderr: " + err, e);
      }
    }

    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out() + "\n--- stderr\n" + err;
    }
  }

  static Result run(String... args) {
    return run(Clock.systemUTC(), args);
  }

  static Result run(Clock clock, String... args) {
    return run(clock, new byte[0], args);
  }

  /** Runs with {@code stdin} as standard input. */
  static Result runWithInput(byte[] stdin, String... args) {
    return run(Clock.systemUTC(), stdin, args);
  }

  private static Result run(Clock clock, byte[] stdin, String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code;
    try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
      code = GovdxCli.run(clock, new ByteArrayInputStream(stdin), o, e, args);
    }
    return new Result(code, out.toByteArray(), err.toString(StandardCharsets.UTF_8));
  }
}
