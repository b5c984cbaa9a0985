package io.github.govdx.testkit.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.core.GovdxException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SeedTest {

  @Test
  void builtin_readsPartiesCatalogAndDatasets() {
    Seed s = Seed.builtin();
    assertThat(s.parties()).hasSize(4);
    assertThat(s.catalog()).hasSize(4);
    assertThat(s.datasets().get("335001001/00012")).hasSize(60);
  }

  @Test
  void exportThenRead_roundTrips(@TempDir Path dir) {
    Seed.exportBuiltin(dir);
    Seed s = Seed.read(dir);
    assertThat(s.parties()).isEqualTo(Seed.builtin().parties());
    assertThat(s.datasets().keySet()).containsExactly("335001001/00012");
  }

  @Test
  void read_invalidSeeds_areTypedErrors(@TempDir Path dir) throws Exception {
    assertThatThrownBy(() -> Seed.read(dir))
        .isInstanceOf(GovdxException.class)
        .hasMessageStartingWith("GDX-4002");
    Seed.exportBuiltin(dir);
    Files.writeString(
        dir.resolve("parties.json"), "{\"parties\": [{\"alias\": \"x\", \"partyId\": \"123\"}]}");
    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageStartingWith("GDX-4001")
        .hasMessageContaining("partyId");
    Files.writeString(dir.resolve("parties.json"), "{\"parties\": [");
    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageStartingWith("GDX-4001")
        .hasMessageContaining("line");
    Seed.exportBuiltin(dir);
    Files.writeString(
        dir.resolve("catalog.json"), "{\"resources\": [{\"resourceCode\": \"a/b/c\"}]}");
    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageStartingWith("GDX-4001")
        .hasMessageContaining("resourceCode");
    Files.writeString(dir.resolve("catalog.json"), "{\"resources\": []}");
    assertThatThrownBy(() -> Seed.read(dir))
        .hasMessageStartingWith("GDX-4001")
        .hasMessageContaining("no catalog entry");
  }
}
