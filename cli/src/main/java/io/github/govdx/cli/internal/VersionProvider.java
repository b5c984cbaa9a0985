package io.github.govdx.cli.internal;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/**
 * Reads the govdx version from the build-time resource {@code govdx-cli.properties}. Thread-safe.
 */
public final class VersionProvider implements IVersionProvider {

  @Override
  public String[] getVersion() throws IOException {
    Properties p = new Properties();
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/github/govdx/cli/govdx-cli.properties")) {
      if (in != null) {
        p.load(in);
      }
    }
    return new String[] {
      "govdx " + p.getProperty("version", "unknown"),
      "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ")"
    };
  }
}
