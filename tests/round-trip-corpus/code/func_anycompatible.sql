-- anycompatible family (13+): a coalescing helper that accepts int and numeric together.
CREATE SCHEMA compat;
CREATE FUNCTION compat.pick(a anycompatible, b anycompatible) RETURNS anycompatible
  LANGUAGE sql IMMUTABLE AS 'SELECT coalesce(a, b)';
CREATE FUNCTION compat.append(arr anycompatiblearray, x anycompatible) RETURNS anycompatiblearray
  LANGUAGE sql IMMUTABLE AS 'SELECT arr || x';
CREATE FUNCTION compat.nonarr(x anycompatiblenonarray, y anycompatible) RETURNS anycompatible
  LANGUAGE sql AS 'SELECT x';
CREATE FUNCTION compat.rng(r anycompatiblerange, x anycompatible) RETURNS boolean
  LANGUAGE sql AS 'SELECT r @> x';
CREATE VIEW compat.uses AS SELECT compat.pick(1, 2.5) AS p, compat.append(ARRAY[1.5, 2.5], 3) AS a;
