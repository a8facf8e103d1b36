-- wrk script for the collection section of bench/run (see bench/README.md).
--
--   wrk ... -s bench/collect.lua <url> -- <mode> <container> <prefix> [<batch size>]
--
-- mode one    POST /collect, one event per request (a JSON object)
--      batch  POST /collect, a JSON array of <batch size> events per request (default 20)
--      pixel  GET /p.gif?c=<container>&e=email_open&eid=<id>
--
-- The POSTs are sent as Content-Type: text/plain;charset=UTF-8, which is what navigator.sendBeacon sends for a
-- string. Every event gets its own event_id, <prefix>.<thread>.<n> (thread 1..N, n counting per thread), so the
-- server stores each one instead of counting repeats as duplicates; bench/run makes the prefix unique per run and
-- counts the stored events by it afterwards. The same script, with the same arguments, drives the nginx baseline.
--
-- done() prints one line for bench/run to parse:
--   collect-stats requests=N non2xx3xx=N connect=N read=N write=N timeout=N duration_us=N p50_us=N p99_us=N

-- setup() runs once per thread in the main Lua state; thread:set puts a global into that thread's own state.
local threads = 0
function setup(thread)
   threads = threads + 1
   thread:set("tid", threads)
end

local mode, container, prefix, batch
local n = 0
local event_head, event_tail, path, headers

function init(args)
   mode, container, prefix, batch = args[1], args[2], args[3], tonumber(args[4] or "20")
   if not (mode == "one" or mode == "batch" or mode == "pixel") or not container or not prefix or not batch then
      error("usage: -- one|batch|pixel <container> <event id prefix> [<batch size>]")
   end
   prefix = prefix .. "." .. tid .. "."
   -- Everything of an event except its event_id, which goes in between.
   event_head = '{"container":"' .. container .. '","event":"Purchase","event_id":"'
   event_tail = '","url":"https://shop.example.com/thank-you",'
      .. '"consent":{"analytics":"granted","marketing":"granted","source":"banner"},'
      .. '"params":{"value":42.5,"currency":"EUR"}}'
   path = mode == "pixel" and "/p.gif?c=" .. container .. "&e=email_open&eid=" or "/collect"
   headers = {}
   if mode ~= "pixel" then
      headers["Content-Type"] = "text/plain;charset=UTF-8"
   end
end

local function next_id()
   n = n + 1
   return prefix .. n
end

function request()
   if mode == "pixel" then
      return wrk.format("GET", path .. next_id(), headers)
   end
   if mode == "one" then
      return wrk.format("POST", path, headers, event_head .. next_id() .. event_tail)
   end
   local parts = {}
   for i = 1, batch do
      parts[i] = event_head .. next_id() .. event_tail
   end
   return wrk.format("POST", path, headers, "[" .. table.concat(parts, ",") .. "]")
end

function done(summary, latency, requests)
   local e = summary.errors
   io.write(string.format(
      "collect-stats requests=%d non2xx3xx=%d connect=%d read=%d write=%d timeout=%d duration_us=%d p50_us=%d p99_us=%d\n",
      summary.requests, e.status, e.connect, e.read, e.write, e.timeout, summary.duration,
      latency:percentile(50.0), latency:percentile(99.0)))
end
