-- One scenario's requests: method, JSON body and bearer token come from the environment so one
-- script serves every scenario (wrk -s request.lua URL). With WRK_ROTATION set to a file of
-- "token<TAB>body" lines, the requests cycle through its lines instead (many patients, many
-- sign-ins); wrk's threads take alternate lines, so two threads never send the same line at once.
wrk.method = os.getenv("WRK_METHOD") or "GET"
local body = os.getenv("WRK_BODY")
if body ~= nil and body ~= "" then
  wrk.body = body
  wrk.headers["Content-Type"] = "application/json"
end
local token = os.getenv("WRK_TOKEN")
if token ~= nil and token ~= "" then
  wrk.headers["Authorization"] = "Bearer " .. token
end

local rotation_file = os.getenv("WRK_ROTATION")
local threads_started = 0

function setup(thread)
  thread:set("thread_index", threads_started)
  threads_started = threads_started + 1
end

local requests = nil
local next_request = 1

function init(args)
  if rotation_file == nil or rotation_file == "" then
    return
  end
  local thread_count = tonumber(os.getenv("WRK_THREADS") or "1")
  requests = {}
  local line_number = 0
  for line in io.lines(rotation_file) do
    if line_number % thread_count == (thread_index or 0) then
      local tab = string.find(line, "\t", 1, true)
      local line_token = string.sub(line, 1, tab - 1)
      local headers = { ["Content-Type"] = "application/json" }
      if line_token ~= "" then
        headers["Authorization"] = "Bearer " .. line_token
      end
      table.insert(requests, wrk.format(wrk.method, nil, headers, string.sub(line, tab + 1)))
    end
    line_number = line_number + 1
  end
end

-- Defined only when rotating: without it wrk builds the one request once and reuses it.
if rotation_file ~= nil and rotation_file ~= "" then
  function request()
    local next = requests[next_request]
    next_request = next_request % #requests + 1
    return next
  end
end
