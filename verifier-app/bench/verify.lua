-- wrk script: POST the body in $BENCH_DIR/verify.json to /api/v1/verify with the benchmark API key.
local dir = os.getenv("BENCH_DIR")
local function read(name)
  local f = assert(io.open(dir .. "/" .. name, "r"))
  local s = f:read("*a")
  f:close()
  return s
end
wrk.method = "POST"
wrk.body = read("verify.json")
wrk.headers["Content-Type"] = "application/json"
wrk.headers["X-Api-Key"] = read("api-key")
