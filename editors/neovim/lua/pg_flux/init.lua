-- pg-flux's Neovim plugin: the server's commands, run through workspace/executeCommand.

local M = {}

M.commands = {
  refresh = 'pg-flux.refresh',
  pull_all = 'pg-flux.pullAll',
  dump = 'pg-flux.dump',
}

M.codes = {
  undeclared = 'undeclared-live-object',
  unavailable = 'database-unavailable',
}

local function notify(message, level)
  vim.notify('pg-flux: ' .. message, level or vim.log.levels.INFO)
end

--- The pg_flux client of the current buffer, else any pg_flux client.
function M.client()
  local clients = vim.lsp.get_clients({ bufnr = 0, name = 'pg_flux' })
  if #clients == 0 then
    clients = vim.lsp.get_clients({ name = 'pg_flux' })
  end
  return clients[1]
end

--- Runs a server command; on_result(result) gets the command's result, errors are notified.
function M.execute(command, arguments, on_result)
  local client = M.client()
  if not client then
    notify("no pg_flux language server is running: vim.lsp.enable('pg_flux') and open a .sql file", vim.log.levels.ERROR)
    return
  end
  client:request('workspace/executeCommand', { command = command, arguments = arguments or {} }, function(err, result)
    if err then
      notify(err.message, vim.log.levels.ERROR)
    elseif on_result then
      on_result(result or {})
    end
  end)
end

--- pg-flux's diagnostics of every buffer with `code`.
function M.diagnostics(code)
  return vim.tbl_filter(function(d)
    return d.source == 'pg-flux' and d.code == code
  end, vim.diagnostic.get(nil))
end

function M.dump()
  M.execute(M.commands.dump, {}, function(result)
    if result.cancelled then
      notify('dump cancelled; no file was changed.')
    else
      notify(('dump wrote %d file(s).'):format(result.written or 0))
    end
  end)
end

function M.pull()
  M.execute(M.commands.pull_all, {}, function(result)
    if (result.objects or 0) == 0 then
      notify('nothing to pull — every live object is declared in source.')
    else
      notify(('pulled %d object(s) into %s. Review it and move each block where it belongs.'):format(result.objects, result.path))
    end
  end)
end

--- Reports after the inspection's diagnostics are published.
local function report(status)
  if status == 'NotConfigured' then
    notify('no database configured: set [database] url in pg-flux.toml, $DATABASE_URL or databaseUrl.', vim.log.levels.WARN)
    return
  end
  local down = M.diagnostics(M.codes.unavailable)
  if #down > 0 or tostring(status):match('^Unavailable') then
    notify(down[1] and down[1].message or 'database unavailable', vim.log.levels.ERROR)
    return
  end
  local undeclared = M.diagnostics(M.codes.undeclared)
  if #undeclared == 0 then
    notify('verify: clean — every live object is declared in source.')
  else
    vim.fn.setqflist({}, ' ', { title = 'pg-flux: undeclared live objects', items = vim.diagnostic.toqflist(undeclared) })
    notify(('verify: %d undeclared live object(s) (:copen to list them, :PgFluxPull to pull them).'):format(#undeclared), vim.log.levels.WARN)
  end
end

function M.verify()
  M.execute(M.commands.refresh, {}, function(result)
    -- The diagnostics follow the command's answer.
    vim.defer_fn(function()
      report(result.status)
    end, 300)
  end)
end

return M
