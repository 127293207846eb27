-- A calendar period, unless its code is there already.
INSERT INTO dim_period (period_code, grain, year, month_from, month_to, start_date, end_date)
VALUES (@Code, @Grain, @Year, @MonthFrom, @MonthTo, @StartDate, @EndDate)
ON CONFLICT (period_code) DO NOTHING
