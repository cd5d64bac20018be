-- POST /plans/{id}/steps/{1..8} with status=done or status=todo, random plans among the seeded
-- ones, counting the 303 answers that acknowledge a stored change.
-- wrk -s steps.lua http://127.0.0.1:PORT -- IDS_FILE
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup
response = common.response

local headers = { ["Content-Type"] = "application/x-www-form-urlencoded" }
local statuses = { "status=done", "status=todo" }

function init(args)
  ids = common.load_ids(args)
  common.seed()
  acked, other = 0, 0
end

function request()
  local path = "/plans/" .. ids[math.random(#ids)] .. "/steps/" .. math.random(8)
  return wrk.format("POST", path, headers, statuses[math.random(2)])
end

function done(summary, latency, requests)
  common.report_acks(summary)
end
