package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.Envelope;
import io.github.govdx.crypto.EnvelopeCodec;
import io.github.govdx.crypto.RoutingHeaders;
import io.github.govdx.crypto.key.InMemoryPartyDirectory;
import io.github.govdx.crypto.key.PartyCredentials;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code govdx seal}: signs a payload with the sender's key and encrypts it to the receiver's certificate
 * (or only signs it). Not thread-safe.
 */
@Command(
    name = "seal",
    header = "Sign a payload and encrypt it to the receiver.",
    mixinStandardHelpOptions = true,
    description = {
      "Signs FILE as the sender and encrypts it to the receiver's certificate (DESIGN §4: a flattened JWE",
      "whose plaintext is a compact JWS), or with --sign-only writes the flattened JWS. Never overwrites --out."
    })
public final class SealCommand extends BaseCommand {

  @Option(
      names = "--key",
      required = true,
      paramLabel = "K",
      description = "Sender's private key (PEM PKCS#8).")
  @Nullable Path key;

  @Option(
      names = "--cert",
      required = true,
      paramLabel = "C",
      description =
          "Sender's certificate (PEM; a chain leaf first is allowed). Goes into the JWS x5c.")
  @Nullable Path cert;

  @Option(
      names = "--to",
      paramLabel = "RECIPIENT_CERT",
      description = "Receiver's certificate (PEM). Required unless --sign-only.")
  @Nullable Path to;

  @Option(
      names = "--from-party",
      required = true,
      paramLabel = "P",
      description = "Sender party id.")
  @Nullable PartyId fromParty;

  @Option(
      names = "--to-party",
      required = true,
      paramLabel = "Q",
      description = "Receiver party id.")
  @Nullable PartyId toParty;

  @Option(
      names = "--resource",
      required = true,
      paramLabel = "R",
      description = "Resource code (routing header).")
  @Nullable String resource;

  @Option(
      names = "--action",
      paramLabel = "A",
      defaultValue = "push",
      description = "Action (routing header; default: ${DEFAULT-VALUE}).")
  String action = "push";

  @Option(
      names = "--message-id",
      paramLabel = "ID",
      description = "Message id (default: a random UUID).")
  @Nullable String messageId;

  @Option(
      names = "--correlation-id",
      paramLabel = "ID",
      description = "Correlation id (optional routing header).")
  @Nullable String correlationId;

  @Option(
      names = "--sign-only",
      description = "Only sign (a flattened JWS); the payload stays readable.")
  boolean signOnly;

  @Option(
      names = "--stream",
      description =
          "Seal FILE of any size as a sealed stream (binary chunks, constant memory; docs/envelope.md).")
  boolean stream;

  @Option(names = "--in", required = true, paramLabel = "FILE", description = "The payload.")
  @Nullable Path in;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "FILE",
      description = "Where to write the envelope.")
  @Nullable Path out;

  @Override
  protected int execute() {
    Path outFile = required(out, "--out");
    if (!signOnly && to == null) {
      throw CliException.error(
          CliErrorCode.USAGE, "--to RECIPIENT_CERT is required unless --sign-only");
    }
    if (signOnly && to != null) {
      throw CliException.error(CliErrorCode.USAGE, "--sign-only and --to exclude each other");
    }
    if (stream && signOnly) {
      throw CliException.error(CliErrorCode.USAGE, "--stream seals; it cannot be --sign-only");
    }
    CliFiles.refuseExisting(outFile, "--out");
    List<X509Certificate> chain = KeyMaterial.certificates(required(cert, "--cert"), "--cert");
    PartyCredentials credentials =
        KeyMaterial.credentials(
            KeyMaterial.privateKey(required(key, "--key"), "--key"),
            chain,
            required(fromParty, "--from-party"));
    X509Certificate recipient = to == null ? null : KeyMaterial.certificates(to, "--to").get(0);
    RoutingHeaders headers = headers();
    if (stream) {
      return sealStream(
          outFile,
          credentials,
          Objects.requireNonNull(recipient),
          headers.toBuilder().issuedAt(ctx().clock().instant()).build());
    }
    byte[] payload = CliFiles.read(required(in, "--in"), CliFiles.DATA_LIMIT, "--in");
    EnvelopeCodec codec =
        EnvelopeCodec.builder().credentials(credentials).clock(ctx().clock()).build();
    Envelope envelope =
        recipient == null ? codec.sign(headers, payload) : codec.seal(headers, payload, recipient);
    CliFiles.writeNew(outFile, envelope.toBytes(), false, "--out");

    if (json()) {
      ObjectNode r = result();
      r.put("out", outFile.toString());
      EnvelopeText.putEnvelope(r, envelope);
      EnvelopeText.putHeaders(r.putObject("headers"), envelope.headers());
      r.put("payloadBytes", payload.length);
    } else {
      PrintWriter w = out();
      w.println(
          (recipient == null ? "signed" : "sealed")
              + " "
              + payload.length
              + " bytes into "
              + outFile);
      w.println(
          "  kind           " + envelope.kind() + " (" + EnvelopeText.algorithms(envelope) + ")");
      EnvelopeText.printHeaders(w, envelope.headers());
      w.println(
          "  kid            "
              + envelope.keyId()
              + (recipient == null ? " (signer)" : " (receiver)"));
      w.println("  size           " + envelope.toBytes().length + " bytes");
      w.println("  digest         " + envelope.suite().digestAlgorithm() + " " + envelope.digest());
    }
    return GovdxCli.EXIT_OK;
  }

  private RoutingHeaders headers() {
    try {
      RoutingHeaders.Builder b =
          RoutingHeaders.builder()
              .sender(required(fromParty, "--from-party"))
              .receiver(required(toParty, "--to-party"))
              .resourceCode(required(resource, "--resource"))
              .action(action);
      if (messageId != null) {
        b.messageId(messageId);
      }
      if (correlationId != null) {
        b.correlationId(correlationId);
      }
      return b.build();
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw CliException.error(CliErrorCode.USAGE, "routing header: " + e.getMessage());
    }
  }

  private int sealStream(
      Path outFile,
      PartyCredentials credentials,
      X509Certificate recipient,
      RoutingHeaders headers) {
    Path inFile = required(in, "--in");
    EnvelopeCodec codec =
        EnvelopeCodec.builder()
            .credentials(credentials)
            .clock(ctx().clock())
            .directory(InMemoryPartyDirectory.builder().add(recipient).build())
            .build();
    long bytes;
    try (InputStream body = new BufferedInputStream(Files.newInputStream(inFile), 1 << 16)) {
      bytes = CliFiles.writeNewStreaming(outFile, o -> codec.sealStream(headers, body, o), "--out");
    } catch (IOException e) {
      throw CliException.error(CliErrorCode.FILE_UNREADABLE, "cannot read --in " + inFile, e);
    }
    if (json()) {
      ObjectNode r = result();
      r.put("out", outFile.toString());
      r.put("kind", "STREAM");
      EnvelopeText.putHeaders(r.putObject("headers"), headers);
      r.put("payloadBytes", bytes);
    } else {
      PrintWriter w = out();
      w.println("sealed " + bytes + " bytes as a sealed stream into " + outFile);
      EnvelopeText.printHeaders(w, headers);
    }
    return GovdxCli.EXIT_OK;
  }
}
