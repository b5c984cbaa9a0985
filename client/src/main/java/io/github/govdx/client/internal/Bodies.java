package io.github.govdx.client.internal;

import io.github.govdx.client.ClientErrorCode;
import java.io.IOException;
import okhttp3.ResponseBody;
import okio.Buffer;
import okio.BufferedSource;
import org.jspecify.annotations.Nullable;

/** Reads response bodies with a size limit enforced before and while reading. */
public final class Bodies {

  private Bodies() {}

  /**
   * Reads a whole body, refusing more than {@code limit} bytes.
   *
   * @param body the body (not closed here)
   * @param limit the maximum number of bytes
   * @param state the call, for the request id
   * @return the bytes
   * @throws IOException on a network failure while reading (e.g. a body cut short)
   * @throws GovdxIoException carrying {@code GDX-3411} if the body is larger than the limit
   */
  public static byte[] readLimited(ResponseBody body, long limit, CallState state)
      throws IOException {
    if (body instanceof Buffered) {
      byte[] bytes = ((Buffered) body).bytes; // read once already, by the buffering interceptor
      if (bytes.length > limit) {
        throw tooLarge(bytes.length, limit, state);
      }
      return bytes;
    }
    long declared = body.contentLength();
    if (declared > limit) {
      throw tooLarge(declared, limit, state);
    }
    BufferedSource source = body.source();
    Buffer buffer = new Buffer();
    while (buffer.size() <= limit) {
      long n = source.read(buffer, 64 * 1024);
      if (n == -1) {
        return buffer.readByteArray();
      }
    }
    throw tooLarge(buffer.size(), limit, state);
  }

  /**
   * A body read into memory by {@link BufferingInterceptor}: later readers take its bytes without another copy.
   *
   * @param bytes the body
   * @param contentType its type, or {@code null}
   * @return the body
   */
  static ResponseBody buffered(byte[] bytes, okhttp3.@Nullable MediaType contentType) {
    return new Buffered(bytes, contentType);
  }

  private static final class Buffered extends ResponseBody {
    private final byte[] bytes;
    private final okhttp3.@Nullable MediaType contentType;
    private @Nullable BufferedSource source;

    Buffered(byte[] bytes, okhttp3.@Nullable MediaType contentType) {
      this.bytes = bytes;
      this.contentType = contentType;
    }

    @Override
    public okhttp3.@Nullable MediaType contentType() {
      return contentType;
    }

    @Override
    public long contentLength() {
      return bytes.length;
    }

    @Override
    public synchronized BufferedSource source() {
      if (source == null) {
        source = new Buffer().write(bytes);
      }
      return source;
    }
  }

  private static GovdxIoException tooLarge(long size, long limit, CallState state) {
    return new GovdxIoException(
        CallState.clientError(
            ClientErrorCode.RESPONSE_TOO_LARGE,
            "response body of at least " + size + " bytes exceeds the limit of " + limit + " bytes",
            null,
            false,
            state));
  }
}
