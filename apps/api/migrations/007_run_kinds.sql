-- The run kinds issue 13 added to the application layer (docs/tender.md, docs/audit.md): tender, replay and
-- auditInterest. 001 listed the kinds of its day, so the API accepted such a run (runRequest.ts checks the kind against
-- the app layer's JOB_KINDS) and then failed to store it (HTTP 500). The list is the app layer's JOB_KINDS again.
alter table runs drop constraint runs_kind_check;
alter table runs add constraint runs_kind_check check (kind in ('auditInterest', 'backtest', 'compare', 'evaluate', 'forecast', 'interest', 'optimize', 'replay', 'tender', 'validate'));
