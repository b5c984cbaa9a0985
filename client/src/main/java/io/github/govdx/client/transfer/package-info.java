/**
 * File transfers (文件交换, {@code docs/protocol.md} §15, {@code docs/files.md}): a file sealed as a sealed stream,
 * uploaded to the platform in parts with their digests, resumed after a broken connection, downloaded by the
 * receiver with {@code Range}, opened in constant memory and acknowledged with a signed receipt; and datasets
 * (库表交换): a resource's records validated and sent as NDJSON parts with a signed manifest ({@link
 * io.github.govdx.client.transfer.TransfersClient#exportDataset}, {@link
 * io.github.govdx.client.transfer.TransfersClient#importDataset}). Entry point: {@link
 * io.github.govdx.client.ExchangeClient#transfers()}.
 */
@NullMarked
package io.github.govdx.client.transfer;

import org.jspecify.annotations.NullMarked;
