package io.github.govdx.client.transfer;

import io.github.govdx.client.WireEnum;
import java.util.Locale;

/** The state of a file transfer on the platform ({@code docs/protocol.md} §15.1). */
public enum TransferState implements WireEnum {
  /** Created; parts are being uploaded. */
  UPLOADING,
  /** Every part stored and the whole stream checked: the receiver may download it. */
  AVAILABLE,
  /** The receiver acknowledged it with a signed receipt. */
  DELIVERED,
  /** Not completed or not acknowledged within its life; removed. */
  EXPIRED;

  /**
   * Parses a wire name.
   *
   * @param wire the wire name
   * @return the state
   * @throws IllegalArgumentException if unknown
   */
  public static TransferState fromWire(String wire) {
    return valueOf(wire.toUpperCase(Locale.ROOT));
  }
}
