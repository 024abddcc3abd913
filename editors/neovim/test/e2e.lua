-- End to end, in a real headless Neovim 0.11: the pg_flux config and plugin, the real
-- `pg-flux lsp`, a real PostgreSQL with the fixture loaded (tests/src/bin/testdb.rs).
--
--   PGFLUX_BIN=… PGFLUX_TESTDB=… nvim --headless --clean -l editors/neovim/test/e2e.lua
--
-- Opens the fixture workspace, waits for the undeclared-object diagnostic, applies the pull
-- code action, saves, and checks the quarantine file on disk; then :PgFluxVerify, :PgFluxDump
-- and :checkhealth pg_flux. Exits non-zero on the first failure.

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local H = dofile(vim.fs.joinpath(here, 'harness.lua'))
local plugin_root, fixture = H.plugin_root, H.fixture
local check, wait, binary, read, last_message = H.check, H.wait, H.binary, H.read, H.last_message

local function run()
  local server = binary('PGFLUX_BIN', 'pg-flux')

  -- The database.
  local url = H.database('database.sql').url

  -- A copy of the fixture workspace; pg-flux.toml reads the URL from the environment.
  local root = vim.fn.resolve(vim.fn.tempname())
  vim.fn.mkdir(root, 'p')
  local copied = vim.system({ 'cp', '-R', vim.fs.joinpath(fixture, 'workspace') .. '/.', root }):wait()
  check(copied.code == 0, 'copying the workspace failed: ' .. (copied.stderr or ''))
  vim.env.PGFLUX_E2E_DATABASE_URL = url
  vim.env.DATABASE_URL = nil

  -- The setup the README gives: the plugin on 'runtimepath', the config enabled.
  vim.opt.runtimepath:prepend(plugin_root)
  vim.cmd('filetype on')
  vim.cmd('runtime! plugin/pg_flux.lua')
  vim.lsp.config('pg_flux', { cmd = { server, 'lsp' } })
  vim.lsp.enable('pg_flux')

  local indexes = vim.fs.joinpath(root, 'schema', 'indexes', 'public.users.sql')
  vim.cmd.edit(vim.fn.fnameescape(indexes))
  check(vim.bo.filetype == 'sql', 'filetype is ' .. vim.bo.filetype)
  wait('the pg_flux client', 10000, function()
    return #vim.lsp.get_clients({ bufnr = 0, name = 'pg_flux' }) == 1
  end)
  local client = vim.lsp.get_clients({ bufnr = 0, name = 'pg_flux' })[1]
  check(client.root_dir == root, 'root_dir ' .. tostring(client.root_dir) .. ' is not ' .. root)

  -- The undeclared hotfix index, on the file that would hold it.
  local function undeclared()
    return vim.tbl_filter(function(d)
      return d.code == 'undeclared-live-object'
    end, vim.diagnostic.get(0))
  end
  wait('the undeclared-live-object diagnostic', 30000, function()
    return #undeclared() == 1
  end)
  local d = undeclared()[1]
  check(d.source == 'pg-flux', 'source ' .. tostring(d.source))
  check(d.message:match('public%.idx_emergency_perf'), 'message: ' .. d.message)

  -- The quick fix, as a user runs it: cursor on the diagnostic, code action, applied.
  vim.api.nvim_win_set_cursor(0, { d.lnum + 1, d.col })
  vim.lsp.buf.code_action({
    apply = true,
    context = { only = { 'quickfix' } },
    filter = function(action)
      return action.title == 'Pull index public.idx_emergency_perf into _pulled/'
    end,
  })
  local pulled_buf
  wait('the pulled file in a buffer', 30000, function()
    for _, buf in ipairs(vim.api.nvim_list_bufs()) do
      local name = vim.api.nvim_buf_get_name(buf)
      if name:match('/schema/_pulled/%d+_%d+_pulled%.sql$') then
        local text = table.concat(vim.api.nvim_buf_get_lines(buf, 0, -1, false), '\n')
        if text:match('CREATE INDEX idx_emergency_perf ON public%.users') then
          pulled_buf = buf
          return true
        end
      end
    end
    return false
  end)
  local pulled = vim.api.nvim_buf_get_name(pulled_buf)
  wait('the pulled file shown (window/showDocument)', 10000, function()
    return vim.api.nvim_get_current_buf() == pulled_buf
  end)
  check(vim.bo[pulled_buf].modified, 'the pull went around the editor: the buffer is not modified')
  vim.cmd('silent wall')
  local on_disk = read(pulled)
  check(on_disk, pulled .. ' is not on disk')
  check(
    on_disk:match('\nCREATE INDEX idx_emergency_perf ON public%.users USING btree %(id, email%);\n'),
    'quarantine file content:\n' .. on_disk
  )
  check(on_disk:match('\n%-%- pg%-flux pull: index public%.idx_emergency_perf %(belongs in indexes/public%.users%.sql%)'), on_disk)
  check(read(indexes) == 'CREATE INDEX users_email ON public.users USING btree (email);\n', 'the source file changed')

  -- :PgFluxVerify reports the object still undeclared (_pulled/ is not source). It reports once
  -- the refresh's $/progress end has come, after every diagnostic of the refresh: no timer.
  local provider = client.server_capabilities.executeCommandProvider
  check(type(provider) == 'table' and provider.workDoneProgress == true, 'no work-done progress: ' .. vim.inspect(provider))
  vim.cmd.edit(vim.fn.fnameescape(indexes))
  vim.cmd('PgFluxVerify')
  wait(':PgFluxVerify', 15000, function()
    return last_message('verify:') ~= nil
  end)
  local said = last_message('verify:')
  check(said == 'pg-flux: verify: 1 undeclared live object(s) (:copen to list them, :PgFluxPull to pull them).', said)
  check(#vim.fn.getqflist() == 1, 'quickfix list: ' .. vim.inspect(vim.fn.getqflist()))

  -- :PgFluxDump asks before overwriting the hand-written files; the user picks Overwrite.
  local asked
  vim.lsp.handlers['window/showMessageRequest'] = function(_, params)
    asked = params.message
    for _, action in ipairs(params.actions or {}) do
      if action.title == 'Overwrite' then
        return action
      end
    end
    return vim.NIL
  end
  vim.cmd('PgFluxDump')
  wait(':PgFluxDump', 30000, function()
    return last_message('dump wrote') ~= nil
  end)
  check(asked and asked:match('would overwrite %d+ existing file%(s%)'), 'dump did not ask: ' .. tostring(asked))
  vim.cmd('silent wall')
  check(read(indexes):match('CREATE INDEX idx_emergency_perf ON public%.users'), 'after dump: ' .. read(indexes))
  -- Saved: the source declares everything live.
  H.messages = {}
  vim.cmd('PgFluxVerify')
  wait(':PgFluxVerify after the dump', 15000, function()
    return last_message('verify:') ~= nil
  end)
  said = last_message('verify:')
  check(said == 'pg-flux: verify: clean — every live object is declared in source.', said)

  -- :checkhealth pg_flux
  vim.cmd('silent checkhealth pg_flux')
  local report = table.concat(vim.api.nvim_buf_get_lines(0, 0, -1, false), '\n')
  check(report:match('OK binary: ' .. vim.pesc(server)), report)
  check(report:match('OK version: pg%-flux %d+%.%d+%.%d+'), report)
  check(report:match('OK config: ' .. vim.pesc(vim.fs.joinpath(root, 'pg-flux.toml'))), report)
  check(report:match('OK client %d+ running'), report)
  check(not report:match('ERROR'), report)

  client:stop()
  wait('the client to stop', 10000, function()
    return client:is_stopped()
  end)
  vim.fn.delete(root, 'rf')
end

H.main('neovim-e2e', run)
