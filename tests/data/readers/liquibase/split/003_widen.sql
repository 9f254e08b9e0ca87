--liquibase formatted sql

--changeset dave:widen-columns
ALTER TABLE patient ALTER COLUMN passport_no TYPE VARCHAR(40);
ALTER TABLE patient ALTER COLUMN diagnosis TYPE TEXT;
