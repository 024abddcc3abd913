-- What the headless Neovim end-to-end tests share: paths, checks that fail with context,
-- waiting for a positive signal, the binaries built by cargo, a throwaway PostgreSQL
-- (tests/src/bin/testdb.rs) and the run/exit protocol.
--
--   local H = dofile(vim.fs.joinpath(here, 'harness.lua'))

local H = {}

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
H.plugin_root = vim.fs.dirname(here)
H.repo = vim.fs.dirname(vim.fs.dirname(H.plugin_root))
H.fixture = vim.fs.joinpath(H.repo, 'editors', 'test-fixture')

--- Every vim.notify of the test, in order ({ message, level }).
H.messages = {}
vim.notify = function(message, level)
  table.insert(H.messages, { message = message, level = level })
end

function H.fail(message)
  error(message, 0)
end

function H.check(condition, message)
  if not condition then
    H.fail(message)
  end
end

--- Checks a == b (compared with vim.deep_equal), showing both.
function H.equal(actual, expected, what)
  if not vim.deep_equal(actual, expected) then
    H.fail(('%s:\n  actual:   %s\n  expected: %s'):format(what, vim.inspect(actual), vim.inspect(expected)))
  end
end

function H.wait(what, timeout_ms, predicate)
  local ok = vim.wait(timeout_ms, predicate, 50)
  if not ok then
    H.fail(('timed out waiting for %s; messages: %s; diagnostics: %s'):format(
      what,
      vim.inspect(H.messages),
      vim.inspect(vim.diagnostic.get(nil))
    ))
  end
end

function H.last_message(pattern)
  for i = #H.messages, 1, -1 do
    if H.messages[i].message:match(pattern) then
      return H.messages[i].message
    end
  end
end

--- A binary built by cargo: $env, else $CARGO_TARGET_DIR/debug/<name>.
function H.binary(env, name)
  local target = vim.env.CARGO_TARGET_DIR or vim.fs.joinpath(H.repo, 'target')
  local path = vim.env[env] or vim.fs.joinpath(target, 'debug', name)
  H.check(vim.uv.fs_stat(path), path .. ' does not exist: build it (cargo build -p pg-flux -p pg-flux-tests) or set ' .. env)
  return path
end

function H.read(path)
  local f = io.open(path, 'r')
  if not f then
    return nil
  end
  local text = f:read('*a')
  f:close()
  return text
end

function H.write(path, text)
  vim.fn.mkdir(vim.fs.dirname(path), 'p')
  local f = assert(io.open(path, 'w'))
  f:write(text)
  f:close()
end

--- Runs a command to its end; fails unless it exits 0. Returns its stdout.
function H.run(cmd, opts)
  local done = vim.system(cmd, vim.tbl_extend('force', { text = true }, opts or {})):wait(120000)
  H.check(done.code == 0, ('%s exited with %s:\n%s%s'):format(table.concat(cmd, ' '), tostring(done.code), done.stdout or '', done.stderr or ''))
  return done.stdout or ''
end

--- A temporary directory (symbolic links resolved, as the server reports paths).
function H.tempdir()
  local dir = vim.fn.tempname()
  vim.fn.mkdir(dir, 'p')
  return vim.fn.resolve(dir)
end

local databases = {}

--- Starts testdb with the fixture's `sql` file loaded; returns { url, psql } once it is up.
--- The database goes when the test ends (H.main closes testdb's stdin).
function H.database(sql)
  local out, err = '', ''
  local proc = vim.system({ H.binary('PGFLUX_TESTDB', 'testdb'), vim.fs.joinpath(H.fixture, sql) }, {
    stdin = true,
    stdout = function(_, data)
      out = out .. (data or '')
    end,
    stderr = function(_, data)
      err = err .. (data or '')
    end,
  })
  table.insert(databases, proc)
  local lines
  H.wait('the test database', 60000, function()
    lines = vim.split(out, '\n')
    return #lines >= 3 or err:match('loading .* failed') ~= nil
  end)
  H.check(#lines >= 3, 'testdb: ' .. err)
  return { url = lines[1], psql = lines[2] }
end

--- psql on the database: `-c sql` (or `-f file` with opts.file); ON_ERROR_STOP. Returns stdout.
function H.psql(db, sql, opts)
  local cmd = { db.psql, '-X', '-q', '-At', '-v', 'ON_ERROR_STOP=1', '--no-password', '-d', db.url }
  if opts and opts.file then
    vim.list_extend(cmd, { '-f', opts.file })
  else
    vim.list_extend(cmd, { '-c', sql })
  end
  return H.run(cmd)
end

--- Runs `test`, ends the databases, prints `<name>: 1 passed, 0 failed` and exits 0, or the
--- error and exits 1.
function H.main(name, test)
  local ok, err = xpcall(test, debug.traceback)
  for _, proc in ipairs(databases) do
    proc:write(nil)
    proc:wait(10000)
  end
  if ok then
    io.stdout:write(name .. ': 1 passed, 0 failed\n')
    os.exit(0)
  else
    io.stderr:write(name .. ': FAILED: ' .. tostring(err) .. '\n')
    io.stdout:write(name .. ': 0 passed, 1 failed\n')
    os.exit(1)
  end
end

return H
