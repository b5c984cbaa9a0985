package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx verify}: checks who signed an envelope and, with the receiver's key, that it is addressed to
 * and sealed for that receiver. Never prints the payload. Not thread-safe.
 */
@Command(
    name = "verify",
    header = "Verify who signed an envelope and whom it is sealed to.",
    mixinStandardHelpOptions = true,
    description = {
      "Verifies an envelope without printing its payload.",
      "Signed envelope: the signer's x5c chain against --trust, the signature, and that the signer's",
      "certificate names the sender. With --key also: addressed to this party, issued-at inside the window.",
      "Sealed envelope: needs the receiver's --key and runs every check of 'govdx open'.",
      "Exit 1 if a check fails."
    })
public final class VerifyCommand extends BaseCommand {

  @Option(
      names = "--trust",
      required = true,
      paramLabel = "CERT_OR_DIR",
      description = "Trusted certificates: a PEM file or a directory of *.pem/*.crt/*.cer.")
  @Nullable Path trust;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The envelope.")
  @Nullable Path in;

  @Option(
      names = "--key",
      paramLabel = "K",
      description = "Receiver's private key (needed for a sealed envelope).")
  @Nullable Path key;

  @Option(
      names = "--cert",
      paramLabel = "C",
      description = "Receiver's certificate (default: cert.pem beside --key).")
  @Nullable Path cert;

  @Option(
      names = "--party",
      paramLabel = "ID",
      description = "Receiver party (default: the certificate's).")
  @Nullable PartyId party;

  @Option(
      names = "--at",
      paramLabel = "INSTANT|issued",
      description =
          "Judge certificate validity (and freshness) at this instant, or at the envelope's issued-at "
              + "with 'issued' (default: now).")
  @Nullable String at;

  @Option(
      names = "--max-skew",
      paramLabel = "DURATION",
      description = "Freshness window around --at with --key, ISO-8601 (default: P1D).")
  @Nullable Duration maxSkew;

  @Override
  protected int execute() {
    byte[] bytes = CliFiles.read(required(in, "--in"), CliFiles.DATA_LIMIT, "--in");
    Duration skew = EnvelopeText.maxSkew(maxSkew);
    PartyCredentials me = key == null ? null : Receiver.credentials(key, cert, party);
    TrustStore trustStore = KeyMaterial.trustStore(required(trust, "--trust"));
    Envelope env = Envelope.parse(bytes);
    Instant when = EnvelopeText.at(at, ctx().clock(), env);
    if (env.kind() == Envelope.Kind.SEALED && me == null) {
      throw CliException.error(
          CliErrorCode.KEY_REQUIRED,
          "a sealed envelope can only be verified with the receiver's --key (the signature is inside the "
              + "ciphertext); 'govdx inspect' shows its headers");
    }
    if (me == null) {
      X509Certificate signer = EnvelopeCodec.verifySignature(env, trustStore, when);
      return report(env, signer, null, when, null, EnvelopeText.checksSigned(false));
    }
    EnvelopeCodec codec = Receiver.codec(me, trustStore, when, skew);
    OpenedMessage msg =
        env.kind() == Envelope.Kind.SEALED ? codec.open(bytes) : codec.verify(bytes);
    return report(
        env,
        msg.signerCertificate(),
        me,
        when,
        skew,
        env.kind() == Envelope.Kind.SEALED
            ? EnvelopeText.checksSealed()
            : EnvelopeText.checksSigned(true));
  }

  private int report(
      Envelope env,
      X509Certificate signer,
      @Nullable PartyCredentials me,
      Instant when,
      @Nullable Duration skew,
      java.util.List<String> checks) {
    if (json()) {
      ObjectNode r = result();
      EnvelopeText.putEnvelope(r, env);
      EnvelopeText.putHeaders(r.putObject("headers"), env.headers());
      if (me != null) {
        ObjectNode receiver = r.putObject("receiver");
        receiver.put("party", me.partyId().toString());
        receiver.put("keyId", me.keyId());
      }
      KeyMaterial.describe(r.putObject("signer"), signer);
      r.put("checkedAt", when.toString());
      if (skew != null) {
        r.put("maxSkew", skew.toString());
      }
      ArrayNode list = r.putArray("checks");
      checks.forEach(list::add);
      return GovdxCli.EXIT_OK;
    }
    PrintWriter w = out();
    w.println(
        "OK  "
            + (env.kind() == Envelope.Kind.SEALED ? "sealed" : "signed")
            + " envelope verified"
            + (me == null ? "" : " for receiver " + me.partyId())
            + "; every check passed");
    w.println("  kind           " + env.kind() + " (" + EnvelopeText.algorithms(env) + ")");
    EnvelopeText.printHeaders(w, env.headers());
    if (me != null && env.kind() == Envelope.Kind.SEALED) {
      w.println("  sealed to      " + me.partyId() + ", key id " + me.keyId());
    }
    w.println("  signed by");
    EnvelopeText.printCertificate(w, "    ", signer);
    w.println(
        "  checked at     "
            + when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + (skew == null || me == null ? "" : " (freshness window " + skew + ")"));
    EnvelopeText.printChecks(w, checks);
    w.println("  digest         " + env.suite().digestAlgorithm() + " " + env.digest());
    if (me == null) {
      w.println(
          "  not checked    receiver and freshness (pass the receiver's --key to check them)");
    }
    return GovdxCli.EXIT_OK;
  }
}
