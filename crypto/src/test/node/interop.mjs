// Interop harness for govdx INTL envelopes, driven by InteropTest (Java). Uses panva/jose only.
//   node interop.mjs open <receiver-key.pem> <envelope.json>
//       -> prints {"payload":<base64url>,"outer":{...},"inner":{...}} after decrypting the flattened JWE and
//          verifying the inner compact JWS with the x5c leaf's key (the Java side checks the chain)
//   node interop.mjs seal <sender-key.pem> <sender-cert.pem> <receiver-cert.pem> <routing.json> <payload-file>
//       -> prints a sealed govdx INTL envelope (flattened JWE, epk and every parameter in "protected")
import { readFileSync } from 'node:fs';
import { createHash, X509Certificate } from 'node:crypto';
import * as jose from 'jose';

const b64url = (buf) => Buffer.from(buf).toString('base64url');
const kidOf = (certPem) => b64url(createHash('sha256').update(new X509Certificate(certPem).raw).digest());
const derB64 = (certPem) => new X509Certificate(certPem).raw.toString('base64');

async function open(keyFile, envelopeFile) {
  const key = await jose.importPKCS8(readFileSync(keyFile, 'utf8'), 'ECDH-ES+A256KW');
  const env = JSON.parse(readFileSync(envelopeFile, 'utf8'));
  const outer = await jose.flattenedDecrypt(env, key, {
    keyManagementAlgorithms: ['ECDH-ES+A256KW'], contentEncryptionAlgorithms: ['A256GCM'] });
  if (outer.protectedHeader.cty !== 'JOSE') throw new Error('cty is not JOSE');
  const compact = new TextDecoder().decode(outer.plaintext);
  const hdr = jose.decodeProtectedHeader(compact);
  const leafPem = `-----BEGIN CERTIFICATE-----\n${hdr.x5c[0]}\n-----END CERTIFICATE-----\n`;
  const signerKey = await jose.importX509(leafPem, 'ES256');
  const inner = await jose.compactVerify(compact, signerKey, { algorithms: ['ES256'] });
  for (const p of ['gdx.mid', 'gdx.iat', 'gdx.snd', 'gdx.rcv', 'gdx.res', 'gdx.act']) {
    if (inner.protectedHeader[p] !== outer.protectedHeader[p]) throw new Error(`header ${p} differs`);
  }
  process.stdout.write(JSON.stringify({ payload: b64url(inner.payload), outer: outer.protectedHeader,
    inner: inner.protectedHeader }));
}

async function seal(keyFile, certFile, receiverCertFile, routingFile, payloadFile) {
  const senderCert = readFileSync(certFile, 'utf8');
  const receiverCert = readFileSync(receiverCertFile, 'utf8');
  const routing = JSON.parse(readFileSync(routingFile, 'utf8'));
  const signKey = await jose.importPKCS8(readFileSync(keyFile, 'utf8'), 'ES256');
  const jws = await new jose.CompactSign(readFileSync(payloadFile))
    .setProtectedHeader({ alg: 'ES256', kid: kidOf(senderCert), x5c: [derB64(senderCert)], ...routing })
    .sign(signKey);
  const encKey = await jose.importX509(receiverCert, 'ECDH-ES+A256KW');
  const jwe = await new jose.FlattenedEncrypt(new TextEncoder().encode(jws))
    .setProtectedHeader({ alg: 'ECDH-ES+A256KW', enc: 'A256GCM', cty: 'JOSE', kid: kidOf(receiverCert), ...routing })
    .encrypt(encKey);
  process.stdout.write(JSON.stringify(jwe));
}

const [cmd, ...args] = process.argv.slice(2);
try {
  if (cmd === 'open') await open(...args);
  else if (cmd === 'seal') await seal(...args);
  else throw new Error(`unknown command ${cmd}`);
} catch (e) {
  process.stderr.write(`interop failed: ${e.message}\n`);
  process.exit(1);
}
