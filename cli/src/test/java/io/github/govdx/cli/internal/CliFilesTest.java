package io.github.govdx.cli.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.govdx.cli.CliErrorCode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliFilesTest {

  @TempDir Path dir;

  @Test
  void read_missingFile_isUnreadable() {
    assertThatThrownBy(() -> CliFiles.read(dir.resolve("nope"), 10, "--in"))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> {
              assertThat(e.errorCode()).isEqualTo(CliErrorCode.FILE_UNREADABLE);
              assertThat(e.exitCode()).isEqualTo(2);
            })
        .hasMessageContaining("no such file");
  }

  @Test
  void read_directory_isUnreadable() {
    assertThatThrownBy(() -> CliFiles.read(dir, 10, "--in"))
        .hasMessageStartingWith("GDX-5002")
        .hasMessageContaining("not a regular file");
  }

  @Test
  void read_overLimit_isTooLargeBeforeParsing() throws IOException {
    Path f = Files.write(dir.resolve("big"), new byte[11]);
    assertThatThrownBy(() -> CliFiles.read(f, 10, "--in")).hasMessageStartingWith("GDX-5003");
    assertThat(CliFiles.read(f, 11, "--in")).hasSize(11);
  }

  @Test
  void readJson_malformed_namesLineAndColumn() throws IOException {
    Path f = Files.writeString(dir.resolve("bad.json"), "{\n  \"a\": ,\n}");
    assertThatThrownBy(() -> CliFiles.readJson(new ObjectMapper(), f, 100, "--schema"))
        .hasMessageStartingWith("GDX-5006")
        .hasMessageContaining("line 2");
  }

  @Test
  void writeNew_existingFile_refusesAndKeepsContent() throws IOException {
    Path f = Files.writeString(dir.resolve("key.pem"), "old");
    assertThatThrownBy(
            () -> CliFiles.writeNew(f, "new".getBytes(StandardCharsets.UTF_8), true, "key"))
        .isInstanceOfSatisfying(
            CliException.class,
            e -> assertThat(e.errorCode()).isEqualTo(CliErrorCode.OUTPUT_EXISTS));
    assertThat(Files.readString(f)).isEqualTo("old");
  }

  @Test
  void writeNew_privateFile_isOwnerOnlyOnPosix() throws IOException {
    Path f = dir.resolve("key.pem");
    CliFiles.writeNew(f, "secret".getBytes(StandardCharsets.UTF_8), true, "key");
    assertThat(Files.readString(f)).isEqualTo("secret");
    if (f.getFileSystem().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void writeNew_missingDirectory_isUnwritable() {
    assertThatThrownBy(() -> CliFiles.writeNew(dir.resolve("a/b.txt"), new byte[1], false, "--out"))
        .hasMessageStartingWith("GDX-5005");
  }
}
