-- GET /plans/{id} for random ids among the seeded plans.
-- wrk -s plan_page.lua http://127.0.0.1:PORT -- IDS_FILE
package.path = (debug.getinfo(1, "S").source:match("^@(.*/)") or "./") .. "?.lua;" .. package.path
local common = require("common")

setup = common.setup

function init(args)
  ids = common.load_ids(args)
  common.seed()
end

function request()
  return wrk.format("GET", "/plans/" .. ids[math.random(#ids)])
end
