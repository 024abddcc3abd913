-- pg-flux commands: :PgFluxDump, :PgFluxPull, :PgFluxVerify, :PgFluxGenerateMigration (through
-- the pg_flux language server's workspace/executeCommand). `:checkhealth pg_flux` checks the setup.

if vim.g.loaded_pg_flux then
  return
end
vim.g.loaded_pg_flux = true

local commands = {
  PgFluxDump = { 'dump', 'Dump the database into the schema directory (asks before overwriting)' },
  PgFluxPull = { 'pull', 'Pull every undeclared live object into _pulled/' },
  PgFluxVerify = { 'verify', 'Inspect the database now and report undeclared objects' },
  PgFluxGenerateMigration = { 'generate_migration', 'Generate a migration from the source (files on disk) and open it' },
}

for name, spec in pairs(commands) do
  vim.api.nvim_create_user_command(name, function()
    require('pg_flux')[spec[1]]()
  end, { desc = spec[2] })
end
