-- The pg-flux language server for Neovim 0.11+ (`:help lsp-config`).
--
--   vim.lsp.enable('pg_flux')
--
-- Override any field with vim.lsp.config('pg_flux', { ... }), e.g. the binary
-- (cmd = { '/path/to/pg-flux', 'lsp' }) or the server's settings, which take precedence over
-- pg-flux.toml:
--   settings = { ['pg-flux'] = { databaseUrl = 'postgres://…', schemaDir = 'db', searchPath = { 'app' } } }

---@type vim.lsp.Config
return {
  cmd = { 'pg-flux', 'lsp' },
  filetypes = { 'sql' },
  root_markers = { 'pg-flux.toml' },
  -- Neovim applies documentChanges but does not announce it; announced, pg-flux's pull and
  -- dump edit buffers (undoable, saved by you) instead of writing files behind your back.
  capabilities = { workspace = { workspaceEdit = { documentChanges = true } } },
}
