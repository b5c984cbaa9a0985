package io.github.govdx.cli.internal;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.RuntimeJsonMappingException;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.cli.CliErrorCode;
import io.github.govdx.cli.GovdxCli;
import io.github.govdx.client.ExchangeClient;
import io.github.govdx.client.Page;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.client.transfer.ExportedDataset;
import io.github.govdx.client.transfer.ImportDatasetRequest;
import io.github.govdx.client.transfer.ImportedDataset;
import io.github.govdx.client.transfer.ListTransfersRequest;
import io.github.govdx.client.transfer.ReceivedFile;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.client.transfer.TransferState;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Iterator;
import java.util.Locale;
import java.util.NoSuchElementException;
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
      TransferCommand.Status.class,
      TransferCommand.Export.class,
      TransferCommand.Import.class
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

  /** {@code govdx transfer export}. */
  @Command(
      name = "export",
      mixinStandardHelpOptions = true,
      header = "Export a dataset (库表交换): NDJSON records as validated parts and a signed manifest.",
      description = {
        "Every record of the NDJSON file is validated against the resource's schema before anything is sent;",
        "then the parts (--records-per-part records each) and the manifest are sent as file transfers.",
        "With --idempotency-key, run the same command again after a failure: only missing parts are sent."
      })
  static final class Export extends ExchangeOptions {

    @Parameters(index = "0", paramLabel = "FILE", description = "NDJSON: one record object a line.")
    Path file = Path.of("");

    @Option(names = "--to", required = true, paramLabel = "ALIAS|ID", description = "The receiver.")
    String to = "";

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "The resource.")
    String resource = "";

    @Option(names = "--watermark", paramLabel = "CURSOR", description = "This export's watermark.")
    @Nullable String watermark;

    @Option(
        names = "--previous-watermark",
        paramLabel = "CURSOR",
        description = "The watermark of the export this one continues (incremental sync).")
    @Nullable String previousWatermark;

    @Option(
        names = "--records-per-part",
        paramLabel = "N",
        description = "Records per part (default 100000).")
    @Nullable Integer recordsPerPart;

    @Option(
        names = "--idempotency-key",
        paramLabel = "KEY",
        description = "16-100 of [A-Za-z0-9._:-]: makes the export resumable across runs.")
    @Nullable String idempotencyKey;

    @Option(
        names = "--spool",
        paramLabel = "DIR",
        description =
            "Where parts, spool files and the journal go; default the temporary directory.")
    @Nullable Path spool;

    @Override
    protected int execute() {
      if (!Files.isRegularFile(file)) {
        throw CliException.error(CliErrorCode.FILE_UNREADABLE, "not a readable file: " + file);
      }
      ExportDatasetRequest request;
      try {
        ExportDatasetRequest.Builder b =
            ExportDatasetRequest.builder()
                .receiver(resolveParty(to, "--to"))
                .resourceCode(resource)
                .watermark(watermark)
                .previousWatermark(previousWatermark)
                .idempotencyKey(idempotencyKey)
                .spoolDirectory(spool);
        if (recordsPerPart != null) {
          b.recordsPerPart(recordsPerPart);
        }
        request = b.build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      try (ExchangeClient client = client();
          NdjsonRecords records = new NdjsonRecords(file)) {
        ExportedDataset r =
            ExchangeOptions.call(() -> client.transfers().exportDataset(request, records));
        if (json()) {
          ObjectNode n = result();
          n.put("manifestTransferId", r.manifestTransferId());
          n.put("datasetId", r.manifest().datasetId());
          n.put("records", r.manifest().totalRecords());
          n.put("parts", r.manifest().parts().size());
          n.put("partsSent", r.partsSent());
          n.put("schemaVersion", r.manifest().schemaVersion());
          r.manifest().watermark().ifPresent(w -> n.put("watermark", w));
        } else {
          out()
              .println(
                  "OK  dataset "
                      + r.manifest().datasetId()
                      + ": "
                      + r.manifest().totalRecords()
                      + " records in "
                      + r.manifest().parts().size()
                      + " part(s) sent to "
                      + r.manifest().receiver());
          out().println("  manifest transfer " + r.manifestTransferId());
          out().println("  parts sent now    " + r.partsSent());
          out().println("  schema version    " + r.manifest().schemaVersion());
        }
        return GovdxCli.EXIT_OK;
      }
    }
  }

  /** The records of an NDJSON file, read one at a time; never quotes the input in a message. */
  static final class NdjsonRecords implements Iterator<JsonNode>, AutoCloseable {
    private final MappingIterator<JsonNode> it;
    private long index;

    NdjsonRecords(Path file) {
      try {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 64 * 1024);
        JsonParser p =
            com.fasterxml.jackson.core.JsonFactory.builder()
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .build()
                .createParser(in);
        it =
            new com.fasterxml.jackson.databind.ObjectMapper()
                .readerFor(JsonNode.class)
                .readValues(p);
      } catch (IOException e) {
        throw CliException.error(CliErrorCode.FILE_UNREADABLE, "cannot read " + file, e);
      }
    }

    @Override
    public boolean hasNext() {
      try {
        return it.hasNextValue();
      } catch (IOException | RuntimeJsonMappingException e) {
        throw malformed(e);
      }
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      JsonNode n;
      try {
        n = it.nextValue();
      } catch (IOException | RuntimeJsonMappingException e) {
        throw malformed(e);
      }
      if (!n.isObject()) {
        throw CliException.error(
            CliErrorCode.INPUT_MALFORMED, "record " + index + " is not a JSON object");
      }
      index++;
      return n;
    }

    private CliException malformed(Exception e) {
      return CliException.error(
          CliErrorCode.INPUT_MALFORMED, "record " + index + " is not well-formed JSON", e);
    }

    @Override
    public void close() {
      try {
        it.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code govdx transfer import}. */
  @Command(
      name = "import",
      mixinStandardHelpOptions = true,
      header =
          "Import a dataset sent to us: verify manifest and parts, validate every record, write NDJSON.",
      description = {
        "The records are written to a temporary file beside --out, moved there only once every part has",
        "matched the manifest and every record validated. --last-watermark refuses a gap (GDX-3422)."
      })
  static final class Import extends ExchangeOptions {

    @Parameters(
        index = "0",
        paramLabel = "MANIFEST-ID",
        description = "The manifest's transfer id.")
    String manifestTransferId = "";

    @Option(names = "--from", required = true, paramLabel = "ALIAS|ID", description = "The sender.")
    String from = "";

    @Option(
        names = "--resource",
        required = true,
        paramLabel = "CODE",
        description = "The resource.")
    String resource = "";

    @Option(
        names = "--last-watermark",
        paramLabel = "CURSOR",
        description = "The watermark of the last dataset imported: the manifest must continue it.")
    @Nullable String lastWatermark;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "NDJSON output.")
    Path outFile = Path.of("");

    @Option(names = "--force", description = "Replace --out if it exists.")
    boolean force;

    @Option(
        names = "--spool",
        paramLabel = "DIR",
        description = "Where received parts are checked; default the temporary directory.")
    @Nullable Path spool;

    @Override
    protected int execute() {
      if (Files.exists(outFile) && !force) {
        throw CliException.error(
            CliErrorCode.OUTPUT_EXISTS, outFile + " exists; use --force to replace it");
      }
      ImportDatasetRequest request;
      try {
        request =
            ImportDatasetRequest.builder()
                .manifestTransferId(manifestTransferId)
                .resourceCode(resource)
                .sender(resolveParty(from, "--from"))
                .lastWatermark(lastWatermark)
                .spoolDirectory(spool)
                .build();
      } catch (IllegalArgumentException | IllegalStateException e) {
        throw CliException.error(CliErrorCode.USAGE, String.valueOf(e.getMessage()), e);
      }
      Path abs = outFile.toAbsolutePath();
      Path tmp = abs.resolveSibling("." + abs.getFileName() + ".part");
      ImportedDataset r;
      try (ExchangeClient client = client();
          OutputStream o = new BufferedOutputStream(Files.newOutputStream(tmp), 64 * 1024)) {
        com.fasterxml.jackson.databind.ObjectMapper mapper =
            new com.fasterxml.jackson.databind.ObjectMapper();
        r =
            ExchangeOptions.call(
                () ->
                    client
                        .transfers()
                        .importDataset(
                            request,
                            (part, records) -> {
                              try {
                                while (records.hasNext()) {
                                  o.write(mapper.writeValueAsBytes(records.next()));
                                  o.write('\n');
                                }
                              } catch (IOException e) {
                                throw new UncheckedIOException(e);
                              }
                            }));
      } catch (IOException | UncheckedIOException e) {
        delete(tmp);
        throw CliException.error(CliErrorCode.FILE_UNWRITABLE, "cannot write " + outFile, e);
      } catch (RuntimeException e) {
        delete(tmp);
        throw e;
      }
      try {
        Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        delete(tmp);
        throw CliException.error(CliErrorCode.FILE_UNWRITABLE, "cannot write " + outFile, e);
      }
      if (json()) {
        ObjectNode n = result();
        n.put("datasetId", r.manifest().datasetId());
        n.put("records", r.records());
        n.put("parts", r.parts());
        n.put("path", abs.toString());
        r.watermark().ifPresent(w -> n.put("watermark", w));
      } else {
        out()
            .println(
                "OK  "
                    + r.records()
                    + " records in "
                    + r.parts()
                    + " part(s) from "
                    + r.manifest().sender()
                    + " verified and validated -> "
                    + abs);
        r.watermark().ifPresent(w -> out().println("  watermark         " + w));
      }
      return GovdxCli.EXIT_OK;
    }

    private static void delete(Path p) {
      try {
        Files.deleteIfExists(p);
      } catch (IOException e) {
        // nothing more to do: the temporary file is left beside the output
        p.toFile().deleteOnExit();
      }
    }
  }
}
