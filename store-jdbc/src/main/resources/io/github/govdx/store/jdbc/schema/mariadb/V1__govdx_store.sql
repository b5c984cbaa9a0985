-- govdx-store-jdbc tables, MariaDB 10.5 or later / MySQL 8 (InnoDB), table prefix gdx_ (docs/store-jdbc.md).
-- Run it from your own Flyway or Liquibase (classpath:io/github/govdx/store/jdbc/schema/mariadb), or let
-- JdbcStores.createTables() run it at start-up. Idempotent (IF NOT EXISTS). For another table prefix, replace
-- every gdx_ below (JdbcStores.createTables() does that for JdbcStores.Builder.tablePrefix).

CREATE TABLE IF NOT EXISTS gdx_first_seen (
  ns         VARCHAR(16) NOT NULL,   -- 'replay' or 'nonce'
  id_hash    VARBINARY(32) NOT NULL,   -- SHA-256 of the message id or nonce key
  expires_at BIGINT      NOT NULL,   -- epoch milliseconds
  PRIMARY KEY (ns, id_hash));
CREATE INDEX IF NOT EXISTS gdx_first_seen_exp ON gdx_first_seen (expires_at);

CREATE TABLE IF NOT EXISTS gdx_idempotency (
  key_hash    VARBINARY(32) NOT NULL PRIMARY KEY, -- SHA-256 of the idempotency key
  fp_hash     VARBINARY(32) NOT NULL,             -- SHA-256 of the request fingerprint
  token       VARCHAR(36),                -- owner of the claim while in progress
  lease_until BIGINT NOT NULL,
  expires_at  BIGINT NOT NULL,
  status      INT,                        -- the stored answer, once completed
  headers     LONGTEXT,                       -- JSON object
  body        LONGBLOB);
CREATE INDEX IF NOT EXISTS gdx_idempotency_exp ON gdx_idempotency (expires_at);

CREATE TABLE IF NOT EXISTS gdx_evidence_head (
  chain VARCHAR(64)  NOT NULL PRIMARY KEY,  -- the chain's name
  seq   BIGINT       NOT NULL,              -- the last line's seq (0: empty)
  hash  VARCHAR(128) NOT NULL);             -- the last line's hash
CREATE TABLE IF NOT EXISTS gdx_evidence (
  chain VARCHAR(64)  NOT NULL,
  seq   BIGINT       NOT NULL,
  line  LONGTEXT         NOT NULL,              -- the JSON line, as in an evidence file
  hash  VARCHAR(128) NOT NULL,
  PRIMARY KEY (chain, seq));

CREATE TABLE IF NOT EXISTS gdx_outbox (       -- the durable outbox (delivery.md)
  seq             BIGINT NOT NULL AUTO_INCREMENT PRIMARY KEY,
  id              VARCHAR(36)  NOT NULL UNIQUE,   -- entry id
  receiver        VARCHAR(128) NOT NULL,          -- party id
  resource_code   VARCHAR(64)  NOT NULL,
  idempotency_key VARCHAR(128) NOT NULL,
  message_id      VARCHAR(64)  NOT NULL,
  record_count    INT          NOT NULL,
  envelope        LONGBLOB        NOT NULL,          -- sealed to the receiver (as last sealed)
  own_copy        LONGBLOB        NOT NULL,          -- the payload, encrypted (docs/delivery.md "Own copies")
  order_key       VARCHAR(200),                   -- receiver + resource when ordered
  state           VARCHAR(16)  NOT NULL,          -- pending, in_flight, delivered, dead
  attempts        INT          NOT NULL,
  created_at      BIGINT       NOT NULL,
  next_attempt_at BIGINT       NOT NULL,
  lease_owner     VARCHAR(200),
  lease_until     BIGINT,
  delivered_at    BIGINT,
  receipt         LONGTEXT,                           -- the receiver's signed receipt (JSON)
  last_error_code VARCHAR(16),
  last_error      LONGTEXT,
  sent_digests    LONGTEXT         NOT NULL);         -- digests of every envelope sealed for the entry
CREATE INDEX IF NOT EXISTS gdx_outbox_due ON gdx_outbox (state, next_attempt_at);
CREATE INDEX IF NOT EXISTS gdx_outbox_leased ON gdx_outbox (state, lease_until);
CREATE INDEX IF NOT EXISTS gdx_outbox_order ON gdx_outbox (order_key, seq);
