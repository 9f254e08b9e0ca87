CREATE TABLE IF NOT EXISTS public.patients (
  id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  aliases text[] NOT NULL DEFAULT '{}',
  diagnosis varchar(200) CHECK (length(diagnosis) > 0),
  born date,
  CONSTRAINT p_uk UNIQUE (aliases)
) PARTITION BY RANGE (born);
