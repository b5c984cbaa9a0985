package io.github.govdx.client.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import io.github.govdx.client.Page;
import io.github.govdx.crypto.evidence.Receipt;
import java.nio.file.Path;
import java.util.Iterator;

/**
 * File transfers (文件交换) through the platform ({@code docs/protocol.md} §15, {@code docs/files.md}), in constant
 * memory: a file is sealed to the receiver as a sealed stream (SM4-GCM or A256GCM chunks, the sender's signature
 * over the plaintext's digest), uploaded in parts with their digests, and resumed from the last stored part after a
 * broken connection; the receiver downloads with {@code Range}, resumes the same way, opens and verifies the whole
 * stream before the plaintext is moved into place, and acknowledges with a signed receipt. Datasets (库表交换) ride
 * on the same transfers: {@link #exportDataset} and {@link #importDataset}.
 *
 * <p>Calls block on file and network I/O; they are thread-safe. Errors are {@link
 * io.github.govdx.client.ExchangeException}s with their {@code GDX-} codes ({@code GDX-3421} for a local file
 * problem); a crypto refusal of the stream keeps its own code ({@code GDX-26xx}, {@code GDX-2xxx}).
 */
public interface TransfersClient {

  /**
   * Seals and sends a file; returns once the platform holds the whole stream and checked its digest. Resumes by
   * itself after connection failures (up to the client's retry policy per part, and up to 20 resumes in all).
   *
   * @param request the file and its receiver
   * @return what was sent
   */
  TransferResult send(SendFileRequest request);

  /**
   * Reads a transfer (sender or receiver).
   *
   * @param transferId the id
   * @return the transfer
   */
  Transfer get(String transferId);

  /**
   * Lists transfers we receive or send.
   *
   * @param request filters and paging
   * @return one page
   */
  Page<Transfer> list(ListTransfersRequest request);

  /**
   * Downloads, opens and verifies a transfer sent to us, writes the plaintext to {@code out} (via a temporary file
   * beside it, moved into place only when the whole stream verified; an existing file is replaced), and sends our
   * signed receipt. Resumes the download with {@code Range} after connection failures.
   *
   * @param transferId the id
   * @param out where the plaintext goes
   * @return what was received
   */
  ReceivedFile receive(String transferId, Path out);

  /**
   * Fetches and verifies the receiver's receipt of a file we sent: signed by the receiver, over the stream's message
   * id and parties and the digest of the sealed bytes we sent.
   *
   * @param sent what {@link #send} returned
   * @return the verified receipt
   * @throws io.github.govdx.client.ExchangeClientException {@code GDX-3412} if the receipt does not verify, or
   *     {@code GDX-3208} if the transfer is not delivered yet
   */
  Receipt verifyReceipt(TransferResult sent);

  /**
   * Exports a dataset (库表交换, {@code docs/files.md} "Datasets"): streams the records from {@code records},
   * validates every one against the resource's catalog detail, writes them as NDJSON parts of {@link
   * ExportDatasetRequest#recordsPerPart()} records to spool files, and only when every record validated sends each
   * part as a file transfer, then the manifest (parts, counts, digests, schema version, watermarks) as a last
   * transfer. Memory stays constant (one record and one upload part); the spool directory needs about the size of
   * the NDJSON plus one sealed part. Part files are removed once sent.
   *
   * <p>With an idempotency key, running the same export again after a failure sends only the parts a journal does
   * not record as sent (the records must be the same; a part whose digest differs is refused with {@code
   * GDX-3008}); once complete, running it again returns the same manifest and sends nothing.
   *
   * @param request the receiver, resource and options
   * @param records the records, each a JSON object, read once in order
   * @return the manifest and its transfer
   * @throws io.github.govdx.client.ExchangeValidationException {@code GDX-3410} if a record fails the schema (its
   *     violations name {@code /records/<index>/<pointer>}); nothing was sent
   */
  ExportedDataset exportDataset(ExportDatasetRequest request, Iterator<? extends JsonNode> records);

  /**
   * Imports a dataset sent to us: receives and verifies the manifest transfer, checks that it names the expected
   * resource and sender (as signed) and, for incremental sync, that its {@code previousWatermark} equals {@link
   * ImportDatasetRequest#lastWatermark()}; then for each part in order receives it into a temporary file (constant
   * memory), checks its digest and record count against the manifest, validates every record against the
   * resource's schema, and only then hands the part's records to {@code consumer}. Temporary files are removed.
   *
   * @param request the manifest transfer and what is expected of it
   * @param consumer takes each verified part's records
   * @return the counts and the new watermark
   * @throws io.github.govdx.client.ExchangeClientException {@code GDX-3422} on a watermark gap, {@code GDX-3423}
   *     if the manifest is malformed, names another resource, sender or schema version, or misdeclares a part
   * @throws io.github.govdx.client.ExchangeValidationException {@code GDX-3409} if a record of a part fails the
   *     schema; that part and the later ones are not handed over
   */
  ImportedDataset importDataset(ImportDatasetRequest request, DatasetPartConsumer consumer);
}
