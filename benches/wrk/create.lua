-- POST /plans: a new planner form each time (varied answers, a fresh one-time key), counting the
-- 303 answers that acknowledge a stored plan.
-- wrk -s create.lua http://127.0.0.1:PORT
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
response = common.response

local jobs = { "Cashier", "Ride-share+driver", "Babysitter", "Line+cook", "Barista", "Security+guard",
  "Warehouse+picker", "Receptionist" }
local targets = { "Store+manager", "Registered+nurse", "Fire+chief", "Electrician", "Teacher",
  "Accountant", "Paramedic", "Head+chef" }
local rungs = { "Shift+lead", "Assistant+manager", "Supervisor", "Apprentice", "Team+lead",
  "Coordinator", "Trainee" }
local barriers = { "experience", "education", "goals", "transportation", "childcare", "money" }
local horizons = { 6, 12, 18, 24, 36, 60, 120 }
local alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_"
-- The 22nd character of a 16-byte base64url key carries 2 data bits and 4 zero bits.
local last = "AQgw"
local sequence = 0

-- A key shaped as the planner form issues it: a time prefix (12 hex digits; here the start time
-- in seconds and a counter, as wrk's Lua has no clock in milliseconds) and 128 random bits.
local function key()
  sequence = sequence + 1
  local chars = { string.format("%08x%04x", start, sequence % 65536) }
  for i = 1, 21 do
    local n = math.random(64)
    chars[#chars + 1] = alphabet:sub(n, n)
  end
  local n = math.random(4)
  chars[#chars + 1] = last:sub(n, n)
  return table.concat(chars)
end

local function body()
  local parts = {
    "key=" .. key(),
    "current=" .. jobs[math.random(#jobs)],
    "target=" .. targets[math.random(#targets)],
  }
  for _ = 1, math.random(0, 5) do
    parts[#parts + 1] = "rung=" .. rungs[math.random(#rungs)]
  end
  parts[#parts + 1] = "interests=Helping+people%2C+organising+things"
  parts[#parts + 1] = "strengths=Patient+and+reliable"
  parts[#parts + 1] = "horizon=" .. horizons[math.random(#horizons)]
  for _, barrier in ipairs(barriers) do
    if math.random() < 0.3 then parts[#parts + 1] = "barrier=" .. barrier end
  end
  return table.concat(parts, "&")
end

local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }

function init(args)
  common.seed()
  start = os.time()
  acked, other = 0, 0
end

function request()
  return wrk.format("POST", "/plans", headers, body())
end

function done(summary, latency, requests)
  common.report_acks(summary)
end
