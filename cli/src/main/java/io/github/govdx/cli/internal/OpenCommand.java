package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.OpenedMessage;
import io.github.govdx.crypto.OpenedStream;
import io.github.govdx.crypto.key.PartyCredentials;
import io.github.govdx.crypto.key.TrustStore;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx open}: every receiver check of DESIGN §4, then the payload. Not thread-safe.
 */
@Command(
    name = "open",
    header = "Open a sealed envelope as its receiver; output the payload.",
    mixinStandardHelpOptions = true,
    description = {
      "Opens a sealed envelope as its receiver: runs every check (receiver, key, decryption, inner and outer",
      "headers, signer chain against --trust, signature, signer is sender, freshness) and writes the payload",
      "to --out, or to standard output (the report then goes to standard error). Exit 1 if a check fails."
    })
public final class OpenCommand extends BaseCommand {

  @Option(
      names = "--key",
      required = true,
      paramLabel = "K",
      description = "Receiver's private key (PEM PKCS#8).")
  @Nullable Path key;

  @Option(
      names = "--cert",
      paramLabel = "C",
      description =
          "Receiver's certificate (default: cert.pem beside --key). Gives the key id and party.")
  @Nullable Path cert;

  @Option(
      names = "--party",
      paramLabel = "ID",
      description =
          "Receiver party (default: the party the certificate names), e.g. a system of that department.")
  @Nullable PartyId party;

  @Option(
      names = "--trust",
      required = true,
      paramLabel = "CERT_OR_DIR",
      description = "Trusted certificates: a PEM file or a directory of *.pem/*.crt/*.cer.")
  @Nullable Path trust;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The envelope.")
  @Nullable Path in;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Where to write the payload (default: standard output).")
  @Nullable Path out;

  @Option(
      names = "--stream",
      description =
          "FILE is a sealed stream: the payload is written to a temporary file beside --out (required) and moved"
              + " there only after the whole stream verified.")
  boolean stream;

  @Option(
      names = "--at",
      paramLabel = "INSTANT|issued",
      description =
          "Judge certificate validity and freshness at this instant (ISO-8601), or at the envelope's "
              + "issued-at with 'issued' (default: now).")
  @Nullable String at;

  @Option(
      names = "--max-skew",
      paramLabel = "DURATION",
      description =
          "Freshness window around --at, ISO-8601 (default: P1D, the library's maximum; a live receiver "
              + "uses PT5M).")
  @Nullable Duration maxSkew;

  @Override
  protected int execute() {
    if (out != null) {
      CliFiles.refuseExisting(out, "--out");
    }
    if (stream) {
      return openStream(
          required(out, "--out (a sealed stream is never written to standard output)"));
    }
    byte[] bytes = CliFiles.read(required(in, "--in"), CliFiles.DATA_LIMIT, "--in");
    Duration skew = EnvelopeText.maxSkew(maxSkew);
    PartyCredentials me = Receiver.credentials(required(key, "--key"), cert, party);
    TrustStore trustStore = KeyMaterial.trustStore(required(trust, "--trust"));
    Envelope parsed = Envelope.parse(bytes);
    Instant when = EnvelopeText.at(at, ctx().clock(), parsed);
    OpenedMessage msg = Receiver.codec(me, trustStore, when, skew).open(bytes);
    if (out != null) {
      CliFiles.writeNew(out, msg.payload(), false, "--out");
    }
    if (json()) {
      ObjectNode r = result();
      report(r, msg, me, when, skew);
      if (out != null) {
        r.put("out", out.toString());
      } else {
        r.put("payloadBase64", Base64.getEncoder().encodeToString(msg.payload()));
      }
      return GovdxCli.EXIT_OK;
    }
    PrintWriter w = out != null ? out() : ctx().err();
    w.println("OK  sealed envelope opened by " + me.partyId() + "; every check passed");
    printReport(w, msg, me, when, skew);
    if (out != null) {
      w.println("  payload        " + msg.payload().length + " bytes written to " + out);
    } else {
      w.println("  payload        " + msg.payload().length + " bytes on standard output");
      w.flush();
      ctx().rawOut().write(msg.payload(), 0, msg.payload().length);
      ctx().rawOut().flush();
    }
    return GovdxCli.EXIT_OK;
  }

  private int openStream(Path outFile) {
    Path inFile = required(in, "--in");
    PartyCredentials me = Receiver.credentials(required(key, "--key"), cert, party);
    TrustStore trustStore = KeyMaterial.trustStore(required(trust, "--trust"));
    Duration skew = EnvelopeText.maxSkew(maxSkew);
    if (at != null && "issued".equalsIgnoreCase(at)) {
      throw CliException.error(CliErrorCode.USAGE, "--at issued is not available with --stream");
    }
    Instant when;
    try {
      when = at == null ? ctx().clock().instant() : Instant.parse(at);
    } catch (java.time.format.DateTimeParseException e) {
      throw CliException.error(
          CliErrorCode.USAGE, "--at must be an ISO-8601 instant such as 2026-11-24T08:00:00Z");
    }
    EnvelopeCodec codec = Receiver.codec(me, trustStore, when, skew);
    OpenedStream opened;
    try (InputStream sealed =
        new java.io.BufferedInputStream(java.nio.file.Files.newInputStream(inFile), 1 << 16)) {
      opened = CliFiles.writeNewStreaming(outFile, o -> codec.openStream(sealed, o), "--out");
    } catch (java.io.IOException e) {
      throw CliException.error(CliErrorCode.FILE_UNREADABLE, "cannot read --in " + inFile, e);
    }
    if (json()) {
      ObjectNode r = result();
      r.put("out", outFile.toString());
      r.put("kind", "STREAM");
      EnvelopeText.putHeaders(r.putObject("headers"), opened.headers());
      KeyMaterial.describe(r.putObject("signer"), opened.signerCertificate());
      r.put("payloadBytes", opened.length());
      r.put("chunks", opened.chunks());
      r.put("digest", opened.digest());
      return GovdxCli.EXIT_OK;
    }
    PrintWriter w = out();
    w.println("OK  sealed stream opened by " + me.partyId() + "; every check passed");
    EnvelopeText.printHeaders(w, opened.headers());
    w.println(
        "  payload        "
            + opened.length()
            + " bytes in "
            + opened.chunks()
            + " chunks to "
            + outFile);
    w.println("  digest         " + opened.digest());
    return GovdxCli.EXIT_OK;
  }

  static void report(
      ObjectNode r, OpenedMessage msg, PartyCredentials me, Instant when, Duration skew) {
    EnvelopeText.putEnvelope(r, msg.envelope());
    EnvelopeText.putHeaders(r.putObject("headers"), msg.headers());
    ObjectNode receiver = r.putObject("receiver");
    receiver.put("party", me.partyId().toString());
    receiver.put("keyId", me.keyId());
    KeyMaterial.describe(r.putObject("signer"), msg.signerCertificate());
    r.put("checkedAt", when.toString());
    r.put("maxSkew", skew.toString());
    ArrayNode checks = r.putArray("checks");
    EnvelopeText.checksSealed().forEach(checks::add);
    r.put("payloadBytes", msg.payload().length);
  }

  static void printReport(
      PrintWriter w, OpenedMessage msg, PartyCredentials me, Instant when, Duration skew) {
    Envelope env = msg.envelope();
    w.println("  kind           " + env.kind() + " (" + EnvelopeText.algorithms(env) + ")");
    EnvelopeText.printHeaders(w, msg.headers());
    w.println("  sealed to      " + me.partyId() + ", key id " + me.keyId());
    w.println("  signed by");
    EnvelopeText.printCertificate(w, "    ", msg.signerCertificate());
    w.println(
        "  checked at     "
            + when.truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
            + " (freshness window "
            + skew
            + ")");
    EnvelopeText.printChecks(w, EnvelopeText.checksSealed());
    w.println("  digest         " + env.suite().digestAlgorithm() + " " + env.digest());
  }
}
