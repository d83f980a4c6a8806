-- wrk script for bench/http-ratios.sh. Arguments after "--": the mode (anonymous | token | session | order) and the data file
-- the setup wrote: lines "shopper <id> <token>" and "cell <sku> <store>".
local mode, shoppers, cells = "anonymous", {}, {}
local counter, thread_id = 0, 0
local run = tostring(os.time())

local next_id = 0
function setup(thread)
  next_id = next_id + 1
  thread:set("thread_id", next_id)
end

function init(args)
  mode = args[1]
  for line in io.lines(args[2]) do
    local kind, a, b = line:match("^(%S+) (%S+) (%S+)$")
    if kind == "shopper" then shoppers[#shoppers + 1] = { id = a, token = b }
    elseif kind == "cell" then cells[#cells + 1] = { sku = a, store = b } end
  end
  math.randomseed(os.time() + (thread_id or 0) * 7919)
end

function request()
  if mode == "anonymous" then
    return wrk.format("GET", "/api/products/" .. cells[math.random(#cells)].sku)
  end
  local shopper = shoppers[math.random(#shoppers)]
  local headers = { ["Authorization"] = "Bearer " .. shopper.token }
  if mode == "token" then -- the anonymous GET with a bearer token: what authentication alone costs
    return wrk.format("GET", "/api/products/" .. cells[math.random(#cells)].sku, headers)
  end
  if mode == "session" then
    return wrk.format("GET", "/api/sessions/" .. shopper.id, headers)
  end
  local cell = cells[math.random(#cells)]
  counter = counter + 1
  headers["Content-Type"] = "application/json"
  headers["Idempotency-Key"] = string.format("wrk-%s-%d-%d", run, thread_id or 0, counter)
  local body = string.format('{"sessionId":"%s","lines":[{"sku":"%s","quantity":1}],"fulfilment":{"mode":"pickup","locationId":"%s"}}',
    shopper.id, cell.sku, cell.store)
  return wrk.format("POST", "/api/orders", headers, body)
end
