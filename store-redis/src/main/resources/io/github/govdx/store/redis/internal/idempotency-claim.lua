-- govdx idempotency claim (IdempotencyStore.claim), atomic because Redis runs a script alone.
-- KEYS[1] the entry, a hash: fp (fingerprint), tok (owner token while in progress), lease (epoch ms),
--         exp (epoch ms after which the entry is forgotten), ans (the stored answer once completed)
-- ARGV    now (epoch ms, the store's clock), fingerprint, new token, leaseUntil (epoch ms),
--         expiresAt (epoch ms), ttl (ms, for PEXPIRE)
-- returns {'C'} conflict, {'D', answer} completed, {'P'} in progress,
--         {'A', token} acquired, {'R', token} acquired and resumed (same fingerprint, earlier attempt unanswered)
local now = tonumber(ARGV[1])
local e = redis.call('HMGET', KEYS[1], 'fp', 'tok', 'lease', 'exp', 'ans')
local fp, tok, lease, exp, ans = e[1], e[2], e[3], e[4], e[5]
local present = fp and exp and tonumber(exp) > now
if present then
  if ans or (tok and tonumber(lease) > now) then
    if fp ~= ARGV[2] then
      return {'C'}
    end
    if ans then
      return {'D', ans}
    end
    return {'P'}
  end
end
redis.call('DEL', KEYS[1])
redis.call('HSET', KEYS[1], 'fp', ARGV[2], 'tok', ARGV[3], 'lease', ARGV[4], 'exp', ARGV[5])
redis.call('PEXPIRE', KEYS[1], ARGV[6])
if present and fp == ARGV[2] then
  return {'R', ARGV[3]}
end
return {'A', ARGV[3]}
