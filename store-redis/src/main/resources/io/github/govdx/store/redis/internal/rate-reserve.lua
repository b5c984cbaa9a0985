-- govdx token bucket with reservation (RateLimiter.reserve), shared by every instance.
-- The time base is this server's clock (TIME), the one clock all instances share: instance clocks may differ
-- by more than a refill interval, and a bucket refilled from several of them would run fast or stall.
-- KEYS[1] the bucket, a hash: tokens (may be negative while reservations are outstanding),
--         ts (server time of the last refill, microseconds)
-- ARGV    permits per second, burst, maxWait (microseconds)
-- returns the microseconds the caller waits before using its permit (0: now), or -1: no permit within maxWait,
--         nothing taken
local rate = tonumber(ARGV[1])
local burst = tonumber(ARGV[2])
local max_wait = tonumber(ARGV[3])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000000 + tonumber(t[2])
local s = redis.call('HMGET', KEYS[1], 'tokens', 'ts')
local tokens = tonumber(s[1])
local ts = tonumber(s[2])
if tokens == nil or ts == nil then
  tokens = burst
  ts = now
end
if now > ts then
  tokens = tokens + (now - ts) * rate / 1000000
  ts = now
end
if tokens > burst then
  tokens = burst
end
local wait = 0
if tokens < 1 then
  wait = math.ceil((1 - tokens) * 1000000 / rate)
  if wait > max_wait then
    return -1
  end
end
tokens = tokens - 1
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'ts', string.format('%.0f', ts))
-- forget the bucket once it would be full again (plus a second of slack)
redis.call('PEXPIRE', KEYS[1], math.ceil((burst - tokens) * 1000 / rate) + 1000)
return wait
