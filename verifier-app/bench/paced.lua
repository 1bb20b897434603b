-- verify.lua with a pause of 20 ms before each request: 10 connections then offer about 500 requests per second.
dofile(os.getenv("BENCH_SCRIPTS") .. "/verify.lua")
function delay()
  return 20
end
