-- Companies get GestSup's hour limits beside the ticket limits (hours of work a period).
ALTER TABLE companies ADD COLUMN limit_hour_number INTEGER NOT NULL DEFAULT 0;   -- 0 = no limit
ALTER TABLE companies ADD COLUMN limit_hour_days INTEGER NOT NULL DEFAULT 0;
ALTER TABLE companies ADD COLUMN limit_hour_date_start TEXT;
