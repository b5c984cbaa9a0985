package io.github.govdx.cli.internal;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.Page;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.ReceivedFile;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code govdx transfer}: file transfers through the exchange ({@code docs/files.md}). */
@Command(
    name = "transfer",
    mixinStandardHelpOptions = true,
    header = "Send and receive files through the exchange (sealed streams, resumable).",
    subcommands = {
      TransferCommand.Send.class,
      TransferCommand.Receive.class,
      TransferCommand.ListTransfers.class,
      TransferCommand.Status.class
    })
final class TransferCommand {

  private TransferCommand() {}

  /** {@code govdx transfer send}. */
  @Command(
      name = "send",
      mixinStandardHelpOptions = true,
      header =
          "Seal a file to a receiver and upload it in parts; resumes after broken connections.",
      description = {
        "The file is sealed to a spool file first (plaintext is read once), then uploaded part by part.",
        "With --idempotency-key the spool file is kept until the transfer is complete: run the same command",
        "again after a failure and it uploads only the parts the platform does not hold."
      })
  static final class Send extends ExchangeOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "The file to send.")
    Path file = Path.of("");

    @Option(
        names = "--to",
        required = true,
        paramLabel = "ALIAS|ID",
        description = "The receiver: a party id, or an alias in the credentials directory.")
    String to = "";

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "The resource code.")
    String resource = "";

    @Option(
        names = "--idempotency-key",
        paramLabel = "KEY",
        description = "16-128 of [A-Za-z0-9._:-]: makes the send resumable across runs.")
    @Nullable String idempotencyKey;

    @Option(
        names = "--spool",
        paramLabel = "DIR",
        description = "Where the sealed spool file goes; default the system temporary directory.")
    @Nullable Path spool;

    @Option(
        names = "--part-size",
        paramLabel = "MIB",
        description = "MiB per part, 1 to 8 (default 4).")
    @Nullable Integer partSizeMib;

    @Override
    protected int execute() {
      if (!Files.isRegularFile(file)) {
        throw CliException.error(CliErrorCode.FILE_UNREADABLE, "not a readable file: " + file);
      }
      SendFileRequest request;
      try {
        SendFileRequest.Builder b =
            SendFileRequest.builder()
                .receiver(resolveParty(to, "--to"))
                .resourceCode(resource)
                .source(file)
                .idempotencyKey(idempotencyKey)
                .spoolDirectory(spool);
        if (partSizeMib != null) {
          b.partSize(partSizeMib * 1024 * 1024);
        }
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      try (ExchangeClient client = client()) {
        TransferResult r = ExchangeOptions.call(() -> client.transfers().send(request));
        if (json()) {
          ObjectNode n = result();
          n.put("transferId", r.transferId());
          n.put("messageId", r.messageId());
          n.put("plaintextLength", r.plaintextLength());
          n.put("sealedLength", r.sealedLength());
          n.put("sealedDigest", r.sealedDigest());
          n.put("partCount", r.partCount());
          n.put("partsUploaded", r.partsUploaded());
          n.put("resumes", r.resumes());
        } else {
          out().println("OK  transfer " + r.transferId() + " is available to " + r.receiver());
          out().println("  message id       " + r.messageId());
          out()
              .println(
                  "  bytes            "
                      + r.plaintextLength()
                      + " (sealed "
                      + r.sealedLength()
                      + ")");
          out()
              .println(
                  "  parts            "
                      + r.partsUploaded()
                      + " of "
                      + r.partCount()
                      + " uploaded now, "
                      + r.resumes()
                      + " resume(s)");
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** {@code govdx transfer receive}. */
  @Command(
      name = "receive",
      mixinStandardHelpOptions = true,
      header =
          "Download, open and verify a transfer sent to us, then acknowledge it with a signed receipt.",
      description = {
        "The file is written to a temporary file beside --out and moved there only once the whole sealed",
        "stream has verified. Run it again after a failure: the download resumes where it stopped."
      })
  static final class Receive extends ExchangeOptions {

    @Parameters(index = "0", paramLabel = "TRANSFER-ID", description = "The transfer id.")
    String transferId = "";

    @Option(
        names = "--out",
        required = true,
        paramLabel = "FILE",
        description = "Where the file goes.")
    Path outFile = Path.of("");

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Override
    protected int execute() {
      if (Files.exists(outFile) && !force) {
        throw CliException.error(
            CliErrorCode.OUTPUT_EXISTS, outFile + " exists; use --force to replace it");
      }
      try (ExchangeClient client = client()) {
        ReceivedFile f =
            ExchangeOptions.call(() -> client.transfers().receive(transferId, outFile));
        if (json()) {
          ObjectNode n = result();
          n.put("transferId", f.transferId());
          n.put("messageId", f.messageId());
          n.put("sender", f.sender().toString());
          n.put("resourceCode", f.resourceCode());
          n.put("path", f.path().toString());
          n.put("length", f.length());
          n.put("digest", f.digest());
          n.put("resumes", f.resumes());
        } else {
          out()
              .println(
                  "OK  " + f.length() + " bytes from " + f.sender() + " verified -> " + f.path());
          out().println("  message id       " + f.messageId());
          out().println("  resource         " + f.resourceCode());
          out().println("  digest           " + f.digest());
          out().println("  receipt          signed and sent");
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** {@code govdx transfer list}. */
  @Command(
      name = "list",
      mixinStandardHelpOptions = true,
      header = "List transfers sent to us (or, with --sent, by us).")
  static final class ListTransfers extends ExchangeOptions {

    @Option(names = "--sent", description = "The transfers we send.")
    boolean sent;

    @Option(
        names = "--state",
        paramLabel = "STATE",
        description = "uploading, available, delivered or expired.")
    @Nullable String state;

    @Override
    protected int execute() {
      ListTransfersRequest request;
      try {
        ListTransfersRequest.Builder b = ListTransfersRequest.builder().sent(sent).pageSize(100);
        if (state != null) {
          b.state(TransferState.valueOf(state.toUpperCase(Locale.ROOT)));
        }
        request = b.build();
      } catch (IllegalArgumentException e) {
        throw CliException.error(CliErrorCode.USAGE, "--state: " + e.getMessage(), e);
      }
      try (ExchangeClient client = client()) {
        Page<Transfer> page = ExchangeOptions.call(() -> client.transfers().list(request));
        if (json()) {
          ArrayNode items = result().putArray("items");
          page.items().forEach(t -> items.add(Status.json(t)));
        } else {
          for (Transfer t : page.items()) {
            out()
                .println(
                    t.transferId()
                        + "  "
                        + t.state().wireName()
                        + "  "
                        + (sent ? "to " + t.receiver() : "from " + t.sender())
                        + "  "
                        + t.resourceCode()
                        + "  "
                        + t.size()
                        + " bytes");
          }
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** {@code govdx transfer status}. */
  @Command(
      name = "status",
      mixinStandardHelpOptions = true,
      header = "Show a transfer: state, parts stored, receipt.")
  static final class Status extends ExchangeOptions {

    @Parameters(index = "0", paramLabel = "TRANSFER-ID", description = "The transfer id.")
    String transferId = "";

    static ObjectNode json(Transfer t) {
      ObjectNode n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
      n.put("transferId", t.transferId());
      n.put("state", t.state().wireName());
      n.put("sender", t.sender().toString());
      n.put("receiver", t.receiver().toString());
      n.put("resourceCode", t.resourceCode());
      n.put("size", t.size());
      n.put("partCount", t.partCount());
      n.put("partsStored", t.storedParts().size());
      n.put("expiresAt", t.expiresAt().toString());
      n.put("receipt", t.receipt().isPresent());
      return n;
    }

    @Override
    protected int execute() {
      try (ExchangeClient client = client()) {
        Transfer t = ExchangeOptions.call(() -> client.transfers().get(transferId));
        if (json()) {
          result().setAll(json(t));
        } else {
          out().println(t.transferId() + "  " + t.state().wireName());
          out().println("  from " + t.sender() + " to " + t.receiver() + ", " + t.resourceCode());
          out()
              .println(
                  "  "
                      + t.storedParts().size()
                      + " of "
                      + t.partCount()
                      + " part(s) stored, "
                      + t.size()
                      + " bytes");
          out().println("  expires " + t.expiresAt());
          t.receipt().ifPresent(r -> out().println("  receipt signed by " + r.receiver()));
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }
}
