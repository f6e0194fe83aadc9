-- wrk script for bench/production.sh.
-- MODE=fresh: every request asks PATHS' first path with a new query string (never cached).
-- MODE=mixed: requests cycle through PATHS (space-separated, repeated paths weigh more).
local paths = {}
for p in string.gmatch(os.getenv("PATHS") or "/", "%S+") do
    paths[#paths + 1] = p
end
local mode = os.getenv("MODE") or "mixed"
local counter = 0

function setup(thread)
    thread:set("offset", math.random(1, #paths))
end

request = function()
    counter = counter + 1
    if mode == "fresh" then
        return wrk.format("GET", paths[1] .. "?lan=" .. math.random(1, 1000000000) .. "-" .. counter)
    end
    local index = ((counter + (offset or 0)) % #paths) + 1
    return wrk.format("GET", paths[index])
end
