-- pg-flux's Neovim plugin: the server's commands, run through workspace/executeCommand.

local M = {}

M.commands = {
  refresh = 'pg-flux.refresh',
  pull_all = 'pg-flux.pullAll',
  dump = 'pg-flux.dump',
  generate_migration = 'pg-flux.generateMigration',
  -- A code lens's command (the object's status, shown with window/showMessage): Neovim runs it
  -- on the server itself (vim.lsp.codelens.run()).
  show_status = 'pg-flux.showStatus',
}

M.codes = {
  undeclared = 'undeclared-live-object',
  unavailable = 'database-unavailable',
  hazard = 'hazard',
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
--- With `token`, the server reports the command's work-done progress (`$/progress`) under it.
--- Returns whether the request was sent.
function M.execute(command, arguments, on_result, token)
  local client = M.client()
  if not client then
    notify("no pg_flux language server is running: vim.lsp.enable('pg_flux') and open a .sql file", vim.log.levels.ERROR)
    return false
  end
  local params = { command = command, arguments = arguments or {}, workDoneToken = token }
  client:request('workspace/executeCommand', params, function(err, result)
    if err then
      notify(err.message, vim.log.levels.ERROR)
    elseif on_result then
      on_result(result or {})
    end
  end)
  return true
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

--- `migrate generate` with the server's settings, from the files on disk; the server opens the
--- new migration (window/showDocument) and shows why when nothing was generated.
function M.generate_migration()
  M.execute(M.commands.generate_migration, {}, function(result)
    if result.error then
      return -- the server's window/showMessage said why
    end
    -- Data loss and locks: the file's `hazard` diagnostics say where.
    local hazards = #(result.hazards or {}) + #(result.locks or {})
    notify(('generated %s (%d statement(s)%s).'):format(
      vim.fn.fnamemodify(result.path, ':~:.'),
      result.statements or 0,
      hazards > 0 and (', %d hazard(s): see its diagnostics'):format(hazards) or ''
    ), hazards > 0 and vim.log.levels.WARN or vim.log.levels.INFO)
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

local verifications = 0

--- Whether the server reports the work-done progress of its commands (older ones do not).
local function reports_progress()
  local client = M.client()
  local provider = client and client.server_capabilities.executeCommandProvider
  return type(provider) == 'table' and provider.workDoneProgress == true
end

--- Refreshes, then reports once both the answer and the `$/progress` end of the refresh have
--- come: the server sends that end after the diagnostics of the inspection (which may reach
--- the editor after the answer), so the report counts every one of them.
function M.verify()
  if not reports_progress() then
    M.execute(M.commands.refresh, {}, function(answer)
      report(answer.status)
    end)
    return
  end
  verifications = verifications + 1
  local token = ('pg-flux-verify-%d'):format(verifications)
  local result, ended
  local function ready()
    if result and ended then
      report(result.status)
    end
  end
  local group = vim.api.nvim_create_augroup(token, { clear = true })
  vim.api.nvim_create_autocmd('LspProgress', {
    group = group,
    pattern = 'end',
    callback = function(event)
      if event.data and event.data.params and event.data.params.token == token then
        ended = true
        vim.api.nvim_del_augroup_by_id(group)
        ready()
      end
    end,
  })
  local sent = M.execute(M.commands.refresh, {}, function(answer)
    result = answer
    ready()
  end, token)
  if not sent then
    vim.api.nvim_del_augroup_by_id(group)
  end
end

return M
