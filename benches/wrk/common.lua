-- Shared by the wrk scripts of benches/load: the plan id list, per-thread random seeds, and a
-- count of the answers that acknowledge a write (303 See Other), summed over threads in done().
local M = {}

local threads = {}
local next_thread = 0

function M.setup(thread)
  next_thread = next_thread + 1
  thread:set("thread_number", next_thread)
  table.insert(threads, thread)
end

-- Reads the plan ids (one a line) named by the first script argument.
function M.load_ids(args)
  local path = args[1]
  assert(path, "usage: wrk ... -s script.lua URL -- IDS_FILE")
  local ids = {}
  for line in io.lines(path) do
    if #line > 0 then ids[#ids + 1] = line end
  end
  assert(#ids > 0, "no plan ids in " .. path)
  return ids
end

function M.seed()
  math.randomseed(os.time() * 1000 + (thread_number or 0) * 7919 + math.floor(os.clock() * 1e6))
end

-- Counts 303 answers and others per thread (thread globals, read back in done()). A script sets
-- `response = common.response` at its top level, where wrk looks for it.
function M.response(status, headers, body)
  if status == 303 then acked = acked + 1 else other = other + 1 end
end

function M.report_acks(summary)
  local acked_total, other_total = 0, 0
  for _, thread in ipairs(threads) do
    acked_total = acked_total + (thread:get("acked") or 0)
    other_total = other_total + (thread:get("other") or 0)
  end
  local seconds = summary.duration / 1e6
  io.write(string.format("ACKED %d OTHER %d SECONDS %.3f RATE %.1f\n",
    acked_total, other_total, seconds, acked_total / seconds))
end

return M
