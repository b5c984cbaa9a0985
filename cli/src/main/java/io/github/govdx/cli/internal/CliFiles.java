package io.github.govdx.cli.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.cli.CliErrorCode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Reading inputs with a size limit checked before parsing, and writing outputs without ever overwriting.
 * Failures are {@link CliException}s with exit code 2. Thread-safe (stateless).
 */
public final class CliFiles {

  /** Limit for keys, certificates and other small PEM or JSON files. */
  public static final long SMALL_FILE_LIMIT = 1L << 20;

  /** Limit for schemas and catalog entries. */
  public static final long DOCUMENT_LIMIT = 8L << 20;

  /** Limit for envelopes, payloads and whole-file JSON records. */
  public static final long DATA_LIMIT = 64L << 20;

  private static final Set<PosixFilePermission> OWNER_ONLY =
      PosixFilePermissions.fromString("rw-------");

  private CliFiles() {}

  /**
   * Reads a whole file after checking that it exists, is a regular file and is at most {@code limit} bytes.
   *
   * @param path the file
   * @param limit the largest accepted size in bytes
   * @param what what the file is, for messages (e.g. {@code "--in"})
   * @return the content
   * @throws CliException {@code GDX-5002} or {@code GDX-5003}
   */
  public static byte[] read(Path path, long limit, String what) {
    checkReadable(path, what);
    try {
      long size = Files.size(path);
      if (size > limit) {
        throw CliException.error(
            CliErrorCode.FILE_TOO_LARGE,
            what + " " + path + " has " + size + " bytes, more than the limit of " + limit);
      }
      try (InputStream in = Files.newInputStream(path)) {
        byte[] data = in.readNBytes((int) limit + 1);
        if (data.length > limit) {
          throw CliException.error(
              CliErrorCode.FILE_TOO_LARGE,
              what + " " + path + " is larger than the limit of " + limit + " bytes");
        }
        return data;
      }
    } catch (IOException e) {
      throw unreadable(path, what, e);
    }
  }

  /**
   * Checks that a path names an existing, readable regular file.
   *
   * @param path the file
   * @param what what the file is, for messages
   * @throws CliException {@code GDX-5002}
   */
  public static void checkReadable(Path path, String what) {
    if (!Files.exists(path)) {
      throw CliException.error(CliErrorCode.FILE_UNREADABLE, what + " " + path + ": no such file");
    }
    if (!Files.isRegularFile(path)) {
      throw CliException.error(
          CliErrorCode.FILE_UNREADABLE, what + " " + path + ": not a regular file");
    }
    if (!Files.isReadable(path)) {
      throw CliException.error(
          CliErrorCode.FILE_UNREADABLE, what + " " + path + ": permission denied");
    }
  }

  /**
   * Reads a JSON document of at most {@code limit} bytes.
   *
   * @param mapper the mapper
   * @param path the file
   * @param limit the largest accepted size in bytes
   * @param what what the file is, for messages
   * @return the document
   * @throws CliException {@code GDX-5002}, {@code GDX-5003} or {@code GDX-5006}
   */
  public static JsonNode readJson(ObjectMapper mapper, Path path, long limit, String what) {
    byte[] data = read(path, limit, what);
    try {
      JsonNode node = mapper.readTree(data);
      if (node == null || node.isMissingNode()) {
        throw CliException.error(CliErrorCode.INPUT_MALFORMED, what + " " + path + " is empty");
      }
      return node;
    } catch (JsonProcessingException e) {
      throw CliException.error(
          CliErrorCode.INPUT_MALFORMED,
          what + " " + path + " is not valid JSON: " + e.getOriginalMessage() + locationOf(e),
          null);
    } catch (IOException e) {
      throw unreadable(path, what, e);
    }
  }

  static String locationOf(JsonProcessingException e) {
    return e.getLocation() == null
        ? ""
        : " (line "
            + e.getLocation().getLineNr()
            + ", column "
            + e.getLocation().getColumnNr()
            + ")";
  }

  /**
   * Writes a new file; never replaces an existing one. A private file is created readable and writable by
   * its owner only where the file system supports POSIX permissions.
   *
   * @param path the file to create
   * @param data the content
   * @param privateFile whether the content is secret (a private key)
   * @param what what the file is, for messages
   * @throws CliException {@code GDX-5004} if the file exists, {@code GDX-5005} if it cannot be written
   */
  public static void writeNew(Path path, byte[] data, boolean privateFile, String what) {
    refuseExisting(path, what);
    try {
      Path parent = path.toAbsolutePath().getParent();
      if (parent != null && !Files.isDirectory(parent)) {
        throw CliException.error(
            CliErrorCode.FILE_UNWRITABLE,
            what + " " + path + ": directory " + parent + " does not exist");
      }
      if (privateFile && supportsPosix(parent)) {
        FileAttribute<Set<PosixFilePermission>> ownerOnly =
            PosixFilePermissions.asFileAttribute(OWNER_ONLY);
        Files.createFile(path, ownerOnly);
        try (OutputStream os =
            Files.newOutputStream(
                path, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
          os.write(data);
        }
      } else {
        try (OutputStream os =
            Files.newOutputStream(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
          os.write(data);
        }
      }
    } catch (FileAlreadyExistsException e) {
      throw CliException.error(
          CliErrorCode.OUTPUT_EXISTS, what + " " + path + " exists; refusing to overwrite");
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNWRITABLE,
          what + " " + path + ": " + e.getClass().getSimpleName() + reason(e),
          e);
    }
  }

  /** Writes an output through a stream. */
  @FunctionalInterface
  public interface StreamWriter<T> {
    /**
     * Writes.
     *
     * @param out the stream to write to
     * @return a result
     */
    T write(OutputStream out);
  }

  /**
   * Writes a large output without holding it in memory and without ever exposing a partial result: into a
   * temporary file beside {@code path}, which is moved to {@code path} only when the writer returns; when the writer
   * throws, the temporary file is deleted and {@code path} never appears.
   *
   * @param path the output file, which must not exist
   * @param writer writes the content
   * @param what what the file is, for messages
   * @param <T> the writer's result
   * @return the writer's result
   * @throws CliException {@code GDX-5004} if the output exists, {@code GDX-5005} if it cannot be written
   */
  public static <T> T writeNewStreaming(Path path, StreamWriter<T> writer, String what) {
    refuseExisting(path, what);
    Path dir = path.toAbsolutePath().getParent();
    Path tmp;
    try {
      tmp = Files.createTempFile(dir, "." + path.getFileName() + ".", ".part");
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNWRITABLE, "cannot write " + what + " " + path, e);
    }
    boolean done = false;
    try {
      T result;
      try (OutputStream out =
          new java.io.BufferedOutputStream(Files.newOutputStream(tmp), 1 << 16)) {
        result = writer.write(out);
      }
      Files.move(tmp, path, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
      done = true;
      return result;
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNWRITABLE, "cannot write " + what + " " + path, e);
    } finally {
      if (!done) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException e) {
          // the temporary file stays; it never has the output's name
        }
      }
    }
  }

  /**
   * Fails when a path exists (as anything, including a dangling link).
   *
   * @param path the output path
   * @param what what the file is, for messages
   * @throws CliException {@code GDX-5004}
   */
  public static void refuseExisting(Path path, String what) {
    if (Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      throw CliException.error(
          CliErrorCode.OUTPUT_EXISTS, what + " " + path + " exists; refusing to overwrite");
    }
  }

  /**
   * Creates a directory (and its parents) if missing; a new directory is owner-only where POSIX allows.
   *
   * @param dir the directory
   * @param what what the directory is, for messages
   * @throws CliException {@code GDX-5005}
   */
  public static void ensureDirectory(Path dir, String what) {
    if (Files.isDirectory(dir)) {
      return;
    }
    if (Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
      throw CliException.error(
          CliErrorCode.FILE_UNWRITABLE, what + " " + dir + " exists and is not a directory");
    }
    try {
      Path parent = dir.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      if (supportsPosix(parent)) {
        Files.createDirectory(
            dir,
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
      } else {
        Files.createDirectory(dir);
      }
    } catch (IOException e) {
      throw CliException.error(
          CliErrorCode.FILE_UNWRITABLE,
          what + " " + dir + ": " + e.getClass().getSimpleName() + reason(e),
          e);
    }
  }

  private static boolean supportsPosix(@Nullable Path dir) {
    Path probe = dir == null ? Path.of("").toAbsolutePath() : dir;
    return probe.getFileSystem().supportedFileAttributeViews().contains("posix");
  }

  static CliException unreadable(Path path, String what, IOException e) {
    if (e instanceof NoSuchFileException) {
      return CliException.error(
          CliErrorCode.FILE_UNREADABLE, what + " " + path + ": no such file", e);
    }
    return CliException.error(
        CliErrorCode.FILE_UNREADABLE,
        what + " " + path + ": " + e.getClass().getSimpleName() + reason(e),
        e);
  }

  private static String reason(IOException e) {
    return e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
  }
}
