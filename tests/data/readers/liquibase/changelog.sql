--liquibase formatted sql

--changeset alice:1
CREATE TABLE customer (
  id BIGINT PRIMARY KEY,
  full_name VARCHAR(100) NOT NULL,
  id_card VARCHAR(18),
  phone VARCHAR(20)
);
--rollback DROP TABLE customer;

--changeset alice:2
ALTER TABLE customer DROP COLUMN id_card;

--changeset bob:3
ALTER TABLE customer MODIFY id_card VARCHAR(32);
ALTER TABLE customer MODIFY phone VARCHAR(32);

--changeset bob:4
ALTER TABLE customer ADD COLUMN email VARCHAR(120);
ALTER TABLE customer DROP COLUMN email;
ALTER TABLE customer ADD COLUMN email VARCHAR(255);
