-- Policy sweeps spread over worker processes (docs/sweep.md §5): a sweep is a row, each of its points a job row claimed
-- like a run (docs/api.md §3, §9): `FOR UPDATE SKIP LOCKED` under a lease that the holder renews; only the lease holder
-- can finish a point; a point whose worker died is claimed again when its lease has run out.

create table sweeps (
  id bigserial primary key,
  -- sha256 of the canonical request and the code version: the same sweep asked for again finds this row.
  sweep_key text not null unique,
  -- The checked request (scenario JSON inline, parameters by their schema names, options): what every worker runs.
  request jsonb not null,
  -- The forecast paths every point shares, by fingerprint: a worker draws them from the request and must get this.
  paths_fingerprint text not null,
  code_version text not null,
  points integer not null check (points >= 1),
  created_at timestamptz not null default now()
);

create table sweep_points (
  sweep_id bigint not null references sweeps (id),
  point_index integer not null check (point_index >= 0),
  -- The point's values by parameter, and the key its result is stored under (docs/sweep.md §4).
  point jsonb not null,
  point_key text not null,
  state text not null default 'queued' check (state in ('queued', 'running', 'done', 'failed')),
  result jsonb,
  issues jsonb,
  lease_owner text,
  lease_until timestamptz,
  attempts integer not null default 0,
  started_at timestamptz,
  finished_at timestamptz,
  primary key (sweep_id, point_index),
  check ((state = 'done') = (result is not null))
);

create index sweep_points_queue on sweep_points (sweep_id, point_index) where state in ('queued', 'running');
