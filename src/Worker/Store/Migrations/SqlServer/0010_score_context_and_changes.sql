-- A score's words beside its reasons: the account's context (contract, plan, tenure, renewal) and what moved the score
-- since a week earlier (JSON array of ScoreReason), for the dashboard's account page. Empty for scores stored before.
ALTER TABLE scores ADD context NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_scores_context DEFAULT '';
ALTER TABLE scores ADD changes NVARCHAR(MAX) COLLATE Latin1_General_100_BIN2 NOT NULL CONSTRAINT df_scores_changes DEFAULT '[]';
