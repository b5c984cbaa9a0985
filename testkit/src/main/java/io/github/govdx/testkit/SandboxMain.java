package io.github.govdx.testkit;

import io.github.govdx.client.RateLimit;
import io.github.govdx.core.GovdxException;
import io.github.govdx.testkit.internal.Seed;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * The standalone sandbox, for teams on any stack:
 * {@code java -jar testkit/target/govdx-sandbox.jar --port 8600 --seed DIR}. It starts an
 * {@link ExchangeSandbox}, writes the generated test credentials to a directory it prints, and runs until
 * interrupted (Ctrl-C). Not thread-safe (a command).
 */
@Command(
    name = "govdx-sandbox",
    mixinStandardHelpOptions = true,
    version = "govdx sandbox 0.1.0",
    description =
        "A stateful exchange platform (docs/protocol.md) on this machine, with throwaway SM2 test keys.")
public final class SandboxMain implements Callable<Integer> {

  private static final String NODELAY = "sun.net.httpserver.nodelay";

  @Spec private @Nullable CommandSpec spec;

  @Option(
      names = "--port",
      description = "port to listen on (0 = a free one; default ${DEFAULT-VALUE})")
  private int port = 8600;

  @Option(
      names = "--host",
      description =
          "address to listen on (default ${DEFAULT-VALUE}; widen only on a trusted "
              + "test network)")
  private String host = "127.0.0.1";

  @Option(
      names = "--seed",
      paramLabel = "DIR",
      description =
          "seed directory with parties.json, catalog.json and "
              + "datasets/ (default: the built-in seed)")
  private @Nullable Path seed;

  @Option(
      names = "--credentials",
      paramLabel = "DIR",
      description =
          "where to write the generated test " + "credentials (default: a new temporary directory)")
  private @Nullable Path credentials;

  @Option(
      names = "--review",
      description =
          "application review: auto-approve, auto-reject or manual " + "(default ${DEFAULT-VALUE})")
  private String review = "auto-approve";

  @Option(
      names = "--no-gateway-auth",
      description =
          "trust X-Gdx-Party without gateway credentials " + "(first contact with curl only)")
  private boolean noGatewayAuth;

  @Option(
      names = "--provider",
      paramLabel = "ALIAS=URL",
      description =
          "relay the provider calls (docs/protocol.md section 13) of party ALIAS to a department application "
              + "at URL, e.g. bigdata=http://127.0.0.1:8080 (repeatable)")
  private java.util.List<String> providers = new java.util.ArrayList<>();

  @Option(
      names = "--state",
      paramLabel = "JDBC-URL",
      description =
          "share the platform with every sandbox started with the same database and prefix "
              + "(jdbc:postgresql://…, jdbc:mariadb://…, jdbc:h2:file:…): test keys, parties, nonces, replay "
              + "ids, idempotent answers, pushed batches, evidence (docs/sandbox.md)")
  private @Nullable String state;

  @Option(
      names = "--state-prefix",
      paramLabel = "NAME",
      description =
          "table prefix of --state, and key prefix (NAME:) of --redis (default ${DEFAULT-VALUE})")
  private String statePrefix = SandboxState.DEFAULT_PREFIX;

  @Option(
      names = "--redis",
      paramLabel = "URI",
      description =
          "with --state: keep nonces, replay ids, idempotent answers and the rate limit in Redis "
              + "(redis://host:6379)")
  private @Nullable String redis;

  @Option(
      names = "--rate-limit",
      paramLabel = "PER_SECOND",
      description =
          "refuse a party's calls over this rate with 429/GDX-3108 (burst: one second's worth; "
              + "shared across instances with --redis)")
  private double rateLimit;

  @Option(
      names = "--export-seed",
      paramLabel = "DIR",
      description = "write the built-in seed to DIR and exit")
  private @Nullable Path exportSeed;

  /**
   * Runs the command line.
   *
   * @param args the arguments
   */
  public static void main(String[] args) {
    // This process is the sandbox: answer without the ~40 ms delayed-ACK stall of the JDK server's
    // two writes.
    if (System.getProperty(NODELAY) == null) {
      System.setProperty(NODELAY, "true");
    }
    int code = new CommandLine(new SandboxMain()).execute(args);
    if (code != 0) {
      Runtime.getRuntime().exit(code);
    }
  }

  private static void closeAll(List<AutoCloseable> resources) {
    for (int i = resources.size() - 1; i >= 0; i--) {
      try {
        resources.get(i).close();
      } catch (Exception e) {
        // stopping anyway
      }
    }
    resources.clear();
  }

  @Override
  public Integer call() throws IOException, InterruptedException {
    PrintWriter out =
        spec == null ? new PrintWriter(System.out, true) : spec.commandLine().getOut();
    PrintWriter err =
        spec == null ? new PrintWriter(System.err, true) : spec.commandLine().getErr();
    if (exportSeed != null) {
      Seed.exportBuiltin(exportSeed);
      out.println("built-in seed written to " + exportSeed.toAbsolutePath());
      return 0;
    }
    ReviewMode mode;
    try {
      mode = ReviewMode.valueOf(review.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      err.println("--review must be auto-approve, auto-reject or manual");
      return 2;
    }
    ExchangeSandbox.Builder b =
        ExchangeSandbox.builder().port(port).reviewMode(mode).gatewayAuth(!noGatewayAuth);
    if (rateLimit < 0 || Double.isNaN(rateLimit)) {
      err.println("--rate-limit must be positive");
      return 2;
    }
    if (rateLimit > 0) {
      b.rateLimit(RateLimit.perSecond(rateLimit, (int) Math.max(1, Math.ceil(rateLimit))));
    }
    if (redis != null && state == null) {
      err.println(
          "--redis needs --state (the evidence chain, keys and batches stay in the database)");
      return 2;
    }
    List<AutoCloseable> resources = new ArrayList<>();
    if (state != null) {
      try {
        b.sharedState(SharedStateOptions.open(state, statePrefix, redis, resources));
      } catch (RuntimeException e) {
        closeAll(resources);
        err.println("--state: " + e.getMessage());
        return 1;
      }
    }
    try {
      b.host(InetAddress.getByName(host));
    } catch (UnknownHostException e) {
      err.println("--host: unknown address " + host);
      return 2;
    }
    if (seed != null) {
      b.seed(seed);
    }
    ExchangeSandbox sandbox;
    try {
      sandbox = b.start();
    } catch (GovdxException | IllegalArgumentException e) {
      closeAll(resources);
      err.println(e.getMessage());
      return 1;
    }
    for (String p : providers) {
      int eq = p.indexOf('=');
      try {
        if (eq < 1) {
          throw new IllegalArgumentException("expected ALIAS=URL");
        }
        java.net.URI url = java.net.URI.create(p.substring(eq + 1));
        if (url.getScheme() == null || url.getHost() == null) {
          throw new IllegalArgumentException("not an absolute http(s) URL");
        }
        sandbox.registerProvider(
            sandbox.party(p.substring(0, eq)).partyId(), SandboxProvider.forwardingTo(url));
      } catch (RuntimeException e) {
        sandbox.close();
        err.println("--provider " + p + ": " + e.getMessage());
        return 2;
      }
    }
    Path dir =
        credentials != null ? credentials : Files.createTempDirectory("govdx-sandbox-credentials-");
    sandbox.writeCredentials(dir);
    out.println(
        "govdx sandbox listening on " + sandbox.baseUri() + " (protocol paths start at /v1)");
    out.println(
        "gateway auth: " + (noGatewayAuth ? "OFF (X-Gdx-Party is trusted as sent)" : "govdx HMAC"));
    out.println("application review: " + mode.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    if (state != null) {
      out.println(
          "shared state: "
              + SharedStateOptions.redact(state)
              + " (prefix "
              + statePrefix
              + ")"
              + (redis != null ? ", nonces/replay/idempotency/rate limit in Redis" : ""));
    }
    out.println(
        "TEST credentials (never use outside a sandbox) written to " + dir.toAbsolutePath());
    for (TestParty p : sandbox.parties()) {
      out.println(String.format("  %-10s %-28s %s", p.alias(), p.partyId(), p.name()));
    }
    for (String p : providers) {
      out.println(
          "provider calls of "
              + p.substring(0, p.indexOf('='))
              + " relayed to "
              + p.substring(p.indexOf('=') + 1));
    }
    out.println("Ctrl-C to stop.");
    out.flush();
    CountDownLatch stop = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  sandbox.close();
                  closeAll(resources);
                  stop.countDown();
                },
                "govdx-sandbox-shutdown"));
    stop.await();
    return 0;
  }
}
