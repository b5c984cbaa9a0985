package io.github.govdx.client.transfer;

import io.github.govdx.client.Page;
import io.github.govdx.crypto.evidence.Receipt;
import java.nio.file.Path;

/**
 * File transfers (文件交换) through the platform ({@code docs/protocol.md} §15, {@code docs/files.md}), in constant
 * memory: a file is sealed to the receiver as a sealed stream (SM4-GCM or A256GCM chunks, the sender's signature
 * over the plaintext's digest), uploaded in parts with their digests, and resumed from the last stored part after a
 * broken connection; the receiver downloads with {@code Range}, resumes the same way, opens and verifies the whole
 * stream before the plaintext is moved into place, and acknowledges with a signed receipt.
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
}
