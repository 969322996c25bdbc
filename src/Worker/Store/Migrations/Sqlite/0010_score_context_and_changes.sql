-- A score's words beside its reasons: the account's context (contract, plan, tenure, renewal) and what moved the score
-- since a week earlier (JSON array of ScoreReason), for the dashboard's account page. Empty for scores stored before.
ALTER TABLE scores ADD COLUMN context TEXT NOT NULL DEFAULT '';
ALTER TABLE scores ADD COLUMN changes TEXT NOT NULL DEFAULT '[]';
