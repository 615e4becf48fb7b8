-- wrk script: POSTs the full Derecho snapshot (8 login nodes, 5 queues, 2 filesystems), each request with its own
-- timestamp, so every request stores a new snapshot: a back-fill of history, as a collector's spool re-posts it, a
-- snapshot a minute per wrk thread (thread t of 2 at BASE + 30 s * (2n + t)), so that an hour holds 120 snapshots,
-- the order of what collectors put there, and the roll-up job's work per hour stays near production's. (Microseconds
-- apart in one hour, as before, the roll-up recomputed an hour of tens of thousands of snapshots every minute, which
-- no collector can cause, and that was the benchmark's p99.) 15 s at 1,500 posts/s span 8 days; the scripts start the
-- measured run 30 days back and the warm-up 20 days back, so that their timestamps never meet.
local body_template, auth, base_epoch, path
local threads = {}
local counter = 0
thread_id = 0 -- set per thread by setup()

function setup(thread)
  table.insert(threads, thread)
  thread:set("thread_id", #threads)
end

function init(args)
  local f = io.open(os.getenv("BENCH_PAYLOAD"), "r")
  body_template = f:read("*a"):gsub("^{", "{\"timestamp\":\"%%s\",", 1)
  f:close()
  auth = os.getenv("BENCH_AUTH")
  base_epoch = tonumber(os.getenv("BENCH_BASE_EPOCH"))
  path = os.getenv("BENCH_PATH")
end

function request()
  counter = counter + 1
  local ts = os.date("!%Y-%m-%dT%H:%M:%SZ", base_epoch + 30 * (2 * counter + thread_id))
  local headers = { ["Content-Type"] = "application/json", ["Authorization"] = "Basic " .. auth }
  return wrk.format("POST", path, headers, string.format(body_template, ts))
end

local statuses = {}
function response(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
  if status >= 300 and not printed then
    printed = true
    io.stderr:write("unexpected " .. status .. ": " .. body .. "\n")
  end
end
