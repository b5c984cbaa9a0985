package io.github.govdx.client.transfer;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;

/**
 * Receives the records of one dataset part during {@link TransfersClient#importDataset}, only after the whole part
 * was received, matched its manifest entry (digest and record count) and every record of it validated against the
 * resource's schema: a part is handed over entirely or not at all. To make a part all-or-nothing in a database too,
 * write its records in one transaction and commit before returning.
 *
 * <p>The iterator reads the part's verified file record by record (constant memory); it is valid only during the
 * call. An exception thrown here stops the import and propagates unchanged; later parts are not received.
 */
@FunctionalInterface
public interface DatasetPartConsumer {

  /**
   * Takes one part's records, in the order they were exported.
   *
   * @param part the part, as the manifest lists it
   * @param records its records, each a JSON object
   */
  void accept(DatasetPart part, Iterator<JsonNode> records);
}
