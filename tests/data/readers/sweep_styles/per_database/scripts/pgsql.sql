CREATE TABLE galette_adherents (
  id_adh integer NOT NULL,
  nom_adh character varying(50) DEFAULT '' NOT NULL,
  PRIMARY KEY (id_adh)
);
