-- Funds, scenarios with immutable versions, and runs (each also a job: queued → running → done | failed | cancelled).
-- docs/api.md §1–3. Money inside stored documents is a decimal string (the wire codec's form), never a float.

create table funds (
  id text primary key check (id ~ '^[a-z0-9][a-z0-9-]{0,62}$'),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now()
);

create table scenarios (
  id bigserial primary key,
  fund_id text not null references funds (id),
  name text not null check (length(name) between 1 and 200),
  created_at timestamptz not null default now(),
  unique (fund_id, name)
);

-- A version is never changed or deleted: an edit is a new version (the trigger below refuses UPDATE and DELETE).
create table scenario_versions (
  id bigserial primary key,
  scenario_id bigint not null references scenarios (id),
  version integer not null check (version >= 1),
  body jsonb not null,
  body_hash text not null,
  note text,
  created_by text,
  created_at timestamptz not null default now(),
  unique (scenario_id, version)
);

create function refuse_change() returns trigger language plpgsql as $$
begin
  raise exception '% is append-only: % refused', tg_table_name, tg_op using errcode = 'P0001';
end $$;

create trigger scenario_versions_immutable before update or delete on scenario_versions
  for each row execute function refuse_change();

-- A run: the request as received (scenario versions resolved to their ids), its hash, the code that ran it, and its
-- state as a job. An identical request (same hash) returns the stored run instead of running again.
create table runs (
  id bigserial primary key,
  fund_id text not null references funds (id),
  kind text not null check (kind in ('validate', 'evaluate', 'forecast', 'backtest', 'optimize', 'compare', 'interest')),
  scenario_version_ids bigint[] not null,
  request jsonb not null,
  request_hash text not null,
  code_version text not null,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed', 'cancelled')),
  progress jsonb,
  result jsonb,
  issues jsonb,
  cancel_requested boolean not null default false,
  lease_owner text,
  lease_until timestamptz,
  attempts integer not null default 0,
  created_by text,
  created_at timestamptz not null default now(),
  started_at timestamptz,
  finished_at timestamptz,
  check ((state = 'done') = (result is not null))
);

-- One live or finished run per request: a second identical request finds it (failed and cancelled runs may be retried).
create unique index runs_request_once on runs (fund_id, request_hash) where state in ('queued', 'running', 'done');
create index runs_queue on runs (created_at) where state = 'queued';
create index runs_fund on runs (fund_id, id desc);
