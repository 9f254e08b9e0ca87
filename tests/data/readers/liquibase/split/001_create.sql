--liquibase formatted sql

--changeset carol:create-patient
CREATE TABLE patient (
  id BIGINT PRIMARY KEY,
  name VARCHAR(64),
  passport_no VARCHAR(20),
  diagnosis VARCHAR(255)
);
