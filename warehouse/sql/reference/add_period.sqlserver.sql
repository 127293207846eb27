INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date)
SELECT @Code, @Grain, @Year, @MonthFrom, @MonthTo, @StartDate, @EndDate
WHERE NOT EXISTS (SELECT 1 FROM dim_period WITH (UPDLOCK, HOLDLOCK) WHERE period_code = @Code)
