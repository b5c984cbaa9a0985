-- govdx idempotency release (IdempotencyStore.release): compare-and-set on the owner token. The entry stays,
-- without a token, until its expiry, so that a retry with the same fingerprint is resumed.
-- KEYS[1] the entry (see idempotency-claim.lua)
-- ARGV    token
-- returns 1 if released, 0 if the token does not own the key
if redis.call('HGET', KEYS[1], 'tok') ~= ARGV[1] then
  return 0
end
redis.call('HDEL', KEYS[1], 'tok', 'lease')
return 1
