p='/work/wt/client/client/src/main/java/io/github/govdx/client/ExchangeClientBuilder.java'
s=open(p).read()
s=s.replace('''  private @Nullable MessageSealer messageSealer;''','''  private @Nullable MessageSealer messageSealer;
  private @Nullable PartyCredentials credentials;
  private @Nullable TrustStore trustStore;
  private @Nullable PartyDirectory directory;
  private @Nullable Suite suite;
  private Duration clockSkew = Duration.ofMinutes(5);''')
s=s.replace('''  /**
   * The gateway authenticator that signs every attempt''','''  /**
   * The calling party's department key and certificate chain, which sign every envelope and open every answer
   * (required while sealing is on).
   *
   * @param value the credentials; their party must be {@link #party(PartyId)} or its department
   * @return this builder
   */
  public ExchangeClientBuilder credentials(PartyCredentials value) {
    this.credentials = Objects.requireNonNull(value, "credentials == null");
    return this;
  }

  /**
   * The CAs that issue party certificates: every signer's chain is checked against it (required while sealing
   * is on).
   *
   * @param value the trust store
   * @return this builder
   */
  public ExchangeClientBuilder trustStore(TrustStore value) {
    this.trustStore = Objects.requireNonNull(value, "trustStore == null");
    return this;
  }

  /**
   * Where receivers' certificates come from. By default the platform's party directory
   * ({@code directory()} sub-client, cached for the directory TTL); certificates from either are checked
   * against the trust store.
   *
   * @param value a local directory
   * @return this builder
   */
  public ExchangeClientBuilder directory(PartyDirectory value) {
    this.directory = Objects.requireNonNull(value, "directory == null");
    return this;
  }

  /**
   * The envelope suite: {@link Suite#GM} (SM2/SM3/SM4, the default) or {@link Suite#INTL}. It must be the
   * suite of the credentials' key; answers in another suite are refused.
   *
   * @param value the suite
   * @return this builder
   */
  public ExchangeClientBuilder suite(Suite value) {
    this.suite = Objects.requireNonNull(value, "suite == null");
    return this;
  }

  /**
   * The accepted clock skew of an answer's issued-at (default 5 minutes).
   *
   * @param value the skew window
   * @return this builder
   */
  public ExchangeClientBuilder clockSkew(Duration value) {
    this.clockSkew = positive(value, "clockSkew");
    return this;
  }

  /**
   * The gateway authenticator that signs every attempt''')
s=s.replace('''    MessageSealer sealer = null;
    if (sealing) {
      sealer = messageSealer;
      if (sealer == null) {
        throw new IllegalStateException(
            "ExchangeClient: sealing is on but credentials and a trust store are missing (or call sealing(false))");
      }
    }''','''    if (sealing && messageSealer == null && (credentials == null || trustStore == null)) {
      throw new IllegalStateException("ExchangeClient: sealing is on but "
          + (credentials == null ? "credentials are" : "a trust store is") + " missing (or call sealing(false))");
    }
    if (credentials != null && !credentials.partyId().equals(party) && !credentials.partyId().equals(party.department())) {
      throw new IllegalStateException("ExchangeClient: credentials belong to " + credentials.partyId() + ", not to "
          + party);
    }
    if (credentials != null && suite != null && credentials.suite() != suite) {
      throw new IllegalStateException("ExchangeClient: suite " + suite + " but the credentials hold a "
          + credentials.suite() + " key");
    }''')
s=s.replace('''    DirectoryImpl directory = new DirectoryImpl(transport, new TtlCache<PartyId, PartyInfo>(directoryCacheTtl,
        clock, 1024));''','''    DirectoryImpl directory = new DirectoryImpl(transport, new TtlCache<PartyId, PartyInfo>(directoryCacheTtl,
        clock, 1024));
    if (sealer == null && sealing) {
      sealer = codecSealer(directory);
    }''')
# sealer must be created before Pipeline.build; restructure: create a holder
s=s.replace('''  private Parts parts() {''','''  private MessageSealer codecSealer(PartyDirectory remote) {
    PartyCredentials creds = Objects.requireNonNull(credentials);
    TrustStore trust = Objects.requireNonNull(trustStore);
    PartyDirectory dir = directory != null ? directory : remote;
    Set<Suite> accepted = EnumSet.of(suite != null ? suite : creds.suite());
    EnvelopeCodec strict = EnvelopeCodec.builder().credentials(creds).trustStore(trust).directory(dir)
        .acceptedSuites(accepted).clock(clock).clockSkew(clockSkew).build();
    EnvelopeCodec lenient = EnvelopeCodec.builder().credentials(creds).trustStore(trust).directory(dir)
        .acceptedSuites(accepted).clock(clock).clockSkew(Duration.ofHours(25))
        .replayCache((messageId, expiresAt) -> true).build();
    return new CodecSealer(strict, lenient, clock);
  }

  private Parts parts() {''')
open(p,'w').write(s)
