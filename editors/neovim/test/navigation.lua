-- End to end, in a real headless Neovim 0.11: completion, references and rename through
-- Neovim's own LSP machinery, against the real `pg-flux lsp` and a real PostgreSQL
-- (editors/test-fixture/app.sql in a throwaway cluster, tests/src/bin/testdb.rs).
--
--   PGFLUX_BIN=… PGFLUX_TESTDB=… nvim --headless --clean -l editors/neovim/test/navigation.lua
--
-- Dumps the database into an empty workspace, takes app.audit out of the source (live only) and
-- declares app.refunds (pending); completes after `app.` and `app.customers.`; lists the
-- references of the column app.customers.name; renames it to full_name with
-- vim.lsp.buf.rename() (Neovim applies the edit, :wall writes it); then :PgFluxGenerateMigration
-- and `pg-flux migrate generate` write the same migration, psql applies it, and the rows keep
-- their values.

local here = vim.fs.dirname(vim.fs.abspath(debug.getinfo(1, 'S').source:sub(2)))
local H = dofile(vim.fs.joinpath(here, 'harness.lua'))
local check, equal, wait, read = H.check, H.equal, H.wait, H.read

local function run()
  local server = H.binary('PGFLUX_BIN', 'pg-flux')
  local db = H.database('app.sql')

  -- An empty workspace (pg-flux.toml reads the URL from the environment), the database dumped
  -- into it by the command line.
  local root = H.tempdir()
  H.write(vim.fs.joinpath(root, 'pg-flux.toml'), read(vim.fs.joinpath(H.fixture, 'workspace', 'pg-flux.toml')))
  vim.env.PGFLUX_E2E_DATABASE_URL = db.url
  vim.env.DATABASE_URL = nil
  local dumped = H.run({ server, 'dump' }, { cwd = root })
  check(dumped:match('^Dumped 7 object%(s%) into schema %(6 file%(s%)%)%.\n$'), 'dump: ' .. dumped)
  local function path(rel)
    return vim.fs.joinpath(root, rel)
  end
  local function relative(file)
    return file:sub(#root + 2)
  end
  -- The hotfix nobody wrote to source, and a table declared but not created yet.
  check(os.remove(path('schema/tables/app.audit.sql')), 'no schema/tables/app.audit.sql')
  H.write(path('schema/tables/app.refunds.sql'), 'CREATE TABLE app.refunds (id bigint, order_id bigint);\n')

  vim.opt.runtimepath:prepend(H.plugin_root)
  vim.cmd('filetype on')
  vim.cmd('runtime! plugin/pg_flux.lua')
  vim.lsp.config('pg_flux', { cmd = { server, 'lsp' } })
  vim.lsp.enable('pg_flux')

  local customers = path('schema/tables/app.customers.sql')
  vim.cmd.edit(vim.fn.fnameescape(customers))
  wait('the pg_flux client', 10000, function()
    return #vim.lsp.get_clients({ bufnr = 0, name = 'pg_flux' }) == 1
  end)
  local client = vim.lsp.get_clients({ bufnr = 0, name = 'pg_flux' })[1]
  local caps = client.server_capabilities
  equal(caps.completionProvider.triggerCharacters, { '.' }, 'completion trigger characters')
  check(caps.referencesProvider, 'no referencesProvider')
  check(type(caps.renameProvider) == 'table' and caps.renameProvider.prepareProvider, 'no prepareRename: ' .. vim.inspect(caps.renameProvider))

  -- The inspection has read the database: :PgFluxVerify reports after its progress end.
  vim.cmd('PgFluxVerify')
  wait(':PgFluxVerify', 30000, function()
    return H.last_message('verify:') ~= nil
  end)
  local said = H.last_message('verify:')
  check(said == 'pg-flux: verify: 1 undeclared live object(s) (:copen to list them, :PgFluxPull to pull them).', said)

  -- A new file (never saved) holding `text`, then an unclosed `(` on the next line: the server
  -- has read the text once it reports that syntax error.
  local probes = 0
  local function probe(text)
    probes = probes + 1
    vim.cmd.edit(vim.fn.fnameescape(path(('probe-%d.sql'):format(probes))))
    local buf = vim.api.nvim_get_current_buf()
    vim.api.nvim_buf_set_lines(buf, 0, -1, false, { text, '(' })
    wait('the syntax error of ' .. text, 15000, function()
      return #vim.tbl_filter(function(d)
        return d.code == 'syntax-error'
      end, vim.diagnostic.get(buf)) > 0
    end)
    return buf
  end

  -- Completion at the end of the line, as Neovim sends it when `.` is typed.
  local function complete(text)
    local buf = probe(text)
    local answer
    client:request('textDocument/completion', {
      textDocument = { uri = vim.uri_from_bufnr(buf) },
      position = { line = 0, character = #text },
      context = { triggerKind = 2, triggerCharacter = '.' },
    }, function(err, result)
      answer = { err = err, result = result }
    end, buf)
    wait('completion after ' .. text, 15000, function()
      return answer ~= nil
    end)
    check(not answer.err, vim.inspect(answer.err))
    local items = answer.result.items or answer.result
    table.sort(items, function(a, b)
      return a.sortText < b.sortText
    end)
    vim.cmd('bwipeout!')
    return vim.tbl_map(function(item)
      return item.label .. ' (' .. (item.labelDetails and item.labelDetails.description or '') .. ')'
    end, items)
  end
  equal(complete('SELECT * FROM app.'), {
    'audit (live only)',
    'customers (declared)',
    'named (declared)',
    'orders (declared)',
    'refunds (pending)',
  }, 'completion after app.')
  equal(complete('SELECT app.customers.'), { 'id (declared)', 'name (declared)' }, 'completion after app.customers.')

  -- References of the column name, from its declaration, through vim.lsp.buf.references().
  vim.cmd.edit(vim.fn.fnameescape(customers))
  equal(vim.api.nvim_buf_get_lines(0, 2, 3, false), { '    name text NOT NULL,' }, 'line 3 of the table')
  local function references(include_declaration)
    local listed
    vim.api.nvim_win_set_cursor(0, { 3, 4 })
    vim.lsp.buf.references({ includeDeclaration = include_declaration }, {
      on_list = function(list)
        listed = list.items
      end,
    })
    wait('the references', 15000, function()
      return listed ~= nil
    end)
    return vim.tbl_map(function(item)
      return ('%s:%d:%d:%d:%s'):format(relative(item.filename), item.lnum, item.col, item.end_col, item.text)
    end, listed)
  end
  equal(references(true), {
    'schema/indexes/app.customers.sql:1:59:63:CREATE INDEX customers_name ON app.customers USING btree (name);',
    'schema/tables/app.customers.sql:3:5:9:    name text NOT NULL,',
    'schema/views/app.named.sql:3:5:9:    name',
  }, 'references of app.customers.name')
  equal(references(false), {
    'schema/indexes/app.customers.sql:1:59:63:CREATE INDEX customers_name ON app.customers USING btree (name);',
    'schema/views/app.named.sql:3:5:9:    name',
  }, 'references of app.customers.name without its declaration')

  -- A live-only table cannot be renamed: prepareRename says why.
  local refused = probe('SELECT now() FROM app.audit;')
  vim.api.nvim_win_set_cursor(0, { 1, 22 })
  vim.lsp.buf.rename('journal', { name = 'pg_flux' })
  wait('the refused rename', 15000, function()
    return H.last_message('prepareRename') ~= nil
  end)
  said = H.last_message('prepareRename')
  check(said == 'Error on prepareRename: app.audit is live only: pull it into the source to rename it', said)
  vim.api.nvim_buf_delete(refused, { force = true })

  -- Rename the column as a user does: the prompt offers the name, the user types full_name.
  vim.cmd.edit(vim.fn.fnameescape(customers))
  vim.api.nvim_win_set_cursor(0, { 3, 6 })
  local prompted
  vim.ui.input = function(opts, on_confirm)
    prompted = opts
    on_confirm('full_name')
  end
  local table_buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf.rename(nil, { name = 'pg_flux' })
  wait('the rename applied', 15000, function()
    return vim.api.nvim_buf_get_lines(table_buf, 3, 4, false)[1] == '    full_name text NOT NULL,'
  end)
  equal(prompted, { prompt = 'New Name: ', default = 'name' }, 'the rename prompt')
  local modified = {}
  for _, buf in ipairs(vim.api.nvim_list_bufs()) do
    if vim.bo[buf].modified then
      table.insert(modified, relative(vim.api.nvim_buf_get_name(buf)))
    end
  end
  table.sort(modified)
  equal(modified, {
    'schema/indexes/app.customers.sql',
    'schema/tables/app.customers.sql',
    'schema/views/app.named.sql',
  }, 'the buffers the rename changed')
  vim.cmd('silent wall')
  equal(read(customers), table.concat({
    'CREATE TABLE app.customers (',
    '    id bigint NOT NULL,',
    '    -- pg-flux: renamed from name',
    '    full_name text NOT NULL,',
    '    CONSTRAINT customers_pkey PRIMARY KEY (id)',
    ');',
    'ALTER TABLE app.customers OWNER TO postgres;',
    '',
  }, '\n'), 'schema/tables/app.customers.sql')
  equal(read(path('schema/indexes/app.customers.sql')), 'CREATE INDEX customers_name ON app.customers USING btree (full_name);\n', 'the index')
  equal(read(path('schema/views/app.named.sql')), table.concat({
    'CREATE VIEW app.named AS',
    ' SELECT id,',
    '    full_name AS name',
    '   FROM app.customers;',
    'ALTER VIEW app.named OWNER TO postgres;',
    '',
  }, '\n'), 'schema/views/app.named.sql')

  -- The migration: the hotfix table is dropped by hand first (the migration would drop what
  -- the source does not declare); then a rename, the pending table, nothing dropped.
  H.psql(db, 'DROP TABLE app.audit')
  -- PostgreSQL 18 names NOT NULL constraints, after the column: the rename renames it too.
  local named_not_null = tonumber(H.psql(db, 'SHOW server_version_num')) >= 180000
  -- The header names the source as it was given: relative from the command line, absolute
  -- from the server.
  local expected = {
    '-- pg-flux migrate generate --label migration',
    '-- Takes the live database to the source in %s.',
    '-- Runs in one transaction: if any statement fails, the database is left as it was.',
    '',
    'BEGIN;',
    '',
    'CREATE TABLE app.refunds (',
    '    id bigint,',
    '    order_id bigint',
    ');',
    '',
    'ALTER TABLE app.customers RENAME COLUMN name TO full_name;',
    '',
  }
  if named_not_null then
    vim.list_extend(expected, {
      'ALTER TABLE app.customers RENAME CONSTRAINT customers_name_not_null TO customers_full_name_not_null;',
      '',
    })
  end
  vim.list_extend(expected, { 'COMMIT;', '' })
  expected = table.concat(expected, '\n')

  -- From the editor: :PgFluxGenerateMigration, the server opens the file.
  vim.cmd('PgFluxGenerateMigration')
  wait(':PgFluxGenerateMigration', 60000, function()
    return H.last_message('generated') ~= nil
  end)
  said = H.last_message('generated')
  local shown = vim.api.nvim_buf_get_name(0)
  check(said == ('pg-flux: generated %s (%s statement(s)).'):format(vim.fn.fnamemodify(shown, ':~:.'), named_not_null and 3 or 2), said)
  check(relative(shown):match('^migrations/%d+_%d+_migration%.sql$'), 'shown: ' .. shown)
  equal(read(shown), expected:format(path('schema')), shown)
  vim.cmd('bwipeout!')
  check(os.remove(shown), shown)

  client:stop()
  wait('the client to stop', 10000, function()
    return client:is_stopped()
  end)

  -- From the command line, as CI runs it.
  local generated = H.run({ server, 'migrate', 'generate' }, { cwd = root })
  local file, statements = generated:match('Generated: (%S+) %((%d+) statements%)')
  check(file, 'migrate generate: ' .. generated)
  file = path(file)
  local migration = read(file)
  equal(migration, expected:format('schema'), file)
  equal(statements, named_not_null and '3' or '2', 'the statements counted')
  check(not migration:match('DROP'), migration)
  H.psql(db, nil, { file = file })
  equal(H.psql(db, "SELECT string_agg(id || '=' || full_name, ',' ORDER BY id) FROM app.customers"), '1=ada,2=grace\n', 'the rows')
  -- The database is the source now.
  os.remove(file)
  generated = H.run({ server, 'migrate', 'generate' }, { cwd = root })
  check(generated:match('%(0 statements%)'), 'after the migration: ' .. generated)

  vim.fn.delete(root, 'rf')
end

H.main('neovim-navigation', run)
