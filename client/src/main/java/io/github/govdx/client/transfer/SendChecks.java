package io.github.govdx.client.transfer;

/** The checks a file send and a dataset export share. */
final class SendChecks {

  private SendChecks() {}

  /** Throws {@link IllegalArgumentException} for a part size, resume budget or idempotency key out of range. */
  static void check(FileSendOptions o, int maxKeyLength) {
    o.partSize()
        .filter(n -> n < 1024 * 1024 || n > 8 * 1024 * 1024)
        .ifPresent(
            n -> {
              throw new IllegalArgumentException("partSize must be 1 MiB to 8 MiB: " + n);
            });
    if (o.resumeTimeout().isNegative()) {
      throw new IllegalArgumentException("resumeTimeout < 0");
    }
    String keyPattern = "[A-Za-z0-9._:-]{16," + maxKeyLength + "}";
    if (o.idempotencyKey().filter(k -> !k.matches(keyPattern)).isPresent()) {
      throw new IllegalArgumentException(
          "idempotencyKey must be 16-" + maxKeyLength + " characters of [A-Za-z0-9._:-]");
    }
  }
}
