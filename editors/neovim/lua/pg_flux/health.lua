-- :checkhealth pg_flux — the binary, its version, pg-flux.toml, the running client.

local M = {}

M.min_version = { 0, 1, 0 }

local function parse_version(text)
  local a, b, c = (text or ''):match('(%d+)%.(%d+)%.(%d+)')
  if not a then
    return nil
  end
  return { tonumber(a), tonumber(b), tonumber(c) }
end

local function at_least(v, min)
  for i = 1, 3 do
    if v[i] ~= min[i] then
      return v[i] > min[i]
    end
  end
  return true
end

function M.check()
  local health = vim.health
  health.start('pg-flux language server')
  local config = vim.lsp.config.pg_flux or {}
  local cmd = type(config.cmd) == 'table' and config.cmd or { 'pg-flux', 'lsp' }
  local binary = vim.fn.exepath(cmd[1])
  if binary == '' then
    health.error(('`%s` was not found'):format(cmd[1]), {
      'Install pg-flux: `cargo install --locked --path server` in a pg-flux checkout',
      "or point the config at it: vim.lsp.config('pg_flux', { cmd = { '/path/to/pg-flux', 'lsp' } })",
    })
  else
    health.ok('binary: ' .. binary)
    local ran = vim.system({ binary, '--version' }, { text = true }):wait(10000)
    local version = ran.code == 0 and parse_version(ran.stdout) or nil
    local min = table.concat(M.min_version, '.')
    if not version or not vim.startswith(ran.stdout or '', 'pg-flux') then
      health.error(('`%s --version` did not print a pg-flux version: %s'):format(binary, vim.trim((ran.stdout or '') .. (ran.stderr or ''))))
    elseif not at_least(version, M.min_version) then
      health.error(('pg-flux %s is too old: %s or newer is needed'):format(table.concat(version, '.'), min), { 'Update pg-flux' })
    else
      health.ok('version: ' .. vim.trim(ran.stdout))
    end
  end

  -- :checkhealth runs in its own buffer: look where the clients run, else from the buffer
  -- checked from ('#'), else from the current directory.
  local root
  for _, client in ipairs(vim.lsp.get_clients({ name = 'pg_flux' })) do
    if client.root_dir and vim.uv.fs_stat(vim.fs.joinpath(client.root_dir, 'pg-flux.toml')) then
      root = root or client.root_dir
    end
  end
  local alternate = vim.fn.bufnr('#')
  if not root and alternate > 0 and vim.api.nvim_buf_get_name(alternate) ~= '' then
    root = vim.fs.root(alternate, 'pg-flux.toml')
  end
  root = root or vim.fs.root(vim.fn.getcwd(), 'pg-flux.toml')
  if root then
    health.ok('config: ' .. vim.fs.joinpath(root, 'pg-flux.toml'))
  else
    health.warn('no pg-flux.toml found (in the running clients\' roots, above the current file or directory)', {
      'The server starts in a directory with pg-flux.toml (its root marker): create one at the project root',
    })
  end

  if not vim.lsp.is_enabled or not vim.lsp.is_enabled('pg_flux') then
    health.warn("the pg_flux config is not enabled", { "vim.lsp.enable('pg_flux')" })
  end
  local clients = vim.lsp.get_clients({ name = 'pg_flux' })
  if #clients == 0 then
    health.info('no pg_flux client is running (open a .sql file in the project)')
  else
    for _, client in ipairs(clients) do
      health.ok(('client %d running, root %s'):format(client.id, client.root_dir or '(none)'))
    end
  end
end

return M
