-- govdx replay claim release (ReplayCache.Claim.release): compare-and-delete on the claim's token, so that only
-- the entry this claim created is removed, never one another caller created after it.
-- KEYS[1] the replay entry (SET key token NX PX ttl)
-- ARGV    token
-- returns 1 if deleted, 0 if the key is gone or holds another claim's token
if redis.call('GET', KEYS[1]) ~= ARGV[1] then
  return 0
end
redis.call('DEL', KEYS[1])
return 1
