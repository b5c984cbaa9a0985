-- govdx idempotency completion (IdempotencyStore.complete): compare-and-set on the owner token.
-- KEYS[1] the entry (see idempotency-claim.lua)
-- ARGV    token, answer, expiresAt (epoch ms), ttl (ms)
-- returns 1 if stored, 0 if the token no longer owns the key
if redis.call('HGET', KEYS[1], 'tok') ~= ARGV[1] then
  return 0
end
redis.call('HDEL', KEYS[1], 'tok', 'lease')
redis.call('HSET', KEYS[1], 'ans', ARGV[2], 'exp', ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[4])
return 1
