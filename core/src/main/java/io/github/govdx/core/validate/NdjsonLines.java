package io.github.govdx.core.validate;

import java.io.IOException;
import java.io.InputStream;

/**
 * Splits an input stream into lines without ever holding more than {@code maxLine} bytes of one line; longer
 * lines are skipped to their end and flagged. Not thread-safe.
 */
final class NdjsonLines {

  private final InputStream in;
  private final int maxLine;
  private final byte[] chunk = new byte[64 * 1024];
  private int chunkPos;
  private int chunkLen;
  private byte[] line = new byte[8 * 1024];
  private int length;
  private boolean overflow;
  private boolean eof;

  NdjsonLines(InputStream in, int maxLine) {
    this.in = in;
    this.maxLine = maxLine;
  }

  /** Advances to the next line; false at end of input. */
  boolean next() throws IOException {
    if (eof) {
      return false;
    }
    length = 0;
    overflow = false;
    boolean any = false;
    while (true) {
      if (chunkPos == chunkLen) {
        chunkLen = in.read(chunk);
        chunkPos = 0;
        if (chunkLen <= 0) {
          chunkLen = 0;
          eof = true;
          return any;
        }
      }
      any = true;
      int start = chunkPos;
      int nl = -1;
      for (int i = chunkPos; i < chunkLen; i++) {
        if (chunk[i] == '\n') {
          nl = i;
          break;
        }
      }
      int end = nl < 0 ? chunkLen : nl;
      append(start, end - start);
      chunkPos = nl < 0 ? chunkLen : nl + 1;
      if (nl >= 0) {
        if (!overflow && length > 0 && line[length - 1] == '\r') {
          length--;
        }
        return true;
      }
    }
  }

  private void append(int from, int n) {
    if (overflow || n == 0) {
      return;
    }
    if (length + n > maxLine) {
      overflow = true;
      length = 0;
      return;
    }
    if (length + n > line.length) {
      byte[] bigger = new byte[Math.min(maxLine, Math.max(line.length * 2, length + n))];
      System.arraycopy(line, 0, bigger, 0, length);
      line = bigger;
    }
    System.arraycopy(chunk, from, line, length, n);
    length += n;
  }

  boolean overflow() {
    return overflow;
  }

  boolean blank() {
    if (overflow) {
      return false;
    }
    for (int i = 0; i < length; i++) {
      byte b = line[i];
      if (b != ' ' && b != '\t' && b != '\r') {
        return false;
      }
    }
    return true;
  }

  byte[] buffer() {
    return line;
  }

  int length() {
    return length;
  }
}
