--liquibase formatted sql

--changeset carol:drop-passport
ALTER TABLE patient DROP COLUMN passport_no;
