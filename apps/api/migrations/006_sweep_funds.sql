-- Sweeps started over the API belong to a fund (docs/sweep.md §8): the fund, the stored scenario version it varies, who
-- started it, and when it was cancelled. A sweep queued by `fundladder sweep --database-url` has no fund (null): no
-- route shows it. Cancelling fails the points not yet finished with the issue `cancelled` (the states of 005 stay).

alter table sweeps add column fund_id text references funds (id);
alter table sweeps add column scenario_version_id bigint references scenario_versions (id);
alter table sweeps add column created_by text;
alter table sweeps add column cancelled_at timestamptz;
-- The paths' summary the result reports (check, planning, seed, distinct), kept so that reading a sweep draws nothing.
alter table sweeps add column paths jsonb;
alter table sweeps add constraint sweeps_fund_has_version check ((fund_id is null) = (scenario_version_id is null));

create index sweeps_fund on sweeps (fund_id, id) where fund_id is not null;
