-- Imitates an org-chart / bill-of-materials service on PostgreSQL 14+: recursive views with SEARCH BREADTH/DEPTH FIRST and CYCLE clauses, a bill-of-materials explosion function, and SQL-standard bodies.
-- min-major: 14
CREATE TABLE public.parts (id integer PRIMARY KEY, name text NOT NULL, unit_cost numeric(10,2) NOT NULL DEFAULT 0);
CREATE TABLE public.bom (
  parent_id integer NOT NULL REFERENCES public.parts,
  child_id integer NOT NULL REFERENCES public.parts,
  qty numeric(10,3) NOT NULL CHECK (qty > 0),
  PRIMARY KEY (parent_id, child_id)
);
CREATE VIEW public.bom_explosion AS
  WITH RECURSIVE x(root_id, part_id, qty, depth) AS (
    SELECT b.parent_id, b.child_id, b.qty::numeric, 1 FROM public.bom b
    UNION ALL
    SELECT x.root_id, b.child_id, x.qty * b.qty, x.depth + 1 FROM x JOIN public.bom b ON b.parent_id = x.part_id
  ) SEARCH DEPTH FIRST BY part_id SET path_order
    CYCLE part_id SET is_cycle USING cycle_path
  SELECT root_id, part_id, qty, depth, is_cycle FROM x ORDER BY path_order;
CREATE TABLE public.staff (id integer PRIMARY KEY, manager_id integer REFERENCES public.staff, name text NOT NULL);
CREATE VIEW public.staff_levels AS
  WITH RECURSIVE chain AS (
    SELECT id, manager_id, name, 0 AS level FROM public.staff WHERE manager_id IS NULL
    UNION ALL
    SELECT s.id, s.manager_id, s.name, c.level + 1 FROM public.staff s JOIN chain c ON s.manager_id = c.id
  ) SEARCH BREADTH FIRST BY id SET ord
  SELECT id, name, level FROM chain ORDER BY ord;
CREATE FUNCTION public.rolled_up_cost(p_part integer) RETURNS numeric LANGUAGE sql STABLE
BEGIN ATOMIC
  SELECT coalesce(sum(e.qty * p.unit_cost), 0) FROM public.bom_explosion e JOIN public.parts p ON p.id = e.part_id WHERE e.root_id = p_part AND NOT e.is_cycle;
END;
