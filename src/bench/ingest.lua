-- wrk script: POSTs the full Derecho snapshot (8 login nodes, 5 queues, 2 filesystems), each request with its own
-- timestamp (thread t uses second BASE+t, microseconds count up), so every request stores a new snapshot.
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
  local ts = os.date("!%Y-%m-%dT%H:%M:%S", base_epoch + thread_id * 60 + math.floor(counter / 1000000))
      .. string.format(".%06dZ", counter % 1000000)
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
