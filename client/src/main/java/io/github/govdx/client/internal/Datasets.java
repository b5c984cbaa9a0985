package io.github.govdx.client.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ErrorDetail;
import io.github.govdx.client.ExchangeClientException;
import io.github.govdx.client.ExchangeValidationException;
import io.github.govdx.client.catalog.ResourceDetail;
import io.github.govdx.client.data.RecordValidator;
import io.github.govdx.client.transfer.DatasetManifest;
import io.github.govdx.client.transfer.DatasetPart;
import io.github.govdx.client.transfer.DatasetPartConsumer;
import io.github.govdx.client.transfer.ExportDatasetRequest;
import io.github.govdx.client.transfer.ExportedDataset;
import io.github.govdx.client.transfer.ImportDatasetRequest;
import io.github.govdx.client.transfer.ImportedDataset;
import io.github.govdx.client.transfer.ReceivedFile;
import io.github.govdx.client.transfer.SendFileRequest;
import io.github.govdx.client.transfer.Transfer;
import io.github.govdx.client.transfer.TransferResult;
import io.github.govdx.crypto.Suite;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.UUID;
import org.bouncycastle.crypto.Digest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SM3Digest;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Datasets (库表交换, {@code docs/files.md} "Datasets"): records validated and spooled as NDJSON parts, each part
 * sent as a file transfer, then a manifest transfer that binds them; import in the reverse order, a part handed
 * over only once it matched the manifest and every record validated. Memory: one record, one line buffer and the
 * file transfers' own (one upload part). Thread-safe.
 */
final class Datasets {

  private static final Logger LOG = LoggerFactory.getLogger(Datasets.class);
  private static final int BUFFER = 64 * 1024;

  /** The longest NDJSON line (one record) accepted on import. */
  static final int MAX_LINE = 16 * 1024 * 1024;

  /** The largest manifest accepted on import. */
  static final long MAX_MANIFEST = 16L * 1024 * 1024;

  private final TransfersImpl transfers;
  private final Transport transport;
  private final CatalogImpl catalog;
  private final RecordValidator validator;

  Datasets(
      TransfersImpl transfers,
      Transport transport,
      CatalogImpl catalog,
      RecordValidator validator) {
    this.transfers = transfers;
    this.transport = transport;
    this.catalog = catalog;
    this.validator = validator;
  }

  static String schemaVersion(ResourceDetail d) {
    return d.summary().publishedOn().map(LocalDate::toString).orElse("unversioned");
  }

  // ------------------------------------------------------------------------------------ export

  private record PartFile(int number, Path path, long records, long length, String digest) {}

  ExportedDataset export(
      ExportDatasetRequest r, Iterator<? extends JsonNode> records, Suite suite) {
    ResourceDetail detail = catalog.detail(r.resourceCode());
    Path dir = r.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    String run = r.idempotencyKey().orElse("ds-" + UUID.randomUUID());
    Path journalFile = dir.resolve("govdx-" + run + ".dataset.json");
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw TransfersImpl.fileFailed("could not create the spool directory", e);
    }
    Journal journal =
        r.idempotencyKey().isPresent() && Files.isRegularFile(journalFile)
            ? Journal.read(journalFile)
            : new Journal(
                r.datasetId().orElse(UUID.randomUUID().toString()), transport.clock().instant());
    if (!journal.matches(r)) {
      throw keyReused(
          "the idempotency key was used for another dataset (receiver, resource, dataset id or"
              + " watermarks differ)");
    }
    journal.receiver = r.receiver().toString();
    journal.resourceCode = r.resourceCode();
    journal.watermark = r.watermark().orElse(null);
    journal.previousWatermark = r.previousWatermark().orElse(null);
    if (journal.manifestTransfer != null && journal.manifest != null) {
      LOG.debug("dataset {} already exported", journal.datasetId);
      return ExportedDataset.builder()
          .manifest(manifest(journal.manifest))
          .manifestTransfer(journal.manifestTransfer)
          .partsSent(0)
          .build();
    }
    List<PartFile> parts = new ArrayList<>();
    try {
      spool(r, records, detail, suite, dir, run, parts);
      int sent = 0;
      List<DatasetPart> listed = new ArrayList<>();
      for (PartFile p : parts) {
        DatasetPart done =
            journal.parts.size() >= p.number ? journal.parts.get(p.number - 1) : null;
        if (done != null) {
          if (done.records() != p.records || !done.digest().equals(p.digest)) {
            throw keyReused(
                "part " + p.number + " differs from the part sent under this idempotency key");
          }
        } else {
          TransferResult t =
              transfers.send(send(r, p.path, dir, r.idempotencyKey(), ".p" + p.number));
          done =
              DatasetPart.builder()
                  .partNumber(p.number)
                  .transferId(t.transferId())
                  .records(p.records)
                  .length(p.length)
                  .digest(p.digest)
                  .build();
          journal.parts.add(done);
          sent++;
          if (r.idempotencyKey().isPresent()) {
            journal.write(journalFile);
          }
        }
        listed.add(done);
        delete(p.path);
      }
      if (journal.parts.size() != parts.size()) {
        throw keyReused("the dataset has fewer parts than were sent under this idempotency key");
      }
      DatasetManifest m =
          DatasetManifest.builder()
              .datasetId(journal.datasetId)
              .resourceCode(r.resourceCode())
              .schemaVersion(schemaVersion(detail))
              .sender(transport.self())
              .receiver(r.receiver())
              .createdAt(journal.createdAt)
              .parts(listed)
              .totalRecords(listed.stream().mapToLong(DatasetPart::records).sum())
              .watermark(r.watermark())
              .previousWatermark(r.previousWatermark())
              .build();
      ObjectNode json = toJson(m);
      Path mf = dir.resolve("govdx-" + run + ".manifest.json");
      try {
        Files.write(mf, Json.bytes(json));
      } catch (IOException e) {
        throw TransfersImpl.fileFailed("could not write the manifest", e);
      }
      TransferResult mt;
      try {
        mt = transfers.send(send(r, mf, dir, r.idempotencyKey(), ".m"));
      } finally {
        delete(mf);
      }
      journal.manifest = json;
      journal.manifestTransfer = mt;
      if (r.idempotencyKey().isPresent()) {
        journal.write(journalFile);
      }
      return ExportedDataset.builder().manifest(m).manifestTransfer(mt).partsSent(sent).build();
    } finally {
      for (PartFile p : parts) {
        delete(p.path);
      }
    }
  }

  private static SendFileRequest send(
      ExportDatasetRequest r, Path source, Path dir, Optional<String> key, String suffix) {
    return SendFileRequest.builder()
        .receiver(r.receiver())
        .resourceCode(r.resourceCode())
        .source(source)
        .spoolDirectory(dir)
        .partSize(r.partSize())
        .resumeTimeout(r.resumeTimeout())
        .idempotencyKey(key.map(k -> k + suffix))
        .build();
  }

  /** Validates every record and writes the parts; on an invalid record deletes them and throws. */
  private void spool(
      ExportDatasetRequest r,
      Iterator<? extends JsonNode> records,
      ResourceDetail detail,
      Suite suite,
      Path dir,
      String run,
      List<PartFile> parts) {
    long index = 0;
    OutputStream out = null;
    Digest digest = null;
    Path path = null;
    long count = 0;
    long length = 0;
    try {
      while (records.hasNext()) {
        JsonNode rec = records.next();
        List<ErrorDetail> v =
            rec == null || !rec.isObject()
                ? List.of(new ErrorDetail("", "type", ""))
                : validator.validate(detail, rec);
        if (!v.isEmpty()) {
          throw invalid(
              ClientErrorCode.REQUEST_RECORDS_INVALID, detail, index, v, "nothing was sent");
        }
        if (out == null) {
          path = dir.resolve("govdx-" + run + ".part-" + (parts.size() + 1) + ".ndjson");
          out = new BufferedOutputStream(Files.newOutputStream(path), BUFFER);
          digest = digest(suite);
          count = 0;
          length = 0;
        }
        byte[] line = Json.MAPPER.writeValueAsBytes(rec);
        out.write(line);
        out.write('\n');
        digest.update(line, 0, line.length);
        digest.update((byte) '\n');
        length += line.length + 1;
        count++;
        index++;
        if (count == r.recordsPerPart()) {
          out.close();
          out = null;
          parts.add(new PartFile(parts.size() + 1, path, count, length, hex(digest)));
        }
      }
      if (out != null) {
        out.close();
        out = null;
        parts.add(new PartFile(parts.size() + 1, path, count, length, hex(digest)));
      }
    } catch (IOException e) {
      throw TransfersImpl.fileFailed("could not write a dataset part", e);
    } finally {
      if (out != null) {
        try {
          out.close();
        } catch (IOException e) {
          LOG.debug("could not close {}: {}", path, e.toString());
        }
        delete(path);
      }
    }
  }

  // ------------------------------------------------------------------------------------ import

  ImportedDataset importDataset(ImportDatasetRequest r, DatasetPartConsumer consumer, Suite suite) {
    Path dir = r.spoolDirectory().orElse(Path.of(System.getProperty("java.io.tmpdir")));
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw TransfersImpl.fileFailed("could not create the spool directory", e);
    }
    String id = r.manifestTransferId();
    Transfer t = transfers.get(id);
    if (t.size() > MAX_MANIFEST + 1024 * 1024) {
      throw manifestInvalid("transfer " + id + " is too large to be a dataset manifest");
    }
    if (!t.sender().equals(r.sender()) || !t.resourceCode().equals(r.resourceCode())) {
      throw manifestInvalid(
          "transfer " + id + " is not a dataset of " + r.resourceCode() + " from " + r.sender());
    }
    Path mf = dir.resolve("govdx-import-" + UUID.randomUUID() + ".manifest.json");
    DatasetManifest m;
    try {
      ReceivedFile got = transfers.receive(id, mf);
      if (!got.sender().equals(r.sender()) || !got.resourceCode().equals(r.resourceCode())) {
        throw manifestInvalid(
            "the manifest is not signed by " + r.sender() + " for " + r.resourceCode());
      }
      if (got.length() > MAX_MANIFEST) {
        throw manifestInvalid("the manifest is larger than " + MAX_MANIFEST + " bytes");
      }
      try {
        m = manifest(Json.parseObject(Files.readAllBytes(mf)));
      } catch (IOException e) {
        throw TransfersImpl.fileFailed("could not read the received manifest", e);
      }
    } finally {
      delete(mf);
    }
    ResourceDetail detail = catalog.detail(r.resourceCode());
    check(
        m.resourceCode().equals(r.resourceCode()),
        "the manifest names resource " + m.resourceCode());
    check(m.sender().equals(r.sender()), "the manifest names sender " + m.sender());
    check(m.receiver().equals(transport.self()), "the manifest names receiver " + m.receiver());
    check(
        m.schemaVersion().equals(schemaVersion(detail)),
        "the manifest's schema version "
            + m.schemaVersion()
            + " is not the catalog's "
            + schemaVersion(detail));
    long total = 0;
    for (int i = 0; i < m.parts().size(); i++) {
      check(m.parts().get(i).partNumber() == i + 1, "the manifest's parts are not numbered 1 to n");
      total += m.parts().get(i).records();
    }
    check(total == m.totalRecords(), "the manifest's total is not the sum of its parts");
    if (r.lastWatermark().isPresent() && !r.lastWatermark().equals(m.previousWatermark())) {
      throw new ExchangeClientException(
          ClientErrorCode.DATASET_WATERMARK_GAP,
          "dataset "
              + m.datasetId()
              + " continues from watermark "
              + m.previousWatermark().orElse("(none: a full export)")
              + ", not from the last one imported, "
              + r.lastWatermark().get()
              + "; nothing was imported",
          null,
          false,
          null,
          0);
    }
    long base = 0;
    for (DatasetPart p : m.parts()) {
      Path pf =
          dir.resolve("govdx-import-" + UUID.randomUUID() + ".part-" + p.partNumber() + ".ndjson");
      try {
        ReceivedFile f = transfers.receive(p.transferId(), pf);
        check(
            f.sender().equals(m.sender()) && f.resourceCode().equals(m.resourceCode()),
            "part " + p.partNumber() + " is not signed by the manifest's sender for its resource");
        check(
            f.length() == p.length() && f.digest().equals(p.digest()),
            "part " + p.partNumber() + " does not match the manifest's digest or length");
        long n = validatePart(pf, detail, base, p);
        check(
            n == p.records(),
            "part "
                + p.partNumber()
                + " holds "
                + n
                + " records, the manifest says "
                + p.records());
        try (PartRecords it = new PartRecords(pf)) {
          consumer.accept(p, it);
        }
      } finally {
        delete(pf);
      }
      base += p.records();
    }
    return ImportedDataset.builder().manifest(m).parts(m.parts().size()).records(base).build();
  }

  private long validatePart(Path pf, ResourceDetail detail, long base, DatasetPart p) {
    long n = 0;
    try (PartRecords it = new PartRecords(pf)) {
      while (it.hasNext()) {
        JsonNode rec;
        try {
          rec = it.next();
        } catch (Json.MalformedJsonException e) {
          throw manifestInvalid(
              "part " + p.partNumber() + " line " + (n + 1) + " is not one JSON record");
        }
        List<ErrorDetail> v = validator.validate(detail, rec);
        if (!v.isEmpty()) {
          throw invalid(
              ClientErrorCode.RESPONSE_RECORDS_INVALID,
              detail,
              base + n,
              v,
              "part " + p.partNumber() + " and later parts were not handed over");
        }
        n++;
      }
    }
    return n;
  }

  /** The records of an NDJSON file, one per line, read one at a time. */
  private static final class PartRecords implements Iterator<JsonNode>, AutoCloseable {
    private final InputStream in;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(1024);
    private @Nullable JsonNode next;
    private boolean done;

    PartRecords(Path file) {
      try {
        in = new BufferedInputStream(Files.newInputStream(file), BUFFER);
      } catch (IOException e) {
        throw TransfersImpl.fileFailed("could not read a received dataset part", e);
      }
    }

    @Override
    public boolean hasNext() {
      if (next == null && !done) {
        next = read();
      }
      return next != null;
    }

    @Override
    public JsonNode next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      JsonNode n = next;
      next = null;
      return n;
    }

    private @Nullable JsonNode read() {
      line.reset();
      try {
        int b;
        while ((b = in.read()) >= 0 && b != '\n') {
          if (line.size() >= MAX_LINE) {
            throw new Json.MalformedJsonException("a record longer than " + MAX_LINE, null);
          }
          line.write(b);
        }
        if (b < 0 && line.size() == 0) {
          done = true;
          return null;
        }
      } catch (IOException e) {
        throw TransfersImpl.fileFailed("could not read a received dataset part", e);
      }
      JsonNode n;
      try {
        n = Json.MAPPER.readTree(line.toByteArray());
      } catch (IOException e) {
        throw new Json.MalformedJsonException("not JSON", e);
      }
      if (n == null || !n.isObject()) {
        throw new Json.MalformedJsonException("not a JSON object", null);
      }
      return n;
    }

    @Override
    public void close() {
      try {
        in.close();
      } catch (IOException e) {
        LOG.debug("could not close a dataset part: {}", e.toString());
      }
    }
  }

  // ------------------------------------------------------------------------------------ manifest
  // JSON

  static ObjectNode toJson(DatasetManifest m) {
    ObjectNode o = Json.object();
    o.put("format", DatasetManifest.FORMAT);
    o.put("datasetId", m.datasetId());
    o.put("resourceCode", m.resourceCode());
    o.put("schemaVersion", m.schemaVersion());
    o.put("sender", m.sender().toString());
    o.put("receiver", m.receiver().toString());
    o.put("createdAt", m.createdAt().toString());
    o.put("totalRecords", m.totalRecords());
    m.watermark().ifPresent(w -> o.put("watermark", w));
    m.previousWatermark().ifPresent(w -> o.put("previousWatermark", w));
    ArrayNode a = o.putArray("parts");
    for (DatasetPart p : m.parts()) {
      ObjectNode e = a.addObject();
      e.put("partNumber", p.partNumber());
      e.put("transferId", p.transferId());
      e.put("records", p.records());
      e.put("length", p.length());
      e.put("digest", p.digest());
    }
    return o;
  }

  static DatasetManifest manifest(JsonNode o) {
    try {
      if (!DatasetManifest.FORMAT.equals(Json.text(o, "format"))) {
        throw manifestInvalid("not a " + DatasetManifest.FORMAT + " manifest");
      }
      DatasetManifest.Builder b =
          DatasetManifest.builder()
              .datasetId(Json.text(o, "datasetId"))
              .resourceCode(Json.text(o, "resourceCode"))
              .schemaVersion(Json.text(o, "schemaVersion"))
              .sender(Json.party(o, "sender"))
              .receiver(Json.party(o, "receiver"))
              .createdAt(Json.instant(o, "createdAt"))
              .totalRecords(number(o, "totalRecords"))
              .watermark(Optional.ofNullable(Json.optText(o, "watermark")))
              .previousWatermark(Optional.ofNullable(Json.optText(o, "previousWatermark")));
      if (o.get("parts") == null || !o.get("parts").isArray()) {
        throw manifestInvalid("the manifest has no parts array");
      }
      for (JsonNode p : Json.array(o, "parts")) {
        b.addParts(
            DatasetPart.builder()
                .partNumber(Json.integer(p, "partNumber"))
                .transferId(Json.text(p, "transferId"))
                .records(number(p, "records"))
                .length(number(p, "length"))
                .digest(Json.text(p, "digest"))
                .build());
      }
      return b.build();
    } catch (Json.MalformedJsonException | IllegalArgumentException | IllegalStateException e) {
      throw manifestInvalid("malformed manifest: " + e.getMessage());
    }
  }

  private static long number(JsonNode o, String name) {
    Long v = Json.optLong(o, name);
    if (v == null || v < 0) {
      throw new Json.MalformedJsonException("missing or negative number " + name, null);
    }
    return v;
  }

  // ------------------------------------------------------------------------------------ journal

  /** What an export with an idempotency key has sent so far, kept in the spool directory. */
  private static final class Journal {
    final String datasetId;
    final Instant createdAt;
    @Nullable String receiver;
    @Nullable String resourceCode;
    @Nullable String watermark;
    @Nullable String previousWatermark;
    boolean stored;
    final List<DatasetPart> parts = new ArrayList<>();
    @Nullable ObjectNode manifest;
    @Nullable TransferResult manifestTransfer;

    Journal(String datasetId, Instant createdAt) {
      this.datasetId = datasetId;
      this.createdAt = createdAt;
    }

    boolean matches(ExportDatasetRequest r) {
      return !stored
          || (r.receiver().toString().equals(receiver)
              && r.resourceCode().equals(resourceCode)
              && r.watermark().equals(Optional.ofNullable(watermark))
              && r.previousWatermark().equals(Optional.ofNullable(previousWatermark))
              && (r.datasetId().isEmpty() || r.datasetId().get().equals(datasetId)));
    }

    static Journal read(Path file) {
      try {
        ObjectNode o = Json.parseObject(Files.readAllBytes(file));
        Journal j = new Journal(Json.text(o, "datasetId"), Json.instant(o, "createdAt"));
        j.stored = true;
        j.receiver = Json.text(o, "receiver");
        j.resourceCode = Json.text(o, "resourceCode");
        j.watermark = Json.optText(o, "watermark");
        j.previousWatermark = Json.optText(o, "previousWatermark");
        for (JsonNode p : Json.array(o, "parts")) {
          j.parts.add(
              DatasetPart.builder()
                  .partNumber(Json.integer(p, "partNumber"))
                  .transferId(Json.text(p, "transferId"))
                  .records(number(p, "records"))
                  .length(number(p, "length"))
                  .digest(Json.text(p, "digest"))
                  .build());
        }
        JsonNode m = o.get("manifest");
        JsonNode t = o.get("manifestTransfer");
        if (m != null && m.isObject() && t != null && t.isObject()) {
          j.manifest = (ObjectNode) m;
          j.manifestTransfer =
              TransferResult.builder()
                  .transferId(Json.text(t, "transferId"))
                  .messageId(Json.text(t, "messageId"))
                  .issuedAt(Json.instant(t, "issuedAt"))
                  .sender(Json.party(t, "sender"))
                  .receiver(Json.party(t, "receiver"))
                  .resourceCode(Json.text(t, "resourceCode"))
                  .plaintextLength(number(t, "plaintextLength"))
                  .sealedLength(number(t, "sealedLength"))
                  .sealedDigest(Json.text(t, "sealedDigest"))
                  .partCount(Json.integer(t, "partCount"))
                  .partsUploaded(Json.integer(t, "partsUploaded"))
                  .resumes(Json.integer(t, "resumes"))
                  .build();
        }
        return j;
      } catch (IOException | UncheckedIOException e) {
        throw TransfersImpl.fileFailed("could not read the dataset journal", e);
      } catch (Json.MalformedJsonException e) {
        throw new ExchangeClientException(
            ClientErrorCode.TRANSFER_FILE_FAILED,
            "the dataset journal " + file.getFileName() + " is malformed; delete it to start over",
            e,
            false,
            null,
            0);
      }
    }

    void write(Path file) {
      ObjectNode o = Json.object();
      o.put("datasetId", datasetId);
      o.put("createdAt", createdAt.toString());
      o.put("receiver", receiver);
      o.put("resourceCode", resourceCode);
      if (watermark != null) {
        o.put("watermark", watermark);
      }
      if (previousWatermark != null) {
        o.put("previousWatermark", previousWatermark);
      }
      ArrayNode a = o.putArray("parts");
      for (DatasetPart p : parts) {
        ObjectNode e = a.addObject();
        e.put("partNumber", p.partNumber());
        e.put("transferId", p.transferId());
        e.put("records", p.records());
        e.put("length", p.length());
        e.put("digest", p.digest());
      }
      if (manifest != null && manifestTransfer != null) {
        o.set("manifest", manifest);
        TransferResult t = manifestTransfer;
        ObjectNode e = o.putObject("manifestTransfer");
        e.put("transferId", t.transferId());
        e.put("messageId", t.messageId());
        e.put("issuedAt", t.issuedAt().toString());
        e.put("sender", t.sender().toString());
        e.put("receiver", t.receiver().toString());
        e.put("resourceCode", t.resourceCode());
        e.put("plaintextLength", t.plaintextLength());
        e.put("sealedLength", t.sealedLength());
        e.put("sealedDigest", t.sealedDigest());
        e.put("partCount", t.partCount());
        e.put("partsUploaded", t.partsUploaded());
        e.put("resumes", t.resumes());
      }
      Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
      try {
        Files.write(tmp, Json.bytes(o));
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (IOException e) {
        throw TransfersImpl.fileFailed("could not write the dataset journal", e);
      }
    }
  }

  // ------------------------------------------------------------------------------------ helpers

  private static Digest digest(Suite suite) {
    return suite == Suite.GM ? new SM3Digest() : new SHA256Digest();
  }

  private static String hex(Digest d) {
    byte[] out = new byte[d.getDigestSize()];
    d.doFinal(out, 0);
    return HexFormat.of().formatHex(out);
  }

  private static ExchangeValidationException invalid(
      ClientErrorCode code,
      ResourceDetail detail,
      long index,
      List<ErrorDetail> v,
      String outcome) {
    List<ErrorDetail> at = new ArrayList<>();
    for (ErrorDetail d : v) {
      at.add(new ErrorDetail("/records/" + index + d.pointer(), d.rule(), d.code()));
    }
    return new ExchangeValidationException(
        code,
        "record "
            + index
            + " violates the schema of "
            + detail.resourceCode()
            + " at "
            + at.get(0).pointer()
            + " ("
            + at.get(0).rule()
            + "); "
            + outcome,
        at,
        null);
  }

  private static void check(boolean ok, String what) {
    if (!ok) {
      throw manifestInvalid(what);
    }
  }

  private static ExchangeClientException manifestInvalid(String what) {
    return new ExchangeClientException(
        ClientErrorCode.DATASET_MANIFEST_INVALID, what, null, false, null, 0);
  }

  private static ExchangeClientException keyReused(String what) {
    return new ExchangeClientException(
        ClientErrorCode.IDEMPOTENCY_KEY_REUSED, what, null, false, null, 0);
  }

  private static void delete(@Nullable Path p) {
    if (p != null) {
      TransfersImpl.delete(p);
    }
  }
}
