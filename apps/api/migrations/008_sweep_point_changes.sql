-- When a sweep point last changed (docs/sweep.md §8): its state, attempts, result or issues. `GET …/sweeps/{id}?since=`
-- answers only the points changed at or after its cursor, by this column. Every UPDATE of a point's state sets it to
-- clock_timestamp() (src/jobs/sweepQueue.ts, src/repo/sweeps.ts): the clock when the row is written, not when its
-- transaction began, so the gap to its commit is as small as can be. A heartbeat renews the lease only and leaves it.
-- Rows that exist already get the migration's time: a reader with an older cursor is sent them once more.

alter table sweep_points add column changed_at timestamptz not null default clock_timestamp();

create index sweep_points_changed on sweep_points (sweep_id, changed_at);
