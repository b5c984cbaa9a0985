package io.github.govdx.client.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.govdx.client.ClientErrorCode;
import io.github.govdx.client.ExchangePlatformException;
import io.github.govdx.client.directory.DirectoryClient;
import io.github.govdx.client.directory.PartyInfo;
import io.github.govdx.core.party.PartyId;
import io.github.govdx.crypto.key.PartyDirectory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

class DirectoryImplTest {

  private static final PartyId SYSTEM = PartyId.parse("11320500014160494A/hotline");

  /** A directory that answers like the platform: 404 (or another error) for the given party. */
  private static DirectoryClient failingWith(ClientErrorCode code, int status) {
    return new DirectoryClient() {
      @Override
      public PartyInfo party(PartyId party) {
        throw new ExchangePlatformException(
            code, "no " + party, status, List.of(), null, false, "r-1", 1);
      }

      @Override
      public List<X509Certificate> certificates(PartyId party) {
        return party(party).certificates().stream().map(c -> c.certificate()).toList();
      }

      @Override
      public void invalidate(PartyId party) {
        // nothing cached
      }
    };
  }

  @Test
  void asPartyDirectory_unknownParty_hasNoCertificates() {
    PartyDirectory dir =
        DirectoryImpl.asPartyDirectory(failingWith(ClientErrorCode.PARTY_NOT_FOUND, 404));
    assertThat(dir.certificates(SYSTEM)).isEmpty();
  }

  @Test
  void asPartyDirectory_otherFailures_areRethrown() {
    PartyDirectory dir =
        DirectoryImpl.asPartyDirectory(failingWith(ClientErrorCode.MALFORMED_REQUEST, 400));
    assertThatThrownBy(() -> dir.certificates(SYSTEM))
        .isInstanceOf(ExchangePlatformException.class)
        .hasMessageStartingWith("GDX-3001: ");
  }
}
