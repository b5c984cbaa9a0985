package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Suite;
import io.github.govdx.crypto.key.Certificates;
import io.github.govdx.crypto.key.Jwks;
import io.github.govdx.crypto.key.KeyPairs;
import io.github.govdx.crypto.key.Pem;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx keygen}: a new key pair and self-signed certificate for a party. Not thread-safe.
 */
@Command(
    name = "keygen",
    header = "Generate a party's key pair, self-signed certificate and JWK.",
    mixinStandardHelpOptions = true,
    description = {
      "Generates a key pair and a self-signed X.509 certificate naming the party, and writes",
      "  DIR/key.pem   the private key, PEM PKCS#8 (owner-only permissions where the OS allows)",
      "  DIR/cert.pem  the self-signed certificate (SAN urn:govdx:party:ID, CN ID)",
      "  DIR/jwk.json  the public key as a JWK with kid and x5c",
      "Never overwrites a file. The private key is never printed."
    })
public final class KeygenCommand extends BaseCommand {

  @Option(
      names = "--suite",
      required = true,
      paramLabel = "gm|intl",
      description = "gm: SM2 (GB/T 32918) for the GM suite; intl: P-256 for the INTL suite.")
  @Nullable Suite suite;

  @Option(
      names = "--party",
      required = true,
      paramLabel = "ID",
      description =
          "The party: a unified social credit code, optionally /system (e.g. 11320500014160477X/hotline).")
  @Nullable PartyId party;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write to (created if missing).")
  @Nullable Path out;

  @Option(
      names = "--days",
      paramLabel = "N",
      defaultValue = "365",
      description = "Validity of the certificate in days (default: ${DEFAULT-VALUE}).")
  int days;

  @Override
  protected int execute() {
    Suite suite = required(this.suite, "--suite");
    PartyId party = required(this.party, "--party");
    Path out = required(this.out, "--out");
    if (days < 1 || days > 36_500) {
      throw CliException.error(CliErrorCode.USAGE, "--days must be 1 to 36500");
    }
    Path keyFile = out.resolve("key.pem");
    Path certFile = out.resolve("cert.pem");
    Path jwkFile = out.resolve("jwk.json");
    CliFiles.refuseExisting(keyFile, "key file");
    CliFiles.refuseExisting(certFile, "certificate file");
    CliFiles.refuseExisting(jwkFile, "JWK file");
    CliFiles.ensureDirectory(out, "--out");

    KeyPair keyPair = KeyPairs.generate(suite);
    Instant now = ctx().clock().instant().truncatedTo(ChronoUnit.SECONDS);
    X509Certificate cert =
        Certificates.selfSigned(
            party, keyPair, now.minus(Duration.ofMinutes(5)), now.plus(Duration.ofDays(days)));

    CliFiles.writeNew(
        keyFile,
        Pem.write(keyPair.getPrivate()).getBytes(StandardCharsets.US_ASCII),
        true,
        "key file");
    CliFiles.writeNew(
        certFile, Pem.write(cert).getBytes(StandardCharsets.US_ASCII), false, "certificate file");
    CliFiles.writeNew(jwkFile, jwk(cert), false, "JWK file");

    if (json()) {
      ObjectNode r = result();
      r.put("party", party.toString());
      r.put("suite", suite.name());
      ObjectNode files = r.putObject("files");
      files.put("privateKey", keyFile.toString());
      files.put("certificate", certFile.toString());
      files.put("jwk", jwkFile.toString());
      KeyMaterial.describe(r.putObject("certificate"), cert);
    } else {
      PrintWriter w = out();
      w.println("generated " + suite + " key pair for party " + party);
      w.println("  private key    " + keyFile + " (PKCS#8; keep it secret)");
      w.println("  certificate    " + certFile + " (self-signed)");
      w.println("  public JWK     " + jwkFile);
      EnvelopeText.printCertificate(w, "  ", cert);
    }
    return GovdxCli.EXIT_OK;
  }

  private byte[] jwk(X509Certificate cert) {
    String compact = Jwks.toJwk(cert);
    try {
      return (ctx().mapper().readTree(compact).toPrettyString() + "\n")
          .getBytes(StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("JWK of the library is not JSON", e);
    }
  }
}
